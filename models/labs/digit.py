"""Turn a digit drawn with the mouse into what an MNIST model expects.

MNIST digits were size-normalised to fit a 20×20 box (keeping their aspect ratio, anti-aliased) and then
placed in a 28×28 image so that their centre of mass sits at the centre. A drawing that skips these steps
(too big, off-centre, thin) is read much worse, so we repeat them: crop to the ink's bounding box, scale the
longer side to 20 pixels, paste into 28×28 and shift by the centre of mass. Values are in [0, 1], ink bright
on a dark background, like the training data.
"""
from __future__ import annotations

import numpy as np

SIZE = 28
BOX = 20
INK_THRESHOLD = 0.1  # fraction of the brightest ink below which a pixel counts as background


class DigitError(ValueError):
    """A canvas that cannot be turned into a digit image (wrong shape, not numbers)."""


def _resample_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) weights: each output cell averages the input cells it covers (area resampling)."""
    scale = n_in / n_out
    m = np.zeros((n_out, n_in))
    for o in range(n_out):
        lo, hi = o * scale, (o + 1) * scale
        first, last = int(np.floor(lo)), min(int(np.ceil(hi)), n_in)
        for i in range(first, last):
            overlap = min(hi, i + 1) - max(lo, i)
            if overlap > 0:
                m[o, i] = overlap
        m[o] /= m[o].sum()
    return m


def resize(image: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Area-averaging resize (anti-aliased when shrinking, blocky but faithful when enlarging)."""
    img = np.asarray(image, dtype=float)
    return _resample_matrix(img.shape[0], rows) @ img @ _resample_matrix(img.shape[1], cols).T


def _as_ink(canvas: np.ndarray, dark_ink: bool | None) -> np.ndarray:
    img = np.asarray(canvas, dtype=float)
    if img.ndim == 3 and img.shape[-1] in (1, 3, 4):
        img = img[..., 0] if img.shape[-1] == 1 else img[..., :3].mean(axis=-1)
    if img.ndim != 2 or min(img.shape) < 2:
        raise DigitError(f"expected a 2-D greyscale canvas, got shape {np.shape(canvas)}")
    if not np.all(np.isfinite(img)):
        raise DigitError("the canvas contains values that are not finite numbers")
    hi = float(img.max())
    if hi > 1.0:  # 0-255 images
        img = img / 255.0 if hi <= 255.0 else img / hi
    img = np.clip(img, 0.0, 1.0)
    if dark_ink is None:
        # Mostly bright canvas: dark pen on white paper.
        dark_ink = float(np.median(img)) > 0.5
    return 1.0 - img if dark_ink else img


def is_blank(canvas: np.ndarray, dark_ink: bool | None = None) -> bool:
    ink = _as_ink(canvas, dark_ink)
    return float(ink.max()) < 0.05


def to_mnist(canvas: np.ndarray, dark_ink: bool | None = None) -> np.ndarray:
    """A drawn canvas (any size, 0-1 or 0-255) -> a (28, 28) float32 image in [0, 1], centred like MNIST.

    `dark_ink`: True for a dark pen on a light canvas, False for light on dark, None to guess from the
    canvas. A blank canvas gives an all-zero image.
    """
    ink = _as_ink(canvas, dark_ink)
    peak = float(ink.max())
    if peak < 0.05:
        return np.zeros((SIZE, SIZE), dtype="float32")
    mask = ink > INK_THRESHOLD * peak
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
    new_h, new_w = max(1, int(round(h * scale))), max(1, int(round(w * scale)))
    small = resize(crop, new_h, new_w)
    small = small / max(float(small.max()), 1e-12)  # full-strength strokes, like MNIST
    out = np.zeros((SIZE, SIZE))
    top, left = (SIZE - new_h) // 2, (SIZE - new_w) // 2
    out[top:top + new_h, left:left + new_w] = small
    # Shift so the centre of mass lands on the image centre (by whole pixels, as MNIST did).
    total = out.sum()
    yy, xx = np.indices(out.shape)
    cy, cx = float((yy * out).sum() / total), float((xx * out).sum() / total)
    dy, dx = int(round((SIZE - 1) / 2 - cy)), int(round((SIZE - 1) / 2 - cx))
    # Never push ink off the canvas.
    dy = int(np.clip(dy, -top, SIZE - (top + new_h)))
    dx = int(np.clip(dx, -left, SIZE - (left + new_w)))
    out = np.roll(out, (dy, dx), axis=(0, 1))
    return np.clip(out, 0.0, 1.0).astype("float32")


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    img = np.asarray(image, dtype=float)
    total = img.sum()
    if total <= 0:
        return (float("nan"), float("nan"))
    yy, xx = np.indices(img.shape)
    return float((yy * img).sum() / total), float((xx * img).sum() / total)
