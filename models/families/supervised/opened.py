"""A saved .keras classifier opened as a project: its layers in the editor, its weights to start from."""
from __future__ import annotations

from pathlib import Path

from models.data import DatasetError, available, dataset_shape
from models.spec.experiment import Experiment, TrainingConfig
from models.spec.keras_import import import_keras

# Built-in datasets tried, in this order, for the opened model's input and output (the user can change it).
_PREFERRED = ("mnist", "cifar10", "fashion-mnist", "moons", "digit-features", "sentiment")


def experiment_from_keras(path: str | Path) -> Experiment:
    """The model as a supervised project on the first dataset whose examples and classes it fits.

    Raises ImportRefused (a ValueError) when the file is not a chain of catalog layers.
    """
    imported = import_keras(path)
    spec = imported.spec
    units = int(imported.model.outputs[0].shape[-1])
    dataset = "mnist"
    for name in (*_PREFERRED, *available()):
        try:
            shape = dataset_shape(name)
        except DatasetError:
            continue  # a user's data or a family-suffixed name: needs options
        fits_classes = shape.num_classes == units or (units == 1 and shape.task == "binary")
        if tuple(shape.input_shape) == tuple(spec.input_shape) and shape.input_dtype == spec.input_dtype and fits_classes:
            dataset = name
            break
    training = TrainingConfig(initial_weights=str(Path(path).resolve()))
    return Experiment("supervised", {"main": spec}, dataset, training, name=Path(path).stem)
