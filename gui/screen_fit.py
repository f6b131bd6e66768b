"""The window's first size and place, and remembered geometry, fitted to the screen it opens on.

Students' laptops and lecture-hall projectors are often 1366x768 or 1280x720: a window larger than the screen
runs off its edges, taking the run controls with it. The window frame (title bar, borders) is unknown until
the window manager has decorated the window, so room for a typical one is kept free around it.
"""
from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# A generous title bar and borders (GNOME ~37 px, KDE ~30, Windows ~31 + 8 px borders, macOS 28).
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)


def fit_rect(client: QRect, available: QRect, frame: QMargins = FRAME_ALLOWANCE,
             minimum: QSize | None = None) -> QRect:
    """`client` (the window without its frame), shrunk and moved so that it and its frame lie in `available`.

    Never smaller than `minimum`: a window that cannot fit keeps its title bar on the screen (top left).
    A client rect that already fits is returned unchanged, so a window the user placed stays where it was.
    """
    room = available.marginsRemoved(frame)
    minimum = minimum or QSize(0, 0)
    width = max(min(client.width(), room.width()), minimum.width())
    height = max(min(client.height(), room.height()), minimum.height())
    x = min(max(client.x(), room.left()), room.left() + room.width() - width)
    y = min(max(client.y(), room.top()), room.top() + room.height() - height)
    return QRect(max(x, room.left()), max(y, room.top()), width, height)


def centred_rect(preferred: QSize, available: QRect, frame: QMargins = FRAME_ALLOWANCE,
                 minimum: QSize | None = None) -> QRect:
    """A client rect of `preferred` size (or as much of it as fits), centred in `available` with its frame."""
    room = available.marginsRemoved(frame)
    size = preferred.boundedTo(room.size()).expandedTo(minimum or QSize(0, 0))
    top_left = room.center() - QPoint(size.width() // 2, size.height() // 2) + QPoint(1, 1)
    return fit_rect(QRect(top_left, size), available, frame, minimum)


def _screen_for(window: QWidget, rect: QRect | None = None) -> QScreen | None:
    """The screen under `rect`'s centre, else the one under the mouse pointer, else the primary screen."""
    return ((QGuiApplication.screenAt(rect.center()) if rect is not None else None)
            or QGuiApplication.screenAt(QCursor.pos()) or window.screen() or QGuiApplication.primaryScreen())


def _minimum(window: QWidget) -> QSize:
    return window.minimumSize().expandedTo(window.minimumSizeHint())


def place_new(window: QWidget, preferred: QSize) -> None:
    """First start: `preferred` size where the screen has room for it, centred on the screen with the pointer."""
    screen = _screen_for(window)
    if screen is None:  # no screen at all (cannot happen once QApplication exists): just the size
        window.resize(preferred)
        return
    rect = centred_rect(preferred, screen.availableGeometry(), FRAME_ALLOWANCE, _minimum(window))
    window.setGeometry(rect)


def fit_restored(window: QWidget) -> None:
    """After restoreGeometry: correct a remembered size or place that no longer fits (a smaller screen now).

    A maximised or full-screen window is fitted by the window manager; its normal geometry (the one it returns
    to) is corrected here too.
    """
    states = window.windowState()
    fills = states & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen)
    client = window.normalGeometry() if fills and window.normalGeometry().isValid() else window.geometry()
    screen = _screen_for(window, client)
    if screen is None:
        return
    fitted = fit_rect(client, screen.availableGeometry(), FRAME_ALLOWANCE, _minimum(window))
    if fitted == client:
        return
    if fills:
        window.setWindowState(states & ~fills)
        window.setGeometry(fitted)
        window.setWindowState(states)
    else:
        window.setGeometry(fitted)
