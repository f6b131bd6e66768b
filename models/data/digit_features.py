"""The MNIST digits as hand-made features: the first stage of shallow (staged) learning.

Before deep learning, an image classifier was built in stages, each designed by hand: describe the image
with features someone chose (edges and their directions), summarise them over regions, and only then learn a
simple classifier on top. Here the features are histograms of gradient orientation (the idea of HOG): the
28x28 digit is cut into a 4x4 grid of 7x7 cells, and in each cell the edge strength is summed into 8
direction bins, 128 numbers in all, each cell's histogram scaled to unit length. A linear classifier on these
(the `shallow` preset) can then be compared with a CNN that learns its own features from the same pixels.

The digits, their split and their order are exactly those of the `mnist` dataset with the same seed, so the
two are compared on the same examples.
"""
from __future__ import annotations

import numpy as np

from .base import Dataset, DatasetInfo, Shape, register
from .mnist import CLASS_NAMES, load_mnist

CELLS = 4  # a 4x4 grid of cells over the 28x28 image
BINS = 8  # orientation bins over 0..180 degrees (an edge and its reverse count as one direction)
FEATURES = CELLS * CELLS * BINS


def orientation_histograms(images: np.ndarray) -> np.ndarray:
    """(N, 28, 28[, 1]) images in [0, 1] -> (N, 128) float32 features."""
    x = np.asarray(images, dtype=np.float32)
    if x.ndim == 4:
        x = x[..., 0]
    n, h, w = x.shape
    gy, gx = np.gradient(x, axis=(1, 2))
    magnitude = np.hypot(gx, gy)
    angle = np.mod(np.arctan2(gy, gx), np.pi)  # unsigned direction in [0, pi)
    bins = np.minimum((angle / np.pi * BINS).astype(np.int64), BINS - 1)
    ch, cw = h // CELLS, w // CELLS
    one_hot = np.zeros((n, h, w, BINS), dtype=np.float32)
    np.put_along_axis(one_hot, bins[..., None], magnitude[..., None], axis=3)
    cells = one_hot[:, :ch * CELLS, :cw * CELLS].reshape(n, CELLS, ch, CELLS, cw, BINS).sum(axis=(2, 4))
    norm = np.linalg.norm(cells, axis=3, keepdims=True)
    cells = cells / np.maximum(norm, 1e-6)
    return cells.reshape(n, FEATURES).astype(np.float32)


def load_digit_features(seed: int = 0, limit: int | None = None) -> Dataset:
    digits = load_mnist(seed, limit=limit)
    info = DatasetInfo(
        "digit-features", "MNIST digits as hand-made features",
        f"{digits.info.source}, each described by 4x4 cells x 8 edge directions (gradient-orientation histograms)",
        "classification", (FEATURES,), class_names=list(CLASS_NAMES), notes=digits.info.notes)
    return Dataset(orientation_histograms(digits.x_train), digits.y_train,
                   orientation_histograms(digits.x_val), digits.y_val,
                   orientation_histograms(digits.x_test), digits.y_test, info)


register("digit-features", "The MNIST digits as 128 hand-made edge-direction features (for shallow learning)",
         shape=Shape((FEATURES,), "classification", 10))(load_digit_features)
