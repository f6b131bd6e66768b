#!/usr/bin/env python3
"""Does the window stay responsive while a CNN trains, and what does drawing cost the training?

A 10 ms QTimer on the GUI thread records how late each tick fires while the `cnn` preset trains on MNIST
with every plot open. The same training also runs with no window (session only); runs alternate.
Prints `ui stall p99: X ms, max: Y ms` and `throughput ratio: R` (window / no window, samples per second).
Targets: p99 <= 20 ms, max <= 100 ms, ratio >= 0.97.
Usage: python bench/ui_latency.py [--epochs 1] [--rounds 2] [--limit 2000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def throughput(events) -> float:
    from models.training.events import EpochEnd

    epochs = [e for e in events if isinstance(e, EpochEnd)]
    return sum(e.samples for e in epochs) / sum(e.seconds for e in epochs)


def headless(session, exp) -> float:
    from models.training.events import RecordingReporter

    rec = RecordingReporter()
    session.start(exp, rec).result()
    return throughput(rec.events)


def windowed(app, exp) -> tuple[float, list[float]]:
    import tempfile

    from gui.app import wait_until
    from gui.main_window import MainWindow
    from models.training.events import EpochEnd

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, preset="cnn")
    win.document.new(exp)
    win.resize(1480, 920)
    win.show()
    wait_until(lambda: not win.validation_pending, 120)
    for dock in win.docks.values():  # "all plots open": every panel that applies is visible
        if dock.toggleViewAction().isEnabled():
            dock.show()
    # Let the panels just shown lay out and paint once: that is the cost of opening them, not of training.
    wait_until(lambda: False, 1.0)
    epochs: list[EpochEnd] = []
    win.controller.epoch_ended.connect(epochs.append)
    lateness: list[float] = []
    clock = QElapsedTimer()
    interval = 10
    state = {"last": 0}

    def tick() -> None:
        now = clock.elapsed()
        if state["last"]:
            lateness.append(max(0, now - state["last"] - interval))
        state["last"] = now

    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(tick)
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    win.controller.run_ended.connect(lambda _result: loop.quit())
    clock.start()
    timer.start()
    win.start_training()
    loop.exec()  # a real event loop, as in the app: no polling sleeps of our own
    timer.stop()
    win.document.undo_stack.setClean()
    win.document._training_dirty = False
    win.close()
    win.controller.shutdown(10)
    return throughput(epochs), lateness


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="training examples (default: all 3,500 offline)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from gui import theme
    from models.presets import get_preset
    from models.training.session import TrainingSession

    theme.apply(app)
    exp = get_preset("cnn").make("mnist-offline")
    exp.training.epochs = args.epochs
    if args.limit:
        exp.dataset_options = {"limit": args.limit}
    session = TrainingSession()
    bare, ui, lateness = [], [], []
    try:
        headless(session, exp)  # warm-up
        for _ in range(args.rounds):
            bare.append(headless(session, exp))
            rate, late = windowed(app, exp)
            ui.append(rate)
            lateness.extend(late)
    finally:
        session.shutdown(10)
    lateness.sort()
    p99 = lateness[int(0.99 * (len(lateness) - 1))] if lateness else float("nan")
    print(f"{len(lateness)} timer ticks over {args.rounds} windowed runs of cnn ({args.epochs} epoch(s) each)")
    print(f"throughput no window: {', '.join(f'{r:.0f}' for r in bare)} samples/s; "
          f"window: {', '.join(f'{r:.0f}' for r in ui)} samples/s")
    print(f"ui stall p99: {p99:.1f} ms, max: {max(lateness) if lateness else float('nan'):.1f} ms")
    print(f"throughput ratio: {statistics.median(ui) / statistics.median(bare):.3f}")


if __name__ == "__main__":
    main()
