"""Working with an exported generator: a keras.Model whose inputs are a noise vector (and, for a conditional
GAN, an integer label of shape (1,)) and whose output is images with pixels in [0, 1].

That is what the GAN recipes export (the generator with a `to_pixels` rescaling) and what the VAE exports (its
decoder behind an input named "noise"), what `TrainingSession.with_model(fn)` hands over after those runs and
what `python main.py train gan --export g.keras` writes; `python main.py generate` and the GAN and VAE panels
draw from it. Call these on the thread that owns TensorFlow.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from .images import as_images
from .inference import predict_batch


def fixed_noise(count: int, latent_dim: int, seed: int = 1234) -> np.ndarray:
    """The same standard-normal batch every time for a given seed (numpy, so independent of TF's state)."""
    return np.random.default_rng(seed).standard_normal((count, latent_dim)).astype("float32")



@dataclass(frozen=True)
class GeneratorInfo:
    latent_dim: int
    num_classes: int  # 0 for an unconditional generator
    image_shape: tuple[int, ...]


def generator_info(model: Any) -> GeneratorInfo:
    """What a loaded generator wants: noise length, number of label classes (0: none) and image shape."""
    inputs = list(model.inputs)
    if not inputs or len(inputs) > 2:
        raise ValueError(f"a generator takes noise (and optionally a label); this model has {len(inputs)} inputs")
    noise_shape = tuple(inputs[0].shape[1:])
    if len(noise_shape) != 1 or noise_shape[0] is None:
        raise ValueError(f"the first input should be a noise vector, but it has shape {noise_shape}")
    classes = 0
    if len(inputs) == 2:
        for layer in model.layers:
            if type(layer).__name__ == "CategoryEncoding":
                classes = int(layer.num_tokens)
                break
        if not classes:
            for layer in walk_layers(model):
                if type(layer).__name__ == "CategoryEncoding":
                    classes = int(layer.num_tokens)
                    break
        classes = classes or 10
    out_shape = tuple(model.outputs[0].shape[1:])
    image = (len(out_shape) == 3 and out_shape[-1] in (1, 3) or len(out_shape) == 2) and \
        all(d is not None and d >= 4 for d in out_shape[:2])
    if len(model.outputs) != 1 or not image:
        raise ValueError(f"it outputs {out_shape}, not images (height, width[, channels]): a classifier or "
                         "another network, where `generate` needs a GAN's generator or a VAE's decoder")
    return GeneratorInfo(int(noise_shape[0]), classes, out_shape)


def walk_layers(model: Any) -> list[Any]:
    found: list[Any] = []
    for layer in getattr(model, "layers", []):
        found.append(layer)
        if hasattr(layer, "layers"):
            found.extend(walk_layers(layer))
    return found


def _as_pixels(model: Any, out: np.ndarray) -> np.ndarray:
    """Our exported generators end in a `to_pixels` layer that maps to [0, 1]; others are guessed from values."""
    names = {layer.name for layer in getattr(model, "layers", [])}
    if "to_pixels" not in names and float(np.min(out)) < -0.05:
        out = (out + 1.0) / 2.0
    return as_images(out)


def generate(model: Any, count: int, seed: int = 0, labels: int | Sequence[int] | None = None,
             noise: np.ndarray | None = None) -> np.ndarray:
    """`count` images (n, H, W) in [0, 1]. `labels`: one digit for all, or one per sample (conditional only)."""
    info = generator_info(model)
    z = fixed_noise(count, info.latent_dim, seed) if noise is None else np.asarray(noise, dtype="float32")
    count = len(z)
    if info.num_classes:
        if labels is None:
            lab = np.arange(count) % info.num_classes
        else:
            lab = np.broadcast_to(np.asarray(labels, dtype="int32"), (count,))
        if lab.min() < 0 or lab.max() >= info.num_classes:
            raise ValueError(f"labels must be between 0 and {info.num_classes - 1}")
        out = predict_batch(model, [z, lab.reshape(-1, 1).astype("int32")])
    else:
        if labels is not None:
            raise ValueError("this generator is not conditioned on a label (train 'cgan' to choose the digit)")
        out = predict_batch(model, z)
    return _as_pixels(model, np.asarray(out))


def class_rows(model: Any, per_class: int, seed: int = 0) -> np.ndarray:
    """A conditional generator's samples, one row per class; column j uses the same noise in every row."""
    info = generator_info(model)
    if not info.num_classes:
        raise ValueError("this generator has no label input")
    z = fixed_noise(per_class, info.latent_dim, seed)
    noise = np.tile(z, (info.num_classes, 1))
    labels = np.repeat(np.arange(info.num_classes), per_class)
    return generate(model, len(noise), labels=labels, noise=noise)


def interpolate(model: Any, z0: np.ndarray, z1: np.ndarray, steps: int = 10, label: int | None = None,
                spherical: bool = True) -> np.ndarray:
    """Images along the path from noise z0 to z1 (inclusive), for a latent-space slider.

    Spherical interpolation keeps the points at the typical length of a Gaussian sample; a straight line
    passes through short vectors near the middle, which generators have rarely seen.
    """
    if steps < 2:
        raise ValueError("an interpolation needs at least 2 steps")
    a, b = np.asarray(z0, dtype="float64").ravel(), np.asarray(z1, dtype="float64").ravel()
    ts = np.linspace(0.0, 1.0, steps)
    omega = math.acos(float(np.clip(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12), -1, 1)))
    if spherical and omega > 1e-6:
        path = np.stack([(math.sin((1 - t) * omega) * a + math.sin(t * omega) * b) / math.sin(omega) for t in ts])
    else:
        path = np.stack([(1 - t) * a + t * b for t in ts])
    return generate(model, steps, labels=label, noise=path.astype("float32"))
