"""The VAE presets: a dense and a convolutional variational autoencoder with a 2-D latent space, for MNIST.

The experiment has two editable networks: "encoder" (image -> 2·latent_dim linear numbers: the first half
is the mean of q(z|x), the second half its log-variance) and "decoder" (latent vector -> image with
sigmoid pixels). The latent size is the decoder's input size.
"""
from __future__ import annotations

import math

from models.heads import image_shape
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import Preset, PresetError

from .options import FAMILY

_DATASETS = ("mnist", "mnist-offline")


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


PRESETS: tuple[Preset, ...] = (
    Preset(
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
        "mnist", vae_preset, _DATASETS),
    Preset(
        "convvae", "Convolutional VAE", "Generative",
        "The same variational autoencoder with convolutions (the layout of the Keras VAE example): the encoder "
        "shrinks the image with two stride-2 convolutions before giving μ and log σ² of a 2-D code; the decoder "
        "grows a 7x7 map back to 28x28 with transposed convolutions and sigmoid pixels. Sharper strokes than the "
        "dense version for fewer weights, but slower per step on a CPU.",
        "mnist", convvae_preset, _DATASETS),
)
