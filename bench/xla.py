#!/usr/bin/env python3
"""XLA (jit_compile) on the cnn against Keras' plain graph step, side by side: what compiling costs at the first
epoch, and what it gains per epoch after.

Each pair starts two fresh processes (`main.py train cnn --epochs 3 --json --xla on|off`) in alternating order.
The start cost is the first epoch's extra seconds (tracing plus, with XLA, compiling); the speed is the
samples per second of epochs 2 and 3. Prints the per-pair figures and their medians. Keras' own rule (`--xla
auto`) turns XLA on for a GPU and off for a CPU; on this machine's CPU the ratio says whether that rule is right
here.

    python bench/xla.py [--pairs 3]
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


def run(xla: str) -> tuple[float, float, str]:
    """(first epoch seconds, later samples per second, device)"""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    out = subprocess.run([sys.executable, "main.py", "train", "cnn", "--epochs", "3", "--json", "--no-run-folder",
                          "--xla", xla], cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    epochs = [e for e in events if e["event"] == "epoch"]
    if out.returncode != 0 or len(epochs) < 3:
        raise SystemExit(f"cnn --xla {xla} failed:\n{out.stderr[-2000:]}")
    later = sum(e["samples"] for e in epochs[1:]) / sum(e["seconds"] for e in epochs[1:])
    return epochs[0]["seconds"], later, events[-1]["device"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    speed, start = [], []
    device = ""
    for i in range(args.pairs):
        order = ("on", "off") if i % 2 == 0 else ("off", "on")
        got = {xla: run(xla) for xla in order}
        device = got["on"][2]
        speed.append(got["on"][1] / got["off"][1])
        start.append(got["on"][0] - got["off"][0])
        print(f"pair {i + 1}: first epoch {got['on'][0]:.2f} s with XLA, {got['off'][0]:.2f} s without; "
              f"later epochs {got['on'][1]:,.0f} vs {got['off'][1]:,.0f} samples/s (ratio {speed[-1]:.2f})",
              flush=True)
    print(f"device: {device}")
    print(f"XLA / plain throughput after the first epoch: median {statistics.median(speed):.2f} "
          f"(range {min(speed):.2f}-{max(speed):.2f}); extra seconds at the first epoch: median "
          f"{statistics.median(start):+.2f}")


if __name__ == "__main__":
    main()
