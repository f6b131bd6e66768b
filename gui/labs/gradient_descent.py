"""The gradient-descent lab: the path of the weights down a two-parameter loss surface for a chosen step size.

The numbers come from models.labs.gradient_descent (numpy), computed on the GUI thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import gradient_descent


class GradientDescentLab(Panel):
    """Contours of a two-parameter loss and the path gradient descent takes for a chosen step size."""

    title = "Gradient descent"
    area = "lab"
    shortcut = "Ctrl+Shift+5"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading("Gradient descent", "Each step moves the parameters against the gradient: "
                                      "w ← w − step × ∇L(w)."))
        self.surface = QComboBox()
        for name, s in gradient_descent.SURFACES.items():
            self.surface.addItem(s.title, name)
        self.surface.setToolTip("Which loss surface to descend.")
        self.surface.currentIndexChanged.connect(self._surface_changed)
        controls.addWidget(self.surface)
        self.formula = lw.muted("")
        controls.addWidget(self.formula)
        grid = QGridLayout()
        self.step = lw.dspin(0.0001, 10.0, 0.08, 0.01, "The step size (learning rate): how far each update moves "
                             "along the negative gradient.", decimals=4)
        self.step.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted("step size"), 0, 0)
        grid.addWidget(self.step, 0, 1)
        self.steps = lw.spin(1, 2000, 60, "How many updates to take.")
        self.steps.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted("steps"), 1, 0)
        grid.addWidget(self.steps, 1, 1)
        controls.addLayout(grid)
        row = QHBoxLayout()
        self.choice_buttons: dict[str, QPushButton] = {}
        for key in ("too small", "good", "too large"):
            button = QPushButton(key)
            button.setToolTip(f"A step size that is {key} for this surface.")
            button.clicked.connect(lambda _=False, k=key: self.use_step(k))
            row.addWidget(button)
            self.choice_buttons[key] = button
        controls.addLayout(row)
        self.message = lw.muted("")
        controls.addWidget(self.message)
        self.explanation = lw.muted("")
        controls.addWidget(self.explanation)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 230), 2)

        self.plot = lw.plot("parameter a", "parameter b", "Contours: lines of equal loss (darker = lower). The path: "
                            "one dot per step from the start (square).")
        self.plot.setMouseEnabled(False, False)
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.contours: list[pg.IsocurveItem] = []
        self.path = pg.PlotDataItem(pen=pg.mkPen(theme.ERROR, width=2), symbol="o", symbolSize=5,
                                    symbolBrush=theme.ERROR, symbolPen=None)
        self.plot.addItem(self.path)
        self.start = pg.ScatterPlotItem(size=11, symbol="s", brush=pg.mkBrush("#333"))
        self.plot.addItem(self.start)
        self.minimum = pg.ScatterPlotItem(size=14, symbol="star", brush=pg.mkBrush(theme.OK))
        self.plot.addItem(self.minimum)
        layout.addWidget(self.plot, 3)
        self.loss_plot = lw.plot("step", "loss (log scale)", "The loss after each step.")
        self.loss_plot.setLogMode(False, True)
        self.loss_curve = self.loss_plot.plot(pen=lw.pen(0))
        layout.addWidget(self.loss_plot, 2)
        self._surface_changed()

    def _surface_changed(self) -> None:
        name = self.surface.currentData()
        s = gradient_descent.get_surface(name)
        a, b, z = gradient_descent.surface_grid(name, 160)
        shown = np.log10(z - z.min() + 1e-3)
        lo, hi = float(shown.min()), float(shown.max())
        da, db = a[1] - a[0], b[1] - b[0]
        lw.set_image(self.image, shown.T, (lo, hi), "viridis", rect=(a[0] - da / 2, b[0] - db / 2,
                                                                       a[-1] - a[0] + da, b[-1] - b[0] + db))
        for item in self.contours:
            item.setParentItem(None)
            self.plot.removeItem(item)
        self.contours = []
        # Contours are traced on every second grid point (scaled back up): pyqtgraph traces them in Python,
        # and at full resolution the first paint of this lab took ~0.15 s.
        coarse = np.ascontiguousarray(shown.T[::2, ::2], dtype="float32")
        for level in np.linspace(lo, hi, 12)[1:-1]:
            iso = pg.IsocurveItem(data=coarse, level=float(level), pen=pg.mkPen("#ffffff80"))
            iso.setTransform(QTransform.fromScale(2.0, 2.0))
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.plot.setXRange(s.view[0], s.view[1], padding=0)
        self.plot.setYRange(s.view[2], s.view[3], padding=0)
        self.minimum.setData([s.minimum[0]], [s.minimum[1]])
        extra = f" Steps above {s.critical_step:g} diverge here." if s.critical_step else ""
        self.formula.setText(f"<b>{s.formula}</b>")
        self.formula.setToolTip(f"{s.explanation}{extra}")
        self.explanation.setText(f"{s.explanation}{extra}")
        self.use_step("good")

    def use_step(self, key: str) -> None:
        s = gradient_descent.get_surface(self.surface.currentData())
        self.step.setValue(s.step_sizes[key])
        self.refresh()

    def refresh(self) -> None:
        name = self.surface.currentData()
        s = gradient_descent.get_surface(name)
        path = gradient_descent.descend(name, self.step.value(), self.steps.value())
        # Keep the drawing inside a generous box around the view, so a diverging path stays visible.
        a0, a1, b0, b1 = s.view
        span = max(a1 - a0, b1 - b0) * 3
        pts = np.clip(path.points, [a0 - span, b0 - span], [a1 + span, b1 + span])
        self.path.setData(pts[:, 0], pts[:, 1])
        self.start.setData([pts[0, 0]], [pts[0, 1]])
        self.loss_curve.setData(np.arange(len(path.losses)), np.maximum(path.losses, 1e-12))
        colour = theme.ERROR if path.diverged else theme.OK if path.converged else "#333"
        self.message.setText(f"<span style='color:{colour}'>{path.message}</span>")


PANELS = [GradientDescentLab]
