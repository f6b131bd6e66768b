"""The palette's architectures: each an Experiment factory with an explanation written by us.

Families register their presets when they are imported (see models/families); this module only keeps the
list. A factory takes a dataset name and fits the input shape and output layer to it, so
`train mlp --dataset gates-xor` and `train mlp --dataset mnist` both make sense.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .experiment import Experiment

GROUPS: tuple[str, ...] = ("Neurons", "Feed-forward", "Convolutional", "Recurrent", "Generative", "Embeddings")


class PresetError(KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    group: str
    explanation: str
    default_dataset: str
    factory: Callable[[str], Experiment]
    datasets: tuple[str, ...] = ()  # datasets this preset is meant for (the GUI offers these first)

    def make(self, dataset: str | None = None) -> Experiment:
        exp = self.factory(dataset or self.default_dataset)
        exp.preset = self.name
        exp.name = exp.name or self.title
        return exp


PRESETS: dict[str, Preset] = {}


def register(preset: Preset) -> Preset:
    PRESETS[preset.name] = preset
    return preset


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(PRESETS) or "none: import models.families first"
        raise PresetError(f"unknown preset '{name}' (known: {known})") from None


def all_presets() -> list[Preset]:
    return list(PRESETS.values())
