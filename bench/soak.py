#!/usr/bin/env python3
"""Memory over many runs in one process: does a long session leak?

A student who trains twenty times in one window must not watch the process grow without end. This bench
trains the same small experiment N times through our session (as the window does: the worker thread, the
reporter, the run folder) and N times as a bare Keras loop (clear_session, build, compile, fit, evaluate) in
the same process, the bare loop first, and prints the resident memory after each run and the growth per run
of each: a least-squares slope over the runs after the first few of each kind, which hold one-off caches
(graph tracing, kernels, the dataset, our imports). Target: our growth per run no worse than bare Keras' (+0.5 MB of noise); if
bare Keras itself grows, that growth is Keras' or TensorFlow's, not ours.

--trace also follows the bare loop's Python heap with tracemalloc and prints how much of its growth per run is
Python objects (and the module that holds most), the rest being TensorFlow's native runtime.

    python bench/soak.py [--runs 20] [--preset mlp] [--epochs 1] [--skip 3] [--trace]
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from models.engine.events import RecordingReporter  # noqa: E402
from models.engine.loop import Run  # noqa: E402
from models.engine.session import TrainingSession  # noqa: E402
from models.spec.presets import get_preset  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_overhead import bare_run  # noqa: E402  (the bare Keras loop both benches compare with)

NOISE_MB = 0.5  # per run; RSS moves by allocator pages, not bytes


def rss_mb() -> float:
    """Resident set size of this process, from /proc (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def slope(values: list[float]) -> float:
    """Least-squares growth per step of a series (MB per run)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    num = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    return num / sum((i - mean_x) ** 2 for i in range(n))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each kind (default 20)")
    parser.add_argument("--preset", default="mlp")
    parser.add_argument("--dataset", default="mnist-offline")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--skip", type=int, default=3, help="first runs left out of the slope (warm-up)")
    parser.add_argument("--trace", action="store_true", help="follow the bare loop's Python heap (slower)")
    args = parser.parse_args(argv)
    if args.runs < args.skip + 3 or args.epochs < 1 or args.skip < 0:
        parser.error("runs >= skip + 3, epochs >= 1, skip >= 0")
    experiment = get_preset(args.preset).make(args.dataset)
    experiment.training.epochs = args.epochs
    session = TrainingSession()
    ours: list[float] = []
    bare: list[float] = []
    print(f"preset {args.preset} on {args.dataset}, {args.epochs} epoch(s) per run, {args.runs} runs of each kind; "
          f"RSS at start {rss_mb():.0f} MB", flush=True)
    with tempfile.TemporaryDirectory(prefix="layerwise-soak-") as runs_root:
        try:
            heap: list[tracemalloc.Snapshot] = []
            for i in range(args.runs):
                session.submit(bare_run, experiment).result()
                gc.collect()
                bare.append(rss_mb())
                print(f"  bare Keras run {i + 1:2d}: {bare[-1]:7.1f} MB", flush=True)
                if args.trace and i + 1 in (args.skip, args.runs):
                    if not heap:
                        tracemalloc.start(8)
                    heap.append(tracemalloc.take_snapshot())
            if len(heap) == 2:
                tracemalloc.stop()
                grown = heap[1].compare_to(heap[0], "filename")
                python_mb = sum(stat.size_diff for stat in grown) / 1e6 / (args.runs - args.skip)
                top = max(grown, key=lambda stat: stat.size_diff)
                print(f"  bare Keras' Python heap grows {python_mb:+.2f} MB per run (most in "
                      f"{top.traceback[0].filename.split('site-packages/')[-1]}, {top.size_diff / 1e6:+.2f} MB in "
                      f"all); the rest of its RSS growth is native (TensorFlow's runtime)", flush=True)
            for i in range(args.runs):
                run = Run(experiment, runs_root=runs_root, keep_runs=3)
                result = session.start_series([run], RecordingReporter()).result()
                if result.status != "finished":
                    print(f"run {i + 1} {result.status}: {result.message}")
                    return 1
                gc.collect()
                ours.append(rss_mb())
                print(f"  session run    {i + 1:2d}: {ours[-1]:7.1f} MB", flush=True)
        finally:
            session.shutdown(10)
    ours_growth, bare_growth = slope(ours[args.skip:]), slope(bare[args.skip:])
    print(f"growth per run after the first {args.skip} of each: session {ours_growth:+.2f} MB, bare Keras "
          f"{bare_growth:+.2f} MB; whole run {bare[0]:.0f} -> {ours[-1]:.0f} MB")
    verdict = ours_growth <= bare_growth + NOISE_MB
    print(f"target: session's growth per run <= bare Keras' + {NOISE_MB} MB: {'met' if verdict else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
