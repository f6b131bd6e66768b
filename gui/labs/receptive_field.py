"""The receptive-field lab: click a pixel of a conv or pool layer of the current network and see the input
region it depends on (models.labs.receptive_field, numpy, on the GUI thread).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QGraphicsRectItem, QGridLayout, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import receptive_field as rf
from models.spec.experiment import Experiment


class ReceptiveFieldLab(Panel):
    """Click a pixel of a conv/pool layer of the current network and see the input region it depends on."""

    title = QT_TRANSLATE_NOOP("Panels", "Receptive field")
    area = "lab"
    shortcut = "Ctrl+Shift+8"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.chain: rf.Chain | None = None
        self.region: rf.Region | None = None
        self._input_shape: tuple[int, ...] = ()
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.shown_title(), self.tr(
            "The part of the input one output pixel depends on. Each convolution or pooling layer widens it by "
            "(window − 1) × the combined stride of the layers below.")))
        self.layer = QComboBox()
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer.setMinimumContentsLength(16)
        self.layer.setToolTip(self.tr("A convolution or pooling layer of the network in the editor."))
        self.layer.currentIndexChanged.connect(self._layer_changed)
        controls.addWidget(self.layer)
        grid = QGridLayout()
        self.row = lw.spin(0, 0, 0, self.tr("Output pixel row (or click the layer's grid)."))
        self.col = lw.spin(0, 0, 0, self.tr("Output pixel column (or click the layer's grid)."))
        self.row.valueChanged.connect(self.refresh)
        self.col.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("row")), 0, 0)
        grid.addWidget(self.row, 0, 1)
        grid.addWidget(lw.muted(self.tr("column")), 1, 0)
        grid.addWidget(self.col, 1, 1)
        controls.addLayout(grid)
        self.info = lw.muted("")
        controls.addWidget(self.info)
        self.chain_text = lw.muted("")
        controls.addWidget(self.chain_text)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 240), 2)

        self.input_plot = self._image_plot(self.tr("input"), self.tr(
            "The network's input (an MNIST digit when the shapes allow). Highlighted: the pixels the chosen output "
            "pixel depends on; dashed: the full window, which may reach into the zero padding."))
        self.input_image = pg.ImageItem()
        self.input_plot.addItem(self.input_image)
        self.full_rect = QGraphicsRectItem()
        self.full_rect.setPen(pg.mkPen(theme.ACCENT, width=1.5, style=Qt.PenStyle.DashLine))
        self.input_plot.addItem(self.full_rect)
        self.rect = QGraphicsRectItem()
        self.rect.setPen(pg.mkPen(theme.ERROR, width=2.5))
        self.rect.setBrush(pg.mkBrush(214, 69, 69, 60))
        self.input_plot.addItem(self.rect)
        layout.addWidget(self.input_plot, 3)
        self.output_plot = self._image_plot(self.tr("layer output"), self.tr(
            "One square per output pixel of the chosen layer; click one to trace it back."))
        self.output_image = pg.ImageItem()
        self.output_plot.addItem(self.output_image)
        self.pixel = QGraphicsRectItem()
        self.pixel.setPen(pg.mkPen(theme.ERROR, width=2.5))
        self.output_plot.addItem(self.pixel)
        self.output_plot.scene().sigMouseClicked.connect(self._clicked)
        layout.addWidget(self.output_plot, 3)
        self.on_experiment_changed(ctx.experiment())

    def _image_plot(self, title: str, tip: str) -> pg.PlotWidget:
        p = lw.plot(self.tr("column"), self.tr("row"), tip)
        p.setTitle(title, size="9pt")
        p.setAspectLocked(True)
        p.invertY(True)
        p.setMouseEnabled(False, False)
        p.setMinimumSize(150, 150)
        return p

    def on_experiment_changed(self, experiment: Experiment) -> None:
        net = experiment.networks.get("main") or next(iter(experiment.networks.values()))
        self.chain = rf.conv_chain(net)
        self._input_shape = tuple(net.input_shape)
        current = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for layer in self.chain.layers:
            self.layer.addItem(self.layer_label(layer), layer.spec_index)
        self.layer.blockSignals(False)
        if not self.chain.layers:
            self.info.setText(self.tr("The network in the editor has no convolution or pooling layers on an image "
                                      "input. Load the CNN or LeNet-5 preset to trace receptive fields.") +
                              (f" ({self._note()})" if self.chain.note else ""))
            self.chain_text.setText("")
            self.input_image.clear()
            self.output_image.clear()
            self.rect.setRect(QRectF())
            self.full_rect.setRect(QRectF())
            self.pixel.setRect(QRectF())
            return
        index = self.layer.findData(current)
        self.layer.setCurrentIndex(index if index >= 0 else len(self.chain.layers) - 1)
        self._show_input()
        self.chain_text.setText(self.tr("Theoretical receptive field per layer (a pixel far from the border): ") +
                                self.tr(", ").join(self.tr("layer {n}: {size}").format(
                                    n=layer.spec_index + 1, size=layer.theoretical_size)
                                    for layer in self.chain.layers) +
                                (self.tr(". {note}.").format(note=self._note()[:1].upper() + self._note()[1:])
                                 if self.chain.note else ""))
        self._layer_changed()

    def _note(self) -> str:
        """Why the chain ends, in the window's language (the model's `note` for errors, which carry values)."""
        c = self.chain
        n = (c.stopped_at or 0) + 1
        texts = {
            "global": self.tr("layer {n} ({type}) looks at the whole feature map, so from there on every unit sees "
                              "the whole image"),
            "not_spatial": self.tr("layer {n} ({type}) is not a convolution or pooling layer; the chain stops"),
            "no_image_before": self.tr("the network has no image input before layer {n} ({type})"),
            "no_image": self.tr("the network has no image input"),
        }
        return texts[c.stop_reason].format(n=n, type=c.stop_type) if c.stop_reason in texts else c.note

    def _show_input(self) -> None:
        assert self.chain is not None
        h, w = self.chain.input_size
        try:
            from models.images import sample_image
            img = sample_image((h, w), 0) if self.chain.input_index < 0 else np.zeros((h, w))
        except Exception:  # noqa: BLE001 - any picture will do
            img = np.zeros((h, w))
        self.input_image.setImage(np.asarray(img, dtype="float32").T, levels=(0.0, 1.0), autoLevels=False)
        self.input_image.setRect(QRectF(0, 0, w, h))
        self.input_plot.setXRange(0, w, padding=0.02)
        self.input_plot.setYRange(0, h, padding=0.02)
        lw.pixel_ticks(self.input_plot, w, h)

    def _layer_changed(self) -> None:
        if not self.chain or not self.chain.layers or self.layer.currentIndex() < 0:
            return
        layer = self.chain.layers[self.layer.currentIndex()]
        oh, ow = layer.out_size
        for box, n in ((self.row, oh), (self.col, ow)):
            box.blockSignals(True)
            box.setRange(0, n - 1)
            box.setValue(min(box.value(), n - 1) if box.value() else n // 2)
            box.blockSignals(False)
        checker = (np.add.outer(np.arange(oh), np.arange(ow)) % 2).astype("float32") * 0.12 + 0.8
        self.output_image.setImage(checker.T, levels=(0.0, 1.0), autoLevels=False)
        self.output_image.setRect(QRectF(0, 0, ow, oh))
        self.output_plot.setTitle(self.tr("layer {n} output ({rows}×{cols})").format(
            n=layer.spec_index + 1, rows=oh, cols=ow), size="9pt")
        self.output_plot.setXRange(0, ow, padding=0.02)
        self.output_plot.setYRange(0, oh, padding=0.02)
        lw.pixel_ticks(self.output_plot, ow, oh)
        self.refresh()

    def _clicked(self, event: Any) -> None:
        if not self.chain or not self.chain.layers:
            return
        point = self.output_image.mapFromScene(event.scenePos())
        layer = self.chain.layers[self.layer.currentIndex()]
        r, c = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= r < layer.out_size[0] and 0 <= c < layer.out_size[1]:
            self.select(r, c)

    def select(self, row: int, col: int) -> None:
        self.row.blockSignals(True)
        self.row.setValue(row)
        self.row.blockSignals(False)
        self.col.setValue(col)
        self.refresh()

    def refresh(self) -> None:
        if not self.chain or not self.chain.layers or self.layer.currentIndex() < 0:
            return
        spec_index = self.layer.currentData()
        try:
            self.region = rf.receptive_field(self.chain, spec_index, self.row.value(), self.col.value())
        except rf.ReceptiveFieldError as exc:
            self.info.setText(str(exc))
            return
        reg = self.region
        self.rect.setRect(QRectF(reg.cols[0], reg.rows[0], reg.size[1], reg.size[0]))
        self.full_rect.setRect(QRectF(reg.full_cols[0], reg.full_rows[0], reg.full_size[1], reg.full_size[0]))
        self.pixel.setRect(QRectF(self.col.value(), self.row.value(), 1, 1))
        steps = self.tr(", then ").join(
            self.tr("input of layer {n}: rows {first}–{last}, columns {left}–{right}").format(
                n=i + 1, first=r[0], last=r[1], left=c[0], right=c[1]) for i, r, c in reg.per_layer)
        self.info.setText(self.region_text(reg) + f"<br><span style='color:{theme.MUTED}'>"
                          + self.tr("Going down: {steps}").format(steps=steps) + "</span>")

    # The words of models.labs.receptive_field (ChainLayer.label, Region.text), here so that they can be
    # translated; the English is the same.
    def layer_label(self, layer: rf.ChainLayer) -> str:
        kinds = {"Conv2D": self.tr("{k}×{k} conv"), "MaxPooling2D": self.tr("{k}×{k} max-pool")}
        what = kinds.get(layer.type, self.tr("{k}×{k} avg-pool")).format(k=layer.kernel)
        return self.tr("layer {n}: {what}, stride {stride}, {padding} → {rows}×{cols}").format(
            n=layer.spec_index + 1, what=what, stride=layer.stride, padding=layer.padding, rows=layer.out_size[0],
            cols=layer.out_size[1])

    def region_text(self, reg: rf.Region) -> str:
        (h, w), (fh, fw) = reg.size, reg.full_size
        text = (self.tr("output pixel (row {row}, column {col}) of layer {n} depends on input rows {first}–{last} "
                        "and columns {left}–{right}: a {h}×{w} region of the {in_h}×{in_w} input.")
                if (h, w) == (fh, fw) else
                self.tr("output pixel (row {row}, column {col}) of layer {n} depends on input rows {first}–{last} "
                        "and columns {left}–{right}: a {h}×{w} region of the {in_h}×{in_w} input (the full "
                        "{fh}×{fw} window reaches past the border into zero padding)."))
        return text.format(row=reg.pixel[0], col=reg.pixel[1], n=reg.spec_index + 1, first=reg.rows[0],
                           last=reg.rows[1], left=reg.cols[0], right=reg.cols[1], h=h, w=w, in_h=reg.input_size[0],
                           in_w=reg.input_size[1], fh=fh, fw=fw)


PANELS = [ReceptiveFieldLab]
