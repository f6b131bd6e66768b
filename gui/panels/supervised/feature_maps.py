"""Live feature maps: what every convolution and pooling layer makes of one chosen image while a CNN trains,
and the first layer's learned kernels.

The activations come from models.families.supervised.probes.FeatureMapProbe and KernelProbe (computed on the training thread at
most every 0.5 s); this panel only tiles and shows them. The image can be changed during training: the probe
reads it at its next run.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from gui.training_panel import FitImage, grey_pixmap
from models.spec.experiment import Experiment
from models.images import tile_grid, to_uint8

MAX_SHOWN = 16  # channels shown per layer (the probe sends up to 32)


def has_feature_layers(experiment: Experiment) -> bool:
    net = experiment.networks.get("main")
    return (net is not None and len(net.input_shape) == 3 and experiment.family in ("supervised", "localize") and
            any(layer.type == "Conv2D" for layer in net.layers))


def tile_maps(fmap: np.ndarray, low: float, high: float, limit: int = MAX_SHOWN) -> np.ndarray:
    """(h, w, c) activations -> a uint8 grid of the first `limit` channels, all on the layer's common scale."""
    channels = [fmap[..., i] for i in range(min(limit, fmap.shape[-1]))]
    span = max(high - low, 1e-12)
    cols = int(np.ceil(np.sqrt(len(channels))))
    return to_uint8(tile_grid([(c - low) / span for c in channels], cols, pad=1, background=1.0), 0.0, 1.0)


class FeatureMapsPanel(Panel):
    """One column per conv/pool layer plus the first layer's kernels, refreshed during training."""

    title = QT_TRANSLATE_NOOP("Panels", "Feature maps")
    area = "bottom"
    latest_probe_only = True

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.probe: Any = None
        self._pending: list[tuple[Any, ...]] = []  # layers of the newest payload still to draw
        self.columns: list[tuple[Any, FitImage]] = []
        self.value_labels: list[Any] = []
        self.updates = 0
        layout = lw.panel_row(self)
        side = QVBoxLayout()
        side.addWidget(lw.heading(self.tr("Inside the CNN"), self.tr("Each layer's output for one image. Early "
                                                                     "layers respond to edges and strokes; deeper "
                                                                     "ones to larger parts of the digit.")))
        self.index = lw.spin(0, 4999, 0, self.tr("Which test image to look at (changes take effect at the next "
                                                 "refresh, also during training)."))
        self.index.valueChanged.connect(self._image_changed)
        row = QHBoxLayout()
        row.addWidget(lw.muted(self.tr("image")))
        row.addWidget(self.index)
        side.addLayout(row)
        self.input_view = FitImage()
        self.input_view.setMinimumSize(80, 80)
        self.input_view.setToolTip(self.tr("The image every layer is looking at."))
        side.addWidget(self.input_view)
        self.info = lw.muted(self.tr("Press Start: each layer's maps appear here, refreshed at most twice a "
                                     "second."))
        side.addWidget(self.info)
        side.addStretch(1)
        layout.addWidget(lw.scroll(side, 170), 1)

        self.strip = QWidget()
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(theme.SPACING * 2)
        self.kernel_caption = lw.muted(self.tr("<b>first-layer kernels</b>"),
                                       self.tr("The learned weights of the first Conv2D layer, one small square per "
                                               "kernel: orange positive, blue negative."))
        self.kernel_values = self._value_label()
        self.kernel_view = FitImage()
        self.kernel_view.setMinimumSize(90, 90)
        kcol = QVBoxLayout()
        kcol.addWidget(self.kernel_caption)
        kcol.addWidget(self.kernel_values)
        kcol.addWidget(self.kernel_view)
        kcol.addStretch(1)
        self.strip_layout.addLayout(kcol)
        self.strip_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(scroll, 5)
        self._shown_key: tuple[tuple[int, ...], int] | None = None
        self._show_input(ctx.experiment())

    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return has_feature_layers(experiment)

    def _image(self, experiment: Experiment) -> np.ndarray | None:
        from models.images import sample_image
        try:
            return sample_image(tuple(experiment.networks["main"].input_shape), self.index.value())
        except (ValueError, KeyError):
            return None

    def _show_input(self, experiment: Experiment) -> None:
        if not has_feature_layers(experiment):
            return
        # Called after every edit; the picture only changes with the input shape or the chosen image.
        key = (tuple(experiment.networks["main"].input_shape), self.index.value())
        if key == self._shown_key:
            return
        img = self._image(experiment)
        if img is not None:
            self.input_view.set_source(grey_pixmap(to_uint8(img[..., 0], 0.0, 1.0), 3))
            self._shown_key = key

    def on_experiment_changed(self, experiment: Experiment) -> None:
        self._show_input(experiment)

    def _image_changed(self) -> None:
        exp = self.ctx.experiment()
        img = self._image(exp)
        if img is None:
            return
        self._show_input(exp)
        if self.probe is not None and tuple(self.probe.image.shape) == tuple(img.shape):
            self.probe.image = img.astype("float32")  # read by the probe on its next run

    def probes(self, experiment: Experiment) -> list[Any]:
        from models.families.supervised.probes import FeatureMapProbe, KernelProbe

        img = self._image(experiment)
        if img is None:
            return []
        self.probe = FeatureMapProbe(img, max_channels=MAX_SHOWN)
        return [self.probe, KernelProbe()]

    def on_run_started(self, event: Any) -> None:
        self.updates = 0

    def _ensure_columns(self, count: int) -> None:
        while len(self.columns) < count:
            col = QVBoxLayout()
            caption = lw.muted("")
            values = self._value_label()
            view = FitImage()
            view.setMinimumSize(120, 110)
            col.addWidget(caption)
            col.addWidget(values)
            col.addWidget(view)
            col.addStretch(1)
            self.strip_layout.insertLayout(self.strip_layout.count() - 1, col)
            self.columns.append((caption, view))
            self.value_labels.append(values)
        for i, (caption, view) in enumerate(self.columns):
            caption.setVisible(i < count)
            self.value_labels[i].setVisible(i < count)
            view.setVisible(i < count)

    @staticmethod
    def _value_label() -> Any:
        """For the numbers that change with every refresh: a label of fixed size does not make the panel's
        layout recompute (that cost more than drawing the maps)."""
        label = lw.muted("")
        label.setWordWrap(False)
        label.setFixedSize(150, label.fontMetrics().lineSpacing() + 2)
        return label

    def on_probe(self, event: Any) -> None:
        p = event.payload
        if event.name == "kernels":
            if "error" in p:
                self.kernel_caption.setText(self.tr("<b>first-layer kernels</b>: {error}").format(error=p['error']))
                self.kernel_values.setText("")
                return
            k = p["kernels"]
            cols = int(np.ceil(np.sqrt(len(k))))
            rgb = tile_grid([lw.diverging_rgb(kk, p["limit"]) / 255.0 for kk in k], cols, pad=1, background=1.0)
            self.kernel_view.set_source(lw.rgb_pixmap((rgb * 255).astype(np.uint8), 4))
            # QLabel.setText returns early when the text is unchanged: the caption is laid out once per run.
            self.kernel_caption.setText(self.tr("<b>layer {layer} kernels</b><br>{count} of {rows}×{cols}").format(
                layer=p['spec_index'] + 1, count=len(k), rows=k.shape[1], cols=k.shape[2]))
            self.kernel_values.setText(f"|w| ≤ {p['limit']:.2f}")
            return
        if event.name != "feature_maps":
            return
        if "error" in p:
            self.info.setText(p["error"])
            return
        self._ensure_columns(len(p["maps"]))
        # One layer per event-loop turn: drawing all of them at once kept the window from answering for
        # ~15 ms in the middle of training.
        first = not self._pending
        self._pending = list(zip(range(len(p["maps"])), p["layers"], p["spec_index"], p["types"], p["maps"],
                                 p["channels"], p["ranges"]))
        self.updates += 1
        # Fixed text while the run lasts (a changing label re-lays out the panel); the count is in the tooltip.
        self.info.setText(self.tr("Live: the maps follow the training, refreshed about twice a second."))
        self.info.setToolTip(self.tr("Refreshed {n} times; last after batch {step}.").format(n=self.updates,
                                                                                              step=event.step))
        if first:
            QTimer.singleShot(0, self, self._draw_next_layer)

    def _draw_next_layer(self) -> None:
        if not self._pending:
            return
        column, name, idx, kind, fmap, channels, (lo, hi) = self._pending.pop(0)
        caption, view = self.columns[column]
        h, w = fmap.shape[:2]
        shown = min(channels, MAX_SHOWN)
        caption.setText(f"<b>{idx + 1} · {kind}</b><br>"
                        + self.tr("{h}×{w}, {shown} of {channels} maps").format(h=h, w=w, shown=shown,
                                                                               channels=channels))
        self.value_labels[column].setText(self.tr("values {low:.2g} … {high:.2g}").format(low=lo, high=hi))
        caption.setToolTip(self.tr("Keras layer {name}. All maps of a layer share one scale, so a dark map is a "
                                   "filter that barely responds to this image.").format(name=name))
        view.set_source(grey_pixmap(tile_maps(fmap, lo, hi), max(1, 64 // max(h, w) + 1)))
        if self._pending:
            QTimer.singleShot(0, self, self._draw_next_layer)


PANELS = [FeatureMapsPanel]
