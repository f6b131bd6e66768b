#!/usr/bin/env python3
"""MirroredStrategy over two logical CPU devices against one device, on the cnn: samples per second.

On a CPU the two "devices" share the same cores, so the ratio is expected near 1 (or below: the strategy adds
its own work per step); the point of `--devices 2` is to run and teach the distributed path without GPUs. Each
pair starts two fresh processes (`main.py train cnn --epochs 2 --json`), one with `--devices 2 --strategy
mirrored` and one plain, in alternating order; throughput is the second epoch's (the first also traces the
step). Prints the per-pair ratios and their median.

    python bench/distribute.py [--pairs 3]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def throughput(*extra: str) -> tuple[float, dict]:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    out = subprocess.run([sys.executable, "main.py", "train", "cnn", "--epochs", "2", "--json", "--no-run-folder",
                          *extra], cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    epochs = [e for e in events if e["event"] == "epoch"]
    if out.returncode != 0 or len(epochs) < 2:
        raise SystemExit(f"cnn {' '.join(extra)} failed:\n{out.stderr[-2000:]}")
    return epochs[1]["samples"] / epochs[1]["seconds"], events[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    ratios = []
    for i in range(args.pairs):
        order = [("two", ("--devices", "2", "--strategy", "mirrored")), ("one", ())]
        if i % 2:
            order.reverse()
        rates = {}
        for name, extra in order:
            rates[name], finished = throughput(*extra)
            if name == "two":
                assert finished["replicas"] == 2, finished
        ratios.append(rates["two"] / rates["one"])
        print(f"pair {i + 1}: two replicas {rates['two']:,.0f} samples/s, one device {rates['one']:,.0f} samples/s, "
              f"ratio {ratios[-1]:.3f}", flush=True)
    print(f"--devices 2 (mirrored) / one device: median {statistics.median(ratios):.3f} "
          f"(range {min(ratios):.3f}-{max(ratios):.3f})")


if __name__ == "__main__":
    main()
