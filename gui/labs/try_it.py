"""Try it: draw a digit on a canvas and see the trained network's class probabilities as you draw.

Predictions run on the training thread through ctx.with_trained_model; the job returns numpy only.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from models.images import to_uint8
from models.inference import predict_batch

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from gui.training_panel import FitImage, grey_pixmap


class DigitCanvas(QWidget):
    """A black square to draw on with the mouse, in white strokes like MNIST."""

    changed = Signal()

    def __init__(self, size: int = 224) -> None:
        super().__init__()
        self.image = QImage(size, size, QImage.Format.Format_Grayscale8)
        self.image.fill(0)
        self.setFixedSize(size, size)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the left mouse button; it is cropped, scaled to 20×20 and "
                                "centred in 28×28 like the MNIST digits before the network reads it."))
        self._last: QPoint | None = None
        self.pen_width = max(8, size // 14)

    def clear(self) -> None:
        self.image.fill(0)
        self.update()
        self.changed.emit()

    def stroke(self, points: list[tuple[int, int]]) -> None:
        """Draw a polyline (also used by tests)."""
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255), self.pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for (x0, y0), (x1, y1) in zip(points, points[1:] or points):
            painter.drawLine(x0, y0, x1, y1)
        painter.end()
        self.update()
        self.changed.emit()

    def array(self) -> np.ndarray:
        w, h, bpl = self.image.width(), self.image.height(), self.image.bytesPerLine()
        data = np.frombuffer(self.image.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)[:, :w]
        return data.astype("float32") / 255.0

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = event.position().toPoint()
            self.stroke([(self._last.x(), self._last.y())])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._last is not None:
            p = event.position().toPoint()
            self.stroke([(self._last.x(), self._last.y()), (p.x(), p.y())])
            self._last = p

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.setPen(QPen(QColor(theme.BLOCK_BORDER), 1))
        painter.drawRect(QRectF(0, 0, self.width() - 1, self.height() - 1))
        painter.end()


def predict_job(digit: np.ndarray) -> Any:
    """fn(model) for the worker: class probabilities for one 28×28 digit (placed mid-canvas for larger inputs)."""
    def job(model: Any) -> dict[str, Any]:
        try:
            return _predict(model)
        except Exception as exc:  # noqa: BLE001 - shown in the panel, not as a crash
            return {"error": QCoreApplication.translate("TryItLab", "could not run the network: {error}").format(
                error=f"{type(exc).__name__}: {exc}")[:300]}

    def _predict(model: Any) -> dict[str, Any]:
        from models.outputs import class_output, probabilities

        shape = tuple(model.inputs[0].shape[1:])
        if len(shape) != 3 or shape[0] < 28 or shape[1] < 28:
            return {"error": QCoreApplication.translate(
                "TryItLab", "this network reads inputs of shape {shape}; drawing needs an image network trained on "
                            "MNIST (28×28×1)").format(shape=shape)}
        img = np.zeros(shape, dtype="float32")
        top, left = (shape[0] - 28) // 2, (shape[1] - 28) // 2
        img[top:top + 28, left:left + 28, :] = digit[..., None]
        raw = class_output(predict_batch(model, img[None]))
        return {"probabilities": probabilities(np.asarray(raw))[0]}
    return job


class TryItLab(Panel):
    """Draw a digit; the trained network's class probabilities update as you draw."""

    title = QT_TRANSLATE_NOOP("Panels", "Try it: draw a digit")
    area = "lab"
    shortcut = "Ctrl+Shift+9"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self._busy = False
        self._again = False
        layout = lw.panel_row(self)
        left = QVBoxLayout()
        self.canvas = DigitCanvas(200)
        self.canvas.changed.connect(self._schedule)
        left.addWidget(self.canvas)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Wipe the canvas."))
        self.clear_button.clicked.connect(self.canvas.clear)
        left.addWidget(self.clear_button)
        left.addStretch(1)
        layout.addLayout(left)
        middle = QVBoxLayout()
        middle.addWidget(lw.heading(self.tr("What the network sees"), self.tr(
            "Your drawing after MNIST's preprocessing: cropped to the ink, scaled so the longer side is 20 pixels, "
            "centred by its centre of mass in a 28×28 image.")))
        self.preview = FitImage()
        self.preview.setMinimumSize(112, 112)
        self.preview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        middle.addWidget(self.preview)
        self.status = lw.muted(self.tr("Train a network on MNIST (e.g. the CNN or LeNet-5 preset), then draw here."))
        middle.addWidget(self.status)
        middle.addStretch(1)
        layout.addWidget(lw.scroll(middle, 180), 2)
        self.plot = lw.plot(self.tr("digit"), self.tr("probability"),
                            self.tr("The network's probability for each class, updated as you draw."))
        self.plot.setMouseEnabled(False, False)
        self.plot.setYRange(0, 1.05, padding=0)
        self.plot.setXRange(-0.6, 9.6, padding=0)
        self.plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=theme.ACCENT)
        self.plot.addItem(self.bars)
        layout.addWidget(self.plot, 3)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.predict)
        self.probabilities: np.ndarray | None = None

    def _schedule(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def predict(self) -> None:
        from models.labs.digit import to_mnist

        canvas = self.canvas.array()
        digit = to_mnist(canvas, dark_ink=False)
        self.preview.set_source(grey_pixmap(to_uint8(digit, 0.0, 1.0), 4))
        if float(canvas.max()) < 0.05:
            self.bars.setOpts(height=np.zeros(10))
            self.status.setText(self.tr("Draw a digit on the black square."))
            return
        if not self.ctx.controller.has_model:
            self.status.setText(self.tr("No trained network yet: train one on MNIST (e.g. the CNN preset), then "
                                        "draw."))
            return
        if self._busy:  # one prediction at a time; redo once the current one returns
            self._again = True
            return
        self._busy = True
        self.ctx.with_trained_model(predict_job(digit), self._show, which="train")

    def _show(self, result: dict[str, Any]) -> None:
        self._busy = False
        if "error" in result:
            self.status.setText(result["error"])
        else:
            p = np.asarray(result["probabilities"], dtype="float64")
            self.probabilities = p
            self.bars.setOpts(x=np.arange(len(p)), height=p, width=0.7)
            self.plot.setXRange(-0.6, len(p) - 0.4, padding=0)
            self.plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(len(p))]])
            best = int(p.argmax())
            self.status.setText(self.tr("The network reads <b>{digit}</b> ({sure:.0%} sure).").format(
                digit=best, sure=p[best]))
        if self._again:
            self._again = False
            self.predict()


PANELS = [TryItLab]
