"""The four logic gates: 4 points each, binary labels. Train, validation and test are all four points."""
from __future__ import annotations

import numpy as np

from .base import Dataset, DatasetInfo, DatasetOptionError, Shape, register

MAX_REPEAT = 100_000

TRUTH = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}
INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")


def gate(kind: str, seed: int = 0, repeat: int = 1) -> Dataset:
    """`repeat` tiles the four rows so an epoch holds more than one (identical) batch."""
    if isinstance(repeat, bool) or not isinstance(repeat, int) or not 1 <= repeat <= MAX_REPEAT:
        raise DatasetOptionError("repeat", f"must be a whole number from 1 to {MAX_REPEAT:,}, got {repeat!r}")
    kind = kind.lower()
    y = np.array(TRUTH[kind], dtype="float32").reshape(-1, 1)
    x_train = np.tile(INPUTS, (repeat, 1))
    y_train = np.tile(y, (repeat, 1))
    info = DatasetInfo(f"gates-{kind}", f"Logic gate {kind.upper()}", "generated (truth table)", "binary", (2,),
                       class_names=["0", "1"],
                       notes="All four input pairs; the test set is the same four points, since the task is to "
                             "represent the truth table, not to generalise.")
    return Dataset(x_train, y_train, INPUTS.copy(), y.copy(), INPUTS.copy(), y.copy(), info)


for _kind in TRUTH:
    register(f"gates-{_kind}", f"{_kind.upper()} truth table: 4 points, binary label",
             shape=Shape((2,), "binary", 2))(
        lambda seed=0, repeat=1, _k=_kind: gate(_k, seed, repeat))
