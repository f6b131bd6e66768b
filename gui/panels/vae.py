"""Watching a variational autoencoder learn: decoded fixed noise, the latent map of held-out digits coloured by
label, and the decoded latent plane; after training, Generate and Save PNG.

The payloads come from the probes the VAE recipe attaches itself (`vae_samples`, `vae_latent`, see
models/families/vae/probes.py); Generate runs on the worker through `ctx.with_trained_model` with the exported
decoder (pixels in [0, 1]).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout)

from models.images import tile_grid, to_uint8
from models.spec.experiment import Experiment
from models.families.vae.options import FAMILY
from models.families.vae.probes import MANIFOLD_RANGE

from gui import theme
from gui.training_panel import FitImage, grey_pixmap
from gui import widgets as lw
from gui.options_form import OptionsForm
from gui.panels.base import Panel

# Ten well-separated colours, one per digit (Tableau 10).
DIGIT_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                 "#9c755f", "#7f7f7f")


def _job_generate(seed: int):
    def job(model: Any) -> np.ndarray:
        from models.generators import generate
        return tile_grid(generate(model, 64, seed), 8)
    return job


class VAEPanel(Panel):
    """Live view of a VAE run and its decoder's tools once training stops."""

    title = QT_TRANSLATE_NOOP("Panels", "Latent space")
    area = "bottom"
    latest_probe_only = True

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.shown_grid: np.ndarray | None = None
        self.manifold: np.ndarray | None = None
        self.points: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.has_model = False
        self.seed = 0
        self._brushes: list[Any] = [pg.mkBrush(c) for c in DIGIT_COLOURS]
        self._label_key: bytes = b""
        self._point_brushes: list[Any] = []

        layout = lw.panel_row(self)
        layout.addLayout(self._samples_column(), 3)
        layout.addLayout(self._map_column(), 5)
        layout.addLayout(self._manifold_column(), 5)
        self._set_tools_enabled(False)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """The decoded plane is square (its aspect is locked): a plot taller than it is wide only showed empty
        bands above and below the tiles, and squeezed them to fit the width."""
        super().resizeEvent(event)
        axes = 10  # the bottom axis is about as tall as the left one is wide: the view box stays square
        self.manifold_plot.setMaximumHeight(max(160, self.manifold_plot.width() + axes))

    # --- layout ------------------------------------------------------------------------------------------
    def _samples_column(self) -> QVBoxLayout:
        col = QVBoxLayout()
        self.grid_title = lw.heading(self.tr("Samples from fixed noise"),
                                     self.tr("The decoder's output for the same vectors z ~ N(0, I) every time, "
                                             "refreshed at most twice a second."))
        col.addWidget(self.grid_title)
        self.grid_image = FitImage(claims_height=False)
        self.grid_image.setToolTip(self.tr("Each tile is decoder(z) for one fixed z drawn from the standard normal: "
                                           "what the VAE generates once the encoder is thrown away."))
        # Ignored width: the column's stretch decides, not the pixmap's natural size (the plots need room too).
        self.grid_image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        col.addWidget(self.grid_image, 1)
        self.grid_note = lw.muted(self.tr("Appears once training starts."))
        col.addWidget(self.grid_note)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACING // 2)
        self.options = OptionsForm((FAMILY,), ("beta",), {"beta": "β"})
        self.options.changed.connect(self._set_option)
        self.beta = self.options.editors["beta"]
        self.generate_btn = QPushButton(self.tr("Generate"))
        self.generate_btn.setToolTip(self.tr("Decode 64 new vectors z ~ N(0, I) with the trained decoder (the next "
                                             "noise seed each time; the same seed always gives the same samples)."))
        self.generate_btn.clicked.connect(self._generate)
        self.save_btn = QPushButton(self.tr("Save PNG…"))
        self.save_btn.setToolTip(self.tr("Write the grid on show to a greyscale PNG file."))
        self.save_btn.clicked.connect(self._save_grid)
        row.addWidget(self.options)
        row.addSpacing(theme.SPACING)
        row.addWidget(self.generate_btn)
        row.addWidget(self.save_btn)
        row.addStretch(1)
        col.addLayout(row)
        return col

    def _map_column(self) -> QVBoxLayout:
        col = QVBoxLayout()
        self.map_title = lw.heading(self.tr("Latent map"), self.tr("Where held-out digits land: each dot is the "
                                                                   "mean μ the encoder gives one test digit, "
                                                                   "coloured by the digit it really is."))
        col.addWidget(self.map_title)
        self.legend = QLabel(self._legend_html())
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr("The colour of each dot is the digit's true label; the encoder never sees "
                                       "it."))
        col.addWidget(self.legend)
        self.map_plot = self._latent_plot()
        self.map_plot.showGrid(x=True, y=True, alpha=0.15)
        self.scatter = pg.ScatterPlotItem(size=5, pen=None)
        self.map_plot.addItem(self.scatter)
        self.box = pg.PlotCurveItem(pen=pg.mkPen("#999", width=1, style=Qt.PenStyle.DashLine))
        self.map_plot.addItem(self.box)
        r = MANIFOLD_RANGE
        self.box.setData([-r, r, r, -r, -r], [-r, -r, r, r, -r])
        self.map_plot.setRange(xRange=(-4, 4), yRange=(-4, 4), padding=0)
        self.map_plot.setToolTip(self.tr("The KL term pulls every digit's cloud towards N(0, I), so the codes fill "
                                         "a round region around the origin without gaps, and digits that look "
                                         "alike sit side by side. The dashed square is the region decoded on the "
                                         "right."))
        col.addWidget(self.map_plot, 1)
        self.map_note = lw.muted("")
        col.addWidget(self.map_note)
        return col

    @staticmethod
    def _latent_plot() -> pg.PlotWidget:
        """White, room for a small dock, latent values printed as they are (no SI prefixes)."""
        plot = pg.PlotWidget()
        plot.setBackground("w")
        plot.setMinimumSize(200, 160)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).enableAutoSIPrefix(False)
        return plot

    def _manifold_column(self) -> QVBoxLayout:
        col = QVBoxLayout()
        self.manifold_title = lw.heading(self.tr("Decoded latent plane"),
                                         self.tr("The decoder's image at each point of an even grid over the latent "
                                                 "plane, laid out like the map: z₁ grows to the right, z₂ "
                                                 "upwards."))
        col.addWidget(self.manifold_title)
        self.manifold_plot = self._latent_plot()
        self.manifold_plot.setAspectLocked(True)
        self.manifold_plot.setMouseEnabled(False, False)
        self.manifold_plot.setLabel("bottom", "z₁")
        self.manifold_plot.setLabel("left", "z₂")
        self.manifold_item = pg.ImageItem(axisOrder="row-major")
        self.manifold_item.setAutoDownsample(True)  # averages pixels when shrunk, so strokes do not alias away
        self.manifold_plot.addItem(self.manifold_item)
        self.manifold_plot.setRange(xRange=(-MANIFOLD_RANGE, MANIFOLD_RANGE),
                                    yRange=(-MANIFOLD_RANGE, MANIFOLD_RANGE), padding=0.02)
        self.manifold_plot.setToolTip(self.tr("Walk across it and one digit morphs smoothly into the next: "
                                              "neighbouring codes decode to similar images because the KL term made "
                                              "the clouds of different digits overlap."))
        col.addWidget(self.manifold_plot, 1)
        self.manifold_note = lw.muted(self.tr("Appears once training starts."))
        col.addWidget(self.manifold_note)
        return col

    @staticmethod
    def _legend_html() -> str:
        """Coloured digit names as the plot title: a legend box would hide the dots."""
        return " ".join(f"<span style='color:{c}'>●&nbsp;{d}</span>" for d, c in enumerate(DIGIT_COLOURS))

    # --- hooks -------------------------------------------------------------------------------------------
    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return experiment.family == FAMILY

    def on_experiment_changed(self, experiment: Experiment) -> None:
        if experiment.family != FAMILY:
            return
        self.options.show_options(FAMILY, experiment.options)

    def on_run_started(self, event: Any) -> None:
        self.has_model = False
        self._set_tools_enabled(False)
        self.beta.setEnabled(False)
        self.grid_note.setText(self.tr("Waiting for the first samples…"))

    def on_probe(self, event: Any) -> None:
        payload = event.payload
        if event.name == "vae_samples":
            self._show_grid(np.asarray(payload["grid"], dtype="float32"), self.tr("Samples from fixed noise"))
            self.grid_note.setText(self.tr("epoch {epoch:.1f} · decoder(z) for {n} fixed z ~ N(0, I)").format(
                epoch=float(payload.get('epoch', 0.0)), n=int(payload['rows']) * int(payload['columns'])))
        elif event.name == "vae_latent":
            self._show_latent(payload)

    def on_run_ended(self, result: Any) -> None:
        self.beta.setEnabled(True)
        if result.status not in ("finished", "stopped"):
            self.grid_note.setText(self.tr("Training failed; fix the problem and train again."))
            return
        self.has_model = True
        self._set_tools_enabled(True)

    # --- drawing -----------------------------------------------------------------------------------------
    def _show_grid(self, grid: np.ndarray, title: str) -> None:
        self.shown_grid = grid
        self.grid_title.setText(title)
        self.grid_image.set_source(grey_pixmap(to_uint8(grid, 0.0, 1.0), 1))
        self.save_btn.setEnabled(True)

    def _show_latent(self, payload: dict[str, Any]) -> None:
        points = np.asarray(payload["points"], dtype="float64")
        labels = np.asarray(payload["labels"], dtype="int64")
        finite = np.all(np.isfinite(points), axis=1)
        points, labels = points[finite], labels[finite]
        self.points, self.labels = points, labels
        key = labels.tobytes()
        if key != self._label_key:  # the batch is fixed during a run: build the brushes once
            self._label_key = key
            self._point_brushes = [self._brushes[int(k) % len(self._brushes)] for k in labels]
        self.scatter.setData(pos=points, brush=self._point_brushes)
        projected = bool(payload.get("projected"))
        dim = int(payload.get("latent_dim", 2))
        if projected:
            share = np.asarray(payload.get("explained", [0, 0]), dtype="float64")
            self.map_plot.setLabel("bottom", self.tr("principal axis 1 ({share:.0%} of the variance)").format(
                share=share[0]))
            self.map_plot.setLabel("left", self.tr("axis 2 ({share:.0%})").format(share=share[1]))
            self.map_note.setText(self.tr("{n} held-out digits · the latent space has {dim} dimensions, so the means "
                                          "are projected onto their two main axes (PCA)").format(n=len(points),
                                                                                                dim=dim))
        else:
            self.map_plot.setLabel("bottom", self.tr("z₁ (mean μ₁)"))
            self.map_plot.setLabel("left", self.tr("z₂ (mean μ₂)"))
            self.map_note.setText(self.tr("{n} held-out digits · epoch {epoch:.1f} · dashed: the decoded "
                                          "square").format(n=len(points), epoch=float(payload.get('epoch', 0))))
        self.box.setVisible(not projected and payload.get("manifold") is not None)
        if len(points):
            lim = float(np.clip(np.percentile(np.abs(points), 99.5), 1.0, 50.0)) * 1.1
            lim = max(lim, MANIFOLD_RANGE * 1.05) if not projected else lim
            self.map_plot.setRange(xRange=(-lim, lim), yRange=(-lim, lim), padding=0)
        manifold = payload.get("manifold")
        if manifold is not None:
            self.manifold = np.asarray(manifold, dtype="float32")
            self._show_manifold(self.manifold, int(payload.get("manifold_size", 1)),
                                float(payload.get("manifold_range", MANIFOLD_RANGE)))
        else:
            self.manifold = None
            self.manifold_item.clear()
            self.manifold_note.setText(self.tr("The decoded plane needs a 2-D latent space; this decoder reads {dim} "
                                               "numbers. Set its input to (2,) to see it.").format(dim=dim))

    def _show_manifold(self, image: np.ndarray, size: int, extent: float) -> None:
        """Place the tiled decoder outputs on the latent plane: each tile centred on the z it was decoded from."""
        step = 2 * extent / max(1, size - 1)
        half = extent + step / 2
        # Row 0 of the payload is the top (largest z2); the plot's y axis grows upwards, so flip it.
        self.manifold_item.setImage(image[::-1], levels=(0.0, 1.0))
        self.manifold_item.setRect(QRectF(-half, -half, 2 * half, 2 * half))
        self.manifold_plot.setRange(xRange=(-half, half), yRange=(-half, half), padding=0.02)
        self.manifold_note.setText(self.tr("{size}x{size} decoder outputs over z in [−{extent:g}, {extent:g}]², "
                                           "each at its own z: the same axes as the map").format(size=size,
                                                                                                 extent=extent))

    # --- tools -------------------------------------------------------------------------------------------
    def _set_tools_enabled(self, on: bool) -> None:
        self.generate_btn.setEnabled(on)
        self.save_btn.setEnabled(on or self.shown_grid is not None)

    def _set_option(self, name: str, value: Any) -> None:
        """β is part of the project: an edit is undoable and used by the next run."""
        exp = self.ctx.experiment()
        if exp.family != FAMILY or exp.options.get(name) == value:
            return
        exp.options[name] = value
        self.ctx.load_experiment(exp, self.tr("Set VAE {name} to {value:g}").format(
            name='β' if name == 'beta' else name, value=value))

    def _generate(self) -> None:
        if not self.has_model:
            return
        seed = self.seed
        self.seed += 1

        def done(grid: np.ndarray) -> None:
            self._show_grid(grid, self.tr("Generated samples"))
            self.grid_note.setText(self.tr("seed {seed} · 64 decoded z ~ N(0, I)").format(seed=seed))
        self.ctx.with_trained_model(_job_generate(seed), done)

    def _save_grid(self) -> None:
        lw.save_grid_as(self, self.ctx, self.shown_grid, "vae-samples.png")

    def save_png(self, path: str) -> bool:
        """Write the grid on show (scaled 3x); errors go to the message bar."""
        return lw.write_grid_png(self.ctx, self.shown_grid, path)


PANELS = [VAEPanel]
