"""Faults inside a run: a probe that raises does not end the training it looks at (its result says why);
an exception inside any family's train step becomes a readable Failed event, and the session trains again."""
from __future__ import annotations

import pytest

from models.engine.events import PROBE_ERROR, Failed, Finished, ProbeResult, RecordingReporter
from models.engine.probe import Probe
from models.engine.session import TrainingSession
from models.spec.presets import get_preset


class Broken(Probe):
    name = "broken"
    interval_s = 0.0

    def __init__(self, where: str = "compute") -> None:
        self.where = where
        self.calls = 0

    def on_start(self, model) -> None:
        if self.where == "start":
            raise RuntimeError("no sub-model for you")

    def compute(self, model) -> dict:
        self.calls += 1
        raise ValueError("the probe\nis broken")


class Fine(Probe):
    name = "fine"
    interval_s = 0.0

    def compute(self, model) -> dict:
        return {"ok": 1.0}


@pytest.fixture
def session():
    s = TrainingSession()
    yield s
    assert s.shutdown(timeout=10)


@pytest.mark.parametrize("where", ["compute", "start"])
def test_a_probe_that_raises_leaves_the_run_going_and_says_why(session, where):
    exp = get_preset("mlp").make("gates-xor")
    exp.training.epochs = 3
    rec = RecordingReporter()
    broken = Broken(where)
    result = session.start(exp, rec, [broken, Fine()]).result(timeout=120)
    assert result.status == "finished" and rec.of(Finished)
    errors = [e for e in rec.of(ProbeResult) if e.name == "broken"]
    assert errors and all(PROBE_ERROR in e.payload for e in errors)
    first = errors[0].payload[PROBE_ERROR]
    if where == "compute":
        assert first.startswith("ValueError: the probe is broken")
        assert broken.calls == 3  # given up after three failures in a row, although it was due every batch
        assert "not tried again" in errors[-1].payload[PROBE_ERROR]
    else:
        assert first.startswith("RuntimeError: no sub-model for you") and broken.calls == 0 and len(errors) == 1
    steps = max(e.step for e in rec.of(ProbeResult))
    fine = [e for e in rec.of(ProbeResult) if e.name == "fine"]
    assert len(fine) >= steps  # the other probe kept running every batch


def _family_experiments():
    """One small experiment per family (the preset of each, on its smallest data, one short epoch)."""
    picks = {"supervised": ("mlp", "gates-xor"), "localize": ("localize", None), "recurrent": ("rnn", "memory-20"),
             "gan": ("gan", "mnist-offline"), "vae": ("vae", "mnist-offline"), "word2vec": ("skipgram", None)}
    return picks


@pytest.mark.parametrize("preset, dataset", list(_family_experiments().values()),
                         ids=list(_family_experiments()))
def test_an_exception_in_each_familys_train_step_is_a_readable_failure(session, monkeypatch, preset, dataset):
    """The fault is injected into the first train step of whatever model the family built (a plain
    keras.Model for supervised, localize and recurrent; the GAN, VAE and word2vec models' own train_step)."""
    import keras

    exp = get_preset(preset).make(dataset)
    exp.training.epochs = 1
    exp.options.pop("classifier_check", None)
    calls = {"n": 0}
    real = keras.Model.make_train_function

    def broken_make_train_function(self, force=False):
        train = real(self, force)

        def step(iterator):
            calls["n"] += 1
            raise FloatingPointError("injected fault in the train step")
        self.train_function = step
        return step if train is not None else step
    monkeypatch.setattr(keras.Model, "make_train_function", broken_make_train_function)
    rec = RecordingReporter()
    result = session.start(exp, rec).result(timeout=300)
    assert result.status == "failed" and calls["n"] == 1
    failure = rec.of(Failed)[0]
    assert failure.kind == "error" and failure.message == "FloatingPointError: injected fault in the train step"
    monkeypatch.undo()
    again = get_preset("mlp").make("gates-xor")
    again.training.epochs = 1
    assert session.start(again, RecordingReporter()).result(timeout=120).status == "finished"
