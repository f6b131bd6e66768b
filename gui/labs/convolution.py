"""The convolution lab: kernels, padding, stride and pooling on a digit or a picture of your own.

Computed with models.labs.convolution (numpy) on the GUI thread: a 28×28 convolution takes well under a
millisecond, and loaded pictures are shrunk to at most 160 pixels a side first so it stays fast.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.i18n import model_text
from gui.panels.base import Panel, PanelContext
from gui.training_panel import FitImage, grey_pixmap
from models.labs import convolution as conv
from models.labs.digit import resize
from models.images import tile_grid, to_uint8

MAX_SIDE = 160


_SIZED = ("identity", "box_blur", "gaussian")
DEFAULT_KERNEL = "sobel_x"


def load_picture(path: str) -> np.ndarray:
    """Any image Qt can read -> grey values in [0, 1], at most MAX_SIDE pixels a side (area-averaged)."""
    image = QImage(path)
    if image.isNull():
        raise ValueError(QCoreApplication.translate("ConvolutionLab", "{path}: not an image Qt can read (try PNG, "
                                                                      "JPEG or BMP)").format(path=path))
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)[:, :w]
    grey = data.astype("float64") / 255.0
    scale = min(1.0, MAX_SIDE / max(h, w))
    if scale < 1.0:
        grey = resize(grey, max(1, round(h * scale)), max(1, round(w * scale)))
    return grey


def _caption(title: str, shape: tuple[int, ...], lo: float | None = None, hi: float | None = None) -> str:
    size = "×".join(str(d) for d in shape)
    values = "" if lo is None else QCoreApplication.translate("ConvolutionLab", " · values {lo:.3g} … {hi:.3g}").format(
        lo=lo, hi=hi)
    return f"<b>{title}</b> {size}{values}"


class ConvolutionLab(Panel):
    """Pick an image and a kernel, padding and stride; see the output and its size formula, then pool it."""

    title = QT_TRANSLATE_NOOP("Panels", "Convolution")
    area = "lab"
    shortcut = "Ctrl+Shift+7"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self._digits: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self.picture: np.ndarray | None = None  # a loaded file, or None for an MNIST digit
        self.result: conv.ConvResult | None = None
        self.pooled: conv.PoolResult | None = None
        layout = lw.panel_row(self)

        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.shown_title(), self.tr(
            "Slide a small grid of weights (the kernel) over the image; each output pixel is the sum of the kernel "
            "times the pixels under it. Like Keras, the kernel is not flipped.")))
        grid = QGridLayout()
        row = 0
        # The shipped digits are sorted by class; the default sample is a 7, whose straight stroke and bar show
        # Sobel x's vertical and horizontal responses apart.
        self.digit = lw.spin(0, 4999, self._first_of_class(7, 3), self.tr(
            "Which of the 5,000 shipped MNIST images to use (sorted by digit: 0s first, 9s last). The input's "
            "caption says which digit it is."))
        self.digit.valueChanged.connect(self._use_digit)
        grid.addWidget(lw.muted(self.tr("MNIST sample")), row, 0)
        grid.addWidget(self.digit, row, 1)
        row += 1
        self.load_button = QPushButton(self.tr("Load picture…"))
        self.load_button.setToolTip(self.tr("Use your own picture (converted to grey, shrunk to at most {n} pixels a "
                                            "side).").format(n=MAX_SIDE))
        self.load_button.clicked.connect(self._load_dialog)
        grid.addWidget(self.load_button, row, 0, 1, 2)
        row += 1
        self.kernel = QComboBox()
        self.kernel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kernel.setMinimumContentsLength(24)  # "Sobel x (vertical edges)" whole; the longest are elided
        for name in conv.KERNEL_NAMES:
            self.kernel.addItem(model_text(conv.KERNEL_TITLES[name]), name)
        self.kernel.setCurrentIndex(self.kernel.findData(DEFAULT_KERNEL))  # not identity: output = input teaches nothing
        self.kernel.setToolTip(self.tr("Edge kernels respond where brightness changes; blur kernels average "
                                       "neighbours; sharpen adds the difference from the neighbours back."))
        self.kernel.currentIndexChanged.connect(self._kernel_changed)
        grid.addWidget(lw.muted(self.tr("kernel")), row, 0)
        grid.addWidget(self.kernel, row, 1)
        row += 1
        self.size = lw.spin(1, 15, 3, self.tr("Kernel width and height (odd, so it has a centre)."))
        self.size.setSingleStep(2)
        self.size.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("kernel size")), row, 0)
        grid.addWidget(self.size, row, 1)
        row += 1
        self.sigma = lw.dspin(0.1, 10.0, 1.0, 0.1, self.tr("Gaussian spread: larger sigma → flatter weights → more "
                                                           "blur."))
        self.sigma.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("sigma σ")), row, 0)
        grid.addWidget(self.sigma, row, 1)
        row += 1
        self.custom = QPlainTextEdit("0 -1 0\n-1 5 -1\n0 -1 0")
        self.custom.setToolTip(self.tr("Your own 3×3 or 5×5 weights: one row per line, numbers separated by spaces "
                                       "or commas; fractions such as 1/9 are fine."))
        self.custom.setMaximumHeight(70)
        self.custom.textChanged.connect(self.refresh)
        grid.addWidget(self.custom, row, 0, 1, 2)
        row += 1
        self.padding = QComboBox()
        self.padding.addItem(self.tr("valid (no padding)"), "valid")
        self.padding.addItem(self.tr("same (zero padding)"), "same")
        self.padding.setToolTip(self.tr("'valid': the kernel stays inside the image, so the output shrinks. 'same': "
                                        "zeros are added around the border so that, with stride 1, the output keeps "
                                        "its size."))
        self.padding.currentIndexChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("padding")), row, 0)
        grid.addWidget(self.padding, row, 1)
        row += 1
        self.stride = lw.spin(1, 3, 1, self.tr("How many pixels the kernel moves between outputs; 2 halves each "
                                               "side."))
        self.stride.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("stride")), row, 0)
        grid.addWidget(self.stride, row, 1)
        row += 1
        grid.addWidget(lw.heading(self.tr("Pooling")), row, 0, 1, 2)
        row += 1
        self.pool_mode = QComboBox()
        for text, data in ((self.tr("none"), ""), (self.tr("max"), "max"), (self.tr("average"), "average"),
                           (self.tr("K-max"), "kmax")):
            self.pool_mode.addItem(text, data)
        self.pool_mode.setCurrentIndex(1)
        self.pool_mode.setToolTip(self.tr("Max keeps each window's largest value, average its mean, K-max its K "
                                          "largest values (in the order they appear), one output map per kept "
                                          "value."))
        self.pool_mode.currentIndexChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("mode")), row, 0)
        grid.addWidget(self.pool_mode, row, 1)
        row += 1
        self.pool_size = lw.spin(1, 8, 2, self.tr("Window width and height."))
        self.pool_size.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("window")), row, 0)
        grid.addWidget(self.pool_size, row, 1)
        row += 1
        self.pool_stride = lw.spin(1, 8, 2, self.tr("Step between windows (Keras' default equals the window)."))
        self.pool_stride.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("pool stride")), row, 0)
        grid.addWidget(self.pool_stride, row, 1)
        row += 1
        self.k = lw.spin(1, 64, 2, self.tr("K-max pooling: how many of the largest values each window keeps."))
        self.k.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted("K"), row, 0)
        grid.addWidget(self.k, row, 1)
        controls.addLayout(grid)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 220), 2)

        # Images side by side, the formula under them.
        right = QVBoxLayout()
        images = QHBoxLayout()
        self.views: dict[str, tuple[Any, FitImage]] = {}
        for key, tip in (("input", self.tr("The image, grey values from 0 (black) to 1 (white).")),
                         ("kernel", self.tr("The kernel's weights: orange positive, blue negative, white zero.")),
                         ("output", self.tr("The feature map: the kernel's response at every position, scaled from "
                                            "its smallest (black) to largest (white) value.")),
                         ("pooled", self.tr("The feature map after pooling."))):
            col = QVBoxLayout()
            caption = lw.muted("", tip)
            image = FitImage()
            image.setMinimumSize(90, 90)
            image.setToolTip(tip)
            col.addWidget(caption)
            col.addWidget(image, 1)
            images.addLayout(col, 1)
            self.views[key] = (caption, image)
        right.addLayout(images)
        self.kernel_values = lw.muted("")
        self.kernel_values.setStyleSheet("font-family: 'DejaVu Sans Mono', monospace;")
        right.addWidget(self.kernel_values)
        self.formula = lw.muted("")
        right.addWidget(self.formula)
        right.addStretch(1)
        layout.addLayout(right, 5)
        self._kernel_changed()

    # --- inputs ----------------------------------------------------------------------------------------------
    def _load_digits(self) -> None:
        if self._digits is None:
            from models.data.mnist import load_offline_arrays
            self._digits, self._labels = load_offline_arrays()

    def _first_of_class(self, digit: int, nth: int = 0) -> int:
        self._load_digits()
        return int(np.flatnonzero(self._labels == digit)[nth])

    def image(self) -> np.ndarray:
        if self.picture is not None:
            return self.picture
        self._load_digits()
        return self._digits[self.digit.value()].astype("float64") / 255.0

    def input_title(self) -> str:
        """What the input is: the user's picture, or which digit the sample shows."""
        if self.picture is not None:
            return self.tr("your picture")
        self._load_digits()
        return self.tr("input: a {0}").format(int(self._labels[self.digit.value()]))

    def _use_digit(self) -> None:
        self.picture = None
        self.refresh()

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a picture"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        try:
            self.picture = load_picture(path)
        except ValueError as exc:
            self.formula.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
            return
        self.refresh()

    def _kernel_changed(self) -> None:
        name = self.kernel.currentData()
        self.size.setEnabled(name in _SIZED)
        self.sigma.setEnabled(name == "gaussian")
        self.custom.setVisible(name == "custom")
        if name == "gaussian" and self.size.value() < 5:
            self.size.setValue(5)
        self.refresh()

    # --- computing ------------------------------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.formula.setText(f"<span style='color:{theme.ERROR}'>{text}</span>")

    def refresh(self) -> None:
        name = self.kernel.currentData()
        size = self.size.value()
        if name in _SIZED and size % 2 == 0:
            self._error(self.tr("the kernel size must be odd (1, 3, 5, …) so the kernel has a centre"))
            return
        try:
            kernel = conv.make_kernel(name, size, self.sigma.value(), self.custom.toPlainText())
            img = self.image()
            self.result = conv.convolve(img, kernel, self.padding.currentData(), self.stride.value())
        except conv.ConvError as exc:
            self._error(str(exc))
            return
        out = self.result.output
        self._show("input", img, _caption(self.input_title(), img.shape), 0.0, 1.0)
        caption, view = self.views["kernel"]
        caption.setText(_caption(self.tr("kernel"), kernel.shape))
        view.set_source(lw.rgb_pixmap(lw.diverging_rgb(kernel), max(4, 84 // kernel.shape[0])))
        self.kernel_values.setText(self._kernel_text(kernel))
        lo, hi = float(out.min()), float(out.max())
        self._show("output", out, _caption(self.tr("output"), out.shape, lo, hi), lo, hi)
        text = self.tr("Output size: {formula}").format(formula=self.conv_formula(self.result))
        mode = self.pool_mode.currentData()
        caption, view = self.views["pooled"]
        if mode:
            try:
                self.pooled = conv.pool(out, self.pool_size.value(), self.pool_stride.value(), mode, self.k.value())
            except conv.ConvError as exc:
                self.pooled = None
                caption.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
                view.clear()
            else:
                p = self.pooled.output
                maps = [p[..., i] for i in range(p.shape[-1])] if p.ndim == 3 else [p]
                lo_p, hi_p = float(p.min()), float(p.max())
                tiled = tile_grid([(m - lo_p) / max(hi_p - lo_p, 1e-12) for m in maps], min(len(maps), 4), background=0.85)
                caption.setText(_caption(self.tr("{mode} pooled").format(mode=self.pool_mode.currentText()), p.shape,
                                         lo_p, hi_p))
                view.set_source(grey_pixmap(to_uint8(tiled, 0.0, 1.0), max(1, 112 // max(tiled.shape))))
                text += self.tr("<br>Pooling: {formula}").format(formula=self.pool_formula(self.pooled))
        else:
            self.pooled = None
            caption.setText(self.tr("<b>no pooling</b>"))
            view.clear()
        self.formula.setText(text)

    def _show(self, key: str, array: np.ndarray, caption: str, lo: float, hi: float) -> None:
        label, view = self.views[key]
        label.setText(caption)
        view.set_source(grey_pixmap(to_uint8(array, lo, hi), max(1, 112 // max(array.shape))))

    def _kernel_text(self, kernel: np.ndarray) -> str:
        if kernel.shape[0] > 5:
            return self.tr("{rows}×{cols} weights, sum {total:.3g}").format(rows=kernel.shape[0], cols=kernel.shape[1],
                                                                            total=kernel.sum())
        rows = ["&nbsp;".join(f"{v:6.3f}".replace(" ", "&nbsp;") for v in row) for row in kernel]
        return "<br>".join(rows) + self.tr("<br>sum {total:.3g}").format(total=kernel.sum())

    # --- the size formulas, typeset (models.labs.convolution writes them as plain text for the CLI and tests) -----
    def axis_formula(self, axis: conv.AxisSize) -> str:
        """The output size typeset: ⌊(n + P − k) / s⌋ + 1 with italic symbols, then the same with the numbers."""
        total = axis.pad_before + axis.pad_after
        n, p, k, s = (f"<i>{v}</i>" for v in ("n", "P", "k", "s"))
        out = "<i>n</i><sub>out</sub>"
        general = (f"⌊({n} + {p} − {k}) / {s}⌋ + 1 = ⌊({axis.n} + {total} − {axis.k}) / {axis.stride}⌋ + 1 = "
                   f"{axis.out}")
        if axis.padding == "same":
            return self.tr("'same': {out} = ⌈{n} / {s}⌉ = ⌈{n_value} / {s_value}⌉ = {result}, which needs {P} = "
                           "{total} zeros ({before} before, {after} after); check: {general}").format(
                               out=out, n=n, s=s, P=p, n_value=axis.n, s_value=axis.stride, result=axis.out,
                               total=total, before=axis.pad_before, after=axis.pad_after, general=general)
        return f"'valid' ({p} = 0): {out} = {general}"

    def conv_formula(self, result: conv.ConvResult) -> str:
        r, c = result.rows, result.cols
        if r.n == c.n and r.k == c.k:
            return self.tr("{formula}  →  output {rows}×{cols}").format(formula=self.axis_formula(r), rows=r.out,
                                                                         cols=c.out)
        return self.tr("rows: {rows_formula}; columns: {cols_formula}  →  output {rows}×{cols}").format(
            rows_formula=self.axis_formula(r), cols_formula=self.axis_formula(c), rows=r.out, cols=c.out)

    def pool_formula(self, pooled: conv.PoolResult) -> str:
        r, c = pooled.rows, pooled.cols
        text = self.tr("{formula}  →  output {rows}×{cols}").format(formula=self.axis_formula(r), rows=r.out,
                                                                     cols=c.out)
        if pooled.mode == "kmax":
            text += self.tr("×{k} (the {k} largest values per window)").format(k=pooled.k)
        return text


PANELS = [ConvolutionLab]
