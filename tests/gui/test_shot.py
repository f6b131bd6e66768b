"""`main.py shot`: the window rendered to a PNG, on the dataset asked for, for the README and for review."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402

from gui.app import shot  # noqa: E402


def test_shot_renders_the_window_on_the_chosen_dataset(tmp_path, monkeypatch):
    import models.preview as preview

    asked: list[str] = []
    real = preview.dataset_preview
    monkeypatch.setattr(preview, "dataset_preview", lambda name, *a, **k: asked.append(name) or real(name, *a, **k))
    out = shot("mlp", str(tmp_path / "w.png"), dataset="moons", size=(1200, 800))
    image = QImage(out)
    assert (image.width(), image.height()) == (1200, 800)
    assert asked == ["moons"]  # the preset's default dataset is never loaded first


def test_shot_after_training_waits_until_results_are_drawn(tmp_path, monkeypatch):
    import time

    import gui.panels.supervised.results as results_module
    from gui.panels.supervised.results import ResultsPanel

    real = results_module.evaluation_job

    def slow_job(exp):  # an evaluation slower than any fixed wait the shot might make
        job = real(exp)
        return lambda model: (time.sleep(1.5), job(model))[1]
    monkeypatch.setattr(results_module, "evaluation_job", slow_job)
    seen: list = []
    shot("mlp", str(tmp_path / "r.png"), dataset="moons", train_batches=5, size=(1366, 768), panel="Results",
         setup=seen.append)
    results = next(p for p in seen[0].panels if isinstance(p, ResultsPanel))
    # Rendered after the evaluation came back, not while Results still said "Evaluating on the test set …".
    assert results.results is not None and "Evaluating" not in results.gallery_title.text()
    assert results.results["matrix"].shape == (2, 2)


def test_shot_cli_refuses_a_bad_scale_or_size(tmp_path, capsys):
    import main

    assert main.main(["shot", "--out", str(tmp_path / "x.png"), "--scale", "9"]) == 2
    assert "--scale" in capsys.readouterr().err
    assert main.main(["shot", "--out", str(tmp_path / "x.png"), "--size", "10x10"]) == 2
    assert "--size" in capsys.readouterr().err and not (tmp_path / "x.png").exists()
