#!/usr/bin/env python3
"""What the live probes cost: the cnn preset on offline MNIST, probes on and off alternated within one run.

One `model.fit` runs blocks of batches; even blocks forward every batch to the real ProbeCallback (feature
maps of every conv/pool layer for one image, first-layer kernels), odd blocks skip it. Alternating inside one
run cancels slow drifts (other processes, CPU clocks) that separate runs would mix into the comparison.
Prints the total time of the probe-on blocks over the probe-off blocks (target <= 1.05), and, as a check that
does not depend on a quiet machine, the time measured inside the probes themselves relative to training.

That ratio is what a user gets, but it cannot say much about the probes: the callback stretches a slow probe's
interval so that it never takes more than ~1/20 of the time, so the target is met however slow a probe is.
A second pass therefore runs every probe at a fixed rate (every --every batches, the throttle bypassed) and
prints what one probe call costs and the ratio at that rate: a slower probe shows there.

    python bench/probe_overhead.py [--pairs 12] [--block-steps 40] [--batch-size N] [--every 10]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

TARGET = 1.05


class _Sink:
    """A reporter that only counts what the probes send."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, event: Any) -> None:
        self.count += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=12, help="on/off block pairs (default 12)")
    parser.add_argument("--block-steps", type=int, default=40, help="batches per block (default 40)")
    parser.add_argument("--batch-size", type=int, help="default: the preset's batch size")
    parser.add_argument("--warmup", type=int, default=5, help="batches before timing starts (graph tracing)")
    parser.add_argument("--every", type=int, default=10, help="fixed-rate pass: probes every N batches (default "
                                                               "10; 0 skips the pass)")
    args = parser.parse_args(argv)
    if args.pairs < 1 or args.block_steps < 2 or (args.batch_size is not None and args.batch_size < 1) or \
            args.warmup < 1 or args.every < 0:
        parser.error("pairs >= 1, block-steps >= 2, batch-size >= 1, warmup >= 1 and every >= 0")

    import keras
    import numpy as np

    from models.data import load_dataset
    from models.spec.presets import get_preset
    from models.families.supervised.probes import FeatureMapProbe, KernelProbe
    from models.engine.callbacks import ProbeCallback
    from models.engine.recipe import get_recipe

    exp = get_preset("cnn").make("mnist-offline")
    args.batch_size = args.batch_size or exp.training.batch_size
    exp.training.batch_size = args.batch_size
    keras.utils.set_random_seed(0)
    data = load_dataset(exp.dataset, seed=0)
    prepared = get_recipe(exp.family)(exp, data)
    model = prepared.model
    sink = _Sink()
    probe_list = [FeatureMapProbe(data.x_test[0]), KernelProbe()]
    spent = {"seconds": 0.0, "calls": 0}
    by_probe: dict[str, list[float]] = {probe.name: [0.0, 0] for probe in probe_list}  # seconds, calls
    for probe in probe_list:
        inner = probe.compute

        def timed(model: Any, _inner: Any = inner, _name: str = probe.name) -> dict[str, Any]:
            t = time.perf_counter()
            try:
                return _inner(model)
            finally:
                took = time.perf_counter() - t
                spent["seconds"] += took
                spent["calls"] += 1
                by_probe[_name][0] += took
                by_probe[_name][1] += 1
        probe.compute = timed  # type: ignore[method-assign]
    probes = ProbeCallback(probe_list, sink)
    total_steps = args.warmup + 2 * args.pairs * args.block_steps
    n = total_steps * args.batch_size
    idx = np.resize(np.arange(len(data.x_train)), n)

    def throttled(batch: int, logs: Any, pos: int) -> None:
        probes.on_train_batch_end(batch, logs)  # the real callback, its interval and throttle included

    def fixed_rate(batch: int, logs: Any, pos: int) -> None:
        if pos % args.every == 0:
            for probe in probe_list:
                probes._run(probe)  # noqa: SLF001 - the bench times the call the throttle would skip

    class Alternate(keras.callbacks.Callback):
        """Forwards batches to `forward` in 'on' blocks only and times every block."""

        def __init__(self, forward: Any) -> None:
            super().__init__()
            self.forward = forward
            self.step = 0
            self.times: dict[str, list[float]] = {"on": [], "off": []}
            self._t0 = 0.0

        def _block(self) -> tuple[int, int]:
            k = self.step - args.warmup
            return (k // args.block_steps, k % args.block_steps) if k >= 0 else (-1, -1)

        def on_train_begin(self, logs: Any = None) -> None:
            probes.set_model(self.model)
            probes.on_train_begin(logs)  # the sub-model is built once, as in real training

        def on_train_batch_begin(self, batch: int, logs: Any = None) -> None:
            block, pos = self._block()
            if pos == 0:
                self._t0 = time.perf_counter()

        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            block, pos = self._block()
            mode = "on" if block % 2 == 0 else "off"
            if block >= 0 and mode == "on":
                if pos == 0:
                    spent["seconds"], spent["calls"] = (0.0, 0) if block == 0 else (spent["seconds"],
                                                                                    spent["calls"])
                self.forward(batch, logs, pos)
            if block >= 0 and pos == args.block_steps - 1:
                self.times[mode].append(time.perf_counter() - self._t0)
            self.step += 1

    alt = Alternate(throttled)
    print(f"cnn preset, offline MNIST ({len(data.x_train)} training digits), batch {args.batch_size}: "
          f"{args.pairs} pairs of {args.block_steps}-batch blocks, probes on / off alternated", flush=True)
    t0 = time.perf_counter()
    model.fit(data.x_train[idx], data.y_train[idx], batch_size=args.batch_size, epochs=1, shuffle=False,
              verbose=0, callbacks=[alt])
    on, off = np.array(alt.times["on"]), np.array(alt.times["off"])
    for i, (a, b) in enumerate(zip(on, off), 1):
        print(f"  pair {i}: on {a:6.2f}s  off {b:6.2f}s  ratio {a / b:.3f}")
    ratio = float(on.sum() / off.sum())
    direct = 1.0 + spent["seconds"] / max(off.sum(), 1e-9)
    print(f"throughput with probes off: {args.block_steps * len(off) * args.batch_size / off.sum():.0f} images/s; "
          f"run {time.perf_counter() - t0:.1f}s; median pair ratio {float(np.median(on / off)):.3f}")
    print(f"time inside the probes during the on blocks: {spent['seconds'] * 1000:.0f} ms over {spent['calls']} "
          f"calls ({sink.count} results reported), i.e. a ratio of {direct:.3f} by direct accounting")
    print(f"probe overhead ratio: {ratio:.3f}  (all on blocks / all off blocks; target <= {TARGET}: "
          f"{'met' if ratio <= TARGET else 'NOT met'})")
    if args.every:
        spent["seconds"], spent["calls"] = 0.0, 0
        by_probe.update({name: [0.0, 0] for name in by_probe})
        fixed = Alternate(fixed_rate)
        model.fit(data.x_train[idx], data.y_train[idx], batch_size=args.batch_size, epochs=1, shuffle=False,
                  verbose=0, callbacks=[fixed])
        on, off = np.array(fixed.times["on"]), np.array(fixed.times["off"])
        per_call = spent["seconds"] / max(spent["calls"], 1)
        batch_s = float(off.sum()) / (len(off) * args.block_steps)
        print(f"fixed rate, every probe every {args.every} batches (no throttle): {per_call * 1000:.1f} ms per probe "
              f"call, a batch {batch_s * 1000:.1f} ms; ratio {float(on.sum() / off.sum()):.3f} (on / off blocks), "
              f"{1.0 + spent['seconds'] / max(off.sum(), 1e-9):.3f} by direct accounting")
        costs = {p.name: by_probe[p.name][0] / max(by_probe[p.name][1], 1) for p in probe_list}
        each = ", ".join(f"{p.name} {costs[p.name] * 1000:.1f} ms every {p.interval_s:g} s" for p in probe_list)
        share = sum(costs[p.name] / p.interval_s for p in probe_list)
        print(f"at the probes' own intervals ({each}) they would take {share * 100:.1f}% of the training "
              f"thread's time before any throttling (the throttle caps each at 5%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
