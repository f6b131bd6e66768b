"""Images: a sample input for any image shape, PNG files, the tiler."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from models.images import png_bytes, tile_grid


def test_sample_image_fits_any_image_input() -> None:
    from models.data.mnist import load_offline_arrays
    from models.images import sample_image

    digits, _ = load_offline_arrays()
    assert np.allclose(sample_image((28, 28, 1), 4)[..., 0], digits[4] / 255.0)
    big = sample_image((56, 56, 1), 4)
    assert big.shape == (56, 56, 1) and np.allclose(big[14:42, 14:42, 0], digits[4] / 255.0)
    assert sample_image((12, 12, 3)).shape == (12, 12, 3) and sample_image((32, 32)).shape == (32, 32)
    with pytest.raises(ValueError):
        sample_image((784,))


def test_png_writer_round_trips_pixels() -> None:
    import io

    from PIL import Image

    img = np.linspace(0, 1, 12, dtype="float32").reshape(3, 4)
    data = png_bytes(img, scale=2)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (8, 6)
    with Image.open(io.BytesIO(data)) as decoded:
        assert decoded.mode == "L"
        pixels = np.asarray(decoded)
    assert pixels.shape == (6, 8)
    assert np.array_equal(pixels[::2, ::2], np.round(img * 255).astype(np.uint8))  # each pixel twice, both ways
    assert np.array_equal(pixels[1::2, 1::2], pixels[::2, ::2])
    grid = tile_grid(np.zeros((5, 4, 4)), columns=2, pad=1)
    assert grid.shape == (3 * 5 + 1, 2 * 5 + 1) and grid[0, 0] == 0.5 and grid[1, 1] == 0.0
