#!/usr/bin/env python3
"""How long from an edit in the editor to the located shape report, for a 20-layer network.

Each edit changes one parameter through the document (as the inspector does), alternately near the top and
near the bottom of the stack; we time until the window has drawn the report from the worker thread, inside a
real event loop. Prints median and max in ms. Target: well under 100 ms.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from gui.app import wait_until
    from gui.main_window import MainWindow
    from models.spec.experiment import Experiment, LayerSpec, NetworkSpec

    layers = [LayerSpec("Conv2D", {"filters": 16, "padding": "same"}) for _ in range(10)]
    layers += [LayerSpec("GlobalAveragePooling2D")] + [LayerSpec("Dense", {"units": 32}) for _ in range(8)]
    layers += [LayerSpec("Dense", {"units": 10, "activation": "softmax"})]
    exp = Experiment("supervised", {"main": NetworkSpec((28, 28, 1), layers)}, "mnist-offline")
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings)
    win.document.new(exp)
    win.show()
    wait_until(lambda: not win.validation_pending, 120)
    from PySide6.QtCore import QEventLoop, QTimer

    times = []
    arrived: dict[str, float] = {}
    loop = QEventLoop()

    def on_report(_result: object) -> None:
        arrived["t"] = time.perf_counter()
        QTimer.singleShot(0, loop.quit)  # after the window has drawn the report

    win.controller.validated.connect(on_report)
    for i in range(30):
        t0 = time.perf_counter()
        win.document.set_param("main", 12 if i % 2 else 3, "units" if i % 2 else "filters", 20 + i)
        loop.exec()
        times.append((time.perf_counter() - t0) * 1000)
        assert win.reports["main"].ok
    win.close_without_asking()
    win.controller.shutdown(5)
    top, bottom = times[0::2], times[1::2]
    print(f"{len(layers)} layers, {len(times)} edits: edit -> located shape report median "
          f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms (editing layer 4: median "
          f"{statistics.median(top):.1f} ms; editing layer 13: median {statistics.median(bottom):.1f} ms)")


if __name__ == "__main__":
    main()
