"""The loss-functions lab: mean squared error against cross-entropy as the predicted probability moves.

The numbers come from models.labs.losses (numpy), computed on the GUI thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QSlider, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import losses

# models.labs.losses' definitions typeset (the same sums: over the K classes, t one-hot, p the probabilities)
MSE_HTML = ("<sup>1</sup>⁄<sub><i>K</i></sub> Σ<sub><i>k</i></sub> (<i>t</i><sub><i>k</i></sub> − "
            "<i>p</i><sub><i>k</i></sub>)²")
CE_HTML = "−Σ<sub><i>k</i></sub> <i>t</i><sub><i>k</i></sub> log <i>p</i><sub><i>k</i></sub> = −log <i>p</i><sub>true</sub>"


class LossesLab(Panel):
    """MSE and cross-entropy of one prediction against a one-hot target, as the true class's probability moves."""

    title = QT_TRANSLATE_NOOP("Panels", "Loss functions")
    area = "lab"
    shortcut = "Ctrl+Shift+4"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.tr("MSE vs cross-entropy"), self.tr(
            "Both compare a predicted distribution with a one-hot target (1 for the true class, 0 elsewhere).")))
        controls.addWidget(lw.muted(self.tr("The prediction gives probability p to the true class and shares 1 − p "
                                            "evenly among the others.")))
        grid = QGridLayout()
        self.classes = lw.spin(2, 20, 3, self.tr("How many classes the prediction is spread over."))
        self.classes.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("classes")), 0, 0)
        grid.addWidget(self.classes, 0, 1)
        self.p_slider = QSlider(Qt.Orientation.Horizontal)
        self.p_slider.setRange(1, 100)
        self.p_slider.setValue(30)
        self.p_slider.setToolTip(self.tr("The predicted probability of the true class."))
        self.p_slider.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("p(true class)")), 1, 0)
        grid.addWidget(self.p_slider, 1, 1)
        controls.addLayout(grid)
        self.readout = lw.muted("")
        controls.addWidget(self.readout)
        controls.addWidget(lw.muted(self.tr(
            "MSE = {mse}. Cross-entropy = {ce}, with t the one-hot target and p the predicted probabilities of the "
            "K classes. Cross-entropy grows without limit as p<sub>true</sub> → 0, so a confident wrong answer is "
            "punished hard; MSE never exceeds {bound}, so its slope stays gentle even when the model is badly "
            "wrong.").format(mse=MSE_HTML, ce=CE_HTML, bound="<sup>2</sup>⁄<sub><i>K</i></sub>")))
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 230), 2)
        self.plot = lw.plot(self.tr("predicted probability of the true class p"), self.tr("loss"),
                            self.tr("Both losses for every p; the dots mark the slider's p."), legend=True)
        self.plot.setMouseEnabled(False, False)
        self.mse_curve = self.plot.plot(pen=lw.pen(0), name="MSE")
        self.ce_curve = self.plot.plot(pen=lw.pen(1), name=self.tr("cross-entropy"))
        self.marks = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#333"))
        self.plot.addItem(self.marks)
        layout.addWidget(self.plot, 3)
        self.refresh()

    def refresh(self) -> None:
        k = self.classes.value()
        curves = losses.loss_curves(k, 200, 0.01, 1.0)
        self.mse_curve.setData(curves["p"], curves["mse"])
        self.ce_curve.setData(curves["p"], curves["cross_entropy"])
        p = self.p_slider.value() / 100
        pred = losses.spread_prediction(p, k)
        target = np.zeros(k)
        target[0] = 1.0
        m, c = losses.mse(target, pred), losses.cross_entropy(target, pred)
        self.marks.setData([p, p], [m, c], brush=[pg.mkBrush(theme.SERIES[0]), pg.mkBrush(theme.SERIES[1])])
        self.plot.setYRange(0, 5, padding=0.02)
        self.plot.setXRange(0, 1, padding=0.02)
        self.readout.setText(self.tr("target {target} · prediction {prediction}<br>MSE <b>{mse:.4f}</b> · "
                                     "cross-entropy <b>{ce:.4f}</b>").format(target=_vec(target),
                                                                             prediction=_vec(pred), mse=m, ce=c))


def _vec(v: np.ndarray) -> str:
    shown = ", ".join(f"{x:.2f}" for x in v[:6])
    return f"[{shown}{', …' if len(v) > 6 else ''}]"


PANELS = [LossesLab]
