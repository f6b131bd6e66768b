"""The `localize` preset: a convolutional backbone for finding and naming a digit on a larger canvas.

No Keras here: this module is imported when presets are listed.
"""
from __future__ import annotations

from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import Preset, PresetError

from .options import DEFAULT_BOX_WEIGHT


def _conv(filters: int) -> LayerSpec:
    return LayerSpec("Conv2D", {"filters": filters, "kernel_size": 3, "padding": "same", "activation": "relu"})


def localize(dataset: str) -> Experiment:
    """Three conv + max-pool stages (56 -> 28 -> 14 -> 7), flatten (keeps where things are), one dense layer,
    dropout (the 3,500 training digits are few for 400k weights)."""
    if dataset != "localize":
        raise PresetError(f"the localize preset trains on the 'localize' dataset (class + box targets), not "
                          f"'{dataset}'")
    layers = [_conv(16), LayerSpec("MaxPooling2D"), _conv(32), LayerSpec("MaxPooling2D"), _conv(64),
              LayerSpec("MaxPooling2D"), LayerSpec("Flatten"), LayerSpec("Dense", {"units": 128, "activation": "relu"}),
              LayerSpec("Dropout", {"rate": 0.3})]
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=64, epochs=8, seed=0,
                         metrics=["accuracy"])
    return Experiment("localize", {"main": NetworkSpec((56, 56, 1), layers)}, "localize", cfg,
                      options={"box_loss_weight": DEFAULT_BOX_WEIGHT}, name="Digit localisation")


PRESETS: tuple[Preset, ...] = (Preset(
    "localize", "Localisation (class + box)", "Convolutional",
    "Finds a digit somewhere on a larger canvas and says which digit it is. One convolutional backbone feeds "
    "two heads: a softmax that classifies, and four numbers that place a box (top, left, bottom, right). Both "
    "losses are added, so the same features learn what and where. Mean IoU (overlap of predicted and true box "
    "divided by their union) says how well the boxes fit.",
    "localize", localize, ("localize",)),)
