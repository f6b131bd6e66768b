"""The Hebb's-rule lab: Pavlov's bell in one neuron, and why plain Hebbian growth needs forgetting or normalising.

The numbers come from models.labs.hebb (numpy), computed on the GUI thread (a few hundred trials: microseconds).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import hebb

# The plot's weight axis: the bounded rules live far below this; the plain rule leaves through the top.
Y_TOP = 2.0


class HebbLab(Panel):
    """Three learning rules on the same trials: plain Hebb grows without limit, decay and Oja's rule settle."""

    title = QT_TRANSLATE_NOOP("Panels", "Hebb's rule")
    area = "lab"
    shortcut = "Ctrl+Shift+H"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(
            self.tr("Hebb's rule (1949)"),
            self.tr("Cells that fire together wire together: a connection grows when the cells on both sides "
                    "are active at the same time.")))
        controls.addWidget(lw.muted(self.tr(
            "One neuron, y = w<sub>bell</sub>·bell + 1·food. Food always makes it fire (an innate weight of 1); "
            "the bell starts with weight 0. Ring the bell together with the food and watch w<sub>bell</sub> "
            "grow until the bell alone makes the neuron fire.")))
        grid = QGridLayout()
        d = hebb.HebbSettings()
        self.eta = lw.dspin(0.001, 1.0, d.eta, 0.01, self.tr(
            "η, the learning rate: each trial adds η × bell × y to the bell's weight."), decimals=3)
        self.pairing = lw.dspin(0.0, 1.0, d.pairing, 0.1, self.tr(
            "When food comes (half of the trials), how often the bell rings with it. At 0 the two are never "
            "active together and nothing is learned."))
        self.stray = lw.dspin(0.0, 1.0, d.stray, 0.05, self.tr(
            "When no food comes, how often the bell rings anyway."))
        self.decay = lw.dspin(0.0, 1.0, d.decay, 0.01, self.tr(
            "λ, forgetting: Hebb with decay subtracts λ × w every trial."), decimals=3)
        self.trials = lw.spin(1, 5000, d.trials, self.tr("How many trials to run."))
        self.seed = lw.spin(0, 9999, d.seed, self.tr("Which random sequence of trials (the same for all three rules)."))
        rows = [(self.tr("learning rate η"), self.eta), (self.tr("bell with food"), self.pairing),
                (self.tr("bell without food"), self.stray), (self.tr("decay λ"), self.decay),
                (self.tr("trials"), self.trials), (self.tr("seed"), self.seed)]
        for r, (label, widget) in enumerate(rows):
            grid.addWidget(lw.muted(label), r, 0)
            grid.addWidget(widget, r, 1)
            widget.valueChanged.connect(self.refresh)
        controls.addLayout(grid)
        self.readout = lw.muted("")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        controls.addWidget(self.readout)
        controls.addWidget(lw.muted(self.tr(
            "Plain Hebb: Δw = η·bell·y. Each paired trial raises y, which raises the next step: the weight grows "
            "without limit. Real synapses cannot, so learning needs forgetting (decay: Δw = η·bell·y − λ·w) or "
            "normalising (Oja's rule: Δw = η·y·(bell − y·w)), which keep it bounded.")))
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 260), 2)

        self.plot = lw.plot(self.tr("trial"), self.tr("bell weight w (= y for the bell alone)"), self.tr(
            "The bell's weight after each trial, for each rule on the same trials. Dashed: the threshold at which "
            "the bell alone makes the neuron fire."), legend=True)
        self.plot.setMouseEnabled(False, False)
        self.curves: dict[str, pg.PlotDataItem] = {}
        names = {"hebb": self.tr("plain Hebb"), "decay": self.tr("Hebb with decay"), "oja": self.tr("Oja's rule")}
        for i, rule in enumerate(hebb.RULES):
            self.curves[rule] = self.plot.plot([], [], pen=lw.pen(i), name=names[rule])
        self.threshold = pg.InfiniteLine(pos=d.threshold, angle=0, pen=pg.mkPen("#555", width=1,
                                                                                  style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.threshold)
        layout.addWidget(self.plot, 3)
        self.result: dict[str, hebb.Trajectory] = {}
        self.refresh()

    def settings(self) -> hebb.HebbSettings:
        return hebb.HebbSettings(eta=self.eta.value(), pairing=self.pairing.value(), stray=self.stray.value(),
                                 decay=self.decay.value(), trials=self.trials.value(), seed=self.seed.value())

    def refresh(self) -> None:
        try:
            s = self.settings()
            self.result = hebb.simulate_all(s)
        except hebb.HebbError as exc:
            self.readout.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
            return
        for rule, traj in self.result.items():
            x = np.arange(len(traj.weights))
            y = np.clip(traj.weights, -Y_TOP, Y_TOP * 1.05)  # the plain rule leaves through the top edge
            keep = np.isfinite(y)
            self.curves[rule].setData(x[keep], y[keep])
        self.plot.setXRange(0, s.trials, padding=0.02)
        self.plot.setYRange(-0.05, Y_TOP, padding=0)
        plain = self.result["hebb"]
        if plain.unbounded_at is not None:
            plain_text = self.tr("passed 10⁶ at trial {0}: unbounded").format(plain.unbounded_at)
        else:
            plain_text = self.tr("{0:.3g} after {1} trials").format(plain.final, s.trials)
        yes, no = self.tr("the bell alone fires it"), self.tr("the bell alone does not fire it")
        lines = [
            self.tr("<b>plain Hebb</b>: w = {0} ({1})").format(plain_text, yes if plain.answers_bell(s.threshold)
                                                             else no),
            self.tr("<b>with decay</b>: w = {0:.3f} ({1})").format(
                self.result["decay"].final, yes if self.result["decay"].answers_bell(s.threshold) else no),
            self.tr("<b>Oja's rule</b>: w = {0:.3f} ({1})").format(
                self.result["oja"].final, yes if self.result["oja"].answers_bell(s.threshold) else no),
        ]
        balance = hebb.decay_balance(s)
        if balance is None:
            lines.append(self.tr("Decay λ is too small to hold the growth here: with decay the weight grows too."))
        else:
            lines.append(self.tr("With decay the weight settles around w* = {0:.3f} (where growth and forgetting "
                                 "balance on average).").format(balance))
        self.readout.setText("<br>".join(lines))


PANELS = [HebbLab]
