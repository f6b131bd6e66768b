"""Everything about an experiment that can be checked before any data is loaded or any TensorFlow graph is built.

`validate` (the CLI), the window and the run loop call `check_experiment`, so what one accepts the others do not
refuse as bad input, and every refusal names the project file's field (``training.seed``,
``dataset_options.repeat``, ``options.latent_dim``, ...).
"""
from __future__ import annotations

from pathlib import Path

from ..data import DatasetError, DatasetOptionError, check_options, describe
from ..spec.experiment import Experiment, SpecError, check_training, field_path
from ..spec.options import OptionError, checked_options
from .recipe import RecipeError, get_recipe


def check_experiment(experiment: Experiment) -> None:
    """Raise SpecError naming the first field training would refuse; loads nothing and needs no Keras."""
    try:
        get_recipe(experiment.family)
    except RecipeError as exc:
        raise SpecError("family", str(exc)) from None
    check_training(experiment.training)
    weights = experiment.training.initial_weights
    if weights and not (weights.endswith(".keras") and Path(weights).is_file()):
        raise SpecError("training.initial_weights", f"{weights}: no such .keras file (the network starts from "
                        "its weights); open the model again or clear the field")
    try:
        describe(experiment.dataset)
    except DatasetError as exc:
        raise SpecError("dataset", str(exc)) from None
    try:
        check_options(experiment.dataset, experiment.dataset_options)
    except DatasetOptionError as exc:
        raise SpecError(field_path("dataset_options", exc.option), exc.message) from None
    except DatasetError as exc:
        raise SpecError("dataset_options", str(exc)) from None
    try:
        checked_options(experiment.family, experiment.options)
    except OptionError as exc:
        raise SpecError(f"options.{exc.option}" if exc.option else "options", exc.message) from None
