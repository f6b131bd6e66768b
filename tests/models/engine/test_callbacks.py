"""The callbacks every run uses: a paused probe runs only at the start and at epoch ends; Stop ends training and
the validation pass after it."""
from __future__ import annotations

import numpy as np


def test_a_paused_probe_runs_only_at_the_start_and_at_epoch_ends() -> None:
    """The window pauses the probes of a panel nobody can see; its picture is then at most an epoch old."""
    from models.engine.events import ProbeResult, RecordingReporter
    from models.engine.probe import Probe
    from models.engine.session import TrainingSession

    class Counter(Probe):
        interval_s = 0.0  # every batch while not paused

        def __init__(self, name: str, paused: bool) -> None:
            self.name, self.paused = name, paused

        def compute(self, model) -> dict:
            return {}

    from models.spec.presets import get_preset

    exp = get_preset("mlp").make("blobs")
    exp.training.epochs, exp.training.batch_size = 2, 64
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(exp, reporter, [Counter("seen", False), Counter("hidden", True)]).result(timeout=120)
    finally:
        session.shutdown()
    assert result.status == "finished", result.message
    steps = max(e.step for e in reporter.events if type(e).__name__ == "BatchEnd")
    counts = {name: sum(1 for e in reporter.of(ProbeResult) if e.name == name) for name in ("seen", "hidden")}
    assert counts == {"seen": 1 + steps + 2, "hidden": 1 + 2}


def test_stop_also_skips_the_rest_of_the_validation_pass() -> None:
    """After Stop, Keras would still run the epoch's whole validation pass (seconds): one batch is enough."""
    import keras

    from models.engine.callbacks import ControlCallback
    from models.engine.control import RunControl
    from models.engine.events import RecordingReporter

    class Count(keras.callbacks.Callback):
        def __init__(self, control: RunControl) -> None:
            super().__init__()
            self.control, self.test_batches = control, 0

        def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
            self.control.stop()  # Stop pressed during the first batch
            self.model.stop_training = True  # what Keras alone does with it: training ends, validation not

        def on_test_batch_end(self, batch: int, logs: dict | None = None) -> None:
            self.test_batches += 1

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(64, 3)).astype("float32"), rng.integers(0, 2, 64).astype("float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    for with_control, expected in ((True, 1), (False, 10)):
        control = RunControl()
        count = Count(control)
        callbacks = [count, ControlCallback(control, RecordingReporter())] if with_control else [count]
        model.fit(x, y, batch_size=8, epochs=3, validation_data=(np.repeat(x, 10, 0)[:640], np.repeat(y, 10)[:640]),
                  validation_batch_size=64, callbacks=callbacks, verbose=0)
        assert count.test_batches == expected
