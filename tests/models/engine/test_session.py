import threading

import numpy as np
import pytest

from models.engine.events import BatchEnd, EpochEnd, Failed, Finished, Paused, RecordingReporter, Started
from models.engine.session import TrainingSession
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import get_preset


@pytest.fixture
def session():
    s = TrainingSession()
    yield s
    assert s.shutdown(timeout=10)


def _moons(epochs=3, lr=0.01, seed=0, batch=16):
    layers = [LayerSpec("Dense", {"units": 8, "activation": "tanh"}),
              LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]
    return Experiment("supervised", {"main": NetworkSpec((2,), layers)}, "moons",
                      TrainingConfig("adam", lr, batch, epochs, seed=seed), dataset_options={"size": 200})


def test_events_in_order_with_all_metrics(session):
    rec = RecordingReporter()
    result = session.start(_moons(), rec).result(timeout=60)
    assert result.status == "finished"
    assert isinstance(rec.events[0], Started) and isinstance(rec.events[-1], Finished)
    epochs = rec.of(EpochEnd)
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert {"loss", "accuracy", "val_loss", "val_accuracy"} <= set(epochs[0].metrics)
    assert all(e.seconds > 0 and e.samples == 140 for e in epochs)
    batches = rec.of(BatchEnd)
    assert len(batches) == 3 * 9 and batches[-1].step == 27
    assert set(rec.of(Finished)[0].test) == {"loss", "accuracy"}
    assert rec.of(Started)[0].device == "CPU"


def test_seed_makes_runs_repeatable(session):
    runs = []
    for _ in range(2):
        rec = RecordingReporter()
        session.start(_moons(epochs=2, seed=7), rec).result(timeout=60)
        runs.append([e.loss for e in rec.of(BatchEnd)])
    np.testing.assert_allclose(runs[0], runs[1], rtol=1e-6)


def test_stop_takes_effect_within_one_batch(session):
    stop_at = 5
    seen = []

    class Stopper(RecordingReporter):
        def report(self, event):
            super().report(event)
            if isinstance(event, BatchEnd):
                seen.append(event.step)
                if event.step == stop_at:
                    session.stop()

    rec = Stopper()
    result = session.start(_moons(epochs=50), rec).result(timeout=60)
    assert result.status == "stopped"
    assert max(seen) == stop_at
    assert rec.of(Finished)[0].stopped_early


def test_pause_blocks_training_until_resume(session):
    paused = threading.Event()

    class Pauser(RecordingReporter):
        def report(self, event):
            super().report(event)
            if isinstance(event, BatchEnd) and event.step == 3:
                session.pause()
            if isinstance(event, Paused) and event.paused:
                paused.set()

    rec = Pauser()
    future = session.start(_moons(epochs=2), rec)
    assert paused.wait(30)
    steps_when_paused = len(rec.of(BatchEnd))
    assert not future.done()
    threading.Event().wait(0.4)
    assert len(rec.of(BatchEnd)) == steps_when_paused  # nothing trained while paused
    assert session.paused
    session.resume()
    assert future.result(timeout=60).status == "finished"
    assert len(rec.of(BatchEnd)) == 18


def test_nan_loss_stops_and_keeps_last_good_weights(session):
    exp = _moons(epochs=20, lr=1e12)
    exp.networks["main"].layers[0].params["activation"] = "relu"
    exp.networks["main"].layers[1].params["activation"] = "linear"
    exp.training.loss = "mse"
    exp.training.optimizer = "sgd"
    rec = RecordingReporter()
    result = session.start(exp, rec).result(timeout=60)
    assert result.status == "failed"
    failure = rec.of(Failed)[0]
    assert failure.kind == "nan" and "learning rate" in failure.message
    weights = session.with_model(lambda m: m.get_weights()).result(timeout=30)
    assert all(np.isfinite(w).all() for w in weights)
    assert len(rec.of(EpochEnd)) < 20


def test_build_and_data_errors_are_readable(session):
    bad = _moons()
    bad.networks["main"].layers.insert(0, LayerSpec("Conv2D"))
    rec = RecordingReporter()
    assert session.start(bad, rec).result(timeout=60).status == "failed"
    assert rec.of(Failed)[0].kind == "build" and "layer 1 (Conv2D)" in rec.of(Failed)[0].message
    missing = _moons()
    missing.dataset = "nope"
    rec = RecordingReporter()
    session.start(missing, rec).result(timeout=60)
    assert rec.of(Failed)[0].kind == "data"
    mismatch = get_preset("mlp").make("gates-xor")
    mismatch.dataset = "mnist-offline"
    mismatch.dataset_options = {}
    rec = RecordingReporter()
    session.start(mismatch, rec).result(timeout=60)
    assert "input" in rec.of(Failed)[0].message


def test_only_one_run_at_a_time(session):
    future = session.start(_moons(epochs=30), RecordingReporter())
    with pytest.raises(RuntimeError):
        session.start(_moons(), RecordingReporter())
    session.stop()
    future.result(timeout=60)


def test_work_runs_on_one_thread(session):
    names = {session.submit(lambda: threading.current_thread().name).result() for _ in range(5)}
    thread_names = []

    class Where(RecordingReporter):
        def report(self, event):
            thread_names.append(threading.current_thread().name)

    session.start(_moons(epochs=1), Where()).result(timeout=60)
    assert len(names) == 1 and set(thread_names) == names
