"""Pointing an experiment at the user's own data: a folder of images or a CSV table.

A preset is drawn for a built-in dataset; the user's data has its own number of classes (and, for a table, its
own number of features). Rather than asking the user to edit layers first, the network's ends are fitted to
the data and every change is said: images are resized to the network's input (the input stays), a table sets
the input to its feature count, and the last Dense layer gets one output per class (one sigmoid output for
two classes with a sigmoid head).
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ..spec.experiment import Experiment
from ..spec.presets import PRESETS, Preset
from .base import DatasetError, Shape, dataset_shape

IMAGE_DATASET = "images"
TABLE_DATASET = "table"


def user_dataset(path: str, label: str | None = None) -> tuple[str, dict[str, Any]]:
    """The dataset name and options for `--data PATH` (a folder: images; a .csv file: a table)."""
    p = Path(path).expanduser()
    if p.is_dir():
        if label:
            raise DatasetError("--label names a table's column; a folder of images takes its classes from its "
                               "sub-folders")
        return IMAGE_DATASET, {"path": str(p)}
    if p.suffix.lower() in (".csv", ".tsv", ".txt") or p.is_file():
        if p.suffix.lower() not in (".csv", ".tsv", ".txt"):
            raise DatasetError(f"{p.name}: give a folder of images (one sub-folder per class) or a .csv table")
        if not label:
            raise DatasetError(f"{p.name} is a table: say which column holds the class with --label COLUMN")
        if not p.exists():
            raise DatasetError(f"{p}: no such file")
        return TABLE_DATASET, {"path": str(p), "label": label}
    raise DatasetError(f"{p}: no such folder or file")


def base_dataset(dataset: str) -> str:
    """The built-in dataset whose preset layout fits the user's data: MNIST for images, 2-D points for tables."""
    return "mnist" if dataset == IMAGE_DATASET else "moons"


def experiment_for(experiment: Experiment, dataset: str, options: dict[str, Any], preset: Preset | None = None,
                   redraw_first: bool = False) -> tuple[Experiment, list[str]]:
    """A copy of the experiment pointed at the user's data, with what changed in words.

    The network as it is is tried first (the window: the user may have edited it), unless `redraw_first`
    (the CLI given a preset's name: its settings for the built-in layout suit the data better, e.g. the MLP's
    batch size for points rather than for the four XOR rows). When the network cannot read the data, the
    preset is redrawn for the matching built-in layout, if it has one.
    """
    base = base_dataset(dataset)
    fits = preset is not None and base in preset.datasets
    if redraw_first and fits:
        redrawn = preset.make(base)
        return redrawn, fit_to_data(redrawn, dataset, options)
    candidate = copy.deepcopy(experiment)
    try:
        return candidate, fit_to_data(candidate, dataset, options)
    except DatasetError as exc:
        if not fits or "needs a network" not in str(exc):
            kind = "images" if dataset == IMAGE_DATASET else "tables"
            others = [p.name for p in PRESETS.values() if base in p.datasets]
            raise DatasetError(f"{exc}; presets that train on {kind}: {', '.join(others)}") from None
    redrawn = preset.make(base)
    changes = fit_to_data(redrawn, dataset, options)
    return redrawn, [f"the {preset.title} preset was redrawn for {'images' if base == 'mnist' else 'vectors'}",
                     *changes]


def fit_to_data(experiment: Experiment, dataset: str, options: dict[str, Any]) -> list[str]:
    """Point the experiment at the user's data and fit its 'main' network's ends; what changed, in words.

    Raises DatasetError when the data cannot be read as that dataset or the network cannot read it.
    """
    spec = experiment.networks.get("main")
    if spec is None or experiment.family != "supervised":
        raise DatasetError(f"your own data trains supervised classifiers; '{experiment.name}' is a "
                           f"{experiment.family} experiment")
    options = dict(options)
    changes: list[str] = []
    if dataset == IMAGE_DATASET:
        if len(spec.input_shape) != 3:
            raise DatasetError(f"a folder of images needs a network that reads images (height x width x "
                               f"channels); this one reads {tuple(spec.input_shape)}")
        height, width, channels = (int(v) for v in spec.input_shape)
        if channels not in (1, 3):
            raise DatasetError(f"the network's input has {channels} channels; images give 1 (grey) or 3 (RGB)")
        options.update(height=height, width=width, channels=channels)
        changes.append(f"images are resized to the network's input, {height}x{width} "
                       f"{'grey' if channels == 1 else 'colour'}")
    shape: Shape = dataset_shape(dataset, options)
    if dataset == TABLE_DATASET:
        if len(spec.input_shape) != 1:
            raise DatasetError(f"a table needs a network that reads a vector of numbers; this one reads "
                               f"{tuple(spec.input_shape)}")
        if tuple(spec.input_shape) != shape.input_shape:
            changes.append(f"the input now takes the table's {shape.input_shape[0]} features "
                           f"(was {spec.input_shape[0]})")
            spec.input_shape = tuple(shape.input_shape)
    experiment.dataset, experiment.dataset_options = dataset, options
    last = spec.layers[-1] if spec.layers else None
    if last is None or last.type != "Dense":
        raise DatasetError("the network's last layer must be Dense to give one score per class")
    units = last.params.get("units")
    sigmoid_pair = shape.num_classes == 2 and units == 1 and last.params.get("activation") == "sigmoid"
    if not sigmoid_pair and units != shape.num_classes:
        was = f"{units} {last.params.get('activation') or 'linear'}"
        last.params["units"] = shape.num_classes
        if last.params.get("activation") == "sigmoid":
            last.params["activation"] = "softmax"
        changes.append(f"the last Dense layer now has {shape.num_classes} {last.params.get('activation') or 'linear'} "
                       f"units, one per class (was {was})")
    return changes
