"""Every preset in Design and Train and every lab, at the laptop (1366x768) and projector (1280x720) sizes: the run
controls are in sight and whole, the window does not grow past the screen, and no lab needs a scroll bar."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from gui.app import wait_idle, wait_until
from models.spec.presets import PRESETS

SIZES = [(1366, 768), (1280, 720)]


def _whole_in_window(widget: QWidget, window: QWidget) -> bool:
    """Shown, and its whole rectangle inside the window's (not cut by the tool bar's overflow or the edge)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    size = QWidget.size(widget)  # some labs have a "size" control of their own
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), size)
    return window.rect().contains(rect) and widget.visibleRegion().boundingRect().size() == size


def _controls_in_sight(win) -> list[str]:
    t = win.training
    return [name for name, w in (("Start", t.start), ("Continue", t.continue_), ("Pause", t.pause), ("Stop", t.stop),
                                 ("progress", t.progress)) if not _whole_in_window(w, win)]


def _visible_scroll_bars(widget: QWidget) -> list[str]:
    """The pages (scroll areas) of a lab that show a scroll bar; lists and tables scroll by nature."""
    return [type(area.widget()).__name__ for area in widget.findChildren(QScrollArea)
            for bar in (area.verticalScrollBar(), area.horizontalScrollBar()) if bar.isVisible() and bar.maximum() > 0]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_preset_and_lab_fits_with_the_run_controls_in_sight(make_window, size):
    win = make_window("cnn")
    win.resize(*size)
    QApplication.processEvents()
    problems: list[str] = []
    for name in PRESETS:
        win.load_preset(name)
        assert wait_until(lambda: not win.validation_pending, 60), name
        for mode in ("design", "train"):
            win.workspaces.switch(mode)
            QApplication.processEvents()
            if win.size().toTuple() != size:
                problems.append(f"{name} ({mode}): the window grew to {win.size().toTuple()}")
                win.resize(*size)
                QApplication.processEvents()
            missing = _controls_in_sight(win)
            if missing:
                problems.append(f"{name} ({mode}): {', '.join(missing)} out of sight")
        stage = win.host.placed_docks(labs=False)
        if not stage:
            problems.append(f"{name}: no live panel on the Train stage")
    for lab in win.host.labs:
        win.open_lab(lab)
        wait_idle(win, 60, settle=0.1)
        if win.size().toTuple() != size:
            problems.append(f"lab {lab.title}: the window grew to {win.size().toTuple()}")
            win.resize(*size)
            QApplication.processEvents()
        if not _whole_in_window(lab, win):
            problems.append(f"lab {lab.title}: not shown whole")
        bars = _visible_scroll_bars(lab)
        if bars:
            problems.append(f"lab {lab.title}: scroll bars in {bars}")
        missing = _controls_in_sight(win)
        if missing:
            problems.append(f"lab {lab.title}: {', '.join(missing)} out of sight")
        win.host.docks[lab].close()  # one lab at a time: each gets the page to itself
        QApplication.processEvents()
    assert not problems, "\n".join(problems)
