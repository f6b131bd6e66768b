"""Dataset chooser with a preview, training settings, Start / Pause / Stop, progress and device."""
from __future__ import annotations

import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QSizePolicy, QSpinBox, QStackedWidget, QVBoxLayout,
                               QWidget)

from models.data import available
from models.engine.recipe import OPTIMIZERS

from . import theme
from .i18n import model_text
from .run_settings import CallbackSettings


def grey_pixmap(array: np.ndarray, scale: int = 2) -> QPixmap:
    """A uint8 (H, W) array as a pixmap, nearest-neighbour scaled so pixels stay crisp."""
    arr = np.ascontiguousarray(array, dtype=np.uint8)
    h, w = arr.shape
    image = QImage(arr.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image).scaled(w * scale, h * scale, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


class FitImage(QWidget):
    """Shows a pixmap scaled to the widget's width (aspect kept, centred), pixels kept crisp.

    Painted by hand rather than a QLabel: QLabel.setPixmap asks the surrounding layout to recompute on every
    call, and live views replace their picture several times a second while training runs. Here the layout
    is only asked again when the picture's size changes."""

    MAX_HEIGHT = 400

    def __init__(self, claims_height: bool = True) -> None:
        """`claims_height`: the widget asks its layout for the picture's height at its width (the dataset preview,
        which a scroll area can make room for). A picture on the stage (generated samples) is fitted into the room
        it gets instead: claimed there, its height grew with the window's width and pushed the window taller
        than the screen."""
        super().__init__()
        self._source: QPixmap | None = None
        self.claims_height = claims_height
        self.setMinimumSize(120, 60)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_source(self, pixmap: QPixmap) -> None:
        resized = self._source is None or self._source.size() != pixmap.size()
        self._source = pixmap
        if resized:
            self._claim_height()
            self.updateGeometry()
        self.update()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._claim_height()

    def _claim_height(self) -> None:
        """At least the height the picture needs at this width (up to MAX_HEIGHT), so the dock makes room."""
        if self.claims_height and self._source is not None and self._source.width() > 0:
            width = max(60, self.width() - 4)
            self.setMinimumHeight(min(int(self._source.height() * width / self._source.width()), self.MAX_HEIGHT))

    def clear(self) -> None:
        if self._source is not None:
            self._source = None
            self.setMinimumHeight(60)
            self.updateGeometry()
            self.update()

    def pixmap(self) -> QPixmap | None:
        """The picture shown (unscaled), as QLabel.pixmap would give it."""
        return self._source

    def _target(self) -> QRect:
        src = self._source
        if src is None or src.isNull() or src.width() == 0:
            return QRect()
        width = max(1, self.width() - 4)
        height = int(src.height() * width / src.width())
        if height > self.height():  # taller than the room we got: fit the height instead
            height = max(1, self.height())
            width = int(src.width() * height / src.height())
        return QRect((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        if self._source is None or self._source.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawPixmap(self._target(), self._source)

    def sizeHint(self) -> QSize:  # noqa: N802
        if self._source is None or self._source.isNull():
            return QSize(120, 60)
        return QSize(self._source.width() + 4, min(self._source.height(), self.MAX_HEIGHT))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.claims_height and self._source is not None

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self._source is None or self._source.width() == 0:
            return super().heightForWidth(width)
        return min(int(self._source.height() * width / self._source.width()), self.MAX_HEIGHT)


class DatasetPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setObjectName("muted")
        self.stack = QStackedWidget()
        self.image = FitImage()
        self.points = pg.PlotWidget()
        self.points.setMinimumHeight(150)
        self.points.setMaximumHeight(240)
        self.points.setLabel("bottom", "x₁")
        self.points.setLabel("left", "x₂")
        # The classes are named in the title, in their colours: a legend box inside a plot this small sits on
        # the points (on XOR it hid one of the four).
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.image, self.points, self.text):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        layout.addWidget(self.info)
        self.kind = ""

    def show_loading(self, name: str) -> None:
        self.info.setText(self.tr("Loading {name} …").format(name=name))

    def show_error(self, message: str) -> None:
        self.kind = "error"
        self.stack.setCurrentWidget(self.text)
        self.text.setText(f"<span style='color:{theme.ERROR}'>{message}</span>")
        self.info.setText("")

    def show_preview(self, preview: dict[str, Any]) -> None:
        self.kind = preview["kind"]
        sizes = preview["sizes"]
        self.info.setText(self.tr("<b>{title}</b><br>Source: {source}<br>train {train} · validation {validation} · "
                                  "test {test}").format(title=model_text(preview["title"]),
                                                        source=model_text(preview["source"]),
                                                        train=f"{sizes['train']:,}",
                                                        validation=f"{sizes['validation']:,}", test=f"{sizes['test']:,}")
                          + (f"<br>{model_text(preview['notes'])}" if preview.get("notes") else ""))
        self.info.setToolTip(preview.get("report", ""))  # your data: classes, counts, sizes, files skipped and why
        if self.kind == "images":
            self.image.set_source(grey_pixmap(255 - preview["grid"], 1))
            self.image.setToolTip(self.tr("Labels: {labels}").format(labels=" ".join(str(v) for v in preview["labels"])))
            self.stack.setCurrentWidget(self.image)
        elif self.kind == "points":
            self.points.clear()
            x, y = preview["x"], preview["y"]
            names = []
            for cls, colour in ((0, theme.SERIES[0]), (1, theme.SERIES[1])):
                sel = y == cls
                self.points.plot(x[sel, 0], x[sel, 1], pen=None, symbol="o", symbolSize=6, symbolBrush=colour,
                                 symbolPen=None, name=self.tr("class {n}").format(n=cls))
                names.append(f"<span style='color:{colour}'>● {self.tr('class {n}').format(n=cls)}</span>")
            self.points.setTitle("&nbsp;&nbsp;".join(names), size="8pt")
            self.stack.setCurrentWidget(self.points)
        else:
            samples = preview.get("samples", [])
            self.text.setText("<br>".join(str(s).replace("<", "&lt;") for s in samples[:12]))
            self.stack.setCurrentWidget(self.text)


class RunControls(QWidget):
    """Start, Continue, Pause, Stop, the progress with the time left, and the device: one row for the window's tool
    bar, so they stay in sight whatever the mode and however short the screen (they sat under the dataset
    preview and the form, below the fold of a 768 px laptop screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QPushButton(self.tr("Start"))
        self.start.setObjectName("primary")
        self.start.setShortcut("Ctrl+Return")
        self.pause = QPushButton(self.tr("Pause"))
        self.pause.setShortcut("Ctrl+P")
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setShortcut("Ctrl+.")
        self.continue_ = QPushButton(self.tr("Continue"))
        self.continue_.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("idle"))
        self.progress.setValue(0)
        self.progress.setMinimumWidth(220)
        self.progress.setMaximumWidth(460)
        self.device = QLabel(self.tr("Device: loading TensorFlow …"))
        self.device.setObjectName("muted")
        self.device.setMinimumWidth(40)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACING)
        for button in (self.start, self.continue_, self.pause, self.stop):
            layout.addWidget(button)
        layout.addSpacing(theme.SPACING)
        layout.addWidget(self.progress, 3)
        layout.addWidget(self.device, 1)


class TrainingPanel(QWidget):
    start_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()
    continue_clicked = Signal()
    settings_changed = Signal(dict)  # {"dataset": ...} or {"learning_rate": ...}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset = QComboBox()
        self.dataset.setToolTip(self.tr("The data to train on. Every dataset works offline."))
        self.preview = DatasetPreview()
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setToolTip(self.tr("How weights move along the gradient. SGD takes plain steps; Adam adapts "
                                          "the step size of every weight from running averages of its gradients."))
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(6)
        self.lr.setRange(1e-6, 10.0)
        self.lr.setSingleStep(0.0005)
        self.lr.setToolTip(self.tr("Step size of each update. Too small: slow; too large: the loss jumps around or "
                                   "explodes. With several replicas it is not rescaled: the batch is the global one."))
        self.batch = QSpinBox()
        self.batch.setRange(1, 4096)
        self.batch.setToolTip(self.tr("Examples per update. Each batch gives one gradient estimate and one step. "
                                      "With several replicas this is the global batch: each takes its share."))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10000)
        self.epochs.setToolTip(self.tr("Passes over the whole training set."))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Fixes the random initial weights, shuffling and splits: same seed, same run."))
        self.controls = RunControls()  # laid out by the window, in the tool bar over every mode
        self.start, self.continue_ = self.controls.start, self.controls.continue_
        self.pause, self.stop = self.controls.pause, self.controls.stop
        self.callbacks = CallbackSettings()
        self.progress, self.device = self.controls.progress, self.controls.device
        self.message = QLabel("")
        self.message.setWordWrap(True)

        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.dataset)
        data_layout.addWidget(self.preview)
        settings = QGroupBox(self.tr("Training"))
        form = QFormLayout(settings)
        form.setSpacing(theme.SPACING)
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Seed"), self.seed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN, theme.MARGIN, theme.MARGIN)
        layout.setSpacing(theme.SPACING)
        layout.addWidget(data_box)
        layout.addWidget(settings)
        layout.addWidget(self.callbacks)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.start.clicked.connect(self.start_clicked)
        self.pause.clicked.connect(self.pause_clicked)
        self.stop.clicked.connect(self.stop_clicked)
        self.continue_.clicked.connect(self.continue_clicked)
        self.callbacks.settings_changed.connect(self.settings_changed)
        self._updating = False
        self.dataset.currentTextChanged.connect(lambda v: self._changed("dataset", v))
        self.optimizer.currentTextChanged.connect(lambda v: self._changed("optimizer", v))
        self.lr.valueChanged.connect(lambda v: self._changed("learning_rate", float(v)))
        self.batch.valueChanged.connect(lambda v: self._changed("batch_size", int(v)))
        self.epochs.valueChanged.connect(lambda v: self._changed("epochs", int(v)))
        self.seed.valueChanged.connect(lambda v: self._changed("seed", int(v)))
        self.set_running(False)
        self._t0 = 0.0
        self._last_progress = 0.0
        self._paused_total, self._paused_at = 0.0, None  # seconds paused so far; when the current pause began
        self._epochs = 1
        self._steps = 1
        self._rate: tuple[float, str] | None = None  # (units per step, unit) when the run reports its speed

    def _changed(self, key: str, value: Any) -> None:
        if not self._updating:
            self.settings_changed.emit({key: value})

    def show_settings(self, experiment: Any, preferred: tuple[str, ...] = ()) -> None:
        """Fill the widgets from the experiment without echoing changes back."""
        self._updating = True
        try:
            # a user's folder or table comes from the Data menu (it needs a path); listed only while in use
            own = {"images", "table", "corpus-file"} - {experiment.dataset}
            names = list(dict.fromkeys([*preferred, experiment.dataset,
                                        *(n for n in available() if n not in own)]))
            names = [n for n in names if not n.endswith("-N")] + [n for n in names if n.endswith("-N")]
            if [self.dataset.itemText(i) for i in range(self.dataset.count())] != names:
                self.dataset.clear()
                self.dataset.addItems(names)
            self.dataset.setCurrentText(experiment.dataset)
            cfg = experiment.training
            self.optimizer.setCurrentText(cfg.optimizer)
            self.lr.setValue(cfg.learning_rate)
            self.batch.setValue(cfg.batch_size)
            self.epochs.setValue(cfg.epochs)
            self.seed.setValue(cfg.seed)
            self.callbacks.show_settings(cfg)
        finally:
            self._updating = False

    def set_running(self, running: bool, paused: bool = False) -> None:
        self.pause.setEnabled(running)
        self.stop.setEnabled(running)
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause.setToolTip(self.tr("Continue training (Ctrl+P)") if paused else
                              self.tr("Pause after the current batch (Ctrl+P)"))
        self.stop.setToolTip(self.tr("Stop after the current batch and keep the weights (Ctrl+.)"))
        for w in (self.dataset, self.optimizer, self.lr, self.batch, self.epochs, self.seed, self.callbacks):
            w.setEnabled(not running)
        if running:
            self.continue_.setEnabled(False)

    def set_continue_allowed(self, reason: str) -> None:
        """Continue trains the last model further for 'Epochs' more epochs; `reason` says why not ('' = can)."""
        self.continue_.setEnabled(not reason)
        self.continue_.setToolTip(self.tr("Train the same model further for 'Epochs' more epochs, with its "
                                          "optimizer state; the epochs and curves go on") if not reason else reason)

    def set_start_allowed(self, allowed: bool, reason: str = "") -> None:
        self.start.setEnabled(allowed)
        self.start.setToolTip(self.tr("Train the network (Ctrl+Enter)") if allowed else reason)

    def begin(self, epochs: int, steps: int, samples_per_epoch: int = 0, unit: str = "samples") -> None:
        """`unit` other than "samples" (word2vec's "words") adds the speed in that unit to the progress text."""
        self._t0 = time.perf_counter()
        self._rate = (samples_per_epoch / max(1, steps), unit) if unit != "samples" and samples_per_epoch else None
        self._paused_total, self._paused_at = 0.0, None
        self._last_progress = 0.0
        self._epochs, self._steps = max(1, epochs), max(1, steps)
        self.progress.setRange(0, self._epochs * self._steps)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting …"))
        self.message.setText("")

    def note_paused(self, paused: bool, now: float | None = None) -> None:
        """Time spent paused is not training time: the time left is estimated from the rest."""
        now = time.perf_counter() if now is None else now
        if paused and self._paused_at is None:
            self._paused_at = now
        elif not paused and self._paused_at is not None:
            self._paused_total += now - self._paused_at
            self._paused_at = None

    def training_seconds(self, now: float | None = None) -> float:
        """Seconds since Start, less the time paused (also a pause still going on)."""
        now = time.perf_counter() if now is None else now
        paused = self._paused_total + (now - self._paused_at if self._paused_at is not None else 0.0)
        return now - self._t0 - paused

    def update_progress(self, epoch: int, batch: int, step: int) -> None:
        now = time.perf_counter()
        if now - self._last_progress < 1.0 and batch < self._steps:
            return  # a progress bar repaint costs ~1-2 ms of the GUI thread; the time left ticks once a second
        self._last_progress = now
        done = min(step, self._epochs * self._steps)
        elapsed = self.training_seconds(now)
        total = self._epochs * self._steps
        left = elapsed / done * (total - done) if done else 0.0
        # Text first: setFormat only schedules a paint, setValue paints at once (QProgressBar calls repaint),
        # so in this order both changes go out in one paint instead of two.
        rate = ""
        if self._rate is not None and elapsed > 0 and done:  # word2vec: words so far and per second, as gensim says
            per_step, unit = self._rate
            shown = {"words": self.tr("words")}.get(unit, unit)
            rate = self.tr(" · {count} {unit}, {speed}/s").format(count=_count(per_step * done), unit=shown,
                                                                  speed=_count(per_step * done / elapsed))
        self.progress.setFormat(self.tr("epoch {epoch}/{epochs} · batch {batch}/{steps} · {left} left").format(
            epoch=epoch, epochs=self._epochs, batch=batch, steps=self._steps, left=_clock(left)) + rate)
        self.progress.setValue(done)

    def end(self, text: str) -> None:
        self.progress.setFormat(text)

    def show_device(self, device: str, replicas: int = 1, batch_size: int = 0) -> None:
        """The device line; with several replicas it says how the batch is shared (the global batch is split, the
        learning rate is not rescaled), in the text and, at length, in the tooltip."""
        if replicas > 1 and batch_size:
            share = batch_size / replicas
            share_text = f"{share:g}" if share == int(share) else f"≈{share:.1f}"
            self.device.setText(self.tr("Device: {replicas} replicas, {share} examples each").format(
                replicas=replicas, share=share_text))
            self.device.setToolTip(self.tr(
                "{device}\n\nEach of the {replicas} replicas holds a copy of the model and takes {share} of the "
                "{batch} examples of every batch; their gradients are added, so one step is the step of the whole "
                "batch. The learning rate is not rescaled.").format(device=device, replicas=replicas,
                                                                      share=share_text, batch=batch_size))
        else:
            self.device.setText(self.tr("Device: {device}").format(device=device))
            self.device.setToolTip(device)


def _count(n: float) -> str:
    """1234 -> '1,234', 56_700 -> '56.7k', 3_400_000 -> '3.4M': a progress line that does not jump in width."""
    if n >= 1e6:
        return f"{n / 1e6:.1f}M"
    if n >= 1e4:
        return f"{n / 1e3:.1f}k"
    return f"{n:,.0f}"


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
