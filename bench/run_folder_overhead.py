#!/usr/bin/env python3
"""Cost of the run folder (history.csv, TensorBoard scalars, last/best .keras checkpoints every epoch) on training.

The same experiment is trained alternately with and without its run folder by one TrainingSession, several
rounds after a warm-up run; prints the throughput ratio (median time without / median time with, so 1.0 means
free and 0.97 means 3% slower) and the time to write one checkpoint of the trained model. Target: ratio >= 0.97
(a cost <= 3%) on the cnn preset. Since two runs of the same experiment on a shared 2-core machine differ by more
than that, it also prints the time spent inside the folder's own code (its callback and writes, timed where they
run, on the training thread): a ratio by direct accounting that does not depend on a quiet machine.
Usage: python bench/run_folder_overhead.py [--preset cnn] [--epochs 3] [--rounds 4]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)

from models.engine.events import RecordingReporter  # noqa: E402
from models.engine.loop import Run  # noqa: E402
from models.engine.run_folder import RunFolder  # noqa: E402
from models.engine.session import TrainingSession  # noqa: E402
from models.spec.presets import get_preset  # noqa: E402


INSIDE = {"seconds": 0.0}


def _account() -> None:
    """Times every call into the run folder's callback and the folder's writes outside the callback."""
    from models.engine import callbacks, run_folder

    def wrap(owner: type, name: str) -> None:
        inner = getattr(owner, name)

        def timed_call(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                INSIDE["seconds"] += time.perf_counter() - t0
        setattr(owner, name, timed_call)
    for name in ("on_train_begin", "on_train_batch_end", "on_epoch_end"):
        wrap(callbacks.RunFolderCallback, name)
    for name in ("make_new", "begin", "finish"):
        wrap(run_folder.RunFolder, name)


def timed(session: TrainingSession, run: Run) -> float:
    t0 = time.perf_counter()
    result = session.start_series([run], RecordingReporter()).result()
    assert result.status == "finished", result.message
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default="cnn")
    parser.add_argument("--dataset", default="mnist-offline")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    exp = get_preset(args.preset).make(args.dataset)
    exp.training.epochs = args.epochs
    root = tempfile.mkdtemp(prefix="layerwise-bench-runs-")
    session = TrainingSession()
    with_folder, without, inside = [], [], []
    _account()
    try:
        timed(session, Run(exp, record=False))  # warm-up: imports, kernels, caches
        for i in range(args.rounds):  # alternate the order so drift on a shared machine falls on both halves
            pair = [Run(exp, record=True, runs_root=root, keep_runs=2), Run(exp, record=False)]
            for run in pair if i % 2 == 0 else pair[::-1]:
                INSIDE["seconds"] = 0.0
                (with_folder if run.record else without).append(timed(session, run))
                if run.record:
                    inside.append(INSIDE["seconds"])

        def checkpoint_times(model) -> list[float]:
            folder = RunFolder(Path(root) / "checkpoint-timing")
            folder.path.mkdir()
            times = []
            for epoch in range(1, 6):
                t0 = time.perf_counter()
                folder.save_checkpoint(model, epoch, best=epoch == 1)
                times.append(time.perf_counter() - t0)
            return times
        ckpt = session.with_model(checkpoint_times, "train").result()
        size = (Path(root) / "checkpoint-timing" / "last.keras").stat().st_size
    finally:
        session.shutdown(10)
    ratio = statistics.median(without) / statistics.median(with_folder)
    print(f"preset {args.preset} on {args.dataset}, {args.epochs} epochs, {args.rounds} alternating rounds")
    print(f"with run folder: {', '.join(f'{t:.2f}' for t in with_folder)} s; "
          f"without: {', '.join(f'{t:.2f}' for t in without)} s")
    print(f"throughput ratio (with / without): {ratio:.3f}  target >= 0.97: {'PASS' if ratio >= 0.97 else 'FAIL'}")
    direct = statistics.median(without) / (statistics.median(without) + statistics.mean(inside))
    print(f"inside the run folder's code: {statistics.mean(inside):.3f} s per run, a ratio of {direct:.3f} by direct "
          f"accounting (target >= 0.97: {'PASS' if direct >= 0.97 else 'FAIL'})")
    print(f"one checkpoint (last.keras, {size / 1e6:.2f} MB): median {statistics.median(ckpt) * 1000:.0f} ms, "
          f"first (with best.keras copy) {ckpt[0] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
