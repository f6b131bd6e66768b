"""The activations lab: derivatives against finite differences, the vanishing-gradient readout."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import activations


# --- activations, softmax, losses --------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_activation_derivatives_match_finite_differences(name: str) -> None:
    act = activations.get_activation(name)
    x = np.array([-3.1, -1.2, -0.4, 0.3, 0.9, 2.7])  # away from ReLU's kink
    h = 1e-6
    numeric = (act.function(x + h) - act.function(x - h)) / (2 * h)
    assert np.allclose(act.derivative(x), numeric, atol=1e-6)
    _, y, dy = activations.curve(name, -8, 8, 401)
    lo, hi = act.output_range
    assert np.all(y >= lo) and np.all(y <= hi)
    assert dy.max() == pytest.approx(act.derivative_max, abs=1e-3)


def test_sigmoid_is_stable_and_vanishing_readout() -> None:
    y = activations.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert np.all(np.isfinite(y)) and y[1] == 0.5 and y[0] == 0.0 and y[2] == 1.0
    assert activations.sigmoid_derivative(np.array([0.0]))[0] == activations.SIGMOID_MAX_DERIVATIVE == 0.25
    assert activations.sigmoid_gradient_bound(5) == pytest.approx(0.25 ** 5)
    assert activations.vanishing_table(3) == [(1, 0.25), (2, 0.0625), (3, 0.015625)]
    assert "0.000977" in activations.vanishing_text(5)
    assert activations.leaky_relu(np.array([-1.0]))[0] == pytest.approx(-activations.LEAKY_SLOPE)
    with pytest.raises(ValueError):
        activations.get_activation("softsign")
