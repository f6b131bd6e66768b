"""Hand-made features for shallow learning: edge directions per cell, on exactly the digits of `mnist`."""
import numpy as np

from models.data import load_dataset
from models.data.digit_features import BINS, CELLS, FEATURES, orientation_histograms


def test_a_vertical_edge_lands_in_the_horizontal_gradient_bin_and_cells_are_unit_length():
    img = np.zeros((1, 28, 28), dtype=np.float32)
    img[0, :, 14:] = 1.0  # a vertical edge: the brightness changes along x only
    f = orientation_histograms(img).reshape(CELLS, CELLS, BINS)
    edge_cells = f[:, 1:3]  # the edge at x = 14 runs through the two middle columns of cells
    assert np.allclose(edge_cells[..., 0], 1.0)  # all of it in direction 0 (gradient along +x)
    assert np.allclose(f[:, 0], 0.0) and np.allclose(f[:, 3], 0.0)  # flat cells: no edges, no features
    rot = orientation_histograms(np.transpose(img, (0, 2, 1))).reshape(CELLS, CELLS, BINS)
    assert np.allclose(rot[1:3, :, BINS // 2], 1.0)  # the same edge turned by 90 degrees: the 90-degree bin


def test_same_digits_same_split_as_mnist():
    feats = load_dataset("digit-features", {"limit": 300}, seed=1)
    digits = load_dataset("mnist", {"limit": 300}, seed=1)
    assert feats.x_train.shape == (300, FEATURES) and feats.x_train.dtype == np.float32
    for part in ("train", "val", "test"):
        assert np.array_equal(getattr(feats, f"y_{part}"), getattr(digits, f"y_{part}"))
    assert np.allclose(feats.x_test, orientation_histograms(digits.x_test))
