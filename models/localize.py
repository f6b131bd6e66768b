"""The `localize` preset (classification + localisation) and the box arithmetic its results use.

The experiment's 'main' network is the backbone: convolution and pooling layers ending in a feature vector.
The "localize" training recipe (models/training/localize.py) adds two heads on top of it: a softmax over
the 10 digits and 4 sigmoid outputs for the box (top, left, bottom, right as fractions of the canvas).
No Keras here: this module is imported when presets are listed.
"""
from __future__ import annotations

import numpy as np

from .presets import Preset, register
from .specs import Experiment, LayerSpec, NetworkSpec, TrainingConfig

DEFAULT_BOX_WEIGHT = 20.0  # box MSE is in squared canvas fractions (~0.003), far smaller than the class loss


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


def _conv(filters: int) -> LayerSpec:
    return LayerSpec("Conv2D", {"filters": filters, "kernel_size": 3, "padding": "same", "activation": "relu"})


def localize(dataset: str) -> Experiment:
    """Three conv + max-pool stages (56 -> 28 -> 14 -> 7), flatten (keeps where things are), one dense layer,
    dropout (the 3,500 training digits are few for 400k weights)."""
    if dataset != "localize":
        from .presets import PresetError
        raise PresetError(f"the localize preset trains on the 'localize' dataset (class + box targets), not "
                          f"'{dataset}'")
    layers = [_conv(16), LayerSpec("MaxPooling2D"), _conv(32), LayerSpec("MaxPooling2D"), _conv(64),
              LayerSpec("MaxPooling2D"), LayerSpec("Flatten"), LayerSpec("Dense", {"units": 128, "activation": "relu"}),
              LayerSpec("Dropout", {"rate": 0.3})]
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=64, epochs=8, seed=0,
                         metrics=["accuracy"])
    return Experiment("localize", {"main": NetworkSpec((56, 56, 1), layers)}, "localize", cfg,
                      options={"box_loss_weight": DEFAULT_BOX_WEIGHT}, name="Digit localisation")


register(Preset(
    "localize", "Localisation (class + box)", "Convolutional",
    "Finds a digit somewhere on a larger canvas and says which digit it is. One convolutional backbone feeds "
    "two heads: a softmax that classifies, and four numbers that place a box (top, left, bottom, right). Both "
    "losses are added, so the same features learn what and where. Mean IoU (overlap of predicted and true box "
    "divided by their union) says how well the boxes fit.",
    "localize", localize, ("localize",)))
