"""The functions the notes explain, each as a small lab: activations, softmax, losses and gradient descent.

All numbers come from models.labs (numpy, microseconds to milliseconds), so these labs compute on the GUI
thread and never touch the training worker.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QSlider, QVBoxLayout)

from models.labs import activations, gradient_descent, losses
from models.labs import softmax as sm

from .. import theme
from . import lab_widgets as lw
from .base import Panel, PanelContext


class ActivationsLab(Panel):
    """Each activation and its derivative on one plot, with its range and the vanishing-gradient readout."""

    title = "Activation functions"
    area = "lab"
    shortcut = "Ctrl+Shift+2"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.range_labels: dict[str, object] = {}
        for name, act in activations.ACTIVATIONS.items():
            col = QVBoxLayout()
            col.addWidget(lw.heading(act.title.split("  ")[0], act.explanation))
            p = lw.plot("x", "", f"{act.title}. Solid: the function; dashed: its derivative, the factor "
                        "backpropagation multiplies the gradient by at this input.")
            x, y, dy = activations.curve(name, -5, 5, 401)
            p.plot(x, y, pen=lw.pen(0), name="f(x)")
            p.plot(x, dy, pen=lw.pen(1, dashed=True), name="f′(x)")
            p.setXRange(-5, 5, padding=0.02)
            p.setYRange(-1.2, 2.0 if name in ("relu", "leaky_relu") else 1.2, padding=0.02)
            p.setMouseEnabled(False, False)
            col.addWidget(p, 1)
            label = lw.muted(f"— f(x), range {act.range_text}<br>- - f′(x), at most {act.derivative_max:g}",
                             act.explanation)
            col.addWidget(label)
            self.plots[name] = p
            self.range_labels[name] = label
            layout.addLayout(col, 2)
        side = QVBoxLayout()
        side.addWidget(lw.heading("Why sigmoid gradients vanish",
                                  "Backpropagation multiplies one activation slope per layer."))
        side.addWidget(lw.muted("Sigmoid's slope σ(x)(1 − σ(x)) peaks at 0.25 when x = 0. Through n sigmoid layers "
                                "the gradient is multiplied by n such slopes:"))
        row = QHBoxLayout()
        row.addWidget(lw.muted("layers n"))
        self.layers = lw.spin(1, 50, 5, "How many sigmoid layers the gradient passes through on its way back.")
        self.layers.valueChanged.connect(self._update_vanishing)
        row.addWidget(self.layers)
        row.addStretch(1)
        side.addLayout(row)
        self.vanishing = lw.muted("")
        side.addWidget(self.vanishing)
        self.bars = lw.plot("layers", "log₁₀ 0.25ⁿ", "Largest factor left after n sigmoid layers: 0.25ⁿ, on a "
                            "log scale (−3 means 0.001).")
        self.bars.setMinimumHeight(130)
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.7, brush=theme.SERIES[4])
        self.bars.addItem(self.bar_item)
        self.bars.setMouseEnabled(False, False)
        side.addWidget(self.bars, 1)
        layout.addWidget(lw.scroll(side, 230), 3)
        self._update_vanishing()

    def _update_vanishing(self) -> None:
        n = self.layers.value()
        self.vanishing.setText(f"0.25<sup>{n}</sup> = <b>{activations.sigmoid_gradient_bound(n):.3g}</b>: the first "
                               "layers barely learn.")
        self.vanishing.setToolTip(activations.vanishing_text(n))
        table = activations.vanishing_table(n)
        self.bar_item.setOpts(x=[t[0] for t in table], height=[np.log10(t[1]) for t in table], width=0.7)
        self.bars.setXRange(0.3, n + 0.7, padding=0)
        self.bars.setYRange(min(-1.0, np.log10(table[-1][1]) * 1.05), 0, padding=0)


class SoftmaxLab(Panel):
    """Type logits, move the temperature, see probabilities that always sum to 1."""

    title = "Softmax"
    area = "lab"
    shortcut = "Ctrl+Shift+3"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading("Softmax", "softmax(z)ᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T): every score becomes "
                                      "a positive number and they are scaled to add up to 1."))
        controls.addWidget(lw.muted("Logits (raw scores), separated by spaces or commas:"))
        self.logits = QLineEdit("2.0, 1.0, 0.1, -1.0")
        self.logits.setToolTip("Any real numbers, one per class (up to 100). Adding the same number to all of them "
                               "changes nothing: only differences matter.")
        self.logits.textChanged.connect(self.refresh)
        controls.addWidget(self.logits)
        row = QHBoxLayout()
        row.addWidget(lw.muted("temperature T"))
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(-20, 20)  # log10(T) * 10
        self.temperature.setValue(0)
        self.temperature.setToolTip("Divides every logit before the exponential. Low T (< 1) sharpens towards the "
                                    "largest logit; high T (> 1) flattens towards equal probabilities.")
        self.temperature.valueChanged.connect(self.refresh)
        row.addWidget(self.temperature, 1)
        self.t_label = lw.muted("")
        self.t_label.setMinimumWidth(60)
        row.addWidget(self.t_label)
        controls.addLayout(row)
        self.readout = lw.muted("")
        controls.addWidget(self.readout)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 230), 2)
        self.plot = lw.plot("class", "probability", "Bars: softmax probabilities. Their heights always add up to 1.")
        self.plot.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=theme.ACCENT)
        self.plot.addItem(self.bars)
        self.value_labels: list[pg.TextItem] = []
        layout.addWidget(self.plot, 3)
        self.refresh()

    @property
    def temperature_value(self) -> float:
        return float(10 ** (self.temperature.value() / 10))

    def refresh(self) -> None:
        t = self.temperature_value
        self.t_label.setText(f"{t:.3g}")
        try:
            z = sm.parse_logits(self.logits.text())
            p = sm.softmax(z, t)
        except sm.SoftmaxError as exc:
            self.readout.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
            return
        x = np.arange(len(p))
        self.bars.setOpts(x=x, height=p, width=0.6)
        for item in self.value_labels:
            self.plot.removeItem(item)
        self.value_labels = []
        if len(p) <= 20:
            for i, v in enumerate(p):
                item = pg.TextItem(f"{v:.3f}", color="#333", anchor=(0.5, 1.0))
                item.setPos(i, v)
                self.plot.addItem(item)
                self.value_labels.append(item)
        self.plot.getAxis("bottom").setTicks([[(i, f"{i}\nz={v:g}") for i, v in enumerate(z)]] if len(z) <= 12
                                             else None)
        self.plot.setXRange(-0.6, len(p) - 0.4, padding=0)
        self.plot.setYRange(0, 1.1, padding=0)
        self.readout.setText(f"sum of probabilities = <b>{p.sum():.6f}</b> · largest {p.max():.3f} (class "
                             f"{int(p.argmax())}) · entropy {sm.entropy(p):.3f} nats (0 = certain, "
                             f"{np.log(len(p)):.3f} = all equal)")


class LossesLab(Panel):
    """MSE and cross-entropy of one prediction against a one-hot target, as the true class's probability moves."""

    title = "Loss functions"
    area = "lab"
    shortcut = "Ctrl+Shift+4"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading("MSE vs cross-entropy", "Both compare a predicted distribution with a one-hot "
                                      "target (1 for the true class, 0 elsewhere)."))
        controls.addWidget(lw.muted("The prediction gives probability p to the true class and shares 1 − p evenly "
                                    "among the others."))
        grid = QGridLayout()
        self.classes = lw.spin(2, 20, 3, "How many classes the prediction is spread over.")
        self.classes.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted("classes"), 0, 0)
        grid.addWidget(self.classes, 0, 1)
        self.p_slider = QSlider(Qt.Orientation.Horizontal)
        self.p_slider.setRange(1, 100)
        self.p_slider.setValue(30)
        self.p_slider.setToolTip("The predicted probability of the true class.")
        self.p_slider.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted("p(true class)"), 1, 0)
        grid.addWidget(self.p_slider, 1, 1)
        controls.addLayout(grid)
        self.readout = lw.muted("")
        controls.addWidget(self.readout)
        controls.addWidget(lw.muted(f"MSE = {losses.MSE_DEFINITION}. Cross-entropy = {losses.CE_DEFINITION}. "
                                    "Cross-entropy grows without limit as p → 0, so a confident wrong answer is "
                                    "punished hard; MSE never exceeds 2/K (K classes), so its slope stays gentle even "
                                    "when the model is badly wrong."))
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 230), 2)
        self.plot = lw.plot("predicted probability of the true class p", "loss",
                            "Both losses for every p; the dots mark the slider's p.", legend=True)
        self.plot.setMouseEnabled(False, False)
        self.mse_curve = self.plot.plot(pen=lw.pen(0), name="MSE")
        self.ce_curve = self.plot.plot(pen=lw.pen(1), name="cross-entropy")
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
        self.readout.setText(f"target {_vec(target)} · prediction {_vec(pred)}<br>MSE <b>{m:.4f}</b> · "
                             f"cross-entropy <b>{c:.4f}</b>")


def _vec(v: np.ndarray) -> str:
    shown = ", ".join(f"{x:.2f}" for x in v[:6])
    return f"[{shown}{', …' if len(v) > 6 else ''}]"


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


PANELS = [ActivationsLab, SoftmaxLab, LossesLab, GradientDescentLab]
