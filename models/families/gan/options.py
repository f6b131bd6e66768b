"""The GAN families' settings (gan, cgan, wgan): the players' optimizers, the game's rhythm and the live views."""
from __future__ import annotations

from typing import Any

from models.engine.recipe import OPTIMIZERS
from models.spec.catalog import Param
from models.spec.experiment import Experiment
from models.spec.options import checked_options

FAMILIES: tuple[str, ...] = ("gan", "wgan", "cgan")

_COMMON: tuple[Param, ...] = (
    Param("g_learning_rate", "float", None, "Generator learning rate; empty means the training learning rate.",
          1e-7, 1.0, optional=True),
    Param("d_learning_rate", "float", None, "Discriminator (critic) learning rate; empty means the training "
          "learning rate.", 1e-7, 1.0, optional=True),
    Param("g_optimizer", "choice", None, "Generator optimizer; empty means the training optimizer.",
          choices=OPTIMIZERS, optional=True),
    Param("d_optimizer", "choice", None, "Discriminator (critic) optimizer; empty means the training optimizer.",
          choices=OPTIMIZERS, optional=True),
    Param("beta_1", "float", 0.5, "Adam's momentum term. GANs are steadier with 0.5 than with Keras' 0.9, "
          "because old gradients point at an opponent that has since moved.", 0.0, 0.999),
    Param("grid_columns", "int", 8, "Columns of the live sample grid (the fixed-noise batch).", 1, 16),
    Param("grid_rows", "int", 8, "Rows of the live sample grid (a conditional GAN always shows one row per "
          "class).", 1, 16),
    Param("quality_check", "bool", True, "Classify generated digits with an MNIST classifier (trained once and "
          "cached) to spot mode collapse while training and score the result afterwards."),
)
_GAN_ONLY: tuple[Param, ...] = (
    Param("d_steps", "int", 1, "k: discriminator updates per generator update, each on its own batch of real "
          "images.", 1, 10),
    Param("label_smoothing", "float", 0.0, "One-sided label smoothing: real images get the target 1 - s instead "
          "of 1, so the discriminator never becomes fully certain.", 0.0, 0.5),
    Param("generator_loss", "choice", "non_saturating", "non_saturating: the generator maximises log D(G(z)), "
          "which gives strong gradients early on when D easily spots fakes; minimax: it minimises "
          "log(1 - D(G(z))) as in the original game, whose gradient vanishes exactly then.",
          choices=("non_saturating", "minimax")),
)
_WGAN_ONLY: tuple[Param, ...] = (
    Param("n_critic", "int", 5, "Critic updates per generator update, each on its own batch of real images.",
          1, 20),
    Param("clip", "float", 0.01, "c: after every critic update each critic weight is clipped to [-c, c], a "
          "crude way to keep the critic 1-Lipschitz.", 1e-4, 1.0),
)
OPTIONS: dict[str, tuple[Param, ...]] = {
    "gan": _GAN_ONLY + _COMMON,
    "cgan": _GAN_ONLY + _COMMON,
    "wgan": _WGAN_ONLY + _COMMON,
}


def resolve_options(experiment: Experiment) -> dict[str, Any]:
    """The family's options with defaults filled in and each value checked; raises OptionError."""
    out = checked_options(experiment.family, experiment.options)
    cfg = experiment.training
    for who in ("g", "d"):
        if out[f"{who}_learning_rate"] is None:
            out[f"{who}_learning_rate"] = float(cfg.learning_rate)
        if out[f"{who}_optimizer"] is None:
            out[f"{who}_optimizer"] = cfg.optimizer.lower()
    return out
