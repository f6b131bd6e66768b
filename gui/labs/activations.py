"""The activation-functions lab: each function and its derivative, and how gradients shrink through layers.

The numbers come from models.labs.activations (numpy), computed on the GUI thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.i18n import model_text
from gui.panels.base import Panel, PanelContext
from models.labs import activations


class ActivationsLab(Panel):
    """Each activation and its derivative on one plot, with its range and the vanishing-gradient readout."""

    title = QT_TRANSLATE_NOOP("Panels", "Activation functions")
    area = "lab"
    shortcut = "Ctrl+Shift+2"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.range_labels: dict[str, object] = {}
        for name, act in activations.ACTIVATIONS.items():
            col = QVBoxLayout()
            explanation = model_text(act.explanation)
            col.addWidget(lw.heading(act.title.split("  ")[0], explanation))
            p = lw.plot("x", "", self.tr("{title}. Solid: the function; dashed: its derivative, the factor "
                                         "backpropagation multiplies the gradient by at this input.").format(
                                             title=act.title))
            x, y, dy = activations.curve(name, -5, 5, 401)
            p.plot(x, y, pen=lw.pen(0), name="f(x)")
            p.plot(x, dy, pen=lw.pen(1, dashed=True), name="f′(x)")
            p.setXRange(-5, 5, padding=0.02)
            p.setYRange(-1.2, 2.0 if name in ("relu", "leaky_relu") else 1.2, padding=0.02)
            p.setMouseEnabled(False, False)
            col.addWidget(p, 1)
            label = lw.muted(self.tr("— f(x), range {range}<br>- - f′(x), at most {top:g}").format(
                range=act.range_text, top=act.derivative_max), explanation)
            col.addWidget(label)
            self.plots[name] = p
            self.range_labels[name] = label
            layout.addLayout(col, 2)
        side = QVBoxLayout()
        side.addWidget(lw.heading(self.tr("Why sigmoid gradients vanish"),
                                  self.tr("Backpropagation multiplies one activation slope per layer.")))
        side.addWidget(lw.muted(self.tr("Sigmoid's slope σ(x)(1 − σ(x)) peaks at 0.25 when x = 0. Through n sigmoid "
                                        "layers the gradient is multiplied by n such slopes:")))
        row = QHBoxLayout()
        row.addWidget(lw.muted(self.tr("layers n")))
        self.layers = lw.spin(1, 50, 5, self.tr("How many sigmoid layers the gradient passes through on its way "
                                                "back."))
        self.layers.valueChanged.connect(self._update_vanishing)
        row.addWidget(self.layers)
        row.addStretch(1)
        side.addLayout(row)
        self.vanishing = lw.muted("")
        side.addWidget(self.vanishing)
        self.bars = lw.plot(self.tr("layers"), "log₁₀ 0.25ⁿ", self.tr("Largest factor left after n sigmoid layers: "
                                                                     "0.25ⁿ, on a log scale (−3 means 0.001)."))
        self.bars.setMinimumHeight(130)
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.7, brush=theme.SERIES[4])
        self.bars.addItem(self.bar_item)
        self.bars.setMouseEnabled(False, False)
        side.addWidget(self.bars, 1)
        layout.addWidget(lw.scroll(side, 230), 3)
        self._update_vanishing()

    def _update_vanishing(self) -> None:
        n = self.layers.value()
        bound = activations.sigmoid_gradient_bound(n)
        self.vanishing.setText(self.tr("0.25<sup>{n}</sup> = <b>{bound:.3g}</b>: the first layers barely "
                                       "learn.").format(n=n, bound=bound))
        self.vanishing.setToolTip(self._vanishing_text(n, bound))
        table = activations.vanishing_table(n)
        self.bar_item.setOpts(x=[t[0] for t in table], height=[np.log10(t[1]) for t in table], width=0.7)
        self.bars.setXRange(0.3, n + 0.7, padding=0)
        self.bars.setYRange(min(-1.0, np.log10(table[-1][1]) * 1.05), 0, padding=0)

    def _vanishing_text(self, n: int, bound: float) -> str:
        """activations.vanishing_text(n) in the window's language (the same English)."""
        if n == 1:
            text = self.tr("Each sigmoid layer multiplies the gradient by its slope, which is at most 0.25. After {n} "
                           "layer that factor alone is at most 0.25^{n} = {bound:.3g}, so the first layers barely "
                           "learn (weights larger than 1 can offset it, but usually do not).")
        else:
            text = self.tr("Each sigmoid layer multiplies the gradient by its slope, which is at most 0.25. After {n} "
                           "layers that factor alone is at most 0.25^{n} = {bound:.3g}, so the first layers barely "
                           "learn (weights larger than 1 can offset it, but usually do not).")
        return text.format(n=n, bound=bound)


PANELS = [ActivationsLab]
