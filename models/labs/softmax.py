"""Softmax with temperature: turns any list of scores (logits) into probabilities that sum to 1.

softmax(z)_i = exp(z_i / T) / sum_j exp(z_j / T). A low temperature T sharpens towards the largest logit, a
high one flattens towards uniform. Adding the same number to every logit changes nothing.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np


class SoftmaxError(ValueError):
    """Logits or temperature the function cannot use; the message says which."""


def softmax(logits: Sequence[float] | np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Probabilities (float64) summing to 1; stable for huge logits (the max is subtracted first)."""
    z = np.asarray(logits, dtype=float)
    if z.ndim != 1 or z.size == 0:
        raise SoftmaxError("softmax needs a non-empty list of numbers")
    if not np.all(np.isfinite(z)):
        raise SoftmaxError("every logit must be a finite number")
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or \
            not math.isfinite(temperature) or temperature <= 0:
        raise SoftmaxError(f"the temperature must be a number greater than 0, got {temperature!r}")
    scaled = z / float(temperature)
    scaled = scaled - scaled.max()
    e = np.exp(scaled)
    return e / e.sum()


def parse_logits(text: str) -> np.ndarray:
    """'2, 1, 0.1' or '2 1 0.1' -> array; a clear message for anything else."""
    parts = [p for p in text.replace(",", " ").replace(";", " ").split() if p]
    if not parts:
        raise SoftmaxError("type at least one number")
    if len(parts) > 100:
        raise SoftmaxError("at most 100 logits")
    values = []
    for p in parts:
        try:
            values.append(float(p))
        except ValueError:
            raise SoftmaxError(f"'{p}' is not a number") from None
    return np.asarray(values)


def entropy(probabilities: np.ndarray) -> float:
    """How spread out the distribution is (in nats): 0 for certain, log(n) for uniform."""
    p = np.asarray(probabilities, dtype=float)
    nz = p[p > 0]
    return float(-(nz * np.log(nz)).sum())
