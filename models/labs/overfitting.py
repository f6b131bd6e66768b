"""The one-click overfit demo: the same network trained on a small subset with and without regularisation.

With few training examples a network memorises them: training loss keeps falling while validation loss
turns back up. `overfit_demo` turns an experiment into two comparable ones (same data subset, seed, epochs and
optimiser) that differ only in the regularisers chosen (`Regularisers`: Dropout, L2, BatchNormalization, each
on its own switch); the window trains them one after the other as a series of runs (engine.loop) and plots
both pairs of curves side by side.

The default is Dropout 0.5 alone. Measured on the cnn preset with 300 MNIST images and 15 epochs, seeds 0, 1
and 2: final gap -0.02, -0.04, -0.06 against 0.28, 0.20, 0.26 without (Dropout 0.3: 0.18, 0.21, 0.06, not
narrower for seed 1). All three at once did the opposite (gap 10.6, 12.1, 7.0): BatchNormalization's moving
statistics have not settled after a few hundred steps, and the validation pass uses them. L2 1e-3 alone: 0.28,
0.30, 0.22, since its penalty is part of the training loss. At 15 epochs Dropout's validation loss is not yet
the lower one (0.41 vs 0.33 for seed 0): the gap closes first, the validation loss later, with more epochs.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from ..spec.catalog import CATALOG, layer_type
from ..spec.experiment import Experiment, LayerSpec, NetworkSpec

REGULARISING_LAYERS = ("Dropout", "BatchNormalization")
DEFAULT_DROPOUT = 0.5
DEFAULT_L2 = 1e-3  # the strength offered when L2 is switched on
# How a dataset is shrunk to a small training subset, and how small.
_MNIST_LIKE = ("mnist", "mnist-offline")
_TOY_2D = ("moons", "circles", "spirals", "blobs")


class OverfitDemoError(ValueError):
    """The experiment cannot be turned into the demo (wrong family, a dataset that cannot be shrunk)."""


@dataclass(frozen=True)
class Regularisers:
    """What the regularised run adds, one switch per technique, so each can be tried on its own."""

    dropout: float = DEFAULT_DROPOUT  # rate after each hidden Dense and pooling layer; 0 = off
    l2: float = 0.0  # penalty on every hidden Dense/Conv2D kernel; 0 = off
    batch_norm: bool = False  # BatchNormalization after each Conv2D

    def __post_init__(self) -> None:
        if not 0.0 <= self.dropout < 1.0:
            raise OverfitDemoError(f"dropout must be at least 0 and below 1, got {self.dropout:g}")
        if not 0.0 <= self.l2 <= 1.0:
            raise OverfitDemoError(f"l2 must be between 0 and 1, got {self.l2:g}")

    @property
    def any(self) -> bool:
        return self.dropout > 0 or self.l2 > 0 or self.batch_norm


@dataclass
class OverfitDemo:
    plain: Experiment  # no Dropout, no BatchNormalization, no L1/L2
    regularised: Experiment  # the user's regularisers, or ours when the network had none
    train_size: int
    added: list[str]  # what the regularised version adds, in words
    note: str


def has_regularisation(spec: NetworkSpec) -> bool:
    return any(layer.type in REGULARISING_LAYERS or layer.params.get("l1") or layer.params.get("l2")
               for layer in spec.layers)


def strip_regularisation(spec: NetworkSpec) -> NetworkSpec:
    """The same network without Dropout/BatchNormalization layers and with every L1/L2 penalty set to 0."""
    layers = []
    for layer in spec.layers:
        if layer.type in REGULARISING_LAYERS:
            continue
        params = {k: v for k, v in layer.params.items() if k not in ("l1", "l2")}
        layers.append(LayerSpec(layer.type, params))
    return NetworkSpec(tuple(spec.input_shape), layers, spec.input_dtype)


def add_regularisation(spec: NetworkSpec, dropout: float = DEFAULT_DROPOUT, l2: float = 0.0,
                       batch_norm: bool = False) -> tuple[NetworkSpec, list[str]]:
    """Add L2 to every Dense/Conv2D, BatchNormalization after each Conv2D and Dropout after each hidden
    Dense and pooling layer (never after the output layer). Returns the new spec and what was added."""
    layers: list[LayerSpec] = []
    added = {"l2": 0, "bn": 0, "dropout": 0}
    last = len(spec.layers) - 1
    for i, layer in enumerate(spec.layers):
        params = dict(layer.params)
        names = {p.name for p in layer_type(layer.type).params} if layer.type in CATALOG else set()
        if "l2" in names and i != last and l2 > 0:
            params["l2"] = l2
            added["l2"] += 1
        layers.append(LayerSpec(layer.type, params))
        if i == last:
            break
        if layer.type == "Conv2D" and batch_norm:
            layers.append(LayerSpec("BatchNormalization"))
            added["bn"] += 1
        if layer.type in ("Dense", "MaxPooling2D", "AveragePooling2D") and dropout > 0:
            layers.append(LayerSpec("Dropout", {"rate": dropout}))
            added["dropout"] += 1
    words = []
    if added["dropout"]:
        words.append(f"Dropout {dropout:g} after {added['dropout']} layer{'s' if added['dropout'] > 1 else ''}")
    if added["l2"]:
        words.append(f"L2 {l2:g} on {added['l2']} layer{'s' if added['l2'] > 1 else ''}")
    if added["bn"]:
        words.append(f"BatchNormalization after {added['bn']} convolution layer{'s' if added['bn'] > 1 else ''}")
    return NetworkSpec(tuple(spec.input_shape), layers, spec.input_dtype), words


def overfit_demo(experiment: Experiment, train_size: int | None = None, epochs: int | None = None,
                 regularisers: Regularisers | None = None) -> OverfitDemo:
    """Two experiments on the same small training subset: without and with regularisation.

    train_size defaults to 300 images for MNIST and 80 points (more noise) for the 2-D toy sets;
    epochs defaults to at least 30 so the gap has time to open. A network with regularisers of its own is
    compared with itself stripped of them, and `regularisers` is not used.
    """
    regularisers = Regularisers() if regularisers is None else regularisers
    if experiment.family != "supervised":
        raise OverfitDemoError(f"the overfit demo compares supervised classifiers; '{experiment.family}' "
                               "experiments train differently")
    if "main" not in experiment.networks:
        raise OverfitDemoError("the experiment has no 'main' network")
    base = experiment.copy()
    options = dict(base.dataset_options)
    if base.dataset in _MNIST_LIKE:
        size = 300 if train_size is None else int(train_size)
        if not 20 <= size <= 5000:
            raise OverfitDemoError(f"train_size must be between 20 and 5,000 images, got {size}")
        options["limit"] = size
    elif base.dataset in _TOY_2D:
        size = 80 if train_size is None else int(train_size)
        if not 20 <= size <= 2000:
            raise OverfitDemoError(f"train_size must be between 20 and 2,000 points, got {size}")
        # The toy loaders take a total size (70% of it trains) and a noise level.
        options["size"] = max(20, int(np.ceil(size / 0.7)))
        options["noise"] = max(float(options.get("noise") or 0.0), 0.3 if base.dataset != "spirals" else 0.5)
    else:
        raise OverfitDemoError(f"the overfit demo needs a dataset it can shrink ({', '.join(_MNIST_LIKE + _TOY_2D)}); "
                               f"got '{base.dataset}'")
    base.dataset_options = options
    base.training.epochs = max(base.training.epochs, 30) if epochs is None else int(epochs)
    if base.training.epochs < 1:
        raise OverfitDemoError("epochs must be at least 1")
    spec = base.networks["main"]
    plain = base.copy()
    plain.networks["main"] = strip_regularisation(spec)
    plain.name = f"{experiment.name or 'Experiment'}: no regularisation"
    regularised = base.copy()
    if has_regularisation(spec):
        regularised.networks["main"] = copy.deepcopy(spec)
        added = ["the network's own Dropout / L1-L2 / BatchNormalization settings"]
    else:
        if not regularisers.any:
            raise OverfitDemoError("switch on at least one regulariser (Dropout, L2 or BatchNorm) to compare with")
        regularised.networks["main"], added = add_regularisation(spec, regularisers.dropout, regularisers.l2,
                                                                 regularisers.batch_norm)
        if not added:
            raise OverfitDemoError("the network has no layer the chosen regularisers could be added to (Dropout "
                                   "goes after hidden Dense and pooling layers, L2 on hidden Dense/Conv2D, "
                                   "BatchNorm after Conv2D)")
    regularised.name = f"{experiment.name or 'Experiment'}: with regularisation"
    note = (f"Both train on the same {size} examples for {base.training.epochs} epochs with seed "
            f"{base.training.seed}. Watch the gap between training and validation loss: without regularisation "
            "it widens as the network memorises the few examples; with " + "; ".join(added) + " it should "
            "stay narrower.")
    return OverfitDemo(plain, regularised, size, added, note)


def generalisation_gap(history: dict[str, list[float]]) -> list[float]:
    """val_loss − loss per epoch (positive: the model does better on data it trained on)."""
    train, val = history.get("loss", []), history.get("val_loss", [])
    return [float(v - t) for t, v in zip(train, val)]
