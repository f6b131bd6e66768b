#!/usr/bin/env python3
"""How soon the window is on screen, against how long `import tensorflow` alone takes.

Each pair starts two fresh processes, in alternating order: one opens the app as `main.py` does (run_app, with
its own empty settings and run folders) and reports when the window's first frame is painted and when Start can
train (the worker has TensorFlow loaded and the project is validated); the other only imports tensorflow. Both
are timed from just before the process is started, so the interpreter's own start counts on both sides.
Prints the medians and `paint / import tensorflow` (target <= 0.35), with the range over pairs.

    python bench/startup.py [--pairs 6]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _child_window() -> None:
    """Open the window like main.py; print the times of its first frame and of Start being able to train."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from gui.app import run_app, wait_until  # noqa: F401  (run_app imports the GUI as main.py does)

    marks: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint_started" not in marks:
                marks["paint_started"] = time.time()
                # runs after the paint pass that is under way: the whole first frame is drawn by then
                QTimer.singleShot(0, lambda: marks.setdefault("painted", time.time()))
            return False

    def on_shown(window: Any) -> None:
        marks["shown"] = time.time()
        watcher = FirstPaint(window)
        from PySide6.QtWidgets import QApplication
        QApplication.instance().installEventFilter(watcher)

        def poll() -> None:
            ready = (window.controller.device != "" and not window.validation_pending
                     and window.training.start.isEnabled())
            if ready and "painted" in marks:
                marks["ready"] = time.time()
                Path(os.environ["LAYERWISE_BENCH_OUT"]).write_text(json.dumps(marks))  # the app may own stdout
                window.close_without_asking()
                os._exit(0)
        timer = QTimer(window)
        timer.timeout.connect(poll)
        timer.start(20)

    run_app(on_shown=on_shown)


def _child_tf() -> None:
    import tensorflow  # noqa: F401
    Path(os.environ["LAYERWISE_BENCH_OUT"]).write_text(json.dumps({"imported": time.time()}))


def _run(kind: str, home: str) -> dict[str, float]:
    marks = Path(home) / f"{kind}.json"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), TF_CPP_MIN_LOG_LEVEL="3",
               XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CACHE_HOME=os.path.join(home, "cache"), HOME=home, LAYERWISE_BENCH_OUT=str(marks))
    t0 = time.time()
    out = subprocess.run([sys.executable, __file__, "--child", kind], env=env, capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    if out.returncode != 0 or not marks.is_file():
        raise SystemExit(f"{kind} child failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return {k: v - t0 for k, v in json.loads(marks.read_text()).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--child", choices=("window", "tf"))
    args = parser.parse_args()
    if args.child == "window":
        _child_window()
        return
    if args.child == "tf":
        _child_tf()
        return

    paints: list[float] = []
    readies: list[float] = []
    imports: list[float] = []
    ratios: list[float] = []
    for i in range(args.pairs):
        with tempfile.TemporaryDirectory(prefix="layerwise-startup-") as home:
            order = ("window", "tf") if i % 2 == 0 else ("tf", "window")
            got = {kind: _run(kind, home) for kind in order}
        paint, imported = got["window"]["painted"], got["tf"]["imported"]
        paints.append(paint)
        readies.append(got["window"]["ready"])
        imports.append(imported)
        ratios.append(paint / imported)
        print(f"pair {i + 1}: first paint {paint:.2f} s, Start can train {got['window']['ready']:.2f} s, "
              f"import tensorflow {imported:.2f} s", flush=True)
    print(f"first paint:       median {statistics.median(paints):.2f} s")
    print(f"Start can train:   median {statistics.median(readies):.2f} s")
    print(f"import tensorflow: median {statistics.median(imports):.2f} s")
    print(f"paint / import tensorflow: median {statistics.median(ratios):.3f} "
          f"(range {min(ratios):.3f}-{max(ratios):.3f}; target <= 0.35)")


if __name__ == "__main__":
    main()
