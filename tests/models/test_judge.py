"""The MNIST judge's scores of generated images."""
from __future__ import annotations

import numpy as np
import pytest

from models.judge import score_images


def test_score_images_counts_classes_and_confidence() -> None:
    class Fake:
        """Predicts class int(10 * mean pixel); sure (0.95) for dark images, unsure (0.5) for bright ones."""

        def predict_on_batch(self, x):
            mean = x.reshape(len(x), -1).mean(axis=1)
            top = np.where(mean < 0.5, 0.95, 0.5)
            probs = np.repeat(((1 - top) / 9)[:, None], 10, axis=1)
            probs[np.arange(len(x)), (mean * 10).astype(int).clip(0, 9)] = top
            return probs

    images = np.stack([np.full((28, 28), v) for v in (0.05, 0.05, 0.35, 0.95)])
    s = score_images(images, Fake(), labels=[0, 1, 3, 9])
    assert s["histogram"].tolist() == [2, 0, 0, 1, 0, 0, 0, 0, 0, 1]
    assert s["confident_share"] == pytest.approx(0.75)
    assert s["distinct_confident"] == 2  # classes 0 and 3; the 9 is unsure
    assert s["mean_confidence"] == pytest.approx((3 * 0.95 + 0.5) / 4)
    assert s["label_accuracy"] == pytest.approx(0.75)
