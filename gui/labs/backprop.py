"""Backpropagation, step by step: the notes' worked example (2 inputs, 2 sigmoid hidden units, 3 sigmoid
outputs, MSE) with every forward value, every chain-rule derivative, one update and the new loss.

The numbers come from models.labs.backprop (the same walk-through `python main.py backprop-example` prints);
the diagram highlights the units and weights each step involves.
"""
from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.labs import backprop as bp

_X = {"x": 0.0, "h": 1.0, "o": 2.0}
_PHASE_COLOURS = {"forward": theme.SERIES[0], "loss": theme.SERIES[3], "backward": theme.SERIES[1],
                  "update": theme.SERIES[2], "after": theme.SERIES[3]}
_PHASE_TITLES = {"forward": QT_TRANSLATE_NOOP("BackpropLab", "forward pass"),
                 "loss": QT_TRANSLATE_NOOP("BackpropLab", "loss"),
                 "backward": QT_TRANSLATE_NOOP("BackpropLab", "backward pass (chain rule)"),
                 "update": QT_TRANSLATE_NOOP("BackpropLab", "gradient-descent update"),
                 "after": QT_TRANSLATE_NOOP("BackpropLab", "after the update")}


def _pos(node: str) -> tuple[float, float]:
    kind, idx = node[0], int(node[1:]) - 1
    count = {"x": bp.N_INPUTS, "h": bp.N_HIDDEN, "o": bp.N_OUTPUTS}[kind]
    return _X[kind], (count - 1) / 2 - idx


def involved(step_name: str) -> tuple[set[str], set[tuple[str, str]]]:
    """Which units (x1, h2, o3 ...) and weights (edges) a step of the walk-through is about."""
    nodes: set[str] = set()
    edges: set[tuple[str, str]] = set()
    for layer, a, b in re.findall(r"W([12])\[(\d),(\d)\]", step_name):
        if layer == "1":
            edges.add((f"x{b}", f"h{a}"))
        else:
            edges.add((f"h{b}", f"o{a}"))
    for layer, a in re.findall(r"b([12])\[(\d)\]", step_name):
        nodes.add(f"h{a}" if layer == "1" else f"o{a}")
    for kind, idx in re.findall(r"(?:net_|delta_|d)?([ho])(\d)", step_name):
        nodes.add(f"{kind}{idx}")
    back = re.fullmatch(r"dL/dh(\d)", step_name)
    if back:  # the error reaching h_j comes back along its weights to every output
        edges.update((f"h{back.group(1)}", f"o{k + 1}") for k in range(bp.N_OUTPUTS))
    if step_name in ("L", "new L"):
        nodes.update(f"o{k + 1}" for k in range(bp.N_OUTPUTS))
    return nodes, edges

# bp.LOSS_DEFINITION typeset: L = ½ Σₖ (tₖ − oₖ)², t the one-hot target, o the outputs
LOSS_HTML = "<i>L</i> = ½ Σ<sub><i>k</i></sub> (<i>t</i><sub><i>k</i></sub> − <i>o</i><sub><i>k</i></sub>)²"


class BackpropLab(Panel):
    """Step forward and back through one forward pass, the chain rule and one update."""

    title = QT_TRANSLATE_NOOP("Panels", "Backpropagation")
    area = "lab"
    shortcut = "Ctrl+Shift+6"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.example = bp.worked_example(0)
        self.index = 0
        layout = lw.panel_row(self)

        controls = QVBoxLayout()
        controls.addWidget(lw.heading(self.tr("Backpropagation, one step at a time"), self.tr(
            "The worked example of the notes: 2 inputs → 2 sigmoid hidden units → 3 sigmoid outputs, loss {loss} "
            "against a one-hot target.").format(loss=LOSS_HTML)))
        grid = QGridLayout()
        self.seed = lw.spin(0, 9999, 0, self.tr("Which inputs, target and starting weights to draw (small round "
                                                "numbers)."))
        self.seed.valueChanged.connect(self.rebuild)
        grid.addWidget(lw.muted(self.tr("example (seed)")), 0, 0)
        grid.addWidget(self.seed, 0, 1)
        self.lr = lw.dspin(0.01, 10.0, bp.DEFAULT_LR, 0.1, self.tr("Learning rate of the single gradient-descent "
                                                                   "update."))
        self.lr.valueChanged.connect(self.rebuild)
        grid.addWidget(lw.muted(self.tr("learning rate")), 1, 0)
        grid.addWidget(self.lr, 1, 1)
        controls.addLayout(grid)
        row = QHBoxLayout()
        self.first_button = QPushButton("|◀")
        self.first_button.setToolTip(self.tr("Back to the first step"))
        self.prev_button = QPushButton(self.tr("◀ Back"))
        self.prev_button.setToolTip(self.tr("Previous step (Left arrow in the list)"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(self.tr("Next step (Right arrow in the list)"))
        self.first_button.clicked.connect(lambda: self.go(0))
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        for b in (self.first_button, self.prev_button, self.next_button):
            row.addWidget(b)
        controls.addLayout(row)
        self.position = lw.muted("")
        controls.addWidget(self.position)
        self.summary = lw.muted("")
        controls.addWidget(self.summary)
        controls.addStretch(1)
        layout.addWidget(lw.scroll(controls, 200), 2)

        # The network.
        self.diagram = pg.PlotWidget()
        self.diagram.setBackground("w")
        self.diagram.setMenuEnabled(False)
        self.diagram.setMouseEnabled(False, False)
        self.diagram.hideAxis("left")
        self.diagram.hideAxis("bottom")
        self.diagram.setXRange(-0.35, 3.1, padding=0)
        self.diagram.setYRange(-1.45, 1.35, padding=0)
        self.diagram.setMinimumSize(220, 160)
        self.diagram.setToolTip(self.tr("Left: inputs x. Middle: hidden units h (sigmoid). Right: outputs o (sigmoid) "
                                        "and the one-hot target. Highlighted: what the current step computes or "
                                        "uses."))
        self.edge_items: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.edge_labels: dict[tuple[str, str], pg.TextItem] = {}
        self.node_names = [f"x{i + 1}" for i in range(bp.N_INPUTS)] + [f"h{j + 1}" for j in range(bp.N_HIDDEN)] + \
            [f"o{k + 1}" for k in range(bp.N_OUTPUTS)]
        # Labels sit at different distances along edges that leave the same unit, so they do not collide.
        for j in range(bp.N_HIDDEN):
            for i in range(bp.N_INPUTS):
                self._edge(f"x{i + 1}", f"h{j + 1}", 0.3 if i == 0 else 0.6)
        for k in range(bp.N_OUTPUTS):
            for j in range(bp.N_HIDDEN):
                self._edge(f"h{j + 1}", f"o{k + 1}", 0.25 if j == 0 else 0.6)
        self.nodes = pg.ScatterPlotItem(size=34, pen=pg.mkPen("#555", width=1.5))
        self.diagram.addItem(self.nodes)
        self.node_labels: dict[str, pg.TextItem] = {}
        for name in self.node_names:
            x, y = _pos(name)
            text = pg.TextItem(name, color="#222", anchor=(0.5, 0.5))
            text.setPos(x, y)
            self.diagram.addItem(text)
            self.node_labels[name] = text
        self.value_labels: dict[str, pg.TextItem] = {}
        for name in self.node_names:
            x, y = _pos(name)
            text = pg.TextItem("", color="#333", anchor=(0.5, 0.0) if name[0] != "o" else (0.0, 0.5))
            text.setPos(x, y - 0.2) if name[0] != "o" else text.setPos(x + 0.12, y)
            self.diagram.addItem(text)
            self.value_labels[name] = text
        layout.addWidget(self.diagram, 3)

        # The current step and the list of all steps.
        right = QVBoxLayout()
        self.step_title = lw.heading("")
        right.addWidget(self.step_title)
        self.step_text = lw.muted("")
        self.step_text.setObjectName("")
        self.step_text.setStyleSheet("font-family: 'DejaVu Sans Mono', monospace;")
        self.step_text.setWordWrap(True)
        right.addWidget(self.step_text)
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Every step of the walk-through; click one to jump there."))
        self.list.currentRowChanged.connect(lambda row: row >= 0 and row != self.index and self.go(row))
        self.list.setMinimumHeight(60)
        right.addWidget(self.list, 1)
        layout.addLayout(right, 4)
        self.rebuild()

    def _edge(self, a: str, b: str, t: float) -> None:
        (x0, y0), (x1, y1) = _pos(a), _pos(b)
        item = pg.PlotDataItem([x0, x1], [y0, y1], pen=pg.mkPen("#c3c9d3", width=1.5))
        self.diagram.addItem(item)
        self.edge_items[(a, b)] = item
        label = pg.TextItem("", color="#777", anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 210))
        label.setPos(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
        self.diagram.addItem(label)
        self.edge_labels[(a, b)] = label

    def rebuild(self) -> None:
        try:
            self.example = bp.worked_example(self.seed.value(), self.lr.value())
        except ValueError as exc:
            self.ctx.show_error(str(exc))
            return
        ex = self.example
        self.list.blockSignals(True)
        self.list.clear()
        for s in ex.steps:
            self.list.addItem(f"{s.name} = {s.value:.6f}")
        self.list.blockSignals(False)
        target = int(np.argmax(ex.target))
        verdict = self.tr("lower") if ex.loss_after < ex.loss_before else self.tr("not lower")
        self.summary.setText(self.tr("x = ({x}), target class {target} (one-hot {onehot}).<br>Loss {before:.6f} → "
                                     "{after:.6f} after one step: {verdict}.").format(
            x=", ".join(f"{v:g}" for v in ex.x), target=target + 1, onehot=", ".join(f"{v:g}" for v in ex.target),
            before=ex.loss_before, after=ex.loss_after, verdict=verdict))
        self.go(min(self.index, len(ex.steps) - 1))

    def go(self, index: int) -> None:
        ex = self.example
        self.index = max(0, min(len(ex.steps) - 1, index))
        step = ex.steps[self.index]
        colour = _PHASE_COLOURS[step.phase]
        phase = QCoreApplication.translate("BackpropLab", _PHASE_TITLES[step.phase])
        self.step_title.setText(f"<span style='color:{colour}'>{phase}</span>: {step.name}")
        lines = [f"{step.name} = {step.formula}"]
        if step.substituted:
            lines.append(f"{' ' * len(step.name)} = {step.substituted}")
        lines.append(f"{' ' * len(step.name)} = <b>{step.value:.6f}</b>")
        self.step_text.setText("<br>".join(line.replace("  ", "&nbsp;&nbsp;") for line in lines))
        self.position.setText(self.tr("step {n} of {total}").format(n=self.index + 1, total=len(ex.steps)))
        self.prev_button.setEnabled(self.index > 0)
        self.first_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(ex.steps) - 1)
        self.list.blockSignals(True)
        self.list.setCurrentRow(self.index)
        self.list.blockSignals(False)
        self._draw(step)

    def _draw(self, step: bp.Step) -> None:
        ex = self.example
        nodes, edges = involved(step.name)
        colour = _PHASE_COLOURS[step.phase]
        updated = step.phase in ("update", "after") or any(s.phase == "update" for s in ex.steps[:self.index])
        weights = ex.updated if updated else {"W1": ex.W1, "W2": ex.W2}
        for (a, b), item in self.edge_items.items():
            hot = (a, b) in edges or (step.phase == "forward" and b in nodes and step.name.startswith("net_"))
            item.setPen(pg.mkPen(colour if hot else "#c3c9d3", width=3.5 if hot else 1.5))
            w = weights["W1"][int(b[1]) - 1, int(a[1]) - 1] if a[0] == "x" else \
                weights["W2"][int(b[1]) - 1, int(a[1]) - 1]
            # Only the weights the step uses are labelled, so the diagram stays readable.
            self.edge_labels[(a, b)].setText(f"{w:.2f}" if hot else "")
            self.edge_labels[(a, b)].setColor(colour)
        xs, ys, brushes = [], [], []
        for name in self.node_names:
            x, y = _pos(name)
            xs.append(x)
            ys.append(y)
            brushes.append(pg.mkBrush(colour if name in nodes else "#eef1f5"))
        self.nodes.setData(xs, ys, brush=brushes)
        # Values known so far on each unit.
        seen = {s.name: s.value for s in ex.steps[: self.index + 1]}
        after = step.phase == "after"
        for i in range(bp.N_INPUTS):
            self.value_labels[f"x{i + 1}"].setText(f"{ex.x[i]:g}")
        for j in range(bp.N_HIDDEN):
            h = seen.get(f"h{j + 1}")
            self.value_labels[f"h{j + 1}"].setText("" if h is None else f"{h:.3f}")
        for k in range(bp.N_OUTPUTS):
            o = seen.get(f"new o{k + 1}") if after else seen.get(f"o{k + 1}")
            text = "" if o is None else self.tr("{value:.3f}\ntarget {target:g}").format(value=o, target=ex.target[k])
            self.value_labels[f"o{k + 1}"].setText(text)


PANELS = [BackpropLab]
