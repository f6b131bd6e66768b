"""Mean squared error and cross-entropy against a one-hot target, as the prediction for the true class moves.

For a sweep, the prediction puts probability p on the true class and spreads 1 − p evenly over the others.
Cross-entropy −log(p) grows without bound as p → 0, so a confident wrong answer costs a lot; MSE stays
bounded, which is one reason classifiers pair softmax with cross-entropy.
"""
from __future__ import annotations

import numpy as np

MSE_DEFINITION = "mean over classes of (target - predicted)^2"
CE_DEFINITION = "-sum over classes of target * log(predicted) = -log(predicted probability of the true class)"
EPSILON = 1e-7  # Keras clips probabilities to [eps, 1 - eps] before the log; so do we


def _check(target: np.ndarray, predicted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(target, dtype=float)
    p = np.asarray(predicted, dtype=float)
    if t.shape != p.shape:
        raise ValueError(f"target {t.shape} and prediction {p.shape} must have the same shape")
    if not (np.all(np.isfinite(t)) and np.all(np.isfinite(p))):
        raise ValueError("target and prediction must be finite numbers")
    return t, p


def mse(target: np.ndarray, predicted: np.ndarray) -> float:
    t, p = _check(target, predicted)
    return float(np.mean((t - p) ** 2))


def cross_entropy(target: np.ndarray, predicted: np.ndarray, epsilon: float = EPSILON) -> float:
    t, p = _check(target, predicted)
    return float(-(t * np.log(np.clip(p, epsilon, 1.0 - epsilon))).sum())


def spread_prediction(p_true: float, num_classes: int, true_class: int = 0) -> np.ndarray:
    """A prediction with p_true on the true class and the rest shared evenly by the other classes."""
    if num_classes < 2:
        raise ValueError("at least 2 classes are needed")
    if not 0.0 <= p_true <= 1.0:
        raise ValueError(f"a probability lies between 0 and 1, got {p_true}")
    p = np.full(num_classes, (1.0 - p_true) / (num_classes - 1))
    p[true_class] = p_true
    return p


def loss_curves(num_classes: int = 3, points: int = 199, low: float = 0.005, high: float = 1.0
                ) -> dict[str, np.ndarray]:
    """{'p': true-class probabilities, 'mse': ..., 'cross_entropy': ...} for one-hot targets."""
    if num_classes < 2 or num_classes > 1000:
        raise ValueError("the number of classes must be between 2 and 1000")
    if not 0.0 < low < high <= 1.0:
        raise ValueError("need 0 < low < high <= 1")
    ps = np.linspace(low, high, points)
    target = np.zeros(num_classes)
    target[0] = 1.0
    mses = np.array([mse(target, spread_prediction(p, num_classes)) for p in ps])
    ces = np.array([cross_entropy(target, spread_prediction(p, num_classes)) for p in ps])
    return {"p": ps, "mse": mses, "cross_entropy": ces}
