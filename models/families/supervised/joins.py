"""The join between a supervised network and its data: the last layer must give what the loss compares.

Every supervised dataset here labels an example with a class number (0, 1, ...), not a one-hot vector. A loss
that reads those numbers differently from what the last layer gives does not fail politely: a sparse
cross-entropy over fewer outputs than classes is an index error inside TensorFlow on the CPU (and a silent
NaN on a GPU). So `validate`, the editor and the run loop refuse such a pair here, naming the last layer.
"""
from __future__ import annotations

from models.data import DatasetError, dataset_shape
from models.heads import input_mismatch
from models.spec.build import BuildError, ShapeReport, validate_network
from models.spec.experiment import Experiment

CLASS_TASKS = ("classification", "binary")


def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """The first mismatch between the dataset's examples and the network's input, or between the network's
    output, the loss and the dataset's labels."""
    spec = experiment.networks.get("main")
    if spec is None:
        return BuildError(-1, "Input", "a supervised experiment needs a network with the role 'main'")
    report = (reports or {}).get("main") or validate_network(spec, "main")
    if report.error is not None:
        return report.error
    wrong_input = input_mismatch(experiment.dataset, tuple(spec.input_shape), "main", "network",
                                 experiment.dataset_options)
    if wrong_input is not None:
        return wrong_input
    try:
        shape = dataset_shape(experiment.dataset, experiment.dataset_options)
    except DatasetError:
        return None  # check_experiment names the dataset field
    out = report.output_shape or ()
    units = out[-1] if out else None
    if units is None or not spec.layers:
        return None
    last = len(spec.layers) - 1
    layer_type = spec.layers[last].type

    def refuse(reason: str) -> BuildError:
        return BuildError(last, layer_type, reason)

    classes = shape.num_classes
    if shape.task in ("classification", "tagging") and units < classes:
        return refuse(f"it gives {units} outputs but '{experiment.dataset}' has {classes} classes: set it to "
                      f"{classes} units, one score per class")
    if shape.task not in CLASS_TASKS and shape.task != "tagging":
        return None
    loss = experiment.training.loss
    if loss == "sparse_categorical_crossentropy" and units < max(classes, 2):
        return refuse(f"sparse categorical cross-entropy needs one output per class ({max(classes, 2)}), this "
                      f"layer gives {units}: set it to {max(classes, 2)} units, or use the loss "
                      "'binary_crossentropy' (or 'auto') with one sigmoid output")
    if loss == "categorical_crossentropy":
        return refuse(f"categorical cross-entropy compares one-hot label vectors, but '{experiment.dataset}' "
                      "labels each example with a class number: use 'sparse_categorical_crossentropy' (the same "
                      "loss, read from class numbers) or 'auto'")
    if loss == "binary_crossentropy" and (units != 1 or classes > 2):
        if classes > 2:
            return refuse(f"binary cross-entropy is for two classes; '{experiment.dataset}' has {classes}: use "
                          "'sparse_categorical_crossentropy' or 'auto'")
        return refuse(f"binary cross-entropy compares one probability per example, this layer gives {units}: "
                      "set it to 1 unit (sigmoid), or use 'sparse_categorical_crossentropy' for one score per class")
    return None
