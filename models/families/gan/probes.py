"""What the GAN panel watches while the players train: a fixed-noise sample grid and what the MNIST judge reads
in the samples (the mode-collapse indicator). Both work on the GAN model (`model.sample_pixels`)."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from models.engine.probe import Probe
from models.generators import fixed_noise
from models.images import as_images, tile_grid
from models.judge import score_images


class SampleGridProbe(Probe):
    """Images from one FIXED noise batch, so the same samples can be watched turning into digits.

    For a conditional GAN each row is one class (row r shows digit r) and column j uses the same noise in
    every row. Payload:
      grid (float32 (H', W') in [0, 1], images tiled with 1-pixel gaps; show with fixed levels 0..1),
      images (float32 (n, H, W) in [0, 1]), rows, columns (ints), labels (int32 (n,); empty if unconditional),
      step (generator updates so far), epoch (float: step / steps_per_epoch),
      epoch_end (bool: this grid is from the end of an epoch),
      epoch_done (int: epochs finished so far) and epoch_grid (the grid at the end of that epoch, or None):
      repeated in every payload, so a one-per-epoch strip (see SnapshotStrip) misses no epoch even when the
      GUI only keeps the newest payload of a burst,
      metrics (dict name -> float: each log's mean over the batches since the previous grid, e.g. d_loss,
      g_loss, d_real, d_fake or wasserstein; finite values only; empty when no batch ran in between).
    """

    name = "sample_grid"
    interval_s = 0.5

    def __init__(self, latent_dim: int, rows: int = 8, columns: int = 8, num_classes: int = 0,
                 steps_per_epoch: int = 1, seed: int = 1234) -> None:
        self.columns = columns
        self.steps_per_epoch = max(1, steps_per_epoch)
        if num_classes:
            self.rows = num_classes
            self.noise = np.tile(fixed_noise(columns, latent_dim, seed), (num_classes, 1))
            self.labels = np.repeat(np.arange(num_classes, dtype="int32"), columns)
        else:
            self.rows = rows
            self.noise = fixed_noise(rows * columns, latent_dim, seed)
            self.labels = np.zeros((0,), dtype="int32")
        self._last: dict[str, tuple[float, float]] = {}
        self._last_epoch = -1
        self._epoch_grid: np.ndarray | None = None
        self._epoch_done = 0

    def _interval_means(self, model: Any, step: int) -> dict[str, float]:
        """Each log's mean over the batches since the previous call (Keras' own logs are running means
        since the start of the epoch, which jump when an epoch begins).

        Keras resets the trackers at every epoch start, so a call in a later epoch than the previous one
        starts from zero: comparing counts alone would miss a reset after as many batches as before (an
        epoch-end call after an epoch-end call) and mix two epochs' totals after more."""
        out: dict[str, float] = {}
        epoch = (step - 1) // self.steps_per_epoch  # the epoch (from 0) the trackers hold now
        new_epoch = epoch != self._last_epoch
        self._last_epoch = epoch
        for m in getattr(model, "metrics", []):
            total, count = float(m.total.numpy()), float(m.count.numpy())
            last_total, last_count = self._last.get(m.name, (0.0, 0.0))
            if new_epoch or count < last_count:
                last_total, last_count = 0.0, 0.0
            if count > last_count:
                out[m.name] = (total - last_total) / (count - last_count)
            self._last[m.name] = (total, count)
        return out

    def compute(self, model: Any) -> dict[str, Any]:
        images = as_images(model.sample_pixels(self.noise, self.labels if len(self.labels) else None))
        step = int(model.g_optimizer.iterations.numpy()) if hasattr(model, "g_optimizer") else 0
        metrics = self._interval_means(model, step) if step else {}
        grid = tile_grid(images, self.columns)
        epoch_end = step > 0 and step % self.steps_per_epoch == 0
        if epoch_end:
            self._epoch_grid, self._epoch_done = grid, step // self.steps_per_epoch
        return {"grid": grid, "images": images.astype("float32"), "rows": self.rows, "columns": self.columns,
                "labels": self.labels.copy(), "step": step, "epoch": step / self.steps_per_epoch,
                "epoch_end": epoch_end, "epoch_done": self._epoch_done, "epoch_grid": self._epoch_grid,
                "metrics": {k: v for k, v in metrics.items() if math.isfinite(v)}}


class ClassHistogramProbe(Probe):
    """The mode-collapse indicator: what an MNIST classifier thinks a fixed batch of generated digits are.

    A healthy generator spreads its samples over all ten digits with high confidence; a collapsing one piles
    them into one or two classes. Payload: histogram (int64 (10,), predicted-class counts), mean_confidence,
    confident_share (fraction with top probability >= 0.9), distinct_confident (classes among those), count,
    label_accuracy (conditional GAN only: fraction read as the requested digit), step.
    """

    name = "class_histogram"
    interval_s = 0.5

    def __init__(self, classifier: Any, latent_dim: int, count: int = 200, num_classes: int = 0,
                 seed: int = 4321) -> None:
        self.classifier = classifier
        self.noise = fixed_noise(count, latent_dim, seed)
        self.labels = (np.arange(count) % num_classes).astype("int32") if num_classes else None

    def compute(self, model: Any) -> dict[str, Any]:
        images = model.sample_pixels(self.noise, self.labels)
        payload = score_images(images, self.classifier, self.labels)
        payload["step"] = int(model.g_optimizer.iterations.numpy()) if hasattr(model, "g_optimizer") else 0
        return payload
