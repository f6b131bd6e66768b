"""Starting the app, and rendering it to a PNG without a screen (`main.py shot`)."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from typing import Any, Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def _app(lang: str | None = None, settings: QSettings | None = None) -> QApplication:
    """The application, with its translation installed before any widget exists (texts are set when made)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Layerwise")
        app.setOrganizationName("Layerwise")
        from . import desktop, theme
        app.setDesktopFileName(desktop.APP_ID)  # Wayland docks match the window to layerwise.desktop by this
        app.setWindowIcon(desktop.app_icon())
        theme.apply(app)
    if lang is not None or settings is not None:
        from . import i18n
        i18n.install(app, i18n.language_of(settings, lang))
    return app  # type: ignore[return-value]


def run_app(project: str | None = None, on_shown: Callable[[Any], None] | None = None, lang: str | None = None,
            devices: int = 0) -> int:
    """Open the window and run until it closes; `on_shown(window)` runs once it is shown (the desktop smoke
    test in .ci/ drives the app through it). `lang` (en, zh_CN) overrides View > Language and the system's;
    `devices` > 1 splits the CPU into logical devices, so runs train mirrored over them."""
    app = _app(lang, QSettings("Layerwise", "Layerwise"))  # MainWindow's own settings (APP_NAME)
    if devices > 1:
        from models.engine.distribute import request_devices
        request_devices(devices)
    from .main_window import MainWindow

    window = MainWindow(paint_first=True)
    window.exits_process = True
    window.show()
    window.font_notice()  # Chinese chosen, no Chinese font: which package to install
    window.runs.offer_interrupted()  # runs a crash or kill left unfinished: resume or dismiss
    if project:
        window.open_path(project, confirmed=True)
    if on_shown is not None:
        on_shown(window)
    code = app.exec()
    # The window has saved its settings and stopped the worker (closeEvent). Skip interpreter finalisation:
    # PySide6 and TensorFlow tearing down together can abort in C++ destructors, and a worker that did not
    # stop in time must never make quitting hang.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    """Process Qt events until predicate() is true or the timeout passes (for headless rendering and tests)."""
    app = QApplication.instance()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    app.processEvents()
    return predicate()


def wait_idle(window: Any, timeout: float = 120.0, settle: float = 0.3) -> bool:
    """Until the window has nothing left to show: no run, no validation, no worker call whose answer is still to
    be drawn (Results' evaluation, a probe), and that for `settle` seconds, so queued events and the redraws
    they schedule are done. A screenshot taken earlier showed 'Evaluating...'."""
    def idle() -> bool:
        return (not window.controller.running and window.controller.pending_calls == 0
                and not window.validation_pending)

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not wait_until(idle, max(0.0, deadline - time.monotonic())):
            return False
        wait_until(lambda: False, settle)
        if idle():
            return True
    return False


def shot(preset: str, out: str, dataset: str | None = None, train_batches: int = 0, size: tuple[int, int] =
         (1480, 920), select: int | None = None, lab: str | None = None, panel: str | None = None,
         setup: Callable[[Any], None] | None = None, scale: float = 1.0, lang: str = "en") -> str:
    """Render the main window to `out` (PNG); train `train_batches` batches first when asked.

    `scale` is the device pixel ratio (2 = a high-DPI screen: the PNG has twice the pixels of `size` a side). Qt
    fixes it when the application starts, so it applies only when this call creates the application. `lang` is
    the window's language (en, zh_CN)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if scale != 1.0 and QApplication.instance() is None:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    _app(lang)
    from models.spec.presets import get_preset

    from .main_window import MainWindow

    settings = QSettings(os.path.join(tempfile.mkdtemp(prefix="layerwise-shot-"), "settings.ini"),
                         QSettings.Format.IniFormat)
    exp = get_preset(preset).make(dataset)
    window = MainWindow(settings=settings, preset=preset, experiment=exp)
    window.resize(*size)
    window.show()
    if select is not None:
        window.document.select(next(iter(exp.networks)), select)
    if setup is not None:
        setup(window)
    wait_until(lambda: not window.validation_pending, 60)
    wait_until(lambda: window.training.preview.kind != "", 30)
    if train_batches > 0 and window.training.start.isEnabled():
        seen = {"n": 0, "ended": False}
        window.controller.batches.connect(lambda events: seen.__setitem__("n", seen["n"] + len(events)))
        window.controller.run_ended.connect(lambda result: seen.__setitem__("ended", True))
        window.start_training()
        wait_until(lambda: seen["n"] >= train_batches or not window.controller.running, 600)
        window.stop_training()
        wait_until(lambda: seen["ended"], 60)  # the panels' end-of-run work (Results evaluates) starts here
    if lab:
        window.open_lab_titled(lab)
    for p in window.host.built:  # the live panels that apply to the project
        if panel and p.title == panel and p.area != "lab":
            window.host.docks[p].raise_()
    wait_idle(window)
    window.grab().save(out, "PNG")
    window.close_without_asking()
    window.controller.shutdown(5)
    return out
