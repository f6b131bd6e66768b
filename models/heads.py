"""The ends of a network that the dataset decides: the output layer for its task, a Flatten before Dense
layers when examples are images, and the image shape that generative presets draw."""
from __future__ import annotations

from typing import Any

from .data import dataset_shape
from .spec.build import BuildError, format_shape
from .spec.experiment import LayerSpec
from .spec.presets import PresetError


def head(dataset: str) -> list[LayerSpec]:
    """The output layer that matches a dataset: one sigmoid unit for binary tasks, softmax otherwise."""
    shape = dataset_shape(dataset)
    if shape.task == "binary":
        return [LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]
    return [LayerSpec("Dense", {"units": shape.num_classes, "activation": "softmax"})]


def flatten_if_needed(dataset: str) -> list[LayerSpec]:
    return [LayerSpec("Flatten")] if len(dataset_shape(dataset).input_shape) > 1 else []


def image_shape(dataset: str, presets: str = "generative presets") -> tuple[int, ...]:
    """The dataset's (h, w, c), or a PresetError naming the `presets` that need images."""
    shape = dataset_shape(dataset)
    if len(shape.input_shape) != 3:
        raise PresetError(f"{presets} need an image dataset such as mnist; '{dataset}' gives "
                          f"{tuple(shape.input_shape)}")
    return tuple(shape.input_shape)


def input_mismatch(dataset: str, want: tuple[int, ...], role: str, reader: str,
                   options: dict[str, Any] | None = None) -> BuildError | None:
    """A located error when the dataset's examples are not the shape that network `role` (named `reader` in the
    message) reads; None when they fit, or when the dataset is unknown (its loader says so in its own words)."""
    try:
        shape = dataset_shape(dataset, options)
    except Exception:  # noqa: BLE001 - an unknown dataset is reported by the loader with its own message
        return None
    if tuple(shape.input_shape) == tuple(want):
        return None
    return BuildError(-1, "Input", f"dataset '{dataset}' gives {format_shape((None, *shape.input_shape))} but the "
                      f"{reader} reads {format_shape((None, *want))}: pick an image dataset of that shape or change "
                      "the input", role)
