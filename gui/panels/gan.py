"""Watching a GAN learn: the fixed-noise sample grid, the two players' curves, the mode-collapse check, and
after training a generate button, a latent-space slider and PNG export.

The grid and the class histogram come from the probes the GAN recipe attaches itself (`sample_grid`,
`class_histogram`, see models/families/gan/probes.py); everything after training runs on the worker through
`ctx.with_trained_model` with the exported generator (pixels in [0, 1]).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QSlider, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from models.families.gan.options import FAMILIES
from models.families.gan.snapshots import SnapshotStrip
from models.images import tile_grid, to_uint8
from models.spec.experiment import Experiment

from gui import theme
from gui.training_panel import FitImage, grey_pixmap
from gui import widgets as lw
from gui.captioned_grid import row_labelled_pixmap
from gui.options_form import OptionsForm
from gui.axes import SparseAxis
from gui.panels.base import Panel

INTERPOLATION_STEPS = 21


# --- worker-side jobs (run on the TensorFlow thread; return numpy only) ----------------------------------------
def _job_generate(seed: int, label: int | None, conditional: bool):
    """The tiled samples and, for a conditional generator asked for every class, each row's class."""
    def job(model: Any) -> tuple[np.ndarray, list[str]]:
        from models.generators import class_rows, generate, generator_info
        if conditional and label is None:
            images = class_rows(model, 8, seed)
            return tile_grid(images, 8), [str(d) for d in range(generator_info(model).num_classes)]
        return tile_grid(generate(model, 64, seed, label), 8), []
    return job


def _job_interpolate(seed_a: int, seed_b: int, label: int | None):
    def job(model: Any) -> np.ndarray:
        from models.generators import fixed_noise, generator_info, interpolate
        latent = generator_info(model).latent_dim
        z0, z1 = fixed_noise(1, latent, seed_a)[0], fixed_noise(1, latent, seed_b)[0]
        return interpolate(model, z0, z1, INTERPOLATION_STEPS, label)
    return job


class GenerativePanel(Panel):
    """Live view of a GAN, WGAN or conditional GAN run, and the generator's tools once training stops."""

    title = QT_TRANSLATE_NOOP("Panels", "Generative")
    area = "bottom"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.family = "gan"
        self.strip = SnapshotStrip()
        self.live_grid: np.ndarray | None = None
        self.live_rows: list[str] = []
        self.shown_grid: np.ndarray | None = None
        self.row_labels: list[str] = []  # the digit of each row on show (a conditional GAN's class rows)
        self.path_images: np.ndarray | None = None
        self.curves: dict[str, tuple[list[float], list[float]]] = {}
        self.has_model = False
        self._probe_points = False

        layout = lw.panel_row(self)
        layout.addLayout(self._grid_column(), 5)
        layout.addLayout(self._curve_column(), 4)
        layout.addWidget(self._side_tabs(), 4)
        self._set_tools_enabled(False)

    # --- layout ------------------------------------------------------------------------------------------
    def _grid_column(self) -> QVBoxLayout:
        col = QVBoxLayout()
        self.grid_title = lw.heading(self.tr("Fixed-noise samples"),
                                     self.tr("The generator's output for the same noise vectors z every time, "
                                             "refreshed at most twice a second: you watch the same samples turn "
                                             "from static into digits."))
        col.addWidget(self.grid_title)
        self.grid_image = FitImage(claims_height=False)
        self.grid_image.setToolTip(self.tr("Each tile is G(z) for one fixed z. A conditional GAN shows one row per "
                                           "digit; column j uses the same z in every row, so its handwriting style "
                                           "is shared."))
        self.grid_image.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        col.addWidget(self.grid_image, 1)
        row = QHBoxLayout()
        self.snap_slider = QSlider(Qt.Orientation.Horizontal)
        self.snap_slider.setRange(0, 0)
        self.snap_slider.setToolTip(self.tr("Scroll back through the grid as it was at the end of each epoch; the "
                                            "right end is the live view."))
        self.snap_slider.valueChanged.connect(self._show_snapshot)
        self.snap_label = QLabel(self.tr("live"))
        self.snap_label.setMinimumWidth(90)
        row.addWidget(self.snap_slider, 1)
        row.addWidget(self.snap_label)
        col.addLayout(row)
        col.addLayout(self._tools_row())
        return col

    def _curve_column(self) -> QVBoxLayout:
        col = QVBoxLayout()
        col.addWidget(lw.heading(self.tr("The game"), self.tr("Both players' losses and what the discriminator "
                                                              "believes.")))
        self.options = OptionsForm(FAMILIES, ("d_steps", "label_smoothing", "generator_loss", "n_critic", "clip"),
                                   {"d_steps": self.tr("k (D steps)"), "label_smoothing": self.tr("label smoothing"),
                                    "generator_loss": self.tr("G loss"), "n_critic": self.tr("n critic"),
                                    "clip": self.tr("clip c")})
        self.options.changed.connect(self._set_option)
        col.addWidget(self.options)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        self.plots.setMinimumWidth(220)
        self.loss_plot = self.plots.addPlot(row=0, col=0, axisItems={"left": SparseAxis("left")})
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        self.d_plot = self.plots.addPlot(row=1, col=0, axisItems={"left": SparseAxis("left")})
        self.d_plot.setLabel("bottom", self.tr("epoch"))
        self.d_plot.getAxis("left").enableAutoSIPrefix(False)
        for plot in (self.loss_plot, self.d_plot):  # early in a run the epochs are fractions: no "(x0.001)"
            plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.loss_plot.getAxis("bottom").setStyle(showValues=False)  # the same epochs as the plot under it
        self.d_plot.setXLink(self.loss_plot)
        self.half_line = pg.InfiniteLine(0.5, angle=0, pen=pg.mkPen("#999", style=Qt.PenStyle.DashLine))
        self.d_plot.addItem(self.half_line)
        self.items: dict[str, Any] = {}
        col.addWidget(self.plots, 1)
        self.curve_note = lw.muted("")
        col.addWidget(self.curve_note)
        return col

    def _set_option(self, name: str, value: Any) -> None:
        """The game's settings are part of the project: an edit is undoable and used by the next run."""
        exp = self.ctx.experiment()
        if exp.family not in FAMILIES or exp.options.get(name) == value:
            return
        exp.options[name] = value
        self.ctx.load_experiment(exp, self.tr("Set {family} {name} to {value}").format(
            family=exp.family, name=name.replace('_', ' '), value=value))

    def _side_tabs(self) -> QTabWidget:
        """The mode-collapse check (live) and the latent walk (after training) share one column."""
        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        check = QWidget()
        col = QVBoxLayout(check)
        col.setContentsMargins(0, theme.SPACING // 2, 0, 0)
        self.hist_plot = pg.PlotWidget()
        self.hist_plot.setBackground("w")
        self.hist_plot.setToolTip(self.tr("A small CNN trained on real MNIST (cached after the first run) reads 200 "
                                          "generated digits. A healthy generator spreads them over all ten classes; "
                                          "a collapsing one piles them into a few."))
        self.hist_plot.setLabel("bottom", self.tr("predicted digit"))
        self.hist_plot.setLabel("left", self.tr("samples"))
        self.hist_plot.getAxis("left").enableAutoSIPrefix(False)
        self.hist_plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.hist_plot.setXRange(-0.6, 9.6, padding=0)
        self.hist_plot.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=theme.SERIES[0])
        self.hist_plot.addItem(self.bars)
        col.addWidget(self.hist_plot, 1)
        self.hist_text = lw.muted(self.tr("Appears once training starts."))
        col.addWidget(self.hist_text)
        self.side.addTab(check, self.tr("Collapse check"))

        walk_page = QWidget()
        col = QVBoxLayout(walk_page)
        col.setContentsMargins(0, theme.SPACING // 2, 0, 0)
        walk = QHBoxLayout()
        self.seed_a = QSpinBox()
        self.seed_b = QSpinBox()
        for box, value, tip in ((self.seed_a, 1, self.tr("Seed of the noise vector at the start of the walk.")),
                                (self.seed_b, 2, self.tr("Seed of the noise vector at the end of the walk."))):
            box.setRange(0, 9999)
            box.setValue(value)
            box.setToolTip(tip)
            box.valueChanged.connect(self._interpolate)
        walk.addWidget(QLabel(self.tr("from seed")))
        walk.addWidget(self.seed_a)
        walk.addWidget(QLabel(self.tr("to")))
        walk.addWidget(self.seed_b)
        walk.addStretch(1)
        col.addLayout(walk)
        self.walk_slider = QSlider(Qt.Orientation.Horizontal)
        self.walk_slider.setRange(0, INTERPOLATION_STEPS - 1)
        self.walk_slider.setToolTip(self.tr("Position along the path between the two noise vectors."))
        self.walk_slider.valueChanged.connect(self._show_walk)
        col.addWidget(self.walk_slider)
        self.walk_image = FitImage(claims_height=False)
        self.walk_image.setMinimumSize(60, 40)
        col.addWidget(self.walk_image, 1)
        self.tools_note = lw.muted(self.tr("Train first: the walk uses the trained generator."))
        col.addWidget(self.tools_note)
        self.side.addTab(walk_page, self.tr("Latent walk"))
        self.side.setTabToolTip(1, self.tr("Move between two noise vectors and watch one sample morph into another. "
                                           "The path is spherical, so every point keeps the typical length of a "
                                           "Gaussian sample."))
        return self.side

    def _tools_row(self) -> QHBoxLayout:
        """Under the grid: draw new samples from the trained generator, and save what is shown."""
        row = QHBoxLayout()
        row.setSpacing(theme.SPACING // 2)
        self.digit = QComboBox()
        self.digit.addItem(self.tr("all digits"), None)
        for d in range(10):
            self.digit.addItem(self.tr("digit {d}").format(d=d), d)
        self.digit.setToolTip(self.tr("A conditional generator draws the digit you ask for: the label is part of "
                                      "its input. 'all digits' gives one row per digit."))
        self.seed = 0
        self.generate_btn = QPushButton(self.tr("Generate"))
        self.generate_btn.setToolTip(self.tr("Draw 64 new samples from the trained generator with the next noise "
                                             "seed (the same seed always gives the same samples)."))
        self.generate_btn.clicked.connect(self._generate)
        self.save_btn = QPushButton(self.tr("Save PNG…"))
        self.save_btn.setToolTip(self.tr("Write the grid on show to a greyscale PNG file."))
        self.save_btn.clicked.connect(self._save_grid)
        row.addWidget(self.digit)
        row.addWidget(self.generate_btn)
        row.addWidget(self.save_btn)
        row.addStretch(1)
        return row

    # --- hooks -------------------------------------------------------------------------------------------
    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return experiment.family in FAMILIES

    def on_experiment_changed(self, experiment: Experiment) -> None:
        if experiment.family not in FAMILIES:
            return
        self.family = experiment.family
        self.options.show_options(experiment.family, experiment.options)
        conditional = self.family == "cgan"
        self.digit.setVisible(conditional)
        self.d_plot.setLabel("left", self.tr("critic estimate") if self.family == "wgan" else self.tr("D output"))
        self.half_line.setVisible(self.family != "wgan")
        if self.family == "wgan":
            self.curve_note.setText(self.tr("Critic estimate: shrinks as the samples improve."))
            tip = self.tr("Critic estimate = mean critic score on real images − mean score on generated ones. With "
                          "the critic's weights clipped it estimates (up to a constant) the Wasserstein distance "
                          "between the real and the generated images, so it falls as the generator improves.")
        else:
            self.curve_note.setText(self.tr("Dashed line: 0.5, where D can no longer tell real from fake."))
            tip = self.tr("D(x): the discriminator's mean belief that real images are real; D(G(z)): the same for "
                          "the generator's images. Both drift towards 0.5 when neither player can win. A generator "
                          "loss far above the discriminator's means D is winning easily.")
        self.plots.setToolTip(tip)
        self.curve_note.setToolTip(tip)

    def on_run_started(self, event: Any) -> None:
        self.strip = SnapshotStrip()
        self._probe_points = False
        self.curves.clear()
        for item in self.items.values():
            item.setData([], [])
        self.snap_slider.blockSignals(True)
        self.snap_slider.setRange(0, 0)
        self.snap_slider.blockSignals(False)
        self.snap_label.setText(self.tr("live"))
        self.bars.setOpts(height=np.zeros(10))
        self.hist_text.setText(self.tr("Waiting for the first samples…"))
        self.has_model = False
        self._set_tools_enabled(False)
        self.options.set_locked(True)
        self.tools_note.setText(self.tr("Training… the walk opens when it stops."))

    def on_epoch(self, event: Any) -> None:
        """Epoch means are drawn only when no probe brought finer points (e.g. the grid probe was off)."""
        if self._probe_points:
            return
        for name, value in event.metrics.items():
            self._add_point(name, float(event.epoch), float(value))
        self._refresh_curves()

    def on_probe(self, event: Any) -> None:
        payload = event.payload
        if event.name == "sample_grid":
            self.live_grid = np.asarray(payload["grid"], dtype="float32")
            self.live_rows = self._class_rows(payload)
            if self.strip.add(payload):
                at_live = self.snap_slider.value() == self.snap_slider.maximum()
                self.snap_slider.blockSignals(True)
                self.snap_slider.setRange(0, len(self.strip.grids))
                if at_live:
                    self.snap_slider.setValue(len(self.strip.grids))
                self.snap_slider.blockSignals(False)
            if self.snap_slider.value() == self.snap_slider.maximum():
                self._show_grid(self.live_grid, self.tr("Fixed-noise samples"), self.live_rows)
                self.snap_label.setText(self.tr("live · epoch {epoch:.1f}").format(epoch=payload['epoch']))
            for name, value in payload.get("metrics", {}).items():
                self._probe_points = True
                self._add_point(name, float(payload["epoch"]), float(value))
            self._refresh_curves()
        elif event.name == "class_histogram":
            self.bars.setOpts(height=np.asarray(payload["histogram"], dtype="float64"))
            self.hist_plot.setYRange(0, max(10, int(np.max(payload["histogram"]))) * 1.1, padding=0)
            text = self.tr("mean confidence {confidence:.2f} · {share:.0%} of samples read with ≥ 90% confidence · "
                           "{digits} digits among them").format(confidence=payload['mean_confidence'],
                                                                share=payload['confident_share'],
                                                                digits=payload['distinct_confident'])
            if "label_accuracy" in payload:
                text += " · " + self.tr("{share:.0%} read as the digit asked for").format(
                    share=payload['label_accuracy'])
            self.hist_text.setText(text)

    def on_run_ended(self, result: Any) -> None:
        self.options.set_locked(False)
        if result.status not in ("finished", "stopped"):
            self.tools_note.setText(self.tr("Training failed; fix the problem and train again."))
            return
        self.has_model = True
        self._set_tools_enabled(True)
        self.tools_note.setText(self.tr("Left: start, middle: the slider's point, right: end."))
        self._interpolate()

    # --- curves ------------------------------------------------------------------------------------------
    # The legend names are translated where they are drawn (context "GenerativePanel", as self.tr uses).
    _STYLE = {"d_loss": (QT_TRANSLATE_NOOP("GenerativePanel", "D loss"), 0, "loss"),
              "g_loss": (QT_TRANSLATE_NOOP("GenerativePanel", "G loss"), 1, "loss"),
              "d_real": ("D(x)", 2, "d"), "d_fake": ("D(G(z))", 4, "d"),
              "wasserstein": (QT_TRANSLATE_NOOP("GenerativePanel", "critic estimate"), 3, "d")}

    @staticmethod
    def _shown_label(label: str) -> str:
        return QCoreApplication.translate("GenerativePanel", label)

    def _add_point(self, name: str, x: float, y: float) -> None:
        if name not in self._STYLE or not np.isfinite(y):
            return
        xs, ys = self.curves.setdefault(name, ([], []))
        if xs and x < xs[-1]:  # an epoch-end point arriving after a later probe point: keep x increasing
            return
        if xs and x == xs[-1]:  # a probe's point at the epoch an epoch mean was drawn for: the newer one stands
            ys[-1] = y
            return
        xs.append(x)
        ys.append(y)

    def _refresh_curves(self) -> None:
        added = False
        for name, (xs, ys) in self.curves.items():
            label, colour, where = self._STYLE[name]
            if name not in self.items:
                plot = self.loss_plot if where == "loss" else self.d_plot
                self.items[name] = plot.plot(name=self._shown_label(label),
                                             pen=pg.mkPen(theme.SERIES[colour], width=2))
                added = True
            self.items[name].setData(np.asarray(xs), np.asarray(ys))
        if added:
            self._legends()

    def _legends(self) -> None:
        """Coloured titles instead of legend boxes, which would cover the curves in plots this small."""
        for plot, where in ((self.loss_plot, "loss"), (self.d_plot, "d")):
            parts = [f"<span style='color:{theme.SERIES[colour]}'>━ {self._shown_label(label)}</span>"
                     for name, (label, colour, w) in self._STYLE.items() if w == where and name in self.items]
            plot.setTitle("&nbsp;&nbsp;".join(parts), size="8pt")

    # --- grid, snapshots, tools --------------------------------------------------------------------------
    @staticmethod
    def _class_rows(payload: dict[str, Any]) -> list[str]:
        """The digit of each grid row when the grid holds one row per class (a conditional GAN's), else none."""
        labels = np.asarray(payload.get("labels", []))
        rows, columns = int(payload.get("rows", 0)), int(payload.get("columns", 0))
        if not len(labels) or rows * columns != len(labels):
            return []
        per_row = labels.reshape(rows, columns)
        if not np.all(per_row == per_row[:, :1]):
            return []
        return [str(int(d)) for d in per_row[:, 0]]

    def _show_grid(self, grid: np.ndarray, title: str, rows: list[str] | None = None) -> None:
        self.shown_grid = grid
        self.row_labels = list(rows or [])
        self.grid_title.setText(title)
        pixels = to_uint8(grid, 0.0, 1.0)
        self.grid_image.set_source(row_labelled_pixmap(pixels, self.row_labels) if self.row_labels
                                   else grey_pixmap(pixels, 1))

    def _show_snapshot(self, index: int) -> None:
        if index >= len(self.strip.grids):
            self.snap_label.setText(self.tr("live"))
            if self.live_grid is not None:
                self._show_grid(self.live_grid, self.tr("Fixed-noise samples"), self.live_rows)
            return
        epoch = self.strip.epochs[index]
        self.snap_label.setText(self.tr("epoch {epoch}").format(epoch=epoch))
        self._show_grid(self.strip.grids[index], self.tr("Fixed-noise samples"),
                        self.live_rows)  # the same noise and labels

    def _set_tools_enabled(self, on: bool) -> None:
        for w in (self.generate_btn, self.digit, self.seed_a, self.seed_b, self.walk_slider):
            w.setEnabled(on)
        self.save_btn.setEnabled(on or self.shown_grid is not None)

    def _label(self) -> int | None:
        return self.digit.currentData() if self.family == "cgan" else None

    def _generate(self) -> None:
        if not self.has_model:
            return
        seed = self.seed
        self.seed += 1
        label = self._label()
        what = self.tr("one row per digit") if self.family == "cgan" and label is None else \
            self.tr("digit {d}").format(d=label) if label is not None else self.tr("64 samples")

        def done(result: tuple[np.ndarray, list[str]]) -> None:
            grid, rows = result
            self._show_grid(grid, self.tr("Generated samples"), rows)
            self.snap_label.setText(self.tr("seed {seed} · {what}").format(seed=seed, what=what))
        self.ctx.with_trained_model(_job_generate(seed, label, self.family == "cgan"), done)

    def _interpolate(self, *_: Any) -> None:
        if not self.has_model:
            return

        def done(images: np.ndarray) -> None:
            self.path_images = images
            self._show_walk(self.walk_slider.value())
        self.ctx.with_trained_model(_job_interpolate(self.seed_a.value(), self.seed_b.value(),
                                                     self._label() if self._label() is not None else
                                                     (0 if self.family == "cgan" else None)), done)

    def _show_walk(self, index: int) -> None:
        if self.path_images is None:
            return
        index = min(index, len(self.path_images) - 1)
        frames = self.path_images[[0, index, len(self.path_images) - 1]]
        self.walk_image.set_source(grey_pixmap(to_uint8(tile_grid(frames, 3, pad=2, background=1.0), 0.0, 1.0), 1))
        self.walk_image.setToolTip(self.tr("Left: the start, middle: step {step} of {total}, right: the end of the "
                                           "path.").format(step=index + 1, total=len(self.path_images)))

    def _save_grid(self) -> None:
        lw.save_grid_as(self, self.ctx, self.shown_grid, "samples.png")

    def save_png(self, path: str) -> bool:
        """Write the grid on show (scaled 3x); errors go to the message bar."""
        return lw.write_grid_png(self.ctx, self.shown_grid, path)


PANELS = [GenerativePanel]
