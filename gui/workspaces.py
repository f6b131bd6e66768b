"""The window's three modes: Design, Train and Labs, one switch, each laying out its own docks.

A laptop screen cannot hold the block editor, the training settings, the curves, the live pictures and a lab at
once: with all of them docked side by side each got a strip (the editor kept the centre while the student was
watching curves; labs opened as 250 px tabs under it). As in MATLAB's Deep Network Designer (Designer / Training
views) or Qt Creator's modes, each mode shows only what its work needs and gives the rest of the window to what is
being watched:

- Design: palette, the network editor in the centre, inspector and model summary, training settings;
- Train: the training settings at the side, the curves and the family's live panels on the stage;
- Labs: the open labs (and the Course), full size.

The run controls live in the tool bar above all three, so Start, Pause, Stop and the time left never leave the
screen. Docks hidden by a mode keep their place and size; a dock the user moves stays where they put it.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QMargins, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DESIGN, TRAIN, LABS = "design", "train", "labs"
MODES = (DESIGN, TRAIN, LABS)

# The window's own docks in each mode (by key of MainWindow.docks); the live panels join Train, the open labs Labs.
MODE_DOCKS: dict[str, tuple[str, ...]] = {
    DESIGN: ("palette", "inspector", "summary", "training"),
    TRAIN: ("training", "plots", "runs"),
    LABS: (),
}
PALETTE_WIDTH = 250
PLOTS_SHARE = 0.32  # of the stage's height in Train: one row of curves above the family's live pictures
SIDE_WIDTH = 340  # the training settings beside the stage in Train: the dataset preview and the form fit


class Workspaces(QObject):
    """Which docks a mode shows, the actions that switch (Ctrl+1..3), and the central editor's visibility."""

    changed = Signal(str)

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget], central: QWidget,
                 extra_docks: Callable[[str], list[QDockWidget]]) -> None:
        """`extra_docks(mode)`: the plug-in docks a mode shows besides its own (the live panels that apply to the
        project in Train, the open labs in Labs), asked afresh on every switch."""
        super().__init__(window)
        self.window = window
        self.docks = docks
        self.central = central
        self.extra_docks = extra_docks
        self.mode = DESIGN
        self.switching = False  # apply() is hiding and showing docks (not the user closing one)
        self._centre_margins: QMargins | None = None  # the central layout's margins while the editor shows
        self._widths: dict[str, int] = {}  # the side column's width in each mode, as last left
        self._fronts: dict[str, list[QDockWidget]] = {}  # the docks in front of their tab groups, as last left
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        texts = {
            DESIGN: (self.tr("&Design"), self.tr("Build the network: palette, blocks, layer settings and the model "
                                                 "summary (Ctrl+1)")),
            TRAIN: (self.tr("&Train"), self.tr("Watch it learn: the loss curves and the live pictures of the "
                                               "network get the window; the training settings stay beside them "
                                               "(Ctrl+2)")),
            LABS: (self.tr("&Labs"), self.tr("The labs and the Course, full size: small experiments that each show "
                                             "one idea of the notes (Ctrl+3)")),
        }
        self.actions: dict[str, QAction] = {}
        for number, mode in enumerate(MODES, start=1):
            text, tip = texts[mode]
            action = QAction(text, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setObjectName(f"mode_{mode}")
            action.triggered.connect(lambda _=False, m=mode: self.switch(m))
            self.group.addAction(action)
            self.actions[mode] = action
        self.actions[DESIGN].setChecked(True)

    def members(self, mode: str) -> list[QDockWidget]:
        return [self.docks[key] for key in MODE_DOCKS[mode]] + self.extra_docks(mode)

    def shows(self, dock: QDockWidget) -> bool:
        return dock in self.members(self.mode)

    def switch(self, mode: str) -> None:
        if mode not in MODES:
            mode = DESIGN
        if mode != self.mode and self.window.isVisible():
            self._widths[self.mode] = self.docks["training"].width()  # the user's width, kept per mode
            # the tab in front of each group: hiding and showing tabbed docks brings another one forward
            self._fronts[self.mode] = [d for d in self.members(self.mode)
                                       if d.isVisible() and not d.visibleRegion().isEmpty()]
        self.mode = mode
        self.actions[mode].setChecked(True)
        self.apply()
        self.changed.emit(mode)

    def apply(self) -> None:
        """Show the current mode's docks (those in the layout), hide every other one, and size them."""
        self.switching = True
        try:
            self._apply()
        finally:
            self.switching = False

    def _apply(self) -> None:
        members = set(self.members(self.mode))
        every = list(dict.fromkeys([*self.docks.values(), *self.extra_docks(DESIGN), *self.extra_docks(TRAIN),
                                    *self.extra_docks(LABS), *self.window.findChildren(QDockWidget)]))
        for dock in every:  # hide first: a dock shown beside ones about to go would be sized against them
            if dock not in members and not dock.isHidden():
                dock.hide()
        self._show_centre(self.mode == DESIGN)
        for dock in members:
            if self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea and dock.isHidden():
                dock.show()
        for dock in self._fronts.get(self.mode, []):
            if dock in members and not dock.isHidden():
                dock.raise_()
        if not self.window.isVisible():
            # sized when shown (MainWindow.showEvent). Activating the layout of a hidden window whose state was
            # just restored crashed Qt (a segfault in QMainWindowLayout on a restored maximised window)
            return
        self.window.layout().activate()  # the docks just shown get their places before they are sized
        self._size(self.mode)
        # Docks just shown settle their minimum sizes over the next layout passes, and the first sizes did not
        # stick (the VAE's side column came out 587 px wide instead of 340): size once more when they have.
        mode = self.mode
        QTimer.singleShot(0, self, lambda: self._resize_settled(mode))

    def _show_centre(self, shown: bool) -> None:
        """The editor is hidden outside Design, but the central widget itself stays in the layout, empty and
        with no minimum size. With the central widget hidden, Qt (6.x) moved the splitter between the stage
        and the side column by its own width (6 px) on every relayout, and the live panels relayout while
        training: the side column crept from 340 px to whatever the stage's minimum left (618 px with the GAN)."""
        for child in self.central.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            child.setVisible(shown)
        layout = self.central.layout()
        if layout is not None:
            if shown and self._centre_margins is not None:
                layout.setContentsMargins(self._centre_margins)
            elif not shown:
                self._centre_margins = self._centre_margins or layout.contentsMargins()
                layout.setContentsMargins(0, 0, 0, 0)

    def _resize_settled(self, mode: str) -> None:
        if self.mode == mode and self.window.isVisible():
            self._size(mode)

    def reset(self) -> None:
        """After the default layout is restored: the first start's mode, and every mode's first sizes."""
        self._widths.clear()
        self._fronts.clear()
        self.mode = DESIGN
        self.switch(DESIGN)

    def _size(self, mode: str) -> None:
        """A mode's sizes: what is watched gets the most. QMainWindow.resizeDocks moves the splitter between
        two docks, so each call names both sides."""
        w = self.window
        side = self._widths.get(mode)
        if mode == DESIGN:
            palette = min(max(PALETTE_WIDTH, self.docks["palette"].widget().sizeHint().width()), w.width() // 4)
            w.resizeDocks([self.docks["palette"], self.docks["inspector"]], [palette, side or 400],
                          Qt.Orientation.Horizontal)
            w.resizeDocks([self.docks["inspector"], self.docks["training"]], [220, 640], Qt.Orientation.Vertical)
        elif mode == TRAIN:
            side = side or SIDE_WIDTH
            w.resizeDocks([self.docks["plots"], self.docks["training"]], [max(200, w.width() - side), side],
                          Qt.Orientation.Horizontal)
            self._fill(PLOTS_SHARE)
        else:
            self._fill()

    def _fill(self, plots_share: float | None = None) -> None:
        """Outside Design the stage's docks take the window's whole height, leaving none to the empty central
        widget (which Qt gives whatever the dock areas leave, also when the window grows). In Train, the curves
        above get `plots_share` of it, or the share they have now."""
        w = self.window
        if not w.isVisible():
            return  # sized when shown; a hidden window's layout is not touched (see _apply)
        if self.mode == TRAIN:
            plots = self.docks["plots"]
            stage = [d for d in self.extra_docks(TRAIN) if not d.isHidden()] or [self.docks["runs"]]
            if plots_share is None:
                total = plots.height() + stage[0].height()
                plots_share = plots.height() / total if total > 0 else PLOTS_SHARE
            height = max(300, w.height())  # more than the room there is: the docks get all of it
            w.resizeDocks([plots, stage[0]], [int(height * plots_share), int(height * (1 - plots_share))],
                          Qt.Orientation.Vertical)
        elif self.mode == LABS:
            labs = [d for d in self.extra_docks(LABS) if not d.isHidden()]
            if labs:
                w.resizeDocks(labs[:1], [max(300, w.height())], Qt.Orientation.Vertical)

    def window_resized(self) -> None:
        """The window's size changed (MainWindow.resizeEvent): outside Design the stage fills it again, once the
        layout has given the new size out."""
        if self.mode != DESIGN:
            QTimer.singleShot(0, self, self._fill)
