"""Principal component analysis down to two axes: the word map and the VAE's latent map both use it."""
from __future__ import annotations

import numpy as np


def pca_2d(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(coords (n, 2), share of the variance each axis explains), via the SVD of the centred vectors.

    Vectors with fewer than two dimensions get zero for the missing axis.
    """
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or len(x) == 0:
        raise ValueError(f"PCA needs a non-empty (n, d) array of vectors, got shape {x.shape}")
    x = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    comps = np.zeros((2, x.shape[1]))
    comps[:min(2, len(vt))] = vt[:2]
    coords = x @ comps.T
    var = s ** 2
    total = var.sum()
    explained = np.zeros(2)
    if total > 0:
        explained[:min(2, len(var))] = var[:2] / total
    return coords, explained


def align_signs(coords: np.ndarray, previous: np.ndarray | None) -> np.ndarray:
    """Flip each axis to agree with the previous frame: PCA's signs are arbitrary and would make a map jump."""
    if previous is None or previous.shape != coords.shape:
        return coords
    out = coords.copy()
    for axis in range(coords.shape[1]):
        if float(np.dot(coords[:, axis], previous[:, axis])) < 0:
            out[:, axis] = -out[:, axis]
    return out
