"""Loss and every metric, training and validation, per batch (decimated) and per epoch."""
from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from . import theme
from .legend import LegendStrip

MAX_BATCH_POINTS = 4000  # older batch points are thinned 2:1 beyond this
REDRAW_MS = 400  # the fastest the batch curves are redrawn while training
MAX_REDRAW_MS = 1500
# The share of one core the batch-curve redraws may take while training. Every bit the GUI thread works is
# taken from TensorFlow's threads on a small machine; a slow redraw is spread out to stay within this.
REDRAW_BUDGET = 0.005
# The y range follows the data in steps: it grows as soon as a point falls outside, and shrinks only when
# the data fill less than this share of it. Every range change repaints the axes (their tick labels are
# the most expensive thing the window draws), so a range that moves with every batch stalls the window.
SHRINK_BELOW = 0.3
Y_PADDING = 0.08
# Plots a row: a GAN's five metrics side by side in one row instead of two rows of 3 and 2, which at 1366x768
# left each plot ~50 px of height and ran its axis labels into each other.
COLUMNS = 5
ROW_HEIGHT = 120  # the least height a row of plots gets: axis, tick labels and a curve between them


def _base(metric: str) -> str:
    return metric[4:] if metric.startswith("val_") else metric


def _is_loss(metric: str) -> bool:
    """Losses and errors fall towards zero, so their plots keep zero in view from the start."""
    return any(word in metric for word in ("loss", "error", "mse", "mae"))


# The metrics the families log, as their plots name them (translated where shown); others keep their own name.
METRIC_LABELS: dict[str, str] = {
    "loss": QT_TRANSLATE_NOOP("Plots", "loss"),
    "accuracy": QT_TRANSLATE_NOOP("Plots", "accuracy"),
    "mse": QT_TRANSLATE_NOOP("Plots", "mse"),
    "mae": QT_TRANSLATE_NOOP("Plots", "mae"),
    "d_loss": QT_TRANSLATE_NOOP("Plots", "d loss"),
    "g_loss": QT_TRANSLATE_NOOP("Plots", "g loss"),
    "d_real": QT_TRANSLATE_NOOP("Plots", "d real"),
    "d_fake": QT_TRANSLATE_NOOP("Plots", "d fake"),
    "wasserstein": QT_TRANSLATE_NOOP("Plots", "wasserstein"),
    "reconstruction_loss": QT_TRANSLATE_NOOP("Plots", "reconstruction loss"),
    "kl_loss": QT_TRANSLATE_NOOP("Plots", "kl loss"),
    "neighbour_in_group": QT_TRANSLATE_NOOP("Plots", "neighbour in group"),
    "class_loss": QT_TRANSLATE_NOOP("Plots", "class loss"),
    "box_loss": QT_TRANSLATE_NOOP("Plots", "box loss"),
    "class_accuracy": QT_TRANSLATE_NOOP("Plots", "class accuracy"),
    "box_mean_iou": QT_TRANSLATE_NOOP("Plots", "box mean iou"),
    "mean_iou": QT_TRANSLATE_NOOP("Plots", "mean iou"),
    "label_accuracy": QT_TRANSLATE_NOOP("Plots", "label accuracy"),
}


def _nice(metric: str) -> str:
    if metric in METRIC_LABELS:
        return QCoreApplication.translate("Plots", METRIC_LABELS[metric])
    return metric.replace("_", " ")


def fitted_range(lo: float, hi: float, current: tuple[float, float] | None, falls_to_zero: bool = False
                 ) -> tuple[float, float] | None:
    """The y range for data spanning [lo, hi] given the range shown now; None means keep the current one.

    The range the data ask for starts at zero for non-negative data that are a loss (`falls_to_zero`) or
    come near zero (not an accuracy sitting near 1), and never goes past 1 for data within [0, 1]. It
    replaces the current range only when the data leave it, and then with as much again to spare on that
    side (a rising curve crosses it a few times, not at every redraw), or when it would fill less than
    SHRINK_BELOW of it.
    """
    span = max(hi - lo, 0.5 * abs(hi), 1e-9)
    nonneg, unit = lo >= 0, 0 <= lo and hi <= 1
    want_lo = 0.0 if nonneg and (falls_to_zero or lo <= 0.5 * hi or hi - lo < 0.05 * hi) else lo - Y_PADDING * span
    want_hi = hi + Y_PADDING * span
    if unit:
        want_hi = min(want_hi, 1.0 + 0.02 * (1.0 - want_lo))
    if current is None:
        return want_lo, want_hi
    c_lo, c_hi = current
    width = c_hi - c_lo
    if c_lo <= lo and hi <= c_hi:
        if want_hi - want_lo >= SHRINK_BELOW * width:
            return None
        new = (want_lo, want_hi)
    else:
        # Out of range: take the wanted range and leave as much again free on the side the data left by.
        extra = want_hi - want_lo
        new_lo = want_lo - extra if lo < c_lo else min(c_lo, want_lo)
        new_hi = want_hi + extra if hi > c_hi else max(c_hi, want_hi)
        if nonneg:
            new_lo = max(new_lo, 0.0)
        if unit:
            new_hi = min(new_hi, max(want_hi, 1.0 + 0.02 * (1.0 - new_lo)))
        new = (new_lo, new_hi)
    if abs(new[0] - c_lo) <= 1e-9 * width and abs(new[1] - c_hi) <= 1e-9 * width:
        return None
    return new


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


class _TimedView(pg.GraphicsLayoutWidget):
    """Remembers how much CPU its last paint took, so redraws can be spaced to what they cost here."""

    paint_seconds = 0.0

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        start = time.thread_time()
        super().paintEvent(event)
        self.paint_seconds = time.thread_time() - start


class PlotsPanel(QWidget):
    """One plot per metric (loss, accuracy, ...): batch curve, epoch points, validation curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = _TimedView()
        self.view.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.plots: dict[str, pg.PlotItem] = {}
        # One legend above the plots names the kinds of curve every plot has (and the past runs drawn over them),
        # in a strip of its own: in the plots' grid it set the columns' widths.
        self.key = LegendStrip()
        self.legend = self.key.legend
        layout.insertWidget(0, self.key)
        layout.setSpacing(0)  # the strip and the plots on one white ground
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.series: dict[tuple[str, str], _Series] = {}
        self.steps_per_epoch = 1
        self.epochs = 0  # the run's length: the x axis spans all of it from the start
        self.y_ranges: dict[str, tuple[float, float]] = {}
        self._user_zoomed: set[str] = set()
        self._spare: list[pg.PlotItem] = []
        self._generation = 0
        self._last_batch: tuple[int, float] = (0, 0.0)  # (epoch, x) of the newest batch point
        # Batch points arrive a few times a second; redrawing axes and curves each time cost the training a
        # fifth of a 2-core machine (measured), so batch curves are redrawn at most every REDRAW_MS, or less
        # often where a redraw is slow (redraw_interval_ms).
        self._redraw = QTimer(self)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.setSingleShot(True)
        self._refresh_seconds = 0.0  # CPU the last refresh took (setData, axis ranges)
        self._redraw.timeout.connect(self._redraw_if_seen)
        self._stale = False  # batch points came while the panel was out of sight
        # Past runs ticked in the Runs view: (legend label, history, epochs, colour), drawn dashed under the live
        # curves and kept across runs.
        self.overlays: list[tuple[str, dict[str, list[float]], list[int], str]] = []
        self._overlay_items: list[tuple[pg.PlotItem, Any]] = []
        self._placeholder()

    def _placeholder(self) -> None:
        plot = self._plot("loss")
        plot.setTitle(self.tr("Press Start to train: loss and metrics appear here"), color=theme.MUTED, size="10pt")

    def reset(self, steps_per_epoch: int = 1, epochs: int = 0) -> None:
        self._generation += 1
        # Plots are kept for the next run: building a PlotItem (axes, menus, legend) costs ~0.1 s of this
        # thread, which used to land in the middle of training when the first batch arrived.
        for plot in self.plots.values():
            self.view.removeItem(plot)
            plot.clear()
            plot.titleLabel.setText("")  # a hidden title keeps its text's minimum width (the placeholder's
            plot.setTitle(None)            # ~370 px), which left the plots beside it squeezed
            plot.enableAutoRange()
            self._spare.append(plot)
        self.view.clear()
        self.legend.clear()
        self._overlay_items = []  # plot.clear() removed them; _plot draws them again
        self.plots.clear()
        self.curves.clear()
        self.series.clear()
        self.y_ranges.clear()
        self._user_zoomed.clear()
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.epochs = max(0, epochs)
        self._last_batch = (0, 0.0)

    def prepare(self, names: list[str], epochs: int) -> None:
        """Before a run: the x axis for `epochs`, and a plot with its curves for each metric we know will
        come, built one per event-loop turn while the worker builds the model. Building them when the first
        batch arrived stalled the window for tens of milliseconds in the middle of training."""
        self.reset(epochs=epochs)
        # One small step per turn (a plot, then each curve with its legend entry), ~10 ms each.
        steps: list[tuple[str, str | None]] = [(base, kind) for base in names
                                               for kind in (None, "batch", "epoch", "val")]
        generation = self._generation

        def next_one() -> None:
            if steps and generation == self._generation:  # a newer reset cancels the rest
                base, kind = steps.pop(0)
                self._plot(base) if kind is None else self._curve(base, kind)
                QTimer.singleShot(0, self, next_one)
        next_one()

    def begin(self, steps_per_epoch: int, epochs: int) -> None:
        """The run has started: batch positions now map to fractions of an epoch."""
        self.steps_per_epoch = max(1, steps_per_epoch)
        if epochs != self.epochs:
            self.epochs = max(0, epochs)
            for plot in self.plots.values():
                self._span_run(plot)

    def finish(self) -> None:
        """After the run: the last points are drawn, and a run stopped early is zoomed to what it reached."""
        self.refresh()
        reached = max((series.x[-1] for series in self.series.values() if series.x), default=0.0)
        if 0 < reached < 0.8 * self.epochs:
            for base, plot in self.plots.items():
                if base not in self._user_zoomed:
                    plot.setXRange(0, reached, padding=0.02)

    def _new_plot_item(self) -> pg.PlotItem:
        plot = pg.PlotItem()
        plot.setLabel("bottom", self.tr("epoch"))
        plot.showGrid(x=True, y=True, alpha=0.25)
        # Axes are drawn once into a pixmap and blitted until they change, instead of being replayed whenever
        # the batch curve next to them is redrawn.
        for name in ("left", "bottom"):
            plot.getAxis(name).enableAutoSIPrefix(False)
            plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.setDownsampling(mode="peak", auto=True)
        plot.setToolTip(self.tr("batch mean: the running mean of this epoch's batches so far, as Keras reports it; "
                                "epoch: the value over the whole epoch; validation: measured on held-out data "
                                "after each epoch. Drag or scroll to zoom; right-click for options."))
        plot.getViewBox().sigRangeChangedManually.connect(lambda *_a, p=plot: self._on_user_zoom(p))
        return plot

    def _on_user_zoom(self, plot: pg.PlotItem) -> None:
        for base, shown in self.plots.items():
            if shown is plot:
                self._user_zoomed.add(base)  # the person's own zoom wins over the automatic range

    def _plot(self, base: str) -> pg.PlotItem:
        if base in self.plots:
            return self.plots[base]
        plot = self._spare.pop() if self._spare else self._new_plot_item()
        row, col = divmod(len(self.plots), COLUMNS)
        self.view.addItem(plot, row=row, col=col)
        plot.setLabel("left", _nice(base))
        if self.epochs:
            self._span_run(plot)
        self.plots[base] = plot
        self.setMinimumHeight(ROW_HEIGHT * (1 + (len(self.plots) - 1) // COLUMNS) + 40)
        self._draw_overlays(base, plot)
        return plot

    def set_overlays(self, overlays: list[tuple[str, dict[str, list[float]], list[int], str]]) -> None:
        """Past runs' epoch curves (label, history, epochs, colour) over the live ones: dashed for training,
        dotted for validation, each in its own colour, with the label (what differs) in the legend."""
        for plot, item in self._overlay_items:
            plot.removeItem(item)
        for label, _history, _epochs, _colour in self.overlays:
            for name in (label, label + " · " + self.tr("validation")):
                self.legend.removeItem(name)
        self._overlay_items = []
        self.overlays = list(overlays)
        for base, plot in list(self.plots.items()):
            self._draw_overlays(base, plot)
        for base in dict.fromkeys(_base(k) for _label, history, _e, _c in self.overlays for k in history):
            if base not in self.plots:
                self._plot(base)
        for base in self.plots:
            if base not in self._user_zoomed and self.epochs:
                self._fit_y(base)

    def _draw_overlays(self, base: str, plot: pg.PlotItem) -> None:
        for label, history, epochs, colour in self.overlays:
            for name, values in history.items():
                if _base(name) != base:
                    continue
                points = [(x, v) for x, v in zip(epochs, values) if math.isfinite(v)]
                if not points:
                    continue
                val = name.startswith("val_")
                style = Qt.PenStyle.DotLine if val else Qt.PenStyle.DashLine
                name = label + (" · " + self.tr("validation") if val else "")
                item = plot.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen(colour, width=1.6,
                                                                                              style=style))
                self.legend.add_once(item, name)
                self._overlay_items.append((plot, item))

    def overlay_count(self, base: str) -> int:
        return sum(1 for plot, _item in self._overlay_items if self.plots.get(base) is plot)

    def _span_run(self, plot: pg.PlotItem) -> None:
        """Like a training-progress chart: the x axis shows the whole run, so it never rescales."""
        plot.enableAutoRange(x=False, y=False)
        plot.setXRange(0, self.epochs, padding=0.02)

    def _curve(self, base: str, kind: str) -> pg.PlotDataItem:
        key = (base, kind)
        if key in self.curves:
            return self.curves[key]
        plot = self._plot(base)
        colour = theme.SERIES[0] if kind != "val" else theme.SERIES[1]
        if kind == "batch":
            name = self.tr("batch mean")
            item = plot.plot(pen=pg.mkPen(theme.with_alpha(colour, 110), width=1))
        elif kind == "epoch":
            name = self.tr("epoch")
            item = plot.plot(pen=pg.mkPen(colour, width=2.2), symbol="o", symbolSize=6, symbolBrush=colour,
                             symbolPen=None)
        else:
            name = self.tr("validation")
            item = plot.plot(pen=pg.mkPen(colour, width=2.2, style=Qt.PenStyle.DashLine), symbol="s",
                             symbolSize=6, symbolBrush=colour, symbolPen=None)
        self.legend.add_once(item, name)
        if kind != "batch":
            # Epoch and validation curves change once an epoch but lie under the batch curve, which is redrawn
            # a few times a second: blitting them from a pixmap made each plot repaint ~35% cheaper (measured).
            item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.scatter.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
            self._redraw.start(self.redraw_interval_ms())

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

    def _redraw_if_seen(self) -> None:
        # Behind another tab the curves would be redrawn for nobody: the points are kept and drawn on showing.
        if self.visibleRegion().isEmpty():
            self._stale = True
        else:
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def redraw_interval_ms(self) -> int:
        """REDRAW_MS, or longer where a redraw (refresh and paint, as last measured) costs more than
        REDRAW_BUDGET of a core at that pace: ~1 s on a 2-core machine painting in software."""
        cost = self._refresh_seconds + self.view.paint_seconds
        return int(min(MAX_REDRAW_MS, max(REDRAW_MS, 1000 * cost / REDRAW_BUDGET)))

    def refresh(self) -> None:
        start = time.thread_time()
        changed: set[str] = set()
        for key, series in self.series.items():
            if series.dirty:
                self.curves[key].setData(np.asarray(series.x), np.asarray(series.y))
                series.dirty = False
                changed.add(key[0])
        if self.epochs:
            for base in changed - self._user_zoomed:
                self._fit_y(base)
        self._refresh_seconds = time.thread_time() - start

    def _fit_y(self, base: str) -> None:
        """Move the y range only when the data left it (then with room to spare in that direction) or fill
        less than SHRINK_BELOW of it: a loss that keeps falling moves the axis a few times, not every redraw."""
        values = [v for (b, _kind), series in self.series.items() if b == base for v in series.y]
        values += [v for _label, history, _e, _c in self.overlays for k, vs in history.items() if _base(k) == base
                   for v in vs if math.isfinite(v)]
        if not values:
            return
        new = fitted_range(min(values), max(values), self.y_ranges.get(base), _is_loss(base))
        if new is not None:
            self.y_ranges[base] = new
            self.plots[base].setYRange(*new, padding=0)

    def point_count(self, base: str, kind: str) -> int:
        series = self.series.get((base, kind))
        return len(series.x) if series else 0

