"""The NaN guard puts back the weights of the last step whose loss was finite (not zeros, not the start)."""
from __future__ import annotations

import numpy as np


def test_the_restored_weights_are_those_after_the_last_finite_step() -> None:
    import keras

    from models.engine.callbacks import NanGuard
    from models.engine.events import Failed, RecordingReporter

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="tanh"), keras.layers.Dense(1)])
    model.compile(keras.optimizers.SGD(0.1), "mse")
    x = np.random.default_rng(0).normal(size=(12, 2)).astype("float32")
    y = np.ones((12, 1), "float32")
    x[7] = np.nan  # batch 8 (batch size 1, no shuffling) has a NaN loss and makes every weight NaN

    seen: list[tuple[float, list[np.ndarray]]] = []

    class Recorder(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append((float(logs["loss"]), [w.copy() for w in self.model.get_weights()]))

    reporter = RecordingReporter()
    guard = NanGuard(reporter, snapshot_every_s=0.0)  # a snapshot after every finite step
    model.fit(x, y, batch_size=1, epochs=3, shuffle=False, verbose=0, callbacks=[Recorder(), guard])
    assert guard.tripped and len(seen) == 8 and not np.isfinite(seen[-1][0])
    assert not all(np.isfinite(w).all() for w in seen[-1][1])  # the bad step really broke the weights
    restored = model.get_weights()
    last_good = seen[-2][1]
    for got, want in zip(restored, last_good):
        np.testing.assert_array_equal(got, want)
    assert any(np.abs(w).sum() > 0 for w in restored)
    assert any(not np.array_equal(a, b) for a, b in zip(restored, seen[0][1]))  # later than the first step
    failure = reporter.of(Failed)[0]
    assert failure.kind == "nan" and "epoch 1, batch 7" in failure.message and "batch 8" in failure.message
