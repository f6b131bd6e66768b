"""The McCulloch-Pitts neuron lab: weights, a threshold, the truth table and the line the neuron draws.

Everything is computed with models.labs.mcp on the GUI thread (a few microseconds).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QHeaderView, QPushButton, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from gui import widgets as lw
from gui.i18n import model_text
from gui.panels.base import Panel, PanelContext
from models.labs import mcp

_PRESETS_2 = ("AND", "OR", "NAND")


_PRESETS_3 = {"AND": "AND3", "OR": "OR3", "NAND": "NAND3", "MAJORITY": "MAJORITY3"}


class McpLab(Panel):
    """Set the weights and threshold of a McCulloch-Pitts neuron and see its truth table and line."""

    title = QT_TRANSLATE_NOOP("Panels", "MCP neuron")
    area = "lab"
    shortcut = "Ctrl+Shift+1"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        layout = lw.panel_row(self)

        # Controls.
        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.tr("McCulloch-Pitts neuron (1943)"),
                                      self.tr("Binary inputs, fixed weights, a threshold: the neuron outputs 1 when "
                                              "the weighted sum of its inputs reaches the threshold, else 0. Nothing "
                                              "is learned; you set the numbers.")))
        count_row = QHBoxLayout()
        self.count_group = QButtonGroup(self)
        for n in (2, 3):
            button = QRadioButton(self.tr("{n} inputs").format(n=n))
            button.setToolTip(self.tr("Use {n} binary inputs (the truth table has {rows} rows).").format(
                n=n, rows=2 ** n))
            self.count_group.addButton(button, n)
            count_row.addWidget(button)
        self.count_group.button(2).setChecked(True)
        self.count_group.idToggled.connect(lambda _id, on: on and self._count_changed())
        controls.addLayout(count_row)
        grid = QGridLayout()
        self.weights = []
        for i in range(3):
            box = lw.dspin(-10, 10, 1.0, 0.5, self.tr("w{i}: how much input x{i} counts. Negative weights make an "
                                                      "input inhibit the neuron.").format(i=i + 1))
            box.valueChanged.connect(self.refresh)
            grid.addWidget(lw.muted(f"w{i + 1}"), i, 0)
            grid.addWidget(box, i, 1)
            self.weights.append(box)
        self.threshold = lw.dspin(-30, 30, 1.5, 0.5, self.tr("The neuron fires (outputs 1) when w1·x1 + w2·x2 "
                                                             "(+ w3·x3) is at least this value."))
        self.threshold.valueChanged.connect(self.refresh)
        grid.addWidget(lw.muted(self.tr("threshold θ")), 3, 0)
        grid.addWidget(self.threshold, 3, 1)
        controls.addLayout(grid)
        preset_row = QHBoxLayout()
        self.preset_buttons: dict[str, QPushButton] = {}
        for name in (*_PRESETS_2, "MAJORITY"):
            button = QPushButton(name)
            button.setToolTip((self.tr("Weights and threshold that compute {name} (3 inputs only)")
                               if name == "MAJORITY" else
                               self.tr("Weights and threshold that compute {name}")).format(name=name))
            button.clicked.connect(lambda _=False, n=name: self.load_gate(n))
            preset_row.addWidget(button)
            self.preset_buttons[name] = button
        controls.addLayout(preset_row)
        self.xor_button = QPushButton(self.tr("Can it do XOR?"))
        self.xor_button.setToolTip(self.tr("Try every weight and threshold on a grid against XOR's truth table, "
                                           "and see why none can work."))
        self.xor_button.clicked.connect(self.prove_xor)
        controls.addWidget(self.xor_button)
        self.xor_note = lw.muted("")
        controls.addWidget(self.xor_note)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 250), 3)

        # Truth table.
        table_col = QVBoxLayout()
        table_col.addWidget(lw.heading(self.tr("Truth table"), self.tr(
            "Every combination of inputs, the weighted sum and the output (1 when the sum is at least the "
            "threshold).")))
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table_col.addWidget(self.table, 1)
        self.gate_label = lw.muted("")
        table_col.addWidget(self.gate_label)
        layout.addLayout(table_col, 3)

        # The line.
        plot_col = QVBoxLayout()
        plot_col.addWidget(lw.heading(self.tr("The line it draws"), self.tr(
            "With two inputs, the points where w1·x1 + w2·x2 equals the threshold form a straight line; the neuron "
            "fires on one side.")))
        self.plot = lw.plot("x1", "x2", self.tr("Shaded orange: where the neuron would fire for any real inputs. "
                                                "Dots: the four binary inputs, orange when the neuron outputs 1."))
        self.plot.setAspectLocked(True)
        self.plot.setXRange(-0.5, 1.5, padding=0.02)
        self.plot.setYRange(-0.5, 1.5, padding=0.02)
        self.plot.setMouseEnabled(False, False)
        self.field = pg.ImageItem()
        self.plot.addItem(self.field)
        self.line = pg.PlotDataItem(pen=pg.mkPen("#333", width=2))
        self.plot.addItem(self.line)
        self.points = pg.ScatterPlotItem(size=16, pen=pg.mkPen("#333", width=1))
        self.plot.addItem(self.points)
        plot_col.addWidget(self.plot, 1)
        self.line_note = lw.muted("")
        plot_col.addWidget(self.line_note)
        layout.addLayout(plot_col, 4)
        self.load_gate("AND")

    # --- behaviour --------------------------------------------------------------------------------------
    def n_inputs(self) -> int:
        return 3 if self.count_group.checkedId() == 3 else 2

    def neuron(self) -> mcp.McpNeuron:
        return mcp.McpNeuron(tuple(b.value() for b in self.weights[: self.n_inputs()]), self.threshold.value())

    def _count_changed(self) -> None:
        self.weights[2].setEnabled(self.n_inputs() == 3)
        self.preset_buttons["MAJORITY"].setEnabled(self.n_inputs() == 3)
        self.plot.setVisible(self.n_inputs() == 2)
        self.refresh()

    def load_gate(self, name: str) -> None:
        key = _PRESETS_3.get(name, name) if self.n_inputs() == 3 else name
        if key not in mcp.GATE_PRESETS:
            return
        neuron = mcp.GATE_PRESETS[key]
        for box in (*self.weights, self.threshold):
            box.blockSignals(True)
        for box, w in zip(self.weights, neuron.weights):
            box.setValue(w)
        self.threshold.setValue(neuron.threshold)
        for box in (*self.weights, self.threshold):
            box.blockSignals(False)
        self._count_changed()

    def refresh(self) -> None:
        neuron = self.neuron()
        rows = mcp.truth_table(neuron)
        n = neuron.n_inputs
        headers = [f"x{i + 1}" for i in range(n)] + ["Σ w·x", self.tr("output")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [str(v) for v in row.inputs] + [f"{row.weighted_sum:g}", str(row.output)]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == len(values) - 1:
                    item.setBackground(QBrush(QColor("#fbe0c6" if row.output else "#dbe6fa")))
                self.table.setItem(r, c, item)
        gate = mcp.matching_gate(neuron)
        if n == 2:
            self.gate_label.setText(self.tr("This neuron computes <b>{gate}</b>.").format(gate=gate) if gate else
                                    self.tr("This setting does not compute AND, OR or NAND."))
            self._draw(neuron)
        else:
            self.gate_label.setText(self.tr("With 3 inputs the boundary is a plane through the cube of inputs; the "
                                            "table shows which corners are on its firing side."))

    def _draw(self, neuron: mcp.McpNeuron) -> None:
        xs = np.linspace(-0.5, 1.5, 120)
        gx, gy = np.meshgrid(xs, xs)
        fires = (neuron.weights[0] * gx + neuron.weights[1] * gy >= neuron.threshold).astype("float32")
        lw.set_image(self.field, fires, (0.0, 1.0), pg.ColorMap([0.0, 1.0], [pg.mkColor("#ffffff"),
                                                                             pg.mkColor("#fde7d2")]),
                     rect=(-0.5, -0.5, 2.0, 2.0))
        line = mcp.separating_line(neuron)
        if line.points:
            (x0, y0), (x1, y1) = line.points
            self.line.setData([x0, x1], [y0, y1])
        else:
            self.line.setData([], [])
        outs = mcp.outputs(neuron)
        corners = [(0, 0), (0, 1), (1, 0), (1, 1)]
        self.points.setData([c[0] for c in corners], [c[1] for c in corners],
                            brush=[pg.mkBrush(lw.ORANGE if o else lw.BLUE) for o in outs])
        self.line_note.setText(self.line_text(neuron, line))

    def line_text(self, neuron: mcp.McpNeuron, line: mcp.Line) -> str:
        """What models.labs.mcp's `Line.fires_side` says, as a translatable sentence (the same English)."""
        w1, w2 = (float(w) for w in neuron.weights)
        t = float(neuron.threshold)
        if line.kind == "none":
            text = (self.tr("Line: {equation}. No line: both weights are 0, so the neuron always fires "
                            "(0 >= threshold).") if 0 >= t else
                    self.tr("Line: {equation}. No line: both weights are 0, so the neuron never fires "
                            "(0 < threshold)."))
            return text.format(equation=line.equation)
        sides = []
        if w1:
            sides.append(self.tr("larger x1") if w1 > 0 else self.tr("smaller x1"))
        if w2:
            sides.append(self.tr("larger x2") if w2 > 0 else self.tr("smaller x2"))
        side = sides[0] if len(sides) == 1 else self.tr("{first} and {second}").format(first=sides[0],
                                                                                        second=sides[1])
        return self.tr("Line: {equation}. The neuron fires on the side of {side} (sum >= {threshold}), including "
                       "the line itself.").format(equation=line.equation, side=side, threshold=f"{t:g}")

    def prove_xor(self) -> None:
        result = mcp.search_xor(-3.0, 3.0, 41)
        low, high, points = result.grid
        w1, w2, t = result.best_example
        self.xor_note.setText(
            self.tr("Tried {tried} settings (w1, w2 and θ from {low} to {high}, {points} values each): "
                    "<b>{solutions} compute XOR</b>; the best get {best} of 4 rows right "
                    "(e.g. w1 = {w1}, w2 = {w2}, θ = {t}).").format(
                tried=f"{result.tried:,}", low=f"{low:g}", high=f"{high:g}", points=points,
                solutions=result.solutions, best=result.best_correct, w1=f"{w1:g}", w2=f"{w2:g}", t=f"{t:g}")
            + "<br>" + model_text(result.reason))


PANELS = [McpLab]
