"""How a family turns an experiment + dataset into something `model.fit` can train.

Each family registers a function `prepare(experiment, dataset) -> Prepared`. The session does the rest
(seeding, callbacks, fit, evaluation, export) the same way for every family.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..data import Dataset
from ..specs import Experiment
from .probe import Probe


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
    watch: tuple[str, ...] = ("loss",)  # logs the NaN guard checks


RECIPES: dict[str, Callable[[Experiment, Dataset], Prepared]] = {}


def recipe(family: str) -> Callable[[Callable[[Experiment, Dataset], Prepared]], Callable[[Experiment, Dataset],
                                                                                          Prepared]]:
    def deco(fn: Callable[[Experiment, Dataset], Prepared]) -> Callable[[Experiment, Dataset], Prepared]:
        RECIPES[family] = fn
        return fn
    return deco


def get_recipe(family: str) -> Callable[[Experiment, Dataset], Prepared]:
    _load_builtin()
    try:
        return RECIPES[family]
    except KeyError:
        raise RecipeError(f"unknown family '{family}' (known: {', '.join(sorted(RECIPES))})") from None


def _load_builtin() -> None:
    from . import supervised  # noqa: F401  (registers "supervised")
    from . import word2vec  # noqa: F401  (registers "word2vec")
    from . import gan  # noqa: F401  (registers "gan", "wgan", "cgan")
    from . import localize  # noqa: F401  (registers "localize")
    from . import vae  # noqa: F401  (registers "vae")


def make_optimizer(name: str, learning_rate: float) -> Any:
    import keras

    classes = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD, "rmsprop": keras.optimizers.RMSprop,
               "adamw": keras.optimizers.AdamW, "adagrad": keras.optimizers.Adagrad,
               "momentum": lambda learning_rate: keras.optimizers.SGD(learning_rate, momentum=0.9),
               "nadam": keras.optimizers.Nadam}
    try:
        return classes[name.lower()](learning_rate=learning_rate)
    except KeyError:
        raise RecipeError(f"unknown optimizer '{name}' (known: {', '.join(OPTIMIZERS)})") from None


OPTIMIZERS = ("adam", "sgd", "momentum", "rmsprop", "adamw", "adagrad", "nadam")
