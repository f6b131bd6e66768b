"""Activation functions with their derivatives and output ranges, and the vanishing-gradient arithmetic.

The derivative matters because backpropagation multiplies one derivative per layer: sigmoid's is at most
0.25, so through n sigmoid layers the gradient shrinks by at least 0.25^n.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

LEAKY_SLOPE = 0.2  # the editor's LeakyReLU default (catalog: negative_slope 0.2)
SIGMOID_MAX_DERIVATIVE = 0.25  # sigmoid'(0) = sigmoid(0) * (1 - sigmoid(0)) = 0.5 * 0.5


def sigmoid(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    # Two branches so exp never overflows for large |x|.
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x: np.ndarray) -> np.ndarray:
    return np.tanh(np.asarray(x, dtype=float))


def tanh_derivative(x: np.ndarray) -> np.ndarray:
    return 1.0 - np.tanh(np.asarray(x, dtype=float)) ** 2


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def relu_derivative(x: np.ndarray) -> np.ndarray:
    # At exactly 0 the derivative is undefined; like the frameworks we use 0 there.
    return (np.asarray(x, dtype=float) > 0).astype(float)


def leaky_relu(x: np.ndarray, negative_slope: float = LEAKY_SLOPE) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, negative_slope * x)


def leaky_relu_derivative(x: np.ndarray, negative_slope: float = LEAKY_SLOPE) -> np.ndarray:
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, negative_slope)


@dataclass(frozen=True)
class Activation:
    """One activation: value and derivative functions, output range and a short explanation."""

    name: str
    title: str
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]
    output_range: tuple[float, float]  # -inf / inf for unbounded ends
    range_text: str
    derivative_max: float
    explanation: str


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid", "Sigmoid  σ(x) = 1 / (1 + e^(−x))", sigmoid, sigmoid_derivative, (0.0, 1.0), "(0, 1)",
        SIGMOID_MAX_DERIVATIVE,
        "Squashes any number into (0, 1), so it reads as a probability. Its slope σ(x)(1 − σ(x)) is at most 0.25 "
        "(at x = 0) and almost 0 for large |x|: gradients passing through many sigmoid layers shrink fast."),
    "tanh": Activation(
        "tanh", "Tanh  tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))", tanh, tanh_derivative, (-1.0, 1.0),
        "(−1, 1)", 1.0,
        "Like sigmoid but centred on 0, with outputs in (−1, 1). Its slope 1 − tanh²(x) reaches 1 at x = 0, "
        "yet it still flattens out for large |x|."),
    "relu": Activation(
        "relu", "ReLU  max(0, x)", relu, relu_derivative, (0.0, float("inf")), "[0, ∞)", 1.0,
        "Passes positive inputs unchanged and zeroes negative ones. Its slope is exactly 1 for x > 0, so the "
        "gradient does not shrink through active units; a unit whose input stays negative stops learning."),
    "leaky_relu": Activation(
        "leaky_relu", f"Leaky ReLU  x if x > 0 else {LEAKY_SLOPE:g}·x", leaky_relu, leaky_relu_derivative,
        (float("-inf"), float("inf")), "(−∞, ∞)", 1.0,
        f"ReLU with a small slope ({LEAKY_SLOPE:g}) for negative inputs, so the gradient never becomes exactly "
        "zero and no unit dies."),
}


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation '{name}' (known: {', '.join(ACTIVATIONS)})") from None


def curve(name: str, low: float = -6.0, high: float = 6.0, points: int = 241) -> tuple[np.ndarray, np.ndarray,
                                                                                     np.ndarray]:
    """(x, f(x), f'(x)) sampled evenly over [low, high], ready to plot."""
    if not (np.isfinite(low) and np.isfinite(high) and high > low):
        raise ValueError("the plot range needs finite low < high")
    if not 2 <= points <= 100_000:
        raise ValueError("points must be between 2 and 100,000")
    act = get_activation(name)
    x = np.linspace(low, high, points)
    return x, act.function(x), act.derivative(x)


def sigmoid_gradient_bound(layers: int) -> float:
    """The largest factor sigmoid derivatives alone can leave after `layers` layers: 0.25 ** layers."""
    if layers < 0:
        raise ValueError("the number of layers cannot be negative")
    return SIGMOID_MAX_DERIVATIVE ** layers


def vanishing_table(max_layers: int = 10) -> list[tuple[int, float]]:
    """[(n, 0.25**n)] for n = 1..max_layers: the readout of how small the gradient can get."""
    return [(n, sigmoid_gradient_bound(n)) for n in range(1, max_layers + 1)]


def vanishing_text(layers: int) -> str:
    bound = sigmoid_gradient_bound(layers)
    return (f"Each sigmoid layer multiplies the gradient by its slope, which is at most 0.25. After {layers} "
            f"layer{'s' if layers != 1 else ''} that factor alone is at most 0.25^{layers} = {bound:.3g}, so the "
            "first layers barely learn (weights larger than 1 can offset it, but usually do not).")
