"""What the VAE panel watches while it trains: decoded fixed noise, and where held-out digits land in the latent
space together with what the latent plane decodes to. Both work on the VAE model (model.py)."""
from __future__ import annotations

from typing import Any

import numpy as np

from models.data import Dataset
from models.engine.probe import Probe
from models.generators import fixed_noise
from models.images import as_images, tile_grid
from models.pca import pca_2d

MANIFOLD_RANGE = 3.0  # the decoded manifold covers z in [-3, 3]^2: nearly all of N(0, I)'s mass


def manifold_codes(size: int, extent: float = MANIFOLD_RANGE) -> np.ndarray:
    """(size², 2) latent points on an even grid over [-extent, extent]², row by row from the top-left.

    Row 0 holds the largest z₂, so the decoded grid reads like the scatter plot (z₂ grows upwards).
    """
    axis = np.linspace(-extent, extent, size, dtype="float32")
    z1, z2 = np.meshgrid(axis, axis[::-1])
    return np.stack([z1.ravel(), z2.ravel()], axis=1).astype("float32")


def _step(model: Any) -> int:
    opt = getattr(model, "optimizer", None)
    return int(opt.iterations.numpy()) if opt is not None else 0


class VAESampleProbe(Probe):
    """Decoded images of one FIXED batch of z ~ N(0, I), so the same samples can be watched forming.

    Payload: grid (float32 (H', W') in [0, 1], tiles with 1-pixel gaps), images (float32 (n, H, W)),
    rows, columns, step (optimizer updates so far), epoch (float: step / steps_per_epoch).
    """

    name = "vae_samples"
    interval_s = 0.5

    def __init__(self, latent_dim: int, rows: int = 8, columns: int = 8, steps_per_epoch: int = 1,
                 seed: int = 1234) -> None:
        self.rows, self.columns = rows, columns
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.noise = fixed_noise(rows * columns, latent_dim, seed)

    def compute(self, model: Any) -> dict[str, Any]:
        images = as_images(model.decode_pixels(self.noise))
        step = _step(model)
        return {"grid": tile_grid(images, self.columns), "images": images.astype("float32"), "rows": self.rows,
                "columns": self.columns, "step": step, "epoch": step / self.steps_per_epoch}


class LatentMapProbe(Probe):
    """Where a fixed batch of held-out digits lands in latent space, and what the plane decodes to.

    Payload: points (float32 (n, 2): the encoder's means; for latent_dim > 2 projected onto their two main
    axes with PCA), labels (int64 (n,)), latent_dim, projected (bool), explained (float64 (2,): the variance
    share of each PCA axis; ones when not projected), manifold (float32 (size·H, size·W) in [0, 1] or None:
    decoder outputs over z in [-r, r]², z₂ growing upwards; latent_dim 2 only), manifold_size, manifold_range
    (r), step, epoch.
    """

    name = "vae_latent"
    interval_s = 1.0

    def __init__(self, images: np.ndarray, labels: np.ndarray, latent_dim: int, manifold_size: int = 10,
                 steps_per_epoch: int = 1) -> None:
        self.images = np.asarray(images, dtype="float32")
        self.labels = np.asarray(labels, dtype="int64")
        self.latent_dim = int(latent_dim)
        self.manifold_size = int(manifold_size)
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.codes = manifold_codes(self.manifold_size) if self.latent_dim == 2 else None

    def compute(self, model: Any) -> dict[str, Any]:
        means = np.nan_to_num(model.latent_means(self.images))
        if self.latent_dim > 2:
            points, explained = pca_2d(means)
        else:  # the latent space itself, as it is (padded with a zero axis when it is 1-D)
            points = np.zeros((len(means), 2))
            points[:, :means.shape[1]] = means
            explained = np.ones(2) if self.latent_dim == 2 else np.array([1.0, 0.0])
        manifold = None
        if self.codes is not None:
            manifold = tile_grid(model.decode_pixels(self.codes), self.manifold_size, pad=0)
        step = _step(model)
        return {"points": points.astype("float32"), "labels": self.labels.copy(), "latent_dim": self.latent_dim,
                "projected": self.latent_dim > 2, "explained": np.asarray(explained, dtype="float64"),
                "manifold": manifold, "manifold_size": self.manifold_size, "manifold_range": MANIFOLD_RANGE,
                "step": step, "epoch": step / self.steps_per_epoch}


def latent_batch(data: Dataset, count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Up to `count` held-out digits (test first, then validation) with their labels, a fixed choice."""
    xs = [a for a in (data.x_test, data.x_val) if a is not None and len(a)]
    ys = [a for a in (data.y_test, data.y_val) if a is not None and len(a)]
    if not xs:
        return np.asarray(data.x_train[:count], "float32"), np.asarray(data.y_train[:count], "int64")
    x, y = np.concatenate(xs), np.concatenate(ys)
    if len(x) > count:
        keep = np.sort(np.random.default_rng(seed).choice(len(x), count, replace=False))
        x, y = x[keep], y[keep]
    return np.asarray(x, "float32"), np.asarray(y, "int64")
