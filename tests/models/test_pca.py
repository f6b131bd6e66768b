"""PCA to two axes, and signs that do not flip between frames."""
import numpy as np
import pytest

from models.pca import align_signs, pca_2d


def test_pca_2d_and_sign_alignment():
    rng = np.random.default_rng(0)
    plane = rng.normal(size=(30, 2)) * [5.0, 1.0]
    basis = np.linalg.qr(rng.normal(size=(6, 2)))[0].T  # two orthonormal directions in 6-D
    coords, explained = pca_2d(plane @ basis + 3.0)
    assert explained.sum() == pytest.approx(1.0)
    assert explained[0] > explained[1] > 0
    centred = plane - plane.mean(axis=0)
    # The 2-D map keeps all pairwise distances when the points lie on a plane.
    dist = lambda p: np.linalg.norm(p[:, None] - p[None], axis=-1)  # noqa: E731
    assert np.allclose(dist(coords), dist(centred), atol=1e-8)
    flipped = coords * [-1.0, 1.0]
    assert np.allclose(align_signs(flipped, coords), coords)
    assert align_signs(coords, None) is coords
