"""CLI: run folders, --resume with true epoch numbers, the callback flags (tiny moons project, in-process)."""
import json

import main
from models.engine.run_folder import list_runs
from tests.models.engine.test_run_folder import _moons


def _lines(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]


def test_run_dir_then_resume_counts_epochs_on(tmp_path, capsys):
    project = tmp_path / "moons.json"
    project.write_text(_moons().to_json())
    runs = tmp_path / "runs"
    assert main.main(["train", str(project), "--json", "--run-dir", str(runs), "--lr-schedule", "step"]) == 0
    finished = _lines(capsys)[-1]
    (run,) = list_runs(runs / "moons-test")
    assert finished["run_dir"] == str(run.path) and run.epochs == [1, 2]
    assert main.main(["train", "--resume", str(run.path), "--epochs", "2", "--json"]) == 0
    assert [e["epoch"] for e in _lines(capsys) if e["event"] == "epoch"] == [3, 4]
    (run,) = list_runs(runs / "moons-test")
    assert run.epochs == [1, 2, 3, 4] and run.state == "finished"
    assert run.experiment().training.lr_schedule == "step"


def test_bad_run_flags_exit_2(tmp_path, capsys):
    assert main.main(["train", "--resume", str(tmp_path)]) == 2
    assert "not a run folder" in capsys.readouterr().err
    assert main.main(["train", "cnn", "--lr-schedule", "warp"]) == 2
    assert "--lr-schedule" in capsys.readouterr().err
    assert main.main(["train", "cnn", "--early-stopping", "-1"]) == 2
    assert main.main(["train"]) == 2
    assert "needs a preset" in capsys.readouterr().err


def test_no_run_folder(tmp_path, capsys):
    project = tmp_path / "moons.json"
    project.write_text(_moons(epochs=1).to_json())
    assert main.main(["train", str(project), "--json", "--run-dir", str(tmp_path / "r"), "--no-run-folder"]) == 0
    assert _lines(capsys)[-1]["run_dir"] == "" and not (tmp_path / "r").exists()
