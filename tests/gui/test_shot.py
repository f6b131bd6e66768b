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
