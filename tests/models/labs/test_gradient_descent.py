"""The gradient-descent lab: good, small and divergent steps."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import gradient_descent


# --- gradient descent --------------------------------------------------------------------------------------
def test_gradient_descent_good_small_and_divergent_steps() -> None:
    good = gradient_descent.descend("bowl", 0.08, steps=200)
    small = gradient_descent.descend("bowl", 0.01, steps=60)
    assert good.converged and not good.diverged and good.final_loss < 1e-9
    assert not small.diverged and small.final_loss < small.losses[0] and small.final_loss > good.final_loss
    # First step by hand: (a, b) = (-3.5, 2.5), gradient (2a, 10b).
    assert np.allclose(good.points[1], [-3.5 - 0.08 * -7.0, 2.5 - 0.08 * 25.0])
    for lr in (0.21, 5.0, 1e6):
        bad = gradient_descent.descend("bowl", lr, steps=500)
        assert bad.diverged and "Diverged" in bad.message
        assert np.all(np.isfinite(bad.points)) and np.all(np.isfinite(bad.losses))
        assert np.abs(bad.points).max() <= gradient_descent.BOUND
    for name, surface in gradient_descent.SURFACES.items():
        assert gradient_descent.descend(name, surface.step_sizes["too large"], steps=300).diverged, name
        ok = gradient_descent.descend(name, surface.step_sizes["good"], steps=300)
        assert not ok.diverged and ok.final_loss < ok.losses[0], name
    a, b, z = gradient_descent.surface_grid("bowl", 21)
    assert z.shape == (21, 21) and z[10, 10] == pytest.approx(0.0)
    with pytest.raises(ValueError):
        gradient_descent.descend("bowl", float("nan"))
