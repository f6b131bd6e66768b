#!/usr/bin/env python3
"""How long from an edit in the editor to the located shape report, for a 20-layer network.

Each edit changes one parameter through the document (as the inspector does); we time until the window
receives the validation from the worker thread. Prints median and max in ms. Target: well under 100 ms.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from gui.app import wait_until
    from gui.main_window import MainWindow
    from models.specs import Experiment, LayerSpec, NetworkSpec

    layers = [LayerSpec("Conv2D", {"filters": 16, "padding": "same"}) for _ in range(10)]
    layers += [LayerSpec("GlobalAveragePooling2D")] + [LayerSpec("Dense", {"units": 32}) for _ in range(8)]
    layers += [LayerSpec("Dense", {"units": 10, "activation": "softmax"})]
    exp = Experiment("supervised", {"main": NetworkSpec((28, 28, 1), layers)}, "mnist-offline")
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings)
    win.document.new(exp)
    win.show()
    wait_until(lambda: not win.validation_pending, 120)
    times = []
    for i in range(30):
        t0 = time.perf_counter()
        win.document.set_param("main", 12, "units", 16 + i)
        wait_until(lambda: not win.validation_pending, 10)
        times.append((time.perf_counter() - t0) * 1000)
        assert win.reports["main"].ok
    win.document.undo_stack.setClean()
    win._closing = True
    win.close()
    win.controller.shutdown(5)
    print(f"{len(layers)} layers, {len(times)} edits: edit -> located shape report median "
          f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
