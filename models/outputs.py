"""Reading a model's outputs: the class head of a multi-output model, and class probabilities from outputs that
may be probabilities or logits. Every view that shows "how sure" the network is goes through here."""
from __future__ import annotations

from typing import Any

import numpy as np


def class_output(outputs: Any) -> Any:
    """The classification output of a model that may have several (the localiser's 'class' head)."""
    if isinstance(outputs, dict):
        return outputs.get("class", next(iter(outputs.values())))
    if isinstance(outputs, (list, tuple)):
        return outputs[0]
    return outputs


def layer_activation(layer: Any) -> str:
    """The name of the activation a Keras layer applies last ('linear' when it has none)."""
    act = getattr(layer, "activation", None)
    return getattr(act, "__name__", "linear") if act is not None else "linear"


def probabilities(raw: Any, activation: str | None = None) -> np.ndarray:
    """Class probabilities along the last axis: (..., 1) sigmoid outputs become (..., 2) as [1 - p, p].

    `activation` is the output layer's ('sigmoid', 'softmax', anything else: logits). Without it the values
    decide: a single column outside [0, 1] is a logit, rows that are negative or do not sum to 1 are logits.
    """
    out = np.asarray(raw, dtype="float64")
    if out.ndim == 0:
        out = out.reshape(1, 1)
    if out.shape[-1] == 1:
        p = out[..., 0]
        if activation is None:
            logits = p.size > 0 and (p.min() < 0.0 or p.max() > 1.0)
        else:
            logits = activation != "sigmoid"
        if logits:
            p = 1.0 / (1.0 + np.exp(-p))
        return np.stack([1.0 - p, p], axis=-1)
    if activation is None:
        logits = out.size > 0 and (out.min() < 0.0 or not np.allclose(out.sum(axis=-1), 1.0, atol=1e-3))
    else:
        logits = activation != "softmax"
    if logits:
        e = np.exp(out - out.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    return out
