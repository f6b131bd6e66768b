"""The live decision boundary of a 2-D classifier, redrawn as it trains (TensorFlow Playground style).

The picture comes from the supervised family's DecisionBoundaryProbe, which runs on the training thread.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QVBoxLayout

from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.spec.experiment import Experiment


class DecisionBoundaryPanel(Panel):
    """The classifier's probability over the input plane, redrawn as it trains (TensorFlow Playground style)."""

    title = QT_TRANSLATE_NOOP("Panels", "Decision boundary")
    area = "bottom"
    latest_probe_only = True

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        self.plot = lw.plot("x1", "x2", self.tr("Background: the network's probability of class 1 at every point "
                                                "(orange near 1, blue near 0, white at 0.5, where the boundary "
                                                "lies). Dots: the training data coloured by their true class."))
        self.plot.setAspectLocked(False)
        self.field = pg.ImageItem()
        self.plot.addItem(self.field)
        self.contour = pg.IsocurveItem(level=0.5, pen=pg.mkPen("#333", width=1.5))
        self.contour.setParentItem(self.field)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=lw.two_class_cmap(), interactive=False,
                                          width=12, label=self.tr("P(class 1)"))
        self.colour_bar.setImageItem(self.field, insert_in=self.plot.getPlotItem())
        # A single neuron's boundary, drawn whole (the contour shows only where it crosses the picture).
        self.line = pg.InfiniteLine(movable=False, pen=pg.mkPen("#333", width=1.5, style=Qt.PenStyle.DashLine))
        self.line.setZValue(5)
        self.line.hide()
        self.plot.addItem(self.line)
        self.levels = (0.0, 1.0)
        self.scatter = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8))
        self.plot.addItem(self.scatter)
        layout.addWidget(self.plot, 3)
        side = QVBoxLayout()
        side.addWidget(lw.heading(self.tr("Decision boundary"), self.tr("Where the network switches from one class "
                                                                        "to the other.")))
        self.info = lw.muted(self.tr("Press Start: the boundary appears here and moves as the network learns."))
        side.addWidget(self.info)
        side.addWidget(lw.muted(self.tr("A single neuron (the perceptron) can only draw a straight line (dashed). No "
                                        "line separates XOR: every line leaves at least one of its four points on "
                                        "the wrong side, and gradient descent on the cross-entropy drifts to weights "
                                        "near zero, where the neuron is unsure (about 0.5) everywhere. A hidden "
                                        "layer lets the boundary bend.")))
        side.addStretch(1)
        layout.addWidget(lw.scroll(side, 220), 2)
        self.updates = 0

    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        net = experiment.networks.get("main")
        return experiment.family == "supervised" and net is not None and tuple(net.input_shape) == (2,)

    def probes(self, experiment: Experiment) -> list[Any]:
        from models.data import load_dataset
        from models.families.supervised.probes import DecisionBoundaryProbe

        try:
            data = load_dataset(experiment.dataset, experiment.dataset_options, seed=experiment.training.seed)
        except Exception as exc:  # noqa: BLE001 - the run itself reports data problems
            self.info.setText(self.tr("No boundary: {error}").format(error=exc))
            return []
        x, y = np.asarray(data.x_train), np.asarray(data.y_train)
        if x.ndim != 2 or x.shape[1] != 2:
            return []
        x, keep = np.unique(x, axis=0, return_index=True)  # gates repeat their four rows
        return [DecisionBoundaryProbe(x, y.reshape(len(y), -1)[keep], resolution=80)]

    def on_run_started(self, event: Any) -> None:
        self.updates = 0
        self.info.setText(self.tr("Training …"))

    def on_probe(self, event: Any) -> None:
        if event.name != "decision_boundary":
            return
        p = event.payload
        if "error" in p:
            self.info.setText(p["error"])
            return
        x0, x1, y0, y1 = p["extent"]
        r = len(p["xs"])
        dx, dy = (x1 - x0) / (r - 1), (y1 - y0) / (r - 1)
        prob = np.asarray(p["probability"], dtype="float32")
        self.levels = stretched_levels(prob) if p.get("binary", True) else (0.0, 1.0)
        lw.set_image(self.field, prob, self.levels, lw.two_class_cmap(),
                     rect=(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        self.colour_bar.setLevels(self.levels)
        self.contour.setData(prob.T)
        self.scatter.setData(p["points"][:, 0], p["points"][:, 1],
                             brush=[pg.mkBrush(lw.ORANGE if c else lw.BLUE) for c in p["labels"]])
        self.updates += 1
        text = self.tr("After {batches} batches: {share:.0%} of the training points are on the right side.").format(
            batches=event.step, share=p["accuracy"])
        lo, hi = float(prob.min()), float(prob.max())
        if lo < 0.5 < hi:
            text += " " + self.tr("Black line: where the probability is 0.5.")
        elif p.get("binary", True):
            text += " " + self.tr("Nowhere in the picture is the probability 0.5: every point is called class "
                                  "{label}.").format(label=int(lo > 0.5))
        line = p.get("line")
        self.line.setVisible(line is not None and bool(np.hypot(line[0], line[1]) > 1e-9))
        if self.line.isVisible():
            text += " " + self._place_line(line, (x0, x1, y0, y1))
        if self.levels != (0.0, 1.0):
            text += " " + self.tr("The probability is {low:.2f} to {high:.2f} everywhere: unsure all over the plane "
                                  "(the colour scale is stretched to show it).").format(low=lo, high=hi)
        self.info.setText(text)

    def _place_line(self, line: tuple[float, float, float], extent: tuple[float, float, float, float]) -> str:
        """Draw w1*x1 + w2*x2 + b = 0 and widen the view to take it in when it misses the data's square."""
        w1, w2, b = line
        norm = float(np.hypot(w1, w2))
        x0, x1, y0, y1 = extent
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        distance = (w1 * cx + w2 * cy + b) / norm  # signed, from the centre of the data along w
        qx, qy = cx - distance * w1 / norm, cy - distance * w2 / norm  # the line's point nearest the centre
        self.line.setPos(pg.Point(qx, qy))
        self.line.setAngle(float(np.degrees(np.arctan2(w1, -w2))))  # along (-w2, w1), perpendicular to w
        formula = self.tr("The neuron's line (dashed): {w1:.3g}·x₁ {w2:+.3g}·x₂ {b:+.3g} = 0.").format(
            w1=w1, w2=w2, b=b)
        span = max(x1 - x0, y1 - y0)
        inside = x0 <= qx <= x1 and y0 <= qy <= y1
        if inside:
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
            return formula
        if abs(distance) <= 4 * span:
            self.plot.setRange(xRange=(min(x0, qx - 0.15 * span), max(x1, qx + 0.15 * span)),
                               yRange=(min(y0, qy - 0.15 * span), max(y1, qy + 0.15 * span)), padding=0.02)
            return formula + " " + self.tr("It passes outside the data: all points are on one side.")
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
        return formula + " " + self.tr("It lies {distance:.3g} away from the data, off this picture.").format(
            distance=abs(distance))


def stretched_levels(probability: np.ndarray, narrow: float = 0.2) -> tuple[float, float]:
    """Colour levels for P(class 1): the full 0..1, or, when every value is within `narrow` of 0.5, a range
    centred on 0.5 (white stays the boundary) just wide enough for them, so an unsure network is not one flat
    pale colour."""
    spread = float(np.max(np.abs(probability - 0.5))) if probability.size else 0.5
    if spread >= narrow:
        return (0.0, 1.0)
    spread = max(spread, 1e-3)
    return (0.5 - spread, 0.5 + spread)


PANELS = [DecisionBoundaryPanel]
