"""The VAE's settings: the KL weight beta and what the live views show."""
from __future__ import annotations

from typing import Any

from models.spec.catalog import Param
from models.spec.experiment import Experiment
from models.spec.options import checked_options

FAMILY = "vae"

OPTIONS: tuple[Param, ...] = (
    Param("beta", "float", 1.0, "β: the weight of the KL term. 1 is the true VAE (the loss is the negative "
          "evidence lower bound). Larger values pull the codes harder towards N(0, I): a smoother, better "
          "organised latent space but blurrier reconstructions; smaller values do the opposite.", 0.0, 20.0),
    Param("grid_columns", "int", 8, "Columns of the live sample grid (decoded fixed noise).", 1, 16),
    Param("grid_rows", "int", 8, "Rows of the live sample grid.", 1, 16),
    Param("latent_points", "int", 1000, "Held-out digits whose codes (the encoder's means) are drawn in the "
          "latent map.", 50, 5000),
    Param("manifold_size", "int", 10, "The decoded manifold is an n x n grid of decoder outputs over "
          "z in [-3, 3]² (2-D latent spaces only). 10 keeps each digit legible in the panel; more shows finer "
          "steps between them in a larger window or a saved picture.", 3, 30),
    Param("quality_check", "bool", True, "After training, let an MNIST classifier (trained once and cached) "
          "read 1,000 generated digits: the share it reads with confidence ≥ 0.9 is a rough quality score."),
)


def resolve_options(experiment: Experiment) -> dict[str, Any]:
    """The VAE options with defaults filled in and each value checked; raises OptionError."""
    return checked_options(FAMILY, experiment.options)


def latent_dim(experiment: Experiment) -> int:
    """The latent size is whatever the decoder reads (0 when the decoder is missing or not 1-D)."""
    dec = experiment.networks.get("decoder")
    return int(dec.input_shape[0]) if dec is not None and len(dec.input_shape) == 1 else 0
