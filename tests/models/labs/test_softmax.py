"""The softmax lab: probabilities and temperature."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import softmax as sm


def test_softmax_sums_to_one_and_temperature() -> None:
    logits = [2.0, 1.0, 0.1]
    p = sm.softmax(logits)
    assert p.sum() == pytest.approx(1.0) and p.argmax() == 0
    assert np.allclose(p, np.exp(logits) / np.exp(logits).sum())
    assert np.allclose(sm.softmax(np.array(logits) + 100.0), p)  # shift invariant
    cold, hot = sm.softmax(logits, 0.1), sm.softmax(logits, 10.0)
    assert cold[0] > p[0] > hot[0] and sm.entropy(cold) < sm.entropy(p) < sm.entropy(hot)
    huge = sm.softmax([1e30, 0.0, -1e30])
    assert np.all(np.isfinite(huge)) and huge[0] == 1.0
    for bad_t in (0.0, -1.0, float("inf")):
        with pytest.raises(sm.SoftmaxError):
            sm.softmax(logits, bad_t)
    assert np.allclose(sm.parse_logits("2, 1 ;0.1"), logits)
    with pytest.raises(sm.SoftmaxError, match="'x' is not a number"):
        sm.parse_logits("1 x")
