"""The localisation family's setting: how much the box loss counts against the class loss."""
from __future__ import annotations

from models.spec.catalog import Param

DEFAULT_BOX_WEIGHT = 20.0  # box MSE is in squared canvas fractions (~0.003), far smaller than the class loss

OPTIONS: tuple[Param, ...] = (
    Param("box_loss_weight", "float", DEFAULT_BOX_WEIGHT, "How much the box loss (mean squared error of the four "
          "box edges, in canvas fractions) counts against the class loss (cross-entropy). The box error is "
          "tiny in those units, so it needs a large weight for the boxes to be learned at all.", 1e-3, 1000.0),
)
