"""Small building blocks shared by the "See inside" panels: labels, plots, spin boxes and image helpers."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QDoubleSpinBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from models.images import write_png

from gui import theme
from gui.legend import under_x_axis


def panel_row(widget: QWidget) -> QHBoxLayout:
    """The horizontal layout every panel starts from: controls left, views right, the app's margins."""
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(theme.MARGIN, theme.MARGIN, theme.MARGIN, theme.MARGIN)
    layout.setSpacing(theme.SPACING * 2)
    return layout


def heading(text: str, tip: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    label.setToolTip(tip)
    label.setWordWrap(True)
    return label


def muted(text: str = "", tip: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    label.setToolTip(tip)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plot(x_label: str = "", y_label: str = "", tip: str = "", legend: bool = False) -> pg.PlotWidget:
    widget = pg.PlotWidget()
    widget.setBackground("w")
    widget.setMenuEnabled(False)
    widget.showGrid(x=True, y=True, alpha=0.15)
    for axis in ("left", "bottom"):
        widget.getAxis(axis).enableAutoSIPrefix(False)
    if x_label:
        widget.setLabel("bottom", x_label)
    if y_label:
        widget.setLabel("left", y_label)
    if legend:
        under_x_axis(widget, columns=3)  # outside the view box: inside it the legend sat on the curves
    widget.setToolTip(tip)
    widget.setMinimumSize(120, 110)
    return widget


def pen(index: int, width: float = 2.0, dashed: bool = False) -> Any:
    return pg.mkPen(theme.SERIES[index % len(theme.SERIES)], width=width,
                    style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def pixel_ticks(plot: pg.PlotItem | pg.PlotWidget, width: int, height: int, most: int = 8) -> None:
    """Integer ticks at pixel centres: pixel i covers [i, i + 1), so pyqtgraph's own ticks land on 0.5, 1.5 on a
    small image. Steps of 1, 2, 5, 10, 20, ... keep at most `most` labels on an axis."""
    for name, n in (("bottom", width), ("left", height)):
        step, factors = 1, (2, 2.5, 2)  # 1 -> 2 -> 5 -> 10 -> 20 -> ...
        i = 0
        while -(-n // step) > most:
            step = int(step * factors[i % 3])
            i += 1
        plot.getAxis(name).setTicks([[(k + 0.5, str(k)) for k in range(0, n, step)], []])


def spin(low: int, high: int, value: int, tip: str, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setToolTip(tip)
    if suffix:
        box.setSuffix(suffix)
    box.setKeyboardTracking(False)
    return box


def dspin(low: float, high: float, value: float, step: float, tip: str, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


def rgb_pixmap(rgb: np.ndarray, scale: int = 1) -> QPixmap:
    """A uint8 (H, W, 3) array as a pixmap, nearest-neighbour scaled."""
    arr = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = arr.shape
    image = QImage(arr.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    pix = QPixmap.fromImage(image)
    if scale != 1:
        pix = pix.scaled(w * scale, h * scale, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.FastTransformation)
    return pix


def diverging_rgb(values: np.ndarray, limit: float | None = None) -> np.ndarray:
    """Signed values -> RGB: negative blue, zero white, positive orange (for kernels and weights)."""
    v = np.asarray(values, dtype="float64")
    lim = float(np.abs(v).max()) if limit is None else float(limit)
    t = np.clip(v / lim, -1.0, 1.0) if lim > 1e-12 else np.zeros_like(v)
    neg = np.array([47, 111, 222], dtype="float64")
    pos = np.array([224, 123, 26], dtype="float64")
    white = np.array([255, 255, 255], dtype="float64")
    out = np.where(t[..., None] < 0, white + (neg - white) * (-t[..., None]), white + (pos - white) * t[..., None])
    return out.astype(np.uint8)


def set_image(item: pg.ImageItem, array: np.ndarray, levels: tuple[float, float], cmap: Any = "viridis",
              rect: tuple[float, float, float, float] | None = None) -> None:
    """Show a (rows, cols) array: pyqtgraph's first image axis is x, so the array is transposed; row 0 is at
    the bottom unless the view's y axis is inverted."""
    item.setImage(np.asarray(array, dtype="float32").T, levels=levels, autoLevels=False)
    item.setColorMap(pg.colormap.get(cmap) if isinstance(cmap, str) else cmap)
    if rect is not None:
        item.setRect(*rect)



BLUE, ORANGE = "#2f6fde", "#e07b1a"


def two_class_cmap() -> pg.ColorMap:
    """Probability of class 1: blue (0) through white (0.5) to orange (1)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [pg.mkColor("#9bb9ef"), pg.mkColor("#ffffff"), pg.mkColor("#f3bd8a")])


class _Column(QWidget):
    """The scrolled column's content: as tall as its items' minimum at this width (wrapped notes included).

    QScrollArea sizes a resizable widget with wrapped labels by heightForWidth, which a box layout computes from
    the items' preferred heights: a plot preferring 480 px put a scroll bar on a page with room for everything."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)


def scroll(layout: QVBoxLayout, min_width: int = 200) -> QScrollArea:
    """A column of controls and notes that scrolls instead of squashing when the dock is short."""
    inner = _Column()
    inner.setLayout(layout)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Wide enough for the widest control plus the scroll bar, so nothing is cut off on the right.
    area.setMinimumWidth(max(min_width, inner.minimumSizeHint().width() + 18))
    return area


def save_grid_as(parent: Any, ctx: Any, grid: np.ndarray | None, default_name: str) -> None:
    """Ask where to save a sample grid (GAN or VAE panel), then write it with write_grid_png."""
    if grid is None:
        ctx.show_error(QCoreApplication.translate("Widgets", "There is no grid to save yet: train or generate first."))
        return
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Widgets", "Save grid as PNG"),
                                          default_name, QCoreApplication.translate("Widgets", "PNG images (*.png)"))
    if not path:
        return
    if not path.lower().endswith(".png"):
        path += ".png"
    write_grid_png(ctx, grid, path)


def write_grid_png(ctx: Any, grid: np.ndarray | None, path: str) -> bool:
    """Write a sample grid scaled 3x; a failure (full disk, a folder that is a file) goes to the message bar."""
    if grid is None:
        return False
    try:
        write_png(path, grid, scale=3)
    except (OSError, ValueError) as exc:
        ctx.show_error(QCoreApplication.translate("Widgets", "Could not save {path}: {reason}").format(
            path=path, reason=getattr(exc, 'strerror', None) or exc))
        return False
    ctx.status(QCoreApplication.translate("Widgets", "Saved {path}").format(path=path))
    return True
