"""The GAN presets: a dense GAN, a DCGAN, a Wasserstein GAN and a conditional GAN, all for MNIST-like images."""
from __future__ import annotations

import math
from typing import Any

from models.heads import image_shape
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import Preset, PresetError

_DATASETS = ("mnist", "mnist-offline")


def _dense(units: int, activation: str = "leaky_relu") -> LayerSpec:
    return LayerSpec("Dense", {"units": units, "activation": activation})


def _dense_pair(dataset: str, latent: int, g_units: tuple[int, ...], d_units: tuple[int, ...]
                ) -> dict[str, NetworkSpec]:
    shape = image_shape(dataset)
    pixels = math.prod(shape)
    gen = [_dense(u) for u in g_units] + [_dense(pixels, "tanh"), LayerSpec("Reshape", {"target_shape":
                                                                                         list(shape)})]
    disc = [LayerSpec("Flatten")]
    for u in d_units:
        disc += [_dense(u), LayerSpec("Dropout", {"rate": 0.3})]
    disc.append(_dense(1, "linear"))
    return {"generator": NetworkSpec((latent,), gen), "discriminator": NetworkSpec(shape, disc)}


def _gan_experiment(family: str, name: str, dataset: str, networks: dict[str, NetworkSpec],
                    training: TrainingConfig, options: dict[str, Any]) -> Experiment:
    return Experiment(family, networks, dataset, training, options=options, name=name)


def _normed(layer: LayerSpec, momentum: float) -> list[LayerSpec]:
    """layer (linear, no bias: BN's shift replaces it), then batch normalisation, then leaky ReLU (slope 0.2).

    BN before the non-linearity as in DCGAN; the momentum is below Keras' 0.99 so the moving statistics that
    sampling uses (training=False) keep up with a generator that changes quickly in a short run.
    """
    return [layer, LayerSpec("BatchNormalization", {"momentum": momentum}), LayerSpec("LeakyReLU")]


def gan_preset(dataset: str) -> Experiment:
    # The classic MLP GAN recipe: a batch-normalised dense generator (BN steadies a dense G a lot: without it
    # samples stay blotchy strokes for thousands of steps), a plain dense discriminator with dropout.
    shape = image_shape(dataset)
    gen: list[LayerSpec] = []
    for units in (256, 512, 1024):
        gen += _normed(LayerSpec("Dense", {"units": units, "activation": "linear", "use_bias": False}), 0.8)
    gen += [_dense(math.prod(shape), "tanh"), LayerSpec("Reshape", {"target_shape": list(shape)})]
    disc = [LayerSpec("Flatten")]
    for units in (512, 256):
        disc += [_dense(units), LayerSpec("Dropout", {"rate": 0.3})]
    disc.append(_dense(1, "linear"))
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=32, epochs=40, metrics=[], seed=0)
    return _gan_experiment("gan", "GAN (dense)", dataset,
                           {"generator": NetworkSpec((64,), gen), "discriminator": NetworkSpec(shape, disc)}, cfg,
                           {"d_steps": 1, "label_smoothing": 0.1})


def dcgan_preset(dataset: str) -> Experiment:
    # TensorFlow's DCGAN tutorial at half the width (128/64/32 generator maps instead of 256/128/64, 32/64
    # discriminator filters instead of 64/128) so a few minutes on a CPU are enough.
    h, w, c = image_shape(dataset)
    if h % 4 or w % 4:
        raise PresetError(f"dcgan doubles a {h // 4}x{w // 4} map twice, so it needs images whose sides are "
                          f"multiples of 4; '{dataset}' gives {h}x{w}")

    def up(filters: int, strides: int) -> LayerSpec:
        return LayerSpec("Conv2DTranspose", {"filters": filters, "kernel_size": 5, "strides": strides,
                                             "padding": "same", "activation": "linear"})

    gen = [
        *_normed(LayerSpec("Dense", {"units": (h // 4) * (w // 4) * 128, "activation": "linear",
                                     "use_bias": False}), 0.9),
        LayerSpec("Reshape", {"target_shape": [h // 4, w // 4, 128]}),
        *_normed(up(64, 1), 0.9),
        *_normed(up(32, 2), 0.9),
        LayerSpec("Conv2DTranspose", {"filters": c, "kernel_size": 5, "strides": 2, "padding": "same",
                                      "activation": "tanh"}),
    ]
    disc = [
        LayerSpec("Conv2D", {"filters": 32, "kernel_size": 5, "strides": 2, "padding": "same",
                             "activation": "leaky_relu"}),
        LayerSpec("Dropout", {"rate": 0.3}),
        LayerSpec("Conv2D", {"filters": 64, "kernel_size": 5, "strides": 2, "padding": "same",
                             "activation": "leaky_relu"}),
        LayerSpec("Dropout", {"rate": 0.3}),
        LayerSpec("Flatten"),
        _dense(1, "linear"),
    ]
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=32, epochs=16, metrics=[], seed=0)
    return _gan_experiment("gan", "DCGAN (convolutional)", dataset,
                           {"generator": NetworkSpec((64,), gen), "discriminator": NetworkSpec((h, w, c), disc)},
                           cfg, {"d_steps": 1, "label_smoothing": 0.1})


def wgan_preset(dataset: str) -> Experiment:
    # The DCGAN players: under weight clipping a dense critic loses most of its power (most weights sit at
    # +-c), while convolutions still see strokes. No dropout: the critic should give the same score twice.
    # The paper's clip 0.01 and n_critic 5 with RMSprop, but a 10x larger learning rate than its 5e-5: with
    # only 26 generator steps per epoch on the offline digits, 5e-5 barely moves in a few minutes.
    nets = dcgan_preset(dataset).networks
    nets["discriminator"].layers = [layer for layer in nets["discriminator"].layers if layer.type != "Dropout"]
    cfg = TrainingConfig(optimizer="rmsprop", learning_rate=5e-4, batch_size=32, epochs=12,
                         metrics=[], seed=0)
    return _gan_experiment("wgan", "Wasserstein GAN", dataset, nets, cfg, {"n_critic": 5, "clip": 0.01})


def cgan_preset(dataset: str) -> Experiment:
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=64, epochs=40, metrics=[], seed=0)
    return _gan_experiment("cgan", "Conditional GAN", dataset, _dense_pair(dataset, 64, (256, 512), (512, 256)),
                           cfg, {"d_steps": 1, "label_smoothing": 0.1, "grid_columns": 8})


PRESETS: tuple[Preset, ...] = (
    Preset(
        "gan", "GAN (dense)", "Generative",
        "Two networks play a game: the generator turns random noise into images, the discriminator tries to tell "
        "them from real digits. Each discriminator update is followed by a generator update that pushes D(G(z)) "
        "up (the non-saturating loss, which keeps the generator learning while its fakes are still poor). "
        "Both are plain dense networks; the generator batch-normalises each hidden layer, which keeps its "
        "updates steady. Watch the fixed-noise grid: the same samples slowly become digits.",
        "mnist", gan_preset, _DATASETS),
    Preset(
        "dcgan", "DCGAN (convolutional)", "Generative",
        "The same game with convolutional networks (the layout of TensorFlow's DCGAN tutorial at half width): "
        "the generator turns the noise into a 7x7 map of 128 features and grows it into a 28x28 image with "
        "three transposed convolutions (batch normalisation and leaky ReLU between them, tanh at the end); the "
        "discriminator shrinks the image with two strided convolutions and dropout. Convolutions share weights "
        "across the image, so strokes look cleaner with fewer parameters.",
        "mnist", dcgan_preset, _DATASETS),
    Preset(
        "wgan", "Wasserstein GAN", "Generative",
        "The discriminator becomes a critic that outputs a score, with no sigmoid and no log. The gap between its "
        "mean score on real and on generated images estimates the Wasserstein distance, so the curve shrinks as "
        "the samples improve. To make that estimate valid the critic's weights are clipped to [-c, c] after every "
        "update, and it is trained several times per generator step.",
        "mnist", wgan_preset, _DATASETS),
    Preset(
        "cgan", "Conditional GAN", "Generative",
        "Both networks also receive the digit's label: the generator gets the noise plus a one-hot code of the "
        "digit, the discriminator gets the image plus a learned label plane. To fool it, the generator must draw "
        "the digit it was asked for, so afterwards you can request any digit; the grid shows one row per digit.",
        "mnist", cgan_preset, _DATASETS),
)
