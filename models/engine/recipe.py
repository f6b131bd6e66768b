"""How a family turns an experiment + dataset into something `model.fit` can train, and the registry of them.

Each family registers `prepare(experiment, dataset) -> Prepared` when it is imported (models/families); the run
loop does the rest (seeding, callbacks, fit, evaluation) the same way for every family. The engine itself
never names a family: it looks the family up here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..data import Dataset
from ..spec.experiment import OPTIMIZERS, Experiment
from .probe import Probe

__all__ = ["OPTIMIZERS", "Prepared", "RecipeError", "get_recipe", "make_optimizer", "register_recipe",
           "register_script_writer", "script_writer"]


class RecipeError(ValueError):
    """The experiment cannot be trained as configured (the message says what to change)."""


@dataclass
class Prepared:
    model: Any  # compiled keras.Model; fit() trains it
    x: Any
    y: Any = None
    validation_data: Any = None
    fit_kwargs: dict[str, Any] = field(default_factory=dict)
    evaluate: Callable[[], dict[str, float]] | None = None  # test metrics after training
    export_model: Any = None  # what "export" writes (e.g. the generator of a GAN); defaults to `model`
    probes: list[Probe] = field(default_factory=list)
    samples_per_epoch: int = 0
    unit: str = "samples"  # what samples_per_epoch counts: "words" for word2vec (one epoch = one pass over the text)
    watch: tuple[str, ...] = ("loss",)  # logs the NaN guard checks


Recipe = Callable[[Experiment, Dataset], Prepared]
ScriptWriter = Callable[[Experiment, "str | Path"], str]

_RECIPES: dict[str, Recipe] = {}
_SCRIPTS: dict[str, ScriptWriter] = {}


def register_recipe(family: str, prepare: Recipe) -> None:
    _RECIPES[family] = prepare


def get_recipe(family: str) -> Recipe:
    try:
        return _RECIPES[family]
    except KeyError:
        known = ", ".join(sorted(_RECIPES)) or "none: import models.families first"
        raise RecipeError(f"unknown family '{family}' (known: {known})") from None


def register_script_writer(family: str, write: ScriptWriter) -> None:
    """A family whose experiments export as a standalone training script registers how to write it."""
    _SCRIPTS[family] = write


def script_writer(family: str) -> ScriptWriter:
    try:
        return _SCRIPTS[family]
    except KeyError:
        raise ValueError(f"script export covers {', '.join(sorted(_SCRIPTS)) or 'no'} networks; '{family}' "
                         "models export as .keras") from None


def make_optimizer(name: str, learning_rate: float, **kwargs: Any) -> Any:
    """A Keras optimizer by name; extra keyword arguments (e.g. beta_1) go to Adam."""
    import keras

    classes = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD, "rmsprop": keras.optimizers.RMSprop,
               "adamw": keras.optimizers.AdamW, "adagrad": keras.optimizers.Adagrad,
               "momentum": lambda learning_rate: keras.optimizers.SGD(learning_rate, momentum=0.9),
               "nadam": keras.optimizers.Nadam}
    key = name.lower()
    if key not in classes:
        raise RecipeError(f"unknown optimizer '{name}' (known: {', '.join(OPTIMIZERS)})")
    if key == "adam" and kwargs:
        return keras.optimizers.Adam(learning_rate=learning_rate, **kwargs)
    return classes[key](learning_rate=learning_rate)
