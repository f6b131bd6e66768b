"""The live decision boundary of a 2-D classifier, redrawn as it trains (TensorFlow Playground style).

The picture comes from the supervised family's DecisionBoundaryProbe, which runs on the training thread.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout

from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.spec.experiment import Experiment


class DecisionBoundaryPanel(Panel):
    """The classifier's probability over the input plane, redrawn as it trains (TensorFlow Playground style)."""

    title = "Decision boundary"
    area = "bottom"
    latest_probe_only = True

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        self.plot = lw.plot("x1", "x2", "Background: the network's probability of class 1 at every point (orange "
                            "near 1, blue near 0, white at 0.5, where the boundary lies). Dots: the training data "
                            "coloured by their true class.")
        self.plot.setAspectLocked(False)
        self.field = pg.ImageItem()
        self.plot.addItem(self.field)
        self.contour = pg.IsocurveItem(level=0.5, pen=pg.mkPen("#333", width=1.5))
        self.contour.setParentItem(self.field)
        self.scatter = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8))
        self.plot.addItem(self.scatter)
        layout.addWidget(self.plot, 3)
        side = QVBoxLayout()
        side.addWidget(lw.heading("Decision boundary", "Where the network switches from one class to the other."))
        self.info = lw.muted("Press Start: the boundary appears here and moves as the network learns.")
        side.addWidget(self.info)
        side.addWidget(lw.muted("A single neuron (the perceptron) can only draw a straight line, so on XOR at most "
                                "3 of the 4 points end up on the right side. A hidden layer lets the boundary bend."))
        side.addStretch(1)
        layout.addWidget(lw.scroll(side, 220), 2)
        self.updates = 0

    def applies_to(self, experiment: Experiment) -> bool:
        net = experiment.networks.get("main")
        return experiment.family == "supervised" and net is not None and tuple(net.input_shape) == (2,)

    def probes(self, experiment: Experiment) -> list[Any]:
        from models.data import load_dataset
        from models.families.supervised.probes import DecisionBoundaryProbe

        try:
            data = load_dataset(experiment.dataset, experiment.dataset_options, seed=experiment.training.seed)
        except Exception as exc:  # noqa: BLE001 - the run itself reports data problems
            self.info.setText(f"No boundary: {exc}")
            return []
        x, y = np.asarray(data.x_train), np.asarray(data.y_train)
        if x.ndim != 2 or x.shape[1] != 2:
            return []
        x, keep = np.unique(x, axis=0, return_index=True)  # gates repeat their four rows
        return [DecisionBoundaryProbe(x, y.reshape(len(y), -1)[keep], resolution=80)]

    def on_run_started(self, event: Any) -> None:
        self.updates = 0
        self.info.setText("Training …")

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
        lw.set_image(self.field, p["probability"], (0.0, 1.0), lw.two_class_cmap(),
                     rect=(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        self.contour.setData(np.asarray(p["probability"], dtype="float32").T)
        self.scatter.setData(p["points"][:, 0], p["points"][:, 1],
                             brush=[pg.mkBrush(lw.ORANGE if c else lw.BLUE) for c in p["labels"]])
        self.updates += 1
        self.info.setText(f"After {event.step} batches: {p['accuracy']:.0%} of the training points are on the right "
                          "side of the boundary (the black line, where the probability is 0.5).")


PANELS = [DecisionBoundaryPanel]
