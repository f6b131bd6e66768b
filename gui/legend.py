"""Legends outside the curves: a row of entries laid out beside the plot, never inside its view box.

pyqtgraph draws a legend inside the view box, anchored to a corner, so it sits on whatever curve passes that
corner: a falling loss, a validation curve that climbs, the gradient of a long sequence. Here the legend is an
item of a layout (the plot's own, under its x axis, or the plots panel's, above the plots), sized by its
entries, so the curves keep the whole view box.
"""
from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy

# PlotItem's own grid: title (0, 1), top axis (1, 1), view box (2, 1), bottom axis (3, 1); row 4 is free.
UNDER_X_AXIS = (4, 1)


class PlacedLegend(pg.LegendItem):
    """A LegendItem with a fixed place outside the curves: entries side by side, wrapping after `columns`, not
    draggable (a dragged legend would land on the curves again), one entry per name."""

    def __init__(self, columns: int, label_size: str, frame: bool = True) -> None:
        super().__init__(offset=None, colCount=columns, labelTextSize=label_size, horSpacing=12, frame=frame)

    def mouseDragEvent(self, ev: Any) -> None:  # noqa: N802 - pyqtgraph's name
        ev.ignore()

    def names(self) -> list[str]:
        return [label.text for _sample, label in self.items]

    def add_once(self, item: Any, name: str) -> None:
        """One entry per name: plots beside each other draw the same kinds of curve."""
        if name not in self.names():
            self.addItem(item, name)


class OutsideLegend(PlacedLegend):
    """A legend that the plot's own layout places."""

    def __init__(self, columns: int = 6, label_size: str = "8pt") -> None:
        super().__init__(columns, label_size)

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph's name
        # pg.LegendItem moves itself to (0, 0) of its parent here; the layout it is in places it instead.
        self.updateGeometry()


def under_x_axis(plot: pg.PlotItem | pg.PlotWidget, columns: int = 6) -> OutsideLegend:
    """A legend in row 4 of the plot's own layout, under the x axis label. `plot.plot(name=...)` adds to it."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    legend = OutsideLegend(columns)
    item.layout.addItem(legend, *UNDER_X_AXIS)
    item.legend = legend  # PlotItem.addItem and removeItem use it for named items
    return legend


class StripLegend(PlacedLegend):
    """The entries of a LegendStrip, sized by themselves; it tells the strip when that size changes."""

    def __init__(self, columns: int, label_size: str) -> None:
        super().__init__(columns, label_size, frame=False)
        self.strip: LegendStrip | None = None

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph's name
        super().updateSize()
        if getattr(self, "strip", None) is not None:  # pg.LegendItem's constructor calls this before it is set
            self.strip.fit()


class LegendStrip(pg.GraphicsView):
    """A row of legend entries above a group of plots that share them, as tall as the entries and hidden when
    there are none. Placed in the plots' GraphicsLayout, spanning their columns, the legend set their widths."""

    def __init__(self, columns: int = 8, label_size: str = "9pt") -> None:
        super().__init__(background="w")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(self.Shape.NoFrame)
        self.legend = StripLegend(columns, label_size)
        self.legend.strip = self
        self.legend.layout.setContentsMargins(0, 2, 0, 0)
        self.scene().addItem(self.legend)
        self.legend.setPos(40, 0)  # in line with the plots' view boxes, past the first y axis
        self.fit()

    def fit(self) -> None:
        """As tall as the entries; shown only with entries (and only once placed in a window)."""
        self.setFixedHeight(int(self.legend.height()) + 2 if self.legend.items else 0)
        if self.parent() is not None:
            self.setVisible(bool(self.legend.items))
