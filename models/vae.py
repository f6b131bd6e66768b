"""Variational autoencoders: settings, presets, the encoder/decoder join check and the latent-map maths.

Nothing here imports keras, so the editor can read the option schema, the presets and the join check before
TensorFlow loads. The model itself (`VAE`, a keras.Model with its own train_step) and the live-view probes
live in `models/training/vae.py` (worker thread).

The experiment has two editable networks: "encoder" (image -> 2·latent_dim linear numbers: the first half
is the mean of q(z|x), the second half its log-variance) and "decoder" (latent vector -> image with
sigmoid pixels). The latent size is the decoder's input size. What `train vae --export` writes is the
decoder alone, wrapped with an input named "noise", so `generate` and the GAN tools treat it as a generator.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from .build import BuildError, ShapeReport, format_shape
from .catalog import Param
from .data import dataset_shape
from .generative import OptionError, checked_options, image_shape, output_activation  # noqa: F401 (OptionError: raised here)
from .presets import Preset, PresetError, register
from .specs import Experiment, LayerSpec, NetworkSpec, TrainingConfig

FAMILY = "vae"
ROLES: tuple[str, ...] = ("encoder", "decoder")
MANIFOLD_RANGE = 3.0  # the decoded manifold covers z in [-3, 3]^2: nearly all of N(0, I)'s mass


# --- options -----------------------------------------------------------------------------------------------
OPTIONS: tuple[Param, ...] = (
    Param("beta", "float", 1.0, "β: the weight of the KL term. 1 is the true VAE (the loss is the negative "
          "evidence lower bound). Larger values pull the codes harder towards N(0, I): a smoother, better "
          "organised latent space but blurrier reconstructions; smaller values do the opposite.", 0.0, 20.0),
    Param("grid_columns", "int", 8, "Columns of the live sample grid (decoded fixed noise).", 1, 16),
    Param("grid_rows", "int", 8, "Rows of the live sample grid.", 1, 16),
    Param("latent_points", "int", 1000, "Held-out digits whose codes (the encoder's means) are drawn in the "
          "latent map.", 50, 5000),
    Param("manifold_size", "int", 15, "The decoded manifold is an n x n grid of decoder outputs over "
          "z in [-3, 3]² (2-D latent spaces only).", 3, 30),
    Param("quality_check", "bool", True, "After training, let an MNIST classifier (trained once and cached) "
          "read 1,000 generated digits: the share it reads with confidence ≥ 0.9 is a rough quality score."),
)
TEXT_OPTIONS: dict[str, str] = {
    "classifier_path": "A .keras MNIST classifier of your own (input 28x28x1 in [0, 1], 10 outputs) for the "
                       "quality check instead of the app's cached one.",
}


def resolve_options(experiment: Experiment) -> dict[str, Any]:
    """The VAE options with defaults filled in and each value checked; raises OptionError."""
    return checked_options(FAMILY, OPTIONS, experiment.options, "a VAE")


def latent_dim(experiment: Experiment) -> int:
    """The latent size is whatever the decoder reads (0 when the decoder is missing or not 1-D)."""
    dec = experiment.networks.get("decoder")
    return int(dec.input_shape[0]) if dec is not None and len(dec.input_shape) == 1 else 0


# --- the join between encoder and decoder ------------------------------------------------------------------
def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """Check both networks and the join between them; the first problem found, pinned to a role and layer.

    `reports` are the editor's shape reports per role; without them the stacks are validated here (which
    imports keras). Checks, in order: both roles exist, the decoder reads a latent vector, each stack builds,
    the encoder ends with 2 × latent numbers per image (mean and log-variance), with a linear activation
    (a log-variance can be negative), the decoder draws the encoder's image shape with sigmoid pixels (the
    reconstruction loss is a binary cross-entropy), and the dataset's images match the encoder's input.
    """
    for role in ROLES:
        if role not in experiment.networks:
            return BuildError(-1, "Input", f"a VAE needs a network with the role '{role}'", role)
    enc, dec = experiment.networks["encoder"], experiment.networks["decoder"]
    if len(dec.input_shape) != 1:
        return BuildError(-1, "Input", f"the decoder reads a latent vector z: give it a 1-D shape such as (2,), "
                          f"not {tuple(dec.input_shape)}", "decoder")
    if reports is None:
        from .build import validate_network
        reports = {role: validate_network(experiment.networks[role], role) for role in ROLES}
    for role in ROLES:
        report = reports.get(role)
        if report is not None and report.error is not None:
            return report.error
    latent = int(dec.input_shape[0])
    last_e = len(enc.layers) - 1
    e_type = enc.layers[last_e].type if enc.layers else "Input"
    e_out = reports["encoder"].output_shape if reports.get("encoder") is not None else None
    if e_out is not None and (len(e_out) != 2 or e_out[1] != 2 * latent):
        return BuildError(last_e, e_type, f"the encoder outputs {format_shape(tuple(e_out))} but must give "
                          f"2 × {latent} = {2 * latent} numbers per image (the decoder reads {latent}): the "
                          f"first {latent} are the mean of q(z|x), the other {latent} its log-variance. End the "
                          f"encoder with Dense({2 * latent}, linear), or change the decoder's input size",
                          "encoder")
    act = output_activation(enc)
    if act not in (None, "linear"):
        return BuildError(last_e, e_type, f"the encoder's last activation must be linear, not {act}: a mean and "
                          "a log-variance can be any real number", "encoder")
    last_d = len(dec.layers) - 1
    d_type = dec.layers[last_d].type if dec.layers else "Input"
    d_out = reports["decoder"].output_shape if reports.get("decoder") is not None else None
    want = tuple(enc.input_shape)
    if d_out is not None and tuple(d_out[1:]) != want:
        hint = ""
        if math.prod(d for d in d_out[1:] if d) == math.prod(want):
            hint = f": end the decoder with Reshape to {'×'.join(str(d) for d in want)}"
        return BuildError(last_d, d_type, f"the decoder draws {format_shape(tuple(d_out))} but the encoder reads "
                          f"{format_shape((None, *want))}; a reconstruction must have the image's shape{hint}",
                          "decoder")
    if output_activation(dec) != "sigmoid":
        return BuildError(last_d, d_type, "the decoder's last activation must be sigmoid: each output pixel is "
                          "the probability of ink, which the binary cross-entropy compares with the image",
                          "decoder")
    try:
        shape = dataset_shape(experiment.dataset)
    except Exception:  # noqa: BLE001 - an unknown dataset is reported by the loader with its own message
        return None
    if tuple(shape.input_shape) != want:
        return BuildError(-1, "Input", f"dataset '{experiment.dataset}' gives "
                          f"{format_shape((None, *shape.input_shape))} but the encoder reads "
                          f"{format_shape((None, *want))}: pick an image dataset of that shape or change the "
                          "input", "encoder")
    return None


# --- latent-map maths (numpy only) -------------------------------------------------------------------------
def pca_2d(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Project (n, d) points onto their two main axes: ((n, 2) float32, explained-variance share of each).

    Used for latent spaces wider than 2; with d <= 2 the points come back unchanged (padded to 2 columns).
    """
    pts = np.asarray(points, dtype="float64")
    if pts.ndim != 2 or len(pts) == 0:
        raise ValueError(f"expected a non-empty (n, d) array of codes, got shape {pts.shape}")
    if pts.shape[1] <= 2:
        out = np.zeros((len(pts), 2))
        out[:, :pts.shape[1]] = pts
        return out.astype("float32"), np.ones(2) if pts.shape[1] == 2 else np.array([1.0, 0.0])
    centred = pts - pts.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    var = s ** 2
    share = var[:2] / var.sum() if var.sum() > 0 else np.zeros(2)
    return (centred @ vt[:2].T).astype("float32"), share


def manifold_codes(size: int, extent: float = MANIFOLD_RANGE) -> np.ndarray:
    """(size², 2) latent points on an even grid over [-extent, extent]², row by row from the top-left.

    Row 0 holds the largest z₂, so the decoded grid reads like the scatter plot (z₂ grows upwards).
    """
    axis = np.linspace(-extent, extent, size, dtype="float32")
    z1, z2 = np.meshgrid(axis, axis[::-1])
    return np.stack([z1.ravel(), z2.ravel()], axis=1).astype("float32")


# --- presets -----------------------------------------------------------------------------------------------
def _dense(units: int, activation: str = "relu") -> LayerSpec:
    return LayerSpec("Dense", {"units": units, "activation": activation})


def vae_preset(dataset: str, latent: int = 2) -> Experiment:
    """Dense encoder and decoder (512-256 mirrored). Latent size 2, so the latent map is the true latent space."""
    shape = image_shape(dataset, "VAE presets")
    enc = [LayerSpec("Flatten"), _dense(512), _dense(256), _dense(2 * latent, "linear")]
    dec = [_dense(256), _dense(512), _dense(math.prod(shape), "sigmoid"),
           LayerSpec("Reshape", {"target_shape": list(shape)})]
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=64, epochs=30, metrics=[], seed=0)
    return Experiment(FAMILY, {"encoder": NetworkSpec(shape, enc), "decoder": NetworkSpec((latent,), dec)},
                      dataset, cfg, options={"beta": 1.0}, name="Variational autoencoder")


def convvae_preset(dataset: str) -> Experiment:
    """The Keras VAE example's layout: two strided convolutions down, two transposed convolutions up."""
    h, w, c = image_shape(dataset, "VAE presets")
    if h % 4 or w % 4:
        raise PresetError(f"convvae halves the image twice, so it needs sides that are multiples of 4; "
                          f"'{dataset}' gives {h}x{w}")
    latent = 2
    enc = [LayerSpec("Conv2D", {"filters": 32, "kernel_size": 3, "strides": 2, "padding": "same",
                                "activation": "relu"}),
           LayerSpec("Conv2D", {"filters": 64, "kernel_size": 3, "strides": 2, "padding": "same",
                                "activation": "relu"}),
           LayerSpec("Flatten"), _dense(16), _dense(2 * latent, "linear")]
    dec = [_dense((h // 4) * (w // 4) * 64), LayerSpec("Reshape", {"target_shape": [h // 4, w // 4, 64]}),
           LayerSpec("Conv2DTranspose", {"filters": 64, "kernel_size": 3, "strides": 2, "padding": "same",
                                         "activation": "relu"}),
           LayerSpec("Conv2DTranspose", {"filters": 32, "kernel_size": 3, "strides": 2, "padding": "same",
                                         "activation": "relu"}),
           LayerSpec("Conv2DTranspose", {"filters": c, "kernel_size": 3, "padding": "same",
                                         "activation": "sigmoid"})]
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=64, epochs=20, metrics=[], seed=0)
    return Experiment(FAMILY, {"encoder": NetworkSpec((h, w, c), enc), "decoder": NetworkSpec((latent,), dec)},
                      dataset, cfg, options={"beta": 1.0}, name="Convolutional VAE")


_DATASETS = ("mnist", "mnist-offline")
register(Preset(
    "vae", "Variational autoencoder", "Generative",
    "An autoencoder that learns a probability distribution instead of a single code. For each image the "
    "encoder outputs two numbers per latent dimension: the mean μ and the log-variance log σ² of a Gaussian "
    "q(z|x). A code is drawn from it with the reparameterisation trick, z = μ + σ·ε with ε ~ N(0, I), so the "
    "randomness sits outside the network and gradients flow through μ and σ. The decoder turns z back into "
    "pixel probabilities. The loss has two terms: the reconstruction error (binary cross-entropy summed over "
    "the pixels) and β times the KL divergence from q(z|x) to the standard normal N(0, I). The KL term keeps "
    "every code's cloud close to the origin and overlapping its neighbours, so nearby points decode to similar "
    "digits and the space has no holes: that is why any z drawn from N(0, I) decodes to a plausible digit. "
    "With 2 latent numbers the map below is the whole latent space.",
    "mnist", vae_preset, _DATASETS))
register(Preset(
    "convvae", "Convolutional VAE", "Generative",
    "The same variational autoencoder with convolutions (the layout of the Keras VAE example): the encoder "
    "shrinks the image with two stride-2 convolutions before giving μ and log σ² of a 2-D code; the decoder "
    "grows a 7x7 map back to 28x28 with transposed convolutions and sigmoid pixels. Sharper strokes than the "
    "dense version for fewer weights, but slower per step on a CPU.",
    "mnist", convvae_preset, _DATASETS))
