"""The one-click overfit demo: the current network trained twice on a small subset, without and with the
regularisers switched on (Dropout by default; L2 and BatchNorm each on its own switch), with both pairs of
training and validation curves side by side.

The two runs train one after the other as one series through the window's run controls (ctx.start_runs), so
they show progress, can be paused and stopped, and stop on a NaN loss like any run; their epochs arrive in
on_epoch, named "plain" and "regularised".
"""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs.overfitting import (DEFAULT_DROPOUT, DEFAULT_L2, OverfitDemo, OverfitDemoError, Regularisers,
                                    generalisation_gap, has_regularisation, overfit_demo)
from models.spec.experiment import Experiment

_NAMES = {"plain": QT_TRANSLATE_NOOP("OverfitLab", "no regularisation"),
          "regularised": QT_TRANSLATE_NOOP("OverfitLab", "with regularisation")}


def _name(which: str) -> str:
    return QCoreApplication.translate("OverfitLab", _NAMES[which])


class OverfitLab(Panel):
    """Train without and with regularisation on a few examples and compare the train/validation gap."""

    title = QT_TRANSLATE_NOOP("Panels", "Overfitting demo")
    area = "lab"
    shortcut = "Ctrl+Shift+0"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.demo: OverfitDemo | None = None
        self.running = False
        self.finished = False
        self.failed: dict[str, str] = {}
        self.history: dict[str, dict[str, list[float]]] = {}
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.tr("Overfitting and regularisation"), self.tr(
            "With few examples a network can memorise them: the training loss keeps falling while the validation "
            "loss stops falling or rises. Dropout, L1/L2 penalties and batch normalisation make memorising "
            "harder.")))
        grid = QGridLayout()
        self.size = lw.spin(20, 5000, 300, self.tr("Training examples used (MNIST: images; 2-D sets: points)."))
        grid.addWidget(lw.muted(self.tr("training examples")), 0, 0)
        grid.addWidget(self.size, 0, 1)
        self.epochs = lw.spin(1, 500, 30, self.tr("Epochs for each of the two runs."))
        grid.addWidget(lw.muted(self.tr("epochs")), 1, 0)
        grid.addWidget(self.epochs, 1, 1)
        # One switch per technique, so each one's effect can be seen on its own.
        self.dropout = lw.dspin(0.05, 0.9, DEFAULT_DROPOUT, 0.05, self.tr("The dropout rate: the share of units "
                                "zeroed at each training step."))
        self.use_dropout = self._switch(grid, 2, self.tr("Dropout"), self.tr(
            "During training, each unit's output is zeroed with this probability (the rest are scaled up to keep "
            "the sum), so the network cannot rely on any one unit to remember an example. Off at validation and "
            "test time."), self.dropout)
        self.use_dropout.setChecked(True)
        self.l2 = lw.dspin(0.0001, 0.1, DEFAULT_L2, 0.0005, self.tr("λ, the strength of the L2 penalty."),
                           decimals=4)
        self.use_l2 = self._switch(grid, 3, self.tr("L2 penalty"), self.tr(
            "Adds λ·Σw² over every hidden layer's weights to the loss (weight decay), pulling weights towards zero. "
            "The training loss shown includes the penalty, so the gap alone says little about it: compare the "
            "validation losses."), self.l2)
        self.use_bn = self._switch(grid, 4, self.tr("BatchNorm after each Conv2D"), self.tr(
            "Normalises each channel with the batch's mean and variance while training, and with moving averages "
            "of them at validation. On a few hundred images those averages have not settled yet, so the "
            "validation loss can jump up: switch it on to see it."))
        self.own_note = lw.muted("")
        grid.addWidget(self.own_note, 5, 0, 1, 2)
        controls.addLayout(grid)
        row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run demo"))
        self.run_button.setObjectName("primary")
        self.run_button.setToolTip(self.tr("Train both versions, one after the other, on the training thread (the "
                                           "run controls pause or stop them)."))
        self.run_button.clicked.connect(self.run)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current batch."))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        controls.addLayout(row)
        row = QHBoxLayout()
        self.load_plain = QPushButton(self.tr("Edit plain"))
        self.load_plain.setToolTip(self.tr("Load the version without regularisation into the editor (undoable)."))
        self.load_plain.clicked.connect(lambda: self._load("plain"))
        self.load_reg = QPushButton(self.tr("Edit regularised"))
        self.load_reg.setToolTip(self.tr("Load the regularised version into the editor (undoable)."))
        self.load_reg.clicked.connect(lambda: self._load("regularised"))
        row.addWidget(self.load_plain)
        row.addWidget(self.load_reg)
        controls.addLayout(row)
        self.status = lw.muted("")
        controls.addWidget(self.status)
        controls.addWidget(lw.muted(self.tr(
            "Trains the network in the editor twice on the same small subset: once with every Dropout, "
            "BatchNormalization and L1/L2 penalty removed, once with the regularisers switched on above (or, if the "
            "network has its own, with those).")))
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 250), 2)

        # Coloured titles instead of legend boxes, which sat on the curves in plots this size.
        plain, regularised = self.tr("plain"), self.tr("regularised")
        training, validation, gap = self.tr("training"), self.tr("validation"), self.tr("gap")
        colours = (f"<span style='color:{theme.SERIES[0]}'>━ {plain}</span>&nbsp;"
                   f"<span style='color:{theme.SERIES[1]}'>━ {regularised}</span>")
        self.loss_plot = lw.plot(self.tr("epoch"), self.tr("loss"), self.tr(
            "Solid: training loss; dashed: validation loss. Blue: without regularisation; orange: with."))
        self.loss_plot.setTitle(f"{colours}<br>━ {training} ┅ {validation}", size="8pt")
        self.curves = {}
        for i, which in enumerate(("plain", "regularised")):
            self.curves[(which, "loss")] = self.loss_plot.plot(pen=lw.pen(i))
            self.curves[(which, "val_loss")] = self.loss_plot.plot(pen=lw.pen(i, dashed=True))
        layout.addWidget(self.loss_plot, 3)
        self.gap_plot = lw.plot(self.tr("epoch"), self.tr("validation − training loss"), self.tr(
            "The generalisation gap: how much worse the network does on examples it has not trained on. "
            "Growing = overfitting."))
        self.gap_plot.setTitle(f"{colours}<br>{gap}", size="8pt")
        for i, which in enumerate(("plain", "regularised")):
            self.curves[(which, "gap")] = self.gap_plot.plot(pen=lw.pen(i))
        layout.addWidget(self.gap_plot, 3)

    @staticmethod
    def _switch(grid: QGridLayout, row: int, text: str, tip: str, value: Any = None) -> QCheckBox:
        """A technique's on/off box in the grid's first column, with its strength (if any) beside it."""
        box = QCheckBox(text)
        box.setToolTip(tip)
        if value is None:
            grid.addWidget(box, row, 0, 1, 2)
        else:
            grid.addWidget(box, row, 0)
            grid.addWidget(value, row, 1)
        return box

    def regularisers(self) -> Regularisers:
        return Regularisers(dropout=self.dropout.value() if self.use_dropout.isChecked() else 0.0,
                            l2=self.l2.value() if self.use_l2.isChecked() else 0.0,
                            batch_norm=self.use_bn.isChecked())

    def on_experiment_changed(self, experiment: Experiment) -> None:
        """A network with regularisers of its own is compared with itself stripped: the switches do not apply."""
        net = experiment.networks.get("main")
        own = net is not None and has_regularisation(net)
        for widget in (self.use_dropout, self.dropout, self.use_l2, self.l2, self.use_bn):
            widget.setEnabled(not own)
        self.own_note.setText(self.tr("The network has regularisers of its own: the demo compares it with and "
                                      "without them.") if own else "")

    def _make(self) -> OverfitDemo | None:
        try:
            return overfit_demo(self.ctx.experiment(), self.size.value(), self.epochs.value(), self.regularisers())
        except OverfitDemoError as exc:
            self.status.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
            return None

    def _load(self, which: str) -> None:
        demo = self.demo or self._make()
        if demo is not None:
            self.ctx.load_experiment(getattr(demo, which), self.tr("Load overfit demo ({name})").format(
                name=_name(which)))

    def run(self) -> None:
        if self.running:
            return
        if self.ctx.controller.running:
            self.status.setText(self.tr("A training run is in progress: wait for it to end (or stop it) first."))
            return
        demo = self._make()
        if demo is None:
            return
        from models.engine.loop import Run

        runs = [Run(demo.plain, name="plain", keep=False), Run(demo.regularised, name="regularised", keep=False)]
        if not self.ctx.start_runs(runs, self):
            return
        self.demo = demo
        self.history = {"plain": {}, "regularised": {}}
        self.failed = {}
        for curve in self.curves.values():
            curve.setData([], [])
        self.running, self.finished = True, False
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Training without regularisation … {note}").format(note=demo.note))

    def stop(self) -> None:
        if self.running:
            self.ctx.controller.stop()
            self.status.setText(self.tr("Stopping after the current batch …"))

    # --- the series' events ------------------------------------------------------------------------------------
    def on_run_started(self, event: Any) -> None:
        if self.running and event.run == "regularised":
            self.status.setText(self.tr("Training with regularisation …"))

    def on_epoch(self, event: Any) -> None:
        if not self.running or event.run not in self.history:
            return
        h = self.history[event.run]
        for key, value in event.metrics.items():
            h.setdefault(key, []).append(float(value))
        for key in ("loss", "val_loss"):
            if key in h:
                self.curves[(event.run, key)].setData(np.arange(1, len(h[key]) + 1), np.asarray(h[key]))
        if "loss" in h and "val_loss" in h:
            gap = generalisation_gap(h)
            self.curves[(event.run, "gap")].setData(np.arange(1, len(gap) + 1), np.asarray(gap))

    def on_failed(self, event: Any) -> None:
        if self.running and event.run in self.history:
            self.failed[event.run] = event.message

    def on_run_ended(self, result: Any) -> None:
        if not self.running:
            return
        self.running = False
        self.run_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.failed:
            which, message = next(iter(self.failed.items()))
            self.status.setText(f"<span style='color:{theme.ERROR}'>{_name(which)}: {message}</span>")
            return
        self.finished = result.status == "finished"
        gaps = {w: h["val_loss"][-1] - h["loss"][-1] for w, h in self.history.items() if h.get("val_loss")}
        if self.finished and len(gaps) == 2:
            val = {w: h["val_loss"][-1] for w, h in self.history.items()}
            narrowed = gaps["regularised"] < gaps["plain"]
            verdict = (self.tr("Regularisation narrowed it.") if narrowed else
                       self.tr("Here regularisation did not narrow it: try fewer examples or more epochs."))
            later = (self.tr(" (the gap closes first; the validation loss follows with more epochs)")
                     if narrowed and val["regularised"] > val["plain"] else "")
            self.status.setText(
                self.tr("Done. Final gap (validation − training loss): {without:.3f} without, {with_:.3f} with "
                        "regularisation. ").format(without=gaps["plain"], with_=gaps["regularised"]) + verdict
                + self.tr(" Final validation loss: {without:.3f} without, {with_:.3f} with{later}.").format(
                    without=val["plain"], with_=val["regularised"], later=later))
        else:
            self.status.setText(self.tr("Stopped."))


PANELS = [OverfitLab]
