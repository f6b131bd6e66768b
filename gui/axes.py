"""An axis whose tick labels never run into each other, however small the plot.

pyqtgraph asks for at least 2.25 intervals whatever the axis length, so on a plot 50 px tall a range of 0.7
got labels every 0.2, four of them in 50 px, drawn over each other (the GAN's game plots at 1366x768).
"""
from __future__ import annotations

from typing import Any

import pyqtgraph as pg

LABEL_SPACING_PX = 18  # the least room a vertical axis gives each label (a 9pt digit line and a gap)
STEPS = (2, 2.5, 2)  # 1 -> 2 -> 5 -> 10 -> 20 ...


class SparseAxis(pg.AxisItem):
    """pg.AxisItem with the major interval widened (x2, x2.5, x2, ...) until each label has LABEL_SPACING_PX."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> Any:  # noqa: N802 - pyqtgraph's name
        levels = super().tickSpacing(minVal, maxVal, size)
        if not levels or self.orientation not in ("left", "right") or size <= 0:
            return levels
        dif = abs(maxVal - minVal)
        major, offset = levels[0]
        i = 0
        while major > 0 and dif / major * LABEL_SPACING_PX > size and i < 12:
            major *= STEPS[i % 3]
            i += 1
        return [(major, offset)] + [(s, o) for s, o in levels[1:] if s < major]
