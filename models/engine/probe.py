"""The one base class of every probe, free of Keras so that panels can make probes before TensorFlow loads."""
from __future__ import annotations

from typing import Any


class Probe:
    """Looks inside the model on the training thread: at the start, at most every `interval_s` seconds
    (stretched when a probe is slow, see `callbacks.ProbeCallback`), and at every epoch end.

    Subclasses implement `compute(model) -> dict` (numpy arrays and floats only; a problem comes back as
    {"error": "..."} rather than an exception). Keras is imported inside methods, never at module level.
    """

    name = "probe"
    interval_s = 0.5
    # Set from the GUI thread while nobody can see the result (its panel is a tab behind another): the probe
    # then runs only at the start and at epoch ends, so its view is at most an epoch old when it comes into sight.
    paused = False

    def compute(self, model: Any) -> dict[str, Any]:
        raise NotImplementedError

    def on_start(self, model: Any) -> None:
        """Called once on the training thread before training (e.g. to build a sub-model for activations)."""
