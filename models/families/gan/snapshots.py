"""The GAN panel's strip of one sample grid per finished epoch, so a student can scroll back through training."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass
class SnapshotStrip:
    """One grid per epoch, for a strip the user can scroll back through.

    Feed it the `sample_grid` probe payloads; it keeps one grid per finished epoch, from `epoch_done` /
    `epoch_grid` (carried by every payload) or, in payloads without them, from one marked `epoch_end`.
    """

    grids: list[np.ndarray] = dataclasses.field(default_factory=list)
    epochs: list[int] = dataclasses.field(default_factory=list)

    def add(self, payload: dict[str, Any]) -> bool:
        """True when a new epoch's grid was kept."""
        if payload.get("epoch_grid") is not None:
            epoch, grid = int(payload.get("epoch_done", 0)), payload["epoch_grid"]
        elif payload.get("epoch_end"):
            epoch, grid = int(round(float(payload.get("epoch", 0)))), payload["grid"]
        else:
            return False
        if epoch <= 0 or epoch in self.epochs:
            return False
        self.epochs.append(epoch)
        self.grids.append(np.asarray(grid, dtype="float32"))
        return True

    def image(self, pad: int = 4) -> np.ndarray:
        """All kept grids side by side (2-D float32), e.g. for `write_png`."""
        if not self.grids:
            raise ValueError("no epoch has finished yet")
        h = max(g.shape[0] for g in self.grids)
        parts = []
        for g in self.grids:
            part = np.zeros((h, g.shape[1] + pad), dtype="float32")
            part[:g.shape[0], :g.shape[1]] = g
            parts.append(part)
        return np.concatenate(parts, axis=1)[:, :-pad] if pad else np.concatenate(parts, axis=1)
