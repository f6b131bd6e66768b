"""Probabilities from every kind of output."""
from __future__ import annotations

import numpy as np

from models.outputs import probabilities as as_probabilities


def test_as_probabilities_handles_every_output_kind() -> None:
    assert np.allclose(as_probabilities(np.array([[0.25]])), [[0.75, 0.25]])
    p = 1 / (1 + np.exp(1.0))
    assert np.allclose(as_probabilities(np.array([[-1.0]])), [[1 - p, p]])  # a logit (outside [0, 1])
    logits = np.array([[2.0, 0.0, -1.0]])
    assert np.allclose(as_probabilities(logits).sum(axis=1), 1.0) and as_probabilities(logits).argmax() == 0
    probs = np.array([[0.1, 0.9]])
    assert np.array_equal(as_probabilities(probs), probs)
