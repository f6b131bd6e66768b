"""Text labels beside scattered points that never cover each other.

A word map labels 60 to 200 words, and words the network has learned to group lie on top of each other: every
label drawn gave unreadable piles exactly where the lesson is. Labels are placed greedily, most important first
(the most frequent words), each at the first of a few spots around its point that is still free; a word with no
free spot is left unlabelled (its point tells its name on hover). O(n^2) rectangle tests: fine for hundreds.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

# Where a label may sit, as the offset of its centre from the point in units of its own width and height:
# above, below, right, left, then the diagonals.
SPOTS = ((0.0, -0.75), (0.0, 0.75), (0.62, 0.0), (-0.62, 0.0), (0.6, -0.7), (-0.6, -0.7), (0.6, 0.7), (-0.6, 0.7))


def place_labels(points: np.ndarray, sizes: Sequence[tuple[float, float]], order: Sequence[int],
                 bounds: tuple[float, float, float, float] | None = None,
                 gap: float = 1.0) -> list[tuple[float, float] | None]:
    """For each point (pixels, y down), the centre of its label, or None where every spot overlaps a label
    already placed (or leaves `bounds` = (left, top, right, bottom)). `order`: indices, most important first."""
    placed: list[tuple[float, float, float, float]] = []
    result: list[tuple[float, float] | None] = [None] * len(points)
    for i in order:
        x, y = float(points[i][0]), float(points[i][1])
        w, h = sizes[i]
        for dx, dy in SPOTS:
            cx, cy = x + dx * w, y + dy * h
            rect = (cx - w / 2 - gap, cy - h / 2 - gap, cx + w / 2 + gap, cy + h / 2 + gap)
            if bounds is not None and (rect[0] < bounds[0] or rect[1] < bounds[1] or rect[2] > bounds[2]
                                       or rect[3] > bounds[3]):
                continue
            if any(rect[0] < r[2] and r[0] < rect[2] and rect[1] < r[3] and r[1] < rect[3] for r in placed):
                continue
            placed.append(rect)
            result[i] = (cx, cy)
            break
    return result
