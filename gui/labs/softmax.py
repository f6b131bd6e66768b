"""The softmax lab: scores become probabilities, and the temperature sharpens or flattens them.

The numbers come from models.labs.softmax (numpy), computed on the GUI thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSlider, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import softmax as sm


class SoftmaxLab(Panel):
    """Type logits, move the temperature, see probabilities that always sum to 1."""

    title = QT_TRANSLATE_NOOP("Panels", "Softmax")
    area = "lab"
    shortcut = "Ctrl+Shift+3"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.shown_title(), self.tr(
            "softmax(z)ᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T): every score becomes a positive number and they are scaled "
            "to add up to 1.")))
        controls.addWidget(lw.muted(self.tr("Logits (raw scores), separated by spaces or commas:")))
        self.logits = QLineEdit("2.0, 1.0, 0.1, -1.0")
        self.logits.setToolTip(self.tr("Any real numbers, one per class (up to 100). Adding the same number to all "
                                       "of them changes nothing: only differences matter."))
        self.logits.textChanged.connect(self.refresh)
        controls.addWidget(self.logits)
        row = QHBoxLayout()
        row.addWidget(lw.muted(self.tr("temperature T")))
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(-20, 20)  # log10(T) * 10
        self.temperature.setValue(0)
        self.temperature.setToolTip(self.tr("Divides every logit before the exponential. Low T (< 1) sharpens "
                                            "towards the largest logit; high T (> 1) flattens towards equal "
                                            "probabilities."))
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
        self.plot = lw.plot(self.tr("class"), self.tr("probability"),
                            self.tr("Bars: softmax probabilities. Their heights always add up to 1."))
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
        self.readout.setText(self.tr("sum of probabilities = <b>{total:.6f}</b> · largest {largest:.3f} (class "
                                     "{best}) · entropy {entropy:.3f} nats (0 = certain, {most:.3f} = all "
                                     "equal)").format(total=p.sum(), largest=p.max(), best=int(p.argmax()),
                                                      entropy=sm.entropy(p), most=np.log(len(p))))


PANELS = [SoftmaxLab]
