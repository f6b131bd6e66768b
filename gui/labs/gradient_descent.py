"""The gradient-descent lab: the path of the weights down a two-parameter loss surface for a chosen step size.

The numbers come from models.labs.gradient_descent (numpy), computed on the GUI thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.i18n import model_text
from gui.panels.base import Panel, PanelContext
from models.labs import gradient_descent


class GradientDescentLab(Panel):
    """Contours of a two-parameter loss and the path gradient descent takes for a chosen step size."""

    title = QT_TRANSLATE_NOOP("Panels", "Gradient descent")
    area = "lab"
    shortcut = "Ctrl+Shift+5"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.shown_title(), self.tr("Each step moves the parameters against the "
                                                                  "gradient: w ← w − step × ∇L(w).")))
        self.surface = QComboBox()
        for name, s in gradient_descent.SURFACES.items():
            self.surface.addItem(model_text(s.title), name)
        self.surface.setToolTip(self.tr("Which loss surface to descend."))
        self.surface.currentIndexChanged.connect(self._surface_changed)
        controls.addWidget(self.surface)
        self.formula = lw.muted("")
        controls.addWidget(self.formula)
        grid = QGridLayout()
        self.step = lw.dspin(0.0001, 10.0, 0.08, 0.01, self.tr("The step size (learning rate): how far each update "
                                                               "moves along the negative gradient."), decimals=4)
        self.step.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("step size")), 0, 0)
        grid.addWidget(self.step, 0, 1)
        self.steps = lw.spin(1, 2000, 60, self.tr("How many updates to take."))
        self.steps.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("steps")), 1, 0)
        grid.addWidget(self.steps, 1, 1)
        controls.addLayout(grid)
        row = QHBoxLayout()
        self.choice_buttons: dict[str, QPushButton] = {}
        choices = {"too small": (self.tr("too small"), self.tr("A step size that is too small for this surface.")),
                   "good": (self.tr("good"), self.tr("A step size that is good for this surface.")),
                   "too large": (self.tr("too large"), self.tr("A step size that is too large for this surface."))}
        for key, (text, tip) in choices.items():
            button = QPushButton(text)
            button.setToolTip(tip)
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

        self.plot = lw.plot(self.tr("parameter a"), self.tr("parameter b"), self.tr(
            "Contours: lines of equal loss (darker = lower). The path: one dot per step from the start (square)."))
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
        self.loss_plot = lw.plot(self.tr("step"), self.tr("loss (log scale)"), self.tr("The loss after each step."))
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
        extra = self.tr(" Steps above {step:g} diverge here.").format(step=s.critical_step) if s.critical_step else ""
        explanation = model_text(s.explanation)
        self.formula.setText(f"<b>{s.formula}</b>")
        self.formula.setToolTip(f"{explanation}{extra}")
        self.explanation.setText(f"{explanation}{extra}")
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
        self.message.setText(f"<span style='color:{colour}'>{self.describe(s, path)}</span>")

    def describe(self, s: gradient_descent.Surface, path: gradient_descent.DescentPath) -> str:
        """path.message in the window's language (the same English)."""
        if path.diverged:
            head = self.tr("Diverged at step {n}").format(n=path.diverged_at) if path.diverged_at else \
                self.tr("Diverged")
            limit = self.tr(" (on this bowl any step above {limit:g} diverges)").format(limit=s.critical_step) \
                if s.critical_step else ""
            return self.tr("{head}: with step size {step:g} each update overshoots the minimum by more than it "
                           "corrects, so the loss grows instead of shrinking{limit}. Try a smaller step.").format(
                               head=head, step=path.step_size, limit=limit)
        if path.converged:
            return self.tr("Converged after {n} steps: the gradient is practically zero (loss {loss:.4g}).").format(
                n=path.steps, loss=path.final_loss)
        if path.losses[0] - path.final_loss <= 0:
            return self.tr("After {n} steps the loss has not gone down ({loss:.4g}): the step is too large.").format(
                n=path.steps, loss=path.final_loss)
        return self.tr("After {n} steps the loss fell from {start:.4g} to {end:.4g}. A larger step would get there "
                       "sooner, until it becomes too large and overshoots.").format(
                           n=path.steps, start=path.losses[0], end=path.final_loss)


PANELS = [GradientDescentLab]
