"""Drawn digits become MNIST-like: cropped, scaled and centred."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import digit


# --- drawn digits ------------------------------------------------------------------------------------------
def test_drawn_digit_is_cropped_scaled_and_centred() -> None:
    canvas = np.ones((200, 300))  # white paper
    canvas[20:60, 200:215] = 0.0  # a dark bar in the top-right corner, 40 tall and 15 wide
    img = digit.to_mnist(canvas)
    assert img.shape == (28, 28) and img.dtype == np.float32 and img.max() == pytest.approx(1.0)
    rows, cols = np.nonzero(img > 0.05)
    assert rows.max() - rows.min() + 1 == 20  # the longer side scaled to 20
    assert 7 <= cols.max() - cols.min() + 1 <= 9  # aspect kept (15/40 * 20 = 7.5)
    cy, cx = digit.centre_of_mass(img)
    assert abs(cy - 13.5) <= 0.5 and abs(cx - 13.5) <= 0.5
    assert np.array_equal(digit.to_mnist(canvas, dark_ink=True), img)
    assert digit.to_mnist(np.ones((50, 50))).sum() == 0.0 and digit.is_blank(np.ones((50, 50)))


def test_real_mnist_digit_survives_the_round_trip() -> None:
    from models.data.mnist import load_offline_arrays

    x, _ = load_offline_arrays()
    original = x[123].astype(float) / 255.0
    enlarged = np.kron(original, np.ones((8, 8))) * 255.0  # a 224x224 drawing, 0-255, light on dark
    img = digit.to_mnist(enlarged)
    assert np.abs(img - original).mean() < 0.12
    assert np.hypot(*np.subtract(digit.centre_of_mass(img), (13.5, 13.5))) < 0.75
    with pytest.raises(digit.DigitError):
        digit.to_mnist(np.ones(10))
