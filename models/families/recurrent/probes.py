"""Live views of recurrent networks during training: hidden state over time, gradients through time.

Both run on the training thread through ProbeCallback (pass them to `TrainingSession.start(..., probes=[...])`);
their payloads are plain numpy arrays, floats and strings (documented on each class).
"""
from __future__ import annotations

from typing import Any

import numpy as np

from models.data.base import DatasetInfo
from models.engine.probe import Probe

from .analysis import SequenceError, encode_text, gradients_through_time, hidden_states_for_text, memory_batch


class HiddenStateProbe(Probe):
    """The hidden state (units x steps) and gates of a recurrent layer for one typed text.

    Payload (see `analysis.hidden_state_over_time`): "layer" ("SimpleRNN" | "LSTM" | "GRU"),
    "layer_name", "bidirectional", "tokens" (list[str]), "unknown" (words read as <unk>), "steps", "units",
    "hidden" float32 (units, steps) (2*units for a bidirectional layer: forward rows first),
    "gates" {name: float32 (units, steps)} with LSTM "input"/"forget"/"output", GRU "update"/"reset", {} for a
    plain RNN; LSTM also "cell" (units, steps); bidirectional layers add "gates_backward" (and "cell_backward").
    When the model cannot be read the payload is {"error": message}.
    """

    name = "hidden_state"

    def __init__(self, info: DatasetInfo, text: str, which: int = 0, interval_s: float = 0.5) -> None:
        encode_text(info, text)  # a clear SequenceError now rather than in every report
        self.info = info
        self.text = text
        self.which = which
        self.interval_s = interval_s

    def set_text(self, text: str) -> None:
        """Change the sentence for the next reports (an attribute swap: safe from any thread)."""
        encode_text(self.info, text)
        self.text = text

    def compute(self, model: Any) -> dict[str, Any]:
        try:
            return hidden_states_for_text(model, self.info, self.text, self.which)
        except SequenceError as exc:
            return {"error": str(exc)}


class GradientThroughTimeProbe(Probe):
    """Norm of d(loss)/d(input at step t) for every step t, on a fixed batch (e.g. full-length memory-N).

    Payload: "steps" int (T,) = 1..T, "grad_norm" float64 (T,) (mean over the batch of each example's gradient
    norm at that step; plot it on a log axis), "loss" float (mean loss on the batch), "layer" ("SimpleRNN" |
    "LSTM" | "GRU"); or {"error": message}. Costs one forward and backward pass on the batch.
    """

    name = "gradients_through_time"

    def __init__(self, x: np.ndarray, y: np.ndarray, interval_s: float = 1.0) -> None:
        self.x = np.asarray(x)
        self.y = np.asarray(y)
        self.interval_s = interval_s

    @classmethod
    def for_memory(cls, n: int = 50, count: int = 64, seed: int = 1234, interval_s: float = 1.0
                   ) -> "GradientThroughTimeProbe":
        """On a fixed batch of full-length memory-N sequences."""
        x, y = memory_batch(n, count, seed)
        return cls(x, y, interval_s)

    def compute(self, model: Any) -> dict[str, Any]:
        try:
            return gradients_through_time(model, self.x, self.y)
        except SequenceError as exc:
            return {"error": str(exc)}
