"""Loss and every metric, training and validation, per batch (decimated) and per epoch."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from . import theme

MAX_BATCH_POINTS = 4000  # older batch points are thinned 2:1 beyond this
REDRAW_MS = 250


def _base(metric: str) -> str:
    return metric[4:] if metric.startswith("val_") else metric


def _nice(metric: str) -> str:
    return metric.replace("_", " ")


class _Series:
    """A growing curve held in numpy buffers; setData is called only by the timer-driven refresh."""

    def __init__(self) -> None:
        self.x: list[float] = []
        self.y: list[float] = []
        self.dirty = False

    def add(self, x: float, y: float) -> None:
        if not math.isfinite(y):  # NaN/inf would break the plot (pyqtgraph #2486); the NaN guard reports it
            return
        self.x.append(x)
        self.y.append(y)
        self.dirty = True
        if len(self.x) > MAX_BATCH_POINTS:
            self.x = self.x[::2]
            self.y = self.y[::2]


class PlotsPanel(QWidget):
    """One plot per metric (loss, accuracy, ...): batch curve, epoch points, validation curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.series: dict[tuple[str, str], _Series] = {}
        self.steps_per_epoch = 1
        self._last_batch: tuple[int, float] = (0, 0.0)  # (epoch, x) of the newest batch point
        # Batch points arrive at ~30 Hz; redrawing axes and curves that often costs the training a fifth of
        # a 2-core machine (measured), so batch curves are redrawn at most every REDRAW_MS.
        self._redraw = QTimer(self)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.setSingleShot(True)
        self._redraw.timeout.connect(self.refresh)
        self._placeholder()

    def _placeholder(self) -> None:
        plot = self._plot("loss")
        plot.setTitle("Press Start to train: loss and metrics appear here", color=theme.MUTED, size="10pt")

    def reset(self, steps_per_epoch: int = 1) -> None:
        self.view.clear()
        self.plots.clear()
        self.curves.clear()
        self.series.clear()
        self.steps_per_epoch = max(1, steps_per_epoch)
        self._last_batch = (0, 0.0)

    def _plot(self, base: str) -> pg.PlotItem:
        if base in self.plots:
            return self.plots[base]
        # Up to three plots a row, so GANs' four or five curves stay readable.
        row, col = divmod(len(self.plots), 3)
        plot = self.view.addPlot(row=row, col=col)
        plot.setLabel("bottom", "epoch")
        plot.setLabel("left", _nice(base))
        plot.showGrid(x=True, y=True, alpha=0.25)
                # A falling loss leaves the lower left empty; a rising metric leaves the upper left empty.
        legend = plot.addLegend(offset=(10, -10) if "loss" in base else (10, 10), labelTextSize="9pt")
        legend.setBrush(theme.with_alpha("#ffffff", 170))
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        plot.setDownsampling(mode="peak", auto=True)
        self.plots[base] = plot
        return plot

    def _curve(self, base: str, kind: str) -> pg.PlotDataItem:
        key = (base, kind)
        if key in self.curves:
            return self.curves[key]
        plot = self._plot(base)
        colour = theme.SERIES[0] if kind != "val" else theme.SERIES[1]
        if kind == "batch":
            item = plot.plot(name="batches (running mean)", pen=pg.mkPen(theme.with_alpha(colour, 110), width=1))
        elif kind == "epoch":
            item = plot.plot(name="epoch", pen=pg.mkPen(colour, width=2.2), symbol="o", symbolSize=6,
                             symbolBrush=colour, symbolPen=None)
        else:
            item = plot.plot(name="validation", pen=pg.mkPen(colour, width=2.2, style=Qt.PenStyle.DashLine),
                             symbol="s", symbolSize=6, symbolBrush=colour, symbolPen=None)
        self.curves[key] = item
        self.series[key] = _Series()
        return item

    def add_batches(self, events: list[Any]) -> None:
        for e in events:
            x = e.epoch - 1 + e.batch / self.steps_per_epoch
            self._last_batch = (e.epoch, x)
            # Families without a single "loss" (GANs log d_loss and g_loss) get no empty loss plot.
            for name, value in (("loss", e.loss), *e.metrics.items()):
                if name.startswith("val_") or not math.isfinite(value):
                    continue
                self._curve(name, "batch")
                self.series[(name, "batch")].add(x, value)
        if not self._redraw.isActive():
            self._redraw.start()

    def add_epoch(self, event: Any) -> None:
        # An epoch cut short by Stop is drawn where its last batch was, not at the full epoch mark.
        x = self._last_batch[1] if self._last_batch[0] == event.epoch else float(event.epoch)
        for name, value in event.metrics.items():
            if not math.isfinite(value):
                continue
            base = _base(name)
            kind = "val" if name.startswith("val_") else "epoch"
            self._curve(base, kind)
            self.series[(base, kind)].add(x, value)
        self.refresh()

    def refresh(self) -> None:
        for key, series in self.series.items():
            if series.dirty:
                self.curves[key].setData(np.asarray(series.x), np.asarray(series.y))
                series.dirty = False

    def point_count(self, base: str, kind: str) -> int:
        series = self.series.get((base, kind))
        return len(series.x) if series else 0

