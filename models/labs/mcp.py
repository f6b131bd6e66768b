"""The McCulloch-Pitts neuron (1943): binary inputs, fixed weights, a threshold, a binary output.

The neuron fires (outputs 1) when the weighted sum of its inputs reaches the threshold. With two inputs the
points where the sum equals the threshold form a straight line, so one neuron can only split the four input
corners with a line: AND, OR and NAND work, XOR cannot.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np


class McpError(ValueError):
    """Settings the neuron cannot use (wrong number of inputs, a non-finite weight ...)."""


@dataclass(frozen=True)
class McpNeuron:
    """Fixed weights and a threshold; output 1 when sum(w_i * x_i) >= threshold, else 0."""

    weights: tuple[float, ...]
    threshold: float

    def __post_init__(self) -> None:
        if not 2 <= len(self.weights) <= 3:
            raise McpError(f"the MCP lab uses 2 or 3 inputs, got {len(self.weights)} weights")
        for i, w in enumerate(self.weights):
            if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w):
                raise McpError(f"weight w{i + 1} must be a finite number, got {w!r}")
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float)) or \
                not math.isfinite(self.threshold):
            raise McpError(f"the threshold must be a finite number, got {self.threshold!r}")

    @property
    def n_inputs(self) -> int:
        return len(self.weights)

    def weighted_sum(self, inputs: Sequence[int]) -> float:
        if len(inputs) != self.n_inputs:
            raise McpError(f"expected {self.n_inputs} inputs, got {len(inputs)}")
        return float(sum(w * x for w, x in zip(self.weights, inputs)))

    def fire(self, inputs: Sequence[int]) -> int:
        return int(self.weighted_sum(inputs) >= self.threshold)


@dataclass(frozen=True)
class TruthRow:
    inputs: tuple[int, ...]
    weighted_sum: float
    output: int


def truth_table(neuron: McpNeuron) -> list[TruthRow]:
    """Every combination of binary inputs (00, 01, 10, 11, ...) with the sum and the output."""
    rows = []
    for inputs in itertools.product((0, 1), repeat=neuron.n_inputs):
        rows.append(TruthRow(tuple(inputs), neuron.weighted_sum(inputs), neuron.fire(inputs)))
    return rows


def outputs(neuron: McpNeuron) -> tuple[int, ...]:
    """The output column of the truth table, in the order 00, 01, 10, 11 (or 000 ... 111)."""
    return tuple(row.output for row in truth_table(neuron))


@dataclass(frozen=True)
class Line:
    """The boundary w1*x1 + w2*x2 = threshold, as two end points inside a drawing box.

    `kind` is "line", or "none" when both weights are zero (the output is then the same everywhere).
    `points` is empty for "none" or when the line misses the box. `fires_side` says in words on which side
    the neuron outputs 1.
    """

    kind: str
    points: tuple[tuple[float, float], ...]
    equation: str
    fires_side: str


def separating_line(neuron: McpNeuron, box: tuple[float, float, float, float] = (-0.5, 1.5, -0.5, 1.5)) -> Line:
    """The straight line a 2-input neuron draws, clipped to box = (x1_min, x1_max, x2_min, x2_max)."""
    if neuron.n_inputs != 2:
        raise McpError("the separating line is drawn for 2 inputs only; with 3 inputs it is a plane")
    w1, w2 = (float(w) for w in neuron.weights)
    t = float(neuron.threshold)
    equation = f"{w1:g}·x1 + {w2:g}·x2 = {t:g}"
    if w1 == 0 and w2 == 0:
        always = "always fires (0 >= threshold)" if 0 >= t else "never fires (0 < threshold)"
        return Line("none", (), equation, f"no line: both weights are 0, so the neuron {always}")
    x_lo, x_hi, y_lo, y_hi = box
    candidates: list[tuple[float, float]] = []
    if w2 != 0:
        for x1 in (x_lo, x_hi):
            x2 = (t - w1 * x1) / w2
            if y_lo - 1e-12 <= x2 <= y_hi + 1e-12:
                candidates.append((x1, x2))
    if w1 != 0:
        for x2 in (y_lo, y_hi):
            x1 = (t - w2 * x2) / w1
            if x_lo - 1e-12 <= x1 <= x_hi + 1e-12:
                candidates.append((x1, x2))
    unique: list[tuple[float, float]] = []
    for p in candidates:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in unique):
            unique.append(p)
    points = tuple(unique[:2]) if len(unique) >= 2 else ()
    side = []
    if w1:
        side.append("larger x1" if w1 > 0 else "smaller x1")
    if w2:
        side.append("larger x2" if w2 > 0 else "smaller x2")
    return Line("line", points, equation, f"the neuron fires on the side of {' and '.join(side)} (sum >= "
                                          f"{t:g}), including the line itself")


# Weights and thresholds that compute the classic gates. Thresholds sit halfway between sums so the line never
# passes through an input corner. For 3 inputs the same idea extends.
GATE_PRESETS: dict[str, McpNeuron] = {
    "AND": McpNeuron((1.0, 1.0), 1.5),
    "OR": McpNeuron((1.0, 1.0), 0.5),
    "NAND": McpNeuron((-1.0, -1.0), -1.5),
    "AND3": McpNeuron((1.0, 1.0, 1.0), 2.5),
    "OR3": McpNeuron((1.0, 1.0, 1.0), 0.5),
    "NAND3": McpNeuron((-1.0, -1.0, -1.0), -2.5),
    "MAJORITY3": McpNeuron((1.0, 1.0, 1.0), 1.5),
}

GATE_TRUTH: dict[str, tuple[int, ...]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "XOR": (0, 1, 1, 0),
}

XOR_REASON = (
    "XOR needs output 0 for (0,0), so 0 < threshold: the threshold is positive. It needs 1 for (1,0) and (0,1), "
    "so w1 >= threshold and w2 >= threshold. Adding those two gives w1 + w2 >= 2 × threshold, which is more "
    "than the threshold because the threshold is positive. But (1,1) must give 0, so w1 + w2 < threshold. "
    "Both cannot hold, so no weights and threshold work. In pictures: the two points that should fire, (1,0) "
    "and (0,1), sit on opposite corners from each other, and no single straight line puts them on one side "
    "with (0,0) and (1,1) on the other. A hidden layer (two neurons feeding a third) is needed."
)


@dataclass(frozen=True)
class XorSearch:
    """The result of trying every (w1, w2, threshold) on a grid against the XOR truth table."""

    tried: int
    solutions: int
    best_correct: int  # the most truth-table rows any setting got right (out of 4)
    best_example: tuple[float, float, float]  # one setting that reached best_correct
    grid: tuple[float, float, int] = field(default=(-3.0, 3.0, 61))  # (low, high, points per axis)
    reason: str = XOR_REASON


def search_xor(low: float = -3.0, high: float = 3.0, points: int = 61) -> XorSearch:
    """Try every (w1, w2, threshold) on a grid; none reproduces XOR (the best gets 3 of 4 rows)."""
    if not (math.isfinite(low) and math.isfinite(high) and high > low):
        raise McpError("the search range needs finite low < high")
    if not 2 <= points <= 401:
        raise McpError(f"points per axis must be between 2 and 401, got {points}")
    axis = np.linspace(low, high, points)
    w1, w2, t = np.meshgrid(axis, axis, axis, indexing="ij")
    inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    target = np.array(GATE_TRUTH["XOR"])
    correct = np.zeros(w1.shape, dtype=int)
    for (x1, x2), want in zip(inputs, target):
        fired = (w1 * x1 + w2 * x2 >= t).astype(int)
        correct += fired == want
    best = int(correct.max())
    where = np.unravel_index(int(np.argmax(correct)), correct.shape)
    example = (float(w1[where]), float(w2[where]), float(t[where]))
    return XorSearch(int(correct.size), int((correct == 4).sum()), best, example, (low, high, points))


def matching_gate(neuron: McpNeuron) -> str | None:
    """The name of the 2-input gate this neuron computes, if any ("AND", "OR", "NAND")."""
    if neuron.n_inputs != 2:
        return None
    out = outputs(neuron)
    for name, truth in GATE_TRUTH.items():
        if truth == out:
            return name
    return None
