"""Run folders, continue, resume and the training callbacks, on a tiny moons network (a few seconds)."""
import csv
import json
import os

import pytest

from models.engine import run_folder as rf
from models.engine.events import EpochEnd, Finished, Notice, RecordingReporter, Started
from models.engine.loop import Run
from models.engine.session import TrainingSession
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig


@pytest.fixture
def session():
    s = TrainingSession()
    yield s
    assert s.shutdown(timeout=10)


def _moons(epochs=2, **training):
    layers = [LayerSpec("Dense", {"units": 8, "activation": "tanh"}),
              LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]
    return Experiment("supervised", {"main": NetworkSpec((2,), layers)}, "moons",
                      TrainingConfig("adam", 0.01, 32, epochs, seed=0, **training), dataset_options={"size": 120},
                      name="moons test")


def _history(path):
    with open(path / "history.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_data_dir_is_redirected_by_the_test_fixture(tmp_path):
    assert os.environ["LAYERWISE_DATA"] in str(rf.runs_root())
    assert not str(rf.runs_root()).startswith(os.path.expanduser("~/.local"))


def test_data_dir_honours_xdg(monkeypatch, tmp_path):
    from models.files import data_dir

    monkeypatch.delenv("LAYERWISE_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "layerwise"
    monkeypatch.setenv("XDG_DATA_HOME", "relative")
    assert data_dir().parts[-3:] == (".local", "share", "layerwise")


def test_a_run_writes_its_folder(session):
    rec = RecordingReporter()
    result = session.start(_moons(), rec).result(timeout=60)
    path = rf.runs_root() / "moons-test"
    (run,) = rf.list_runs(path)
    assert result.run_dir == str(run.path) and rec.of(Finished)[0].run_dir == str(run.path)
    assert run.state == "finished" and run.epochs == [1, 2] and run.status["device"] == "CPU"
    assert set(run.status["test"]) == {"loss", "accuracy"}
    assert {"loss", "val_loss", "accuracy", "learning_rate"} <= set(run.history)
    assert run.experiment().to_dict() == _moons().to_dict()
    assert (run.path / "last.keras").is_file() and (run.path / "best.keras").is_file()
    assert any(f.name.startswith("events.out.tfevents") for f in (run.path / "tensorboard").iterdir())


def test_continue_keeps_counting_epochs_and_optimizer_state(session):
    session.start(_moons(), RecordingReporter()).result(timeout=60)
    assert session.can_continue(_moons()) == ""
    iterations = session.with_model(lambda m: int(m.optimizer.iterations.numpy()), "train").result()
    rec = RecordingReporter()
    result = session.continue_training(_moons(epochs=2), rec).result(timeout=60)
    assert result.status == "finished" and result.epochs_done == 4
    assert [e.epoch for e in rec.of(EpochEnd)] == [3, 4] and rec.of(Started)[0].first_epoch == 3
    assert session.with_model(lambda m: int(m.optimizer.iterations.numpy()), "train").result() == 2 * iterations
    (run,) = rf.list_runs(rf.runs_root() / "moons-test")  # the same folder goes on
    assert run.epochs == [1, 2, 3, 4] and run.state == "finished"
    changed = _moons()
    changed.networks["main"].layers[0].params["units"] = 16
    assert "network changed" in session.can_continue(changed)


def test_resume_from_a_folder_counts_on_and_joins_history(session):
    session.start(_moons(), RecordingReporter()).result(timeout=60)
    (run,) = rf.list_runs(rf.runs_root() / "moons-test")
    status = json.loads((run.path / "status.json").read_text())
    status["status"] = "running"  # as a kill -9 leaves it
    (run.path / "status.json").write_text(json.dumps(status))
    assert [r.path for r in rf.interrupted_runs()] == [run.path]
    rec = RecordingReporter()
    result = session.start_series([Run(run.experiment(), resume=str(run.path))], rec).result(timeout=60)
    assert result.status == "finished", result.message
    assert [e.epoch for e in rec.of(EpochEnd)] == [3, 4]
    assert [int(r["epoch"]) for r in _history(run.path)] == [1, 2, 3, 4]
    assert rf.interrupted_runs() == []


def test_unwritable_folder_is_a_message_and_the_run_goes_on(session, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # a folder cannot be made under a file, even as root
    rec = RecordingReporter()
    result = session.start_series([Run(_moons(), runs_root=str(blocker / "runs"))], rec).result(timeout=60)
    assert result.status == "finished" and result.run_dir == "" and len(rec.of(EpochEnd)) == 2
    (notice,) = [n for n in rec.of(Notice) if n.kind == "run_folder"]
    assert "could not be written" in notice.message and "goes on without it" in notice.message


def test_full_disk_mid_run_turns_the_folder_off(session, monkeypatch):
    calls = {"n": 0}
    real = rf.atomic_write_text

    def flaky(path, text):
        calls["n"] += 1
        if path.name == "history.csv":
            raise OSError(28, "No space left on device", str(path))
        return real(path, text)
    monkeypatch.setattr(rf, "atomic_write_text", flaky)
    rec = RecordingReporter()
    result = session.start(_moons(), rec).result(timeout=60)
    assert result.status == "finished" and len(rec.of(EpochEnd)) == 2
    (notice,) = rec.of(Notice)
    assert "the disk is full" in notice.message


def test_keep_n_removes_the_oldest(tmp_path):
    project = tmp_path / "p"
    for i in range(5):
        (project / f"20260101-00000{i}-1").mkdir(parents=True)
        (project / f"20260101-00000{i}-1" / "experiment.json").write_text("{}")
    removed = rf.prune(project, 3)
    assert [p.name for p in removed] == ["20260101-000000-1", "20260101-000001-1"]
    assert sorted(p.name for p in project.iterdir()) == [f"20260101-00000{i}-1" for i in (2, 3, 4)]


def test_early_stopping_and_lr_schedule(session):
    rec = RecordingReporter()
    exp = _moons(epochs=6, lr_schedule="step", lr_decay=0.5, lr_step_epochs=2, early_stopping=1,
                 early_stopping_monitor="val_loss")
    exp.training.learning_rate = 5.0  # so large that val_loss gets worse at once: early stopping ends the run
    session.start(exp, rec).result(timeout=60)
    lrs = [e.metrics["learning_rate"] for e in rec.of(EpochEnd)]
    assert lrs[:2] == pytest.approx([5.0, 5.0]) and (len(lrs) < 3 or lrs[2] == pytest.approx(2.5))
    assert len(lrs) < 6 and any(n.kind == "early_stopping" for n in rec.of(Notice))


def test_cosine_schedule_and_reduce_on_plateau(session):
    rec = RecordingReporter()
    session.start(_moons(epochs=4, lr_schedule="cosine"), rec).result(timeout=60)
    lrs = [e.metrics["learning_rate"] for e in rec.of(EpochEnd)]
    assert lrs == pytest.approx([0.01, 0.01 * 0.5 * (1 + 0.7071067811865476), 0.005, 0.01 * 0.5 * (1 - 0.7071067811865476)])


def test_differences_name_what_changed():
    base = _moons().to_dict()
    other = _moons()
    other.training.learning_rate = 0.1
    other.networks["main"].layers.insert(1, LayerSpec("Dropout", {"rate": 0.5}))
    assert rf.differences(other.to_dict(), base) == ["lr 0.1", "+Dropout"]
    same_len = _moons()
    same_len.networks["main"].layers[0].params["units"] = 32
    assert rf.differences(same_len.to_dict(), base) == ["dense 32"]
    assert rf.differences(base, base) == []
