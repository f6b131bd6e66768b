"""The notes' worked backpropagation example, computed by hand with the chain rule.

Network: inputs x (2 values) -> hidden layer of 2 sigmoid units -> 3 sigmoid outputs; loss
L = 0.5 * sum((target - output)^2) against a one-hot target. We compute the forward pass, every partial
derivative of L, one gradient-descent update and the new loss, and record each as a step a person can walk
through. `tape_gradients` recomputes the gradients with TensorFlow so a test can check our arithmetic.

Naming: W1[j, i] is the weight from input x_i to hidden unit h_j (one row per hidden unit); W2[k, j] the
weight from h_j to output o_k (one row per output unit). Printed indices are 1-based.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

LOSS_DEFINITION = "0.5 * sum((target - output)^2)"
N_INPUTS, N_HIDDEN, N_OUTPUTS = 2, 2, 3
DEFAULT_LR = 0.5


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@dataclass(frozen=True)
class Step:
    """One line of the walk-through: phase, the quantity, its formula, the formula with numbers, the value."""

    phase: str  # "forward", "loss", "backward", "update", "after"
    name: str
    formula: str
    substituted: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"phase": self.phase, "name": self.name, "formula": self.formula, "substituted": self.substituted,
                "value": self.value}


@dataclass
class Forward:
    net_h: np.ndarray
    h: np.ndarray
    net_o: np.ndarray
    o: np.ndarray
    loss: float


@dataclass
class BackpropExample:
    x: np.ndarray
    target: np.ndarray
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    lr: float
    seed: int
    before: Forward
    gradients: dict[str, np.ndarray]
    updated: dict[str, np.ndarray]
    after: Forward
    steps: list[Step] = field(default_factory=list)

    @property
    def loss_before(self) -> float:
        return self.before.loss

    @property
    def loss_after(self) -> float:
        return self.after.loss

    def to_dict(self) -> dict[str, Any]:
        def arr(a: np.ndarray) -> Any:
            return np.asarray(a, dtype=float).tolist()
        return {
            "seed": self.seed,
            "x": arr(self.x), "target": arr(self.target),
            "W1": arr(self.W1), "b1": arr(self.b1), "W2": arr(self.W2), "b2": arr(self.b2),
            "lr": self.lr,
            "activation": "sigmoid (hidden and output)",
            "loss_definition": LOSS_DEFINITION,
            "forward": {"net_hidden": arr(self.before.net_h), "hidden": arr(self.before.h),
                        "net_output": arr(self.before.net_o), "output": arr(self.before.o)},
            "loss_before": self.loss_before,
            "gradients": {k: arr(v) for k, v in self.gradients.items()},
            "updated": {k: arr(v) for k, v in self.updated.items()},
            "output_after": arr(self.after.o),
            "loss_after": self.loss_after,
            "steps": [s.to_dict() for s in self.steps],
        }


def forward(x: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray,
            target: np.ndarray) -> Forward:
    net_h = W1 @ x + b1
    h = _sigmoid(net_h)
    net_o = W2 @ h + b2
    o = _sigmoid(net_o)
    loss = float(0.5 * np.sum((target - o) ** 2))
    return Forward(net_h, h, net_o, o, loss)


def chain_rule_gradients(x: np.ndarray, target: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray,
                         b2: np.ndarray) -> dict[str, np.ndarray]:
    """dL/dW1, dL/db1, dL/dW2, dL/db2 by the chain rule (no autodiff)."""
    f = forward(x, W1, b1, W2, b2, target)
    delta_o = (f.o - target) * f.o * (1.0 - f.o)  # dL/dnet_o = dL/do * do/dnet_o
    delta_h = (W2.T @ delta_o) * f.h * (1.0 - f.h)  # dL/dnet_h = sum_k delta_o_k W2[k, j] * dh/dnet_h
    return {"W1": np.outer(delta_h, x), "b1": delta_h, "W2": np.outer(delta_o, f.h), "b2": delta_o}


def _n(v: float) -> str:
    """A number as printed in formulas: 4 decimals, brackets around negatives."""
    text = f"{v:.4f}"
    return f"({text})" if v < 0 else text


def worked_example(seed: int = 0, lr: float = DEFAULT_LR) -> BackpropExample:
    """Draw small round inputs and weights from `seed`, then do one full forward/backward/update pass."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"the seed must be a whole number >= 0, got {seed!r}")
    if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr <= 0:
        raise ValueError(f"the learning rate must be a number greater than 0, got {lr!r}")
    rng = np.random.default_rng(seed)
    # Two decimals keep the hand arithmetic readable; the computation itself is float64.
    x = np.round(rng.uniform(0.0, 1.0, N_INPUTS), 2)
    W1 = np.round(rng.uniform(-1.0, 1.0, (N_HIDDEN, N_INPUTS)), 2)
    b1 = np.round(rng.uniform(-0.5, 0.5, N_HIDDEN), 2)
    W2 = np.round(rng.uniform(-1.0, 1.0, (N_OUTPUTS, N_HIDDEN)), 2)
    b2 = np.round(rng.uniform(-0.5, 0.5, N_OUTPUTS), 2)
    target = np.zeros(N_OUTPUTS)
    target[int(rng.integers(N_OUTPUTS))] = 1.0
    lr = float(lr)

    before = forward(x, W1, b1, W2, b2, target)
    grads = chain_rule_gradients(x, target, W1, b1, W2, b2)
    updated = {"W1": W1 - lr * grads["W1"], "b1": b1 - lr * grads["b1"], "W2": W2 - lr * grads["W2"],
               "b2": b2 - lr * grads["b2"]}
    after = forward(x, updated["W1"], updated["b1"], updated["W2"], updated["b2"], target)
    ex = BackpropExample(x, target, W1, b1, W2, b2, lr, seed, before, grads, updated, after)
    ex.steps = _steps(ex)
    return ex


def _steps(ex: BackpropExample) -> list[Step]:
    f, x, t = ex.before, ex.x, ex.target
    steps: list[Step] = []
    add = steps.append
    # Forward pass.
    for j in range(N_HIDDEN):
        terms = " + ".join(f"W1[{j + 1},{i + 1}]·x{i + 1}" for i in range(N_INPUTS))
        nums = " + ".join(f"{_n(ex.W1[j, i])}·{_n(x[i])}" for i in range(N_INPUTS))
        add(Step("forward", f"net_h{j + 1}", f"{terms} + b1[{j + 1}]", f"{nums} + {_n(ex.b1[j])}", f.net_h[j]))
        add(Step("forward", f"h{j + 1}", f"sigmoid(net_h{j + 1}) = 1 / (1 + e^(-net_h{j + 1}))",
                 f"1 / (1 + e^(-{_n(f.net_h[j])}))", f.h[j]))
    for k in range(N_OUTPUTS):
        terms = " + ".join(f"W2[{k + 1},{j + 1}]·h{j + 1}" for j in range(N_HIDDEN))
        nums = " + ".join(f"{_n(ex.W2[k, j])}·{_n(f.h[j])}" for j in range(N_HIDDEN))
        add(Step("forward", f"net_o{k + 1}", f"{terms} + b2[{k + 1}]", f"{nums} + {_n(ex.b2[k])}", f.net_o[k]))
        add(Step("forward", f"o{k + 1}", f"sigmoid(net_o{k + 1})", f"1 / (1 + e^(-{_n(f.net_o[k])}))", f.o[k]))
    sq = " + ".join(f"({t[k]:g} - {f.o[k]:.4f})^2" for k in range(N_OUTPUTS))
    add(Step("loss", "L", LOSS_DEFINITION, f"0.5 * ({sq})", f.loss))
    # Backward pass, output layer.
    delta_o = (f.o - t) * f.o * (1 - f.o)
    for k in range(N_OUTPUTS):
        add(Step("backward", f"dL/do{k + 1}", f"o{k + 1} - target{k + 1}", f"{f.o[k]:.4f} - {t[k]:g}",
                 f.o[k] - t[k]))
        add(Step("backward", f"do{k + 1}/dnet_o{k + 1}", f"o{k + 1}·(1 - o{k + 1})",
                 f"{f.o[k]:.4f}·(1 - {f.o[k]:.4f})", f.o[k] * (1 - f.o[k])))
        add(Step("backward", f"delta_o{k + 1} = dL/dnet_o{k + 1}", f"dL/do{k + 1} · do{k + 1}/dnet_o{k + 1}",
                 f"{_n(f.o[k] - t[k])}·{_n(f.o[k] * (1 - f.o[k]))}", delta_o[k]))
        for j in range(N_HIDDEN):
            add(Step("backward", f"dL/dW2[{k + 1},{j + 1}]", f"delta_o{k + 1} · h{j + 1}",
                     f"{_n(delta_o[k])}·{_n(f.h[j])}", ex.gradients["W2"][k, j]))
        add(Step("backward", f"dL/db2[{k + 1}]", f"delta_o{k + 1} · 1", f"{_n(delta_o[k])}", ex.gradients["b2"][k]))
    # Backward pass, hidden layer.
    for j in range(N_HIDDEN):
        dl_dh = float(ex.W2[:, j] @ delta_o)
        terms = " + ".join(f"delta_o{k + 1}·W2[{k + 1},{j + 1}]" for k in range(N_OUTPUTS))
        nums = " + ".join(f"{_n(delta_o[k])}·{_n(ex.W2[k, j])}" for k in range(N_OUTPUTS))
        add(Step("backward", f"dL/dh{j + 1}", terms, nums, dl_dh))
        add(Step("backward", f"dh{j + 1}/dnet_h{j + 1}", f"h{j + 1}·(1 - h{j + 1})",
                 f"{f.h[j]:.4f}·(1 - {f.h[j]:.4f})", f.h[j] * (1 - f.h[j])))
        delta_h = ex.gradients["b1"][j]
        add(Step("backward", f"delta_h{j + 1} = dL/dnet_h{j + 1}", f"dL/dh{j + 1} · dh{j + 1}/dnet_h{j + 1}",
                 f"{_n(dl_dh)}·{_n(f.h[j] * (1 - f.h[j]))}", delta_h))
        for i in range(N_INPUTS):
            add(Step("backward", f"dL/dW1[{j + 1},{i + 1}]", f"delta_h{j + 1} · x{i + 1}",
                     f"{_n(delta_h)}·{_n(x[i])}", ex.gradients["W1"][j, i]))
        add(Step("backward", f"dL/db1[{j + 1}]", f"delta_h{j + 1} · 1", f"{_n(delta_h)}", delta_h))
    # One gradient-descent update.
    for name in ("W1", "b1", "W2", "b2"):
        old, grad, new = getattr(ex, name), ex.gradients[name], ex.updated[name]
        for idx in np.ndindex(old.shape):
            label = f"{name}[{','.join(str(i + 1) for i in idx)}]"
            add(Step("update", f"new {label}", f"{label} - lr · dL/d{label}",
                     f"{_n(old[idx])} - {ex.lr:g}·{_n(grad[idx])}", new[idx]))
    a = ex.after
    for k in range(N_OUTPUTS):
        add(Step("after", f"new o{k + 1}", "forward pass with the new weights", "", a.o[k]))
    sq = " + ".join(f"({t[k]:g} - {a.o[k]:.4f})^2" for k in range(N_OUTPUTS))
    add(Step("after", "new L", LOSS_DEFINITION, f"0.5 * ({sq})", a.loss))
    return [Step(s.phase, s.name, s.formula, s.substituted, float(s.value)) for s in steps]


def tape_gradients(ex: BackpropExample) -> dict[str, np.ndarray]:
    """The same gradients from tf.GradientTape (float64), to check the chain-rule arithmetic."""
    import tensorflow as tf

    x = tf.constant(ex.x[None, :], dtype=tf.float64)
    target = tf.constant(ex.target[None, :], dtype=tf.float64)
    variables = {name: tf.Variable(getattr(ex, name), dtype=tf.float64) for name in ("W1", "b1", "W2", "b2")}
    with tf.GradientTape() as tape:
        h = tf.sigmoid(tf.matmul(x, variables["W1"], transpose_b=True) + variables["b1"])
        o = tf.sigmoid(tf.matmul(h, variables["W2"], transpose_b=True) + variables["b2"])
        loss = 0.5 * tf.reduce_sum(tf.square(target - o))
    grads = tape.gradient(loss, list(variables.values()))
    return {name: g.numpy() for name, g in zip(variables, grads)}


_PHASE_TITLES = {"forward": "Forward pass", "loss": "Loss", "backward": "Backward pass (chain rule)",
                 "update": "One gradient-descent step", "after": "After the update"}


def text_report(ex: BackpropExample) -> str:
    def vec(a: np.ndarray) -> str:
        return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(a)) + "]"
    lines = [
        f"Backpropagation, worked example (seed {ex.seed})",
        f"network: {N_INPUTS} inputs -> {N_HIDDEN} sigmoid hidden units -> {N_OUTPUTS} sigmoid outputs",
        f"loss: L = {LOSS_DEFINITION}; learning rate lr = {ex.lr:g}",
        f"x = {vec(ex.x)}   target = {vec(ex.target)}",
        "W1 (row j = weights into hidden unit j) = " + "; ".join(vec(r) for r in ex.W1) + f"   b1 = {vec(ex.b1)}",
        "W2 (row k = weights into output unit k) = " + "; ".join(vec(r) for r in ex.W2) + f"   b2 = {vec(ex.b2)}",
    ]
    phase = ""
    for s in ex.steps:
        if s.phase != phase:
            phase = s.phase
            lines.append("")
            lines.append(_PHASE_TITLES[phase])
        rhs = f"{s.formula} = {s.substituted} = " if s.substituted else f"{s.formula}: "
        lines.append(f"  {s.name} = {rhs}{s.value:.6f}")
    lines.append("")
    lines.append(f"loss before {ex.loss_before:.6f} -> after one step {ex.loss_after:.6f} "
                 f"({'lower' if ex.loss_after < ex.loss_before else 'not lower'})")
    return "\n".join(lines)


def cli(as_json: bool = False, seed: int = 0, lr: float = DEFAULT_LR) -> int:
    """What `python main.py backprop-example` runs; returns the exit code (2 for bad arguments)."""
    import sys

    try:
        ex = worked_example(seed, lr)
    except ValueError as exc:
        print(f"layerwise: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(ex.to_dict()) if as_json else text_report(ex))
    return 0
