#!/usr/bin/env python3
"""Cost of training through our session (callbacks, reporter, NaN guard, pause/stop checks) vs a bare fit.

The same experiment is trained in rounds, on the same thread, three ways: by TrainingSession; by plain Keras
on Keras' own array pipeline (what a Keras user writes: load, build, compile, fit, evaluate); and by plain
Keras on our array pipeline (models/engine/feed.py). Session against the second says what a user gains or
loses against their own script; session against the third isolates what our callbacks, reporter, run folder
and checks cost, since the input pipeline is the same. A fourth arm, the session without its run folder, shows
what the folder's writes cost (a fixed cost per run and a checkpoint per epoch, so their share is largest on
the shortest runs; bench/run_folder_overhead.py measures them on longer ones). Target <= 1.03 for the session
without the folder over the same pipeline. Rounds alternate the four to cancel the machine's drifts.
Usage: python bench/train_overhead.py [--preset lenet5] [--epochs 2] [--rounds 7]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from models.spec.presets import get_preset  # noqa: E402
from models.engine.events import RecordingReporter  # noqa: E402
from models.engine.loop import Run  # noqa: E402
from models.engine.session import TrainingSession  # noqa: E402


TARGET = 1.03


def bare_run(experiment, our_pipeline: bool = False) -> float:
    """What a Keras user would write for the experiment (load, build, compile, fit, evaluate), on Keras' array
    pipeline or on ours; seconds taken. bench/soak.py runs it too, for memory."""
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
    fit_kwargs = dict(batch_size=cfg.batch_size, epochs=cfg.epochs, shuffle=True, verbose=0,
                      validation_data=(data.x_val, data.y_val))
    if our_pipeline:
        from models.engine import feed

        x, y, fit_kwargs = feed.fit_inputs(data.x_train, data.y_train, fit_kwargs, seed=cfg.seed)
        model.fit(x, y, **fit_kwargs)
        feed.evaluate(model, data.x_test, data.y_test, batch_size=max(cfg.batch_size, 256))
    else:
        model.fit(data.x_train, data.y_train, **fit_kwargs)
        model.evaluate(data.x_test, data.y_test, batch_size=max(cfg.batch_size, 256), verbose=0)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default="lenet5")
    parser.add_argument("--dataset", default="mnist-offline")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    exp = get_preset(args.preset).make(args.dataset)
    exp.training.epochs = args.epochs
    session = TrainingSession()
    ours, bare, same, unrecorded = [], [], [], []
    runs_root = tempfile.mkdtemp(prefix="layerwise-bench-")
    try:
        session.submit(bare_run, exp).result()  # warm-up: imports, kernels, caches
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            # As the window trains: a run folder (history, TensorBoard, checkpoints), here in a scratch place.
            result = session.start_series([Run(exp, runs_root=runs_root, keep_runs=2)], RecordingReporter()).result()
            ours.append(time.perf_counter() - t0)
            assert result.status == "finished", result.message
            bare.append(session.submit(bare_run, exp).result())
            same.append(session.submit(bare_run, exp, True).result())
            t0 = time.perf_counter()  # the session with no run folder: what the folder's writes cost
            result = session.start_series([Run(exp, record=False)], RecordingReporter()).result()
            unrecorded.append(time.perf_counter() - t0)
            assert result.status == "finished", result.message
    finally:
        session.shutdown(10)
        shutil.rmtree(runs_root, ignore_errors=True)

    def times(values: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in values)
    print(f"preset {args.preset} on {args.dataset}, {args.epochs} epochs, {args.rounds} alternating rounds")
    print(f"session: {times(ours)} s; bare fit on Keras' pipeline: {times(bare)} s; bare fit on our pipeline: "
          f"{times(same)} s; session without a run folder: {times(unrecorded)} s")
    against_keras = statistics.median(ours) / statistics.median(bare)
    against_same = statistics.median(ours) / statistics.median(same)
    bare_session = statistics.median(unrecorded) / statistics.median(same)
    print(f"session / bare fit on Keras' pipeline: {against_keras:.3f} (what a user's own script would take)")
    print(f"session / bare fit on the same pipeline: {against_same:.3f} (callbacks, checks and the run folder)")
    print(f"session without a run folder / bare fit on the same pipeline: {bare_session:.3f} (what our callbacks "
          f"and checks cost; target <= {TARGET}: {'met' if bare_session <= TARGET else 'NOT met'})")
    print(f"the run folder's share: {against_same / bare_session:.3f} (history, TensorBoard, a checkpoint per "
          f"epoch)")


if __name__ == "__main__":
    main()
