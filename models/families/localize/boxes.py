"""Box arithmetic for localisation results: overlap of boxes and boxes in pixels (numpy only)."""
from __future__ import annotations

import numpy as np


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Intersection over union of boxes (..., 4) given as (top, left, bottom, right); 0 when disjoint.

    Boxes whose bottom < top or right < left (a badly predicted box) count as empty.
    """
    a = np.asarray(a, dtype="float64")
    b = np.asarray(b, dtype="float64")
    top = np.maximum(a[..., 0], b[..., 0])
    left = np.maximum(a[..., 1], b[..., 1])
    bottom = np.minimum(a[..., 2], b[..., 2])
    right = np.minimum(a[..., 3], b[..., 3])
    inter = np.clip(bottom - top, 0, None) * np.clip(right - left, 0, None)
    area_a = np.clip(a[..., 2] - a[..., 0], 0, None) * np.clip(a[..., 3] - a[..., 1], 0, None)
    area_b = np.clip(b[..., 2] - b[..., 0], 0, None) * np.clip(b[..., 3] - b[..., 1], 0, None)
    union = area_a + area_b - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)


def box_to_pixels(box: np.ndarray, canvas: int) -> tuple[int, int, int, int]:
    """A fractional box -> (top, left, bottom, right) pixels, for drawing rectangles."""
    t, l, b, r = (float(v) * canvas for v in np.asarray(box).ravel()[:4])
    return int(round(t)), int(round(l)), int(round(b)), int(round(r))
