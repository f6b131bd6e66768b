#!/usr/bin/env python3
"""Cost of training through our session (callbacks, reporter, NaN guard, pause/stop checks) vs a bare fit.

The same experiment is trained alternately by TrainingSession and by plain Keras (load data, build, compile,
fit, evaluate) on the same thread, several rounds; prints the ratio of median times. Target: <= 1.03.
Usage: python bench/train_overhead.py [--preset lenet5] [--epochs 2] [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from models.spec.presets import get_preset  # noqa: E402
from models.engine.events import RecordingReporter  # noqa: E402
from models.engine.session import TrainingSession  # noqa: E402


def bare_run(experiment) -> float:
    import keras

    from models.spec.build import build_model
    from models.data import load_dataset
    from models.engine.recipe import make_optimizer
    from models.families.supervised.recipe import resolve_loss
    from models.spec.catalog import last_activation

    t0 = time.perf_counter()
    cfg = experiment.training
    keras.backend.clear_session()
    keras.utils.set_random_seed(cfg.seed)
    data = load_dataset(experiment.dataset, experiment.dataset_options, seed=cfg.seed)
    model = build_model(experiment.networks["main"])
    loss = resolve_loss(cfg.loss, data.info.task, model.output_shape, last_activation(experiment.networks["main"]))
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate), loss=loss, metrics=["accuracy"])
    model.fit(data.x_train, data.y_train, batch_size=cfg.batch_size, epochs=cfg.epochs, shuffle=True, verbose=0,
              validation_data=(data.x_val, data.y_val))
    model.evaluate(data.x_test, data.y_test, batch_size=max(cfg.batch_size, 256), verbose=0)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default="lenet5")
    parser.add_argument("--dataset", default="mnist-offline")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    exp = get_preset(args.preset).make(args.dataset)
    exp.training.epochs = args.epochs
    session = TrainingSession()
    ours, bare = [], []
    try:
        session.submit(bare_run, exp).result()  # warm-up: imports, kernels, caches
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            result = session.start(exp, RecordingReporter()).result()
            ours.append(time.perf_counter() - t0)
            assert result.status == "finished", result.message
            bare.append(session.submit(bare_run, exp).result())
    finally:
        session.shutdown(10)
    print(f"preset {args.preset} on {args.dataset}, {args.epochs} epochs, {args.rounds} alternating rounds")
    print(f"session: {', '.join(f'{t:.2f}' for t in ours)} s; bare fit: {', '.join(f'{t:.2f}' for t in bare)} s")
    print(f"overhead ratio: {statistics.median(ours) / statistics.median(bare):.3f}")


if __name__ == "__main__":
    main()
