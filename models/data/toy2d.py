"""2-D toy sets generated with numpy: the TensorFlow Playground classics, noise and size settable."""
from __future__ import annotations

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register, split_indices


def _check(n: int, noise: float) -> None:
    if not isinstance(n, int) or n < 20 or n > 1_000_000:
        raise DatasetError(f"size must be a whole number between 20 and 1,000,000, got {n!r}")
    if not 0 <= noise <= 5:
        raise DatasetError(f"noise must be between 0 and 5, got {noise!r}")


def moons_xy(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0 = n // 2
    t0 = rng.uniform(0, np.pi, n0)
    t1 = rng.uniform(0, np.pi, n - n0)
    a = np.stack([np.cos(t0), np.sin(t0)], 1)
    b = np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], 1)
    x = np.concatenate([a, b]) - np.array([0.5, 0.25])
    y = np.concatenate([np.zeros(n0), np.ones(n - n0)])
    return x + rng.normal(0, noise, x.shape), y


def circles_xy(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0 = n // 2
    t = rng.uniform(0, 2 * np.pi, n)
    r = np.concatenate([np.full(n0, 1.0), np.full(n - n0, 0.45)])
    x = np.stack([r * np.cos(t), r * np.sin(t)], 1)
    y = np.concatenate([np.zeros(n0), np.ones(n - n0)])
    return x + rng.normal(0, noise, x.shape), y


def spirals_xy(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0 = n // 2
    xs, ys = [], []
    for cls, count in ((0, n0), (1, n - n0)):
        t = np.sqrt(rng.uniform(0, 1, count)) * 3 * np.pi
        r = t / (3 * np.pi)
        phase = cls * np.pi
        xs.append(np.stack([r * np.cos(t + phase), r * np.sin(t + phase)], 1))
        ys.append(np.full(count, cls))
    x = np.concatenate(xs)
    return x + rng.normal(0, noise * 0.3, x.shape), np.concatenate(ys)


def blobs_xy(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0 = n // 2
    a = rng.normal([-0.6, -0.6], 0.25 + noise, (n0, 2))
    b = rng.normal([0.6, 0.6], 0.25 + noise, (n - n0, 2))
    return np.concatenate([a, b]), np.concatenate([np.zeros(n0), np.ones(n - n0)])


_MAKERS = {"moons": (moons_xy, 0.1, "Two interleaving half circles"),
           "circles": (circles_xy, 0.08, "A ring around a disc"),
           "spirals": (spirals_xy, 0.1, "Two interleaved spirals (hard for shallow nets)"),
           "blobs": (blobs_xy, 0.1, "Two Gaussian clouds (linearly separable)")}


def toy(kind: str, size: int = 600, noise: float | None = None, seed: int = 0) -> Dataset:
    maker, default_noise, title = _MAKERS[kind]
    noise = default_noise if noise is None else float(noise)
    _check(size, noise)
    rng = np.random.default_rng(seed)
    x, y = maker(size, noise, rng)
    x = x.astype("float32")
    y = y.astype("float32").reshape(-1, 1)
    tr, va, te = split_indices(y.ravel(), (0.7, 0.15, 0.15), seed)
    info = DatasetInfo(kind, title, f"generated with numpy (size {size}, noise {noise:g}, seed {seed})", "binary",
                       (2,), class_names=["0", "1"])
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)


for _kind, (_maker, _noise, _title) in _MAKERS.items():
    register(_kind, f"{_title}: 2-D points, binary label (options: size, noise)",
             shape=Shape((2,), "binary", 2))(
        lambda seed=0, size=600, noise=None, _k=_kind: toy(_k, size, noise, seed))
