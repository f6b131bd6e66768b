"""The losses lab against hand values."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import losses


def test_losses_against_hand_values() -> None:
    target = np.array([0.0, 1.0, 0.0])
    pred = np.array([0.2, 0.7, 0.1])
    assert losses.mse(target, pred) == pytest.approx((0.04 + 0.09 + 0.01) / 3)
    assert losses.cross_entropy(target, pred) == pytest.approx(-np.log(0.7))
    curves = losses.loss_curves(num_classes=3, points=50)
    assert curves["cross_entropy"][-1] == pytest.approx(-np.log(1 - losses.EPSILON), abs=1e-6)
    # CE explodes for confident mistakes, MSE stays bounded by its maximum.
    assert curves["cross_entropy"][0] > 5 and curves["mse"][0] < 0.7
    assert np.all(np.diff(curves["cross_entropy"]) < 0) and np.all(np.diff(curves["mse"]) < 0)
    with pytest.raises(ValueError):
        losses.mse(target, pred[:2])
