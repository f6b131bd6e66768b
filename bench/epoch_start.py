#!/usr/bin/env python3
"""How long an epoch takes to start, fed by Keras' own array pipeline vs ours (models/engine/feed.py).

The cnn preset on offline MNIST trains the same model in alternating fits of `--epochs` epochs: one on the
numpy arrays (Keras builds a tf.data pipeline with autotuning), one on `feed.fit_inputs` (autotuning off).
For every epoch after a fit's first (the first one traces the train step), it records the time from
`on_epoch_begin` to the end of the epoch's first batch, and the epoch's throughput.
Prints the median and the largest epoch start for each, and `throughput ratio` (ours / Keras', samples per
second over the same epochs). Targets: largest start <= 100 ms, ratio >= 1.0.

    python bench/epoch_start.py [--rounds 3] [--epochs 6]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()

    import keras

    from models.data import load_dataset
    from models.spec.presets import get_preset
    from models.engine.feed import fit_inputs
    from models.engine.recipe import get_recipe

    exp = get_preset("cnn").make("mnist-offline")
    cfg = exp.training
    keras.utils.set_random_seed(cfg.seed)
    prepared = get_recipe(exp.family)(exp, load_dataset(exp.dataset, exp.dataset_options, seed=cfg.seed))
    samples = len(prepared.x)

    class Clock(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.starts: list[float] = []
            self.seconds: list[float] = []

        def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
            self.t0 = time.perf_counter()
            self.first = True

        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            if self.first:
                self.first = False
                self.start = time.perf_counter() - self.t0

        def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
            if epoch:  # the first epoch of a fit also traces the train step
                self.starts.append(self.start * 1000)
                self.seconds.append(time.perf_counter() - self.t0)

        def rate(self) -> float:
            return samples * len(self.seconds) / sum(self.seconds)

    kwargs = {"batch_size": cfg.batch_size, "epochs": args.epochs, "shuffle": True, "verbose": 0,
              "validation_data": prepared.validation_data}
    keras_clock, ours_clock = Clock(), Clock()
    for _ in range(args.rounds):
        prepared.model.fit(prepared.x, prepared.y, callbacks=[keras_clock], **kwargs)
        x, y, fed = fit_inputs(prepared.x, prepared.y, kwargs, cfg.seed)
        prepared.model.fit(x, y, callbacks=[ours_clock], **fed)

    for name, clock in (("keras arrays", keras_clock), ("feed (ours)", ours_clock)):
        print(f"{name:13s} epoch start median {statistics.median(clock.starts):6.0f} ms, max "
              f"{max(clock.starts):6.0f} ms; {clock.rate():5.0f} samples/s over {len(clock.seconds)} epochs")
    ratio = ours_clock.rate() / keras_clock.rate()
    print(f"largest epoch start (ours): {max(ours_clock.starts):.0f} ms")
    print(f"throughput ratio: {ratio:.3f}")


if __name__ == "__main__":
    main()
