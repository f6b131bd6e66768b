"""The Probe base class, free of Keras so that presets and the GUI can name probes before TF loads."""
from __future__ import annotations

from typing import Any


class Probe:
    """Looks inside the model on the training thread at most every `interval_s` seconds.

    Subclasses implement `compute(model) -> dict` (numpy arrays and floats only).
    """

    name = "probe"
    interval_s = 0.5
    paused = False  # True: run only at epoch ends (nobody is looking; see models.probes.LiveProbe)

    def compute(self, model: Any) -> dict[str, Any]:
        raise NotImplementedError

    def on_start(self, model: Any) -> None:
        """Called once before training (e.g. to build a sub-model for activations)."""
