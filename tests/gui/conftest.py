"""Shared GUI fixtures: an offscreen MainWindow with throwaway settings, joined and checked for leaks."""
import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import wait_until  # noqa: E402,F401  (re-exported for tests)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _visible_top_levels():
    return {w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowType().name != "ToolTip"
            and w.metaObject().className() not in ("QTipLabel",)}


@pytest.fixture
def make_window(qtbot, settings):
    """Factory: make_window(preset="mlp") -> a shown MainWindow whose first validation has arrived."""
    from gui import theme
    from gui.main_window import MainWindow

    theme.apply(QApplication.instance())
    before = _visible_top_levels()
    windows = []

    def make(preset: str = "mlp", wait: bool = True):
        win = MainWindow(settings=settings, preset=preset)
        win.resize(1280, 800)
        win.show()
        windows.append(win)
        if wait:
            assert wait_until(lambda: not win.validation_pending, 60), "first validation never arrived"
        return win

    yield make
    for win in windows:
        win.close_without_asking()
        assert win.controller.shutdown(timeout=15), "worker thread did not stop"
        win.deleteLater()  # closed windows would otherwise pile up and slow every later test
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    # Collect the deleted windows' Python wrappers here, on the GUI thread: left as garbage, they would be
    # collected by whichever thread runs gc next, e.g. the next worker's keras clear_session, and PySide
    # destructors on a non-GUI thread can deadlock with the event loop.
    gc.collect()
    leaked = _visible_top_levels() - before - set(windows)
    assert not leaked, f"leaked top-level widgets: {leaked}"


@pytest.fixture
def window(make_window):
    return make_window("mlp")
