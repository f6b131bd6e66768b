"""Images as numpy arrays: tiling a batch into one picture, scaling to 8 bits, PNG files, sample inputs.

One tiler serves every grid the app shows or saves (GAN and VAE samples, dataset previews, feature maps,
kernels). PNG files are written and read with Pillow: a real encoder (and, for users' image folders, a real
decoder) instead of a hand-written one.
"""
from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .files import atomic_write_bytes


def as_images(batch: Any) -> np.ndarray:
    """(n, H, W) float32 in [0, 1] from (n, H, W), (n, H, W, 1) or (n, H, W, 3) arrays (colour is averaged);
    flat (n, H*W) vectors are squared up when H*W is a square."""
    arr = np.asarray(batch, dtype="float32")
    if arr.ndim == 4:
        arr = arr.mean(axis=-1) if arr.shape[-1] != 1 else arr[..., 0]
    elif arr.ndim == 2:
        side = int(round(math.sqrt(arr.shape[1])))
        if side * side != arr.shape[1]:
            raise ValueError(f"cannot show vectors of length {arr.shape[1]} as images")
        arr = arr.reshape(-1, side, side)
    if arr.ndim != 3:
        raise ValueError(f"expected a batch of images, got shape {arr.shape}")
    return np.clip(np.nan_to_num(arr, nan=0.0), 0.0, 1.0)


def tile_grid(images: Sequence[np.ndarray] | np.ndarray, columns: int, pad: int = 1,
              background: float = 0.5) -> np.ndarray:
    """Lay (h, w) or (h, w, c) images out left to right, top to bottom, `pad` pixels apart, on `background`.

    A trailing channel axis of 1 is dropped, so greyscale batches give a 2-D (H', W') float32 array; colour
    images keep their channels. Values are copied as they are (scale them first, e.g. with `as_images`).
    """
    imgs = [np.asarray(i, dtype="float32") for i in images]
    imgs = [i[..., 0] if i.ndim == 3 and i.shape[-1] == 1 else i for i in imgs]
    if not imgs:
        return np.full((1, 1), background, dtype="float32")
    h, w = imgs[0].shape[:2]
    n = len(imgs)
    columns = max(1, min(int(columns), n))
    rows = -(-n // columns)
    grid = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad) + imgs[0].shape[2:], background,
                   dtype="float32")
    for i, img in enumerate(imgs):
        r, c = divmod(i, columns)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        grid[top:top + h, left:left + w] = img
    return grid


def to_uint8(image: Any, low: float | None = None, high: float | None = None) -> np.ndarray:
    """Scale to 0-255 between low and high (default: the array's own range) as uint8; a flat array is grey."""
    a = np.asarray(image, dtype="float64")
    lo = float(np.min(a)) if low is None else low
    hi = float(np.max(a)) if high is None else high
    if hi - lo < 1e-12:
        return np.full(a.shape, 128 if lo != 0 else 0, dtype=np.uint8)
    return (np.clip((a - lo) / (hi - lo), 0.0, 1.0) * 255).astype(np.uint8)


def png_bytes(image: Any, scale: int = 1) -> bytes:
    """An 8-bit greyscale PNG of a 2-D array (floats are read as [0, 1]); `scale` enlarges by pixel repetition."""
    from PIL import Image

    arr = np.asarray(image)
    if arr.ndim == 3 and arr.shape[-1] == 1:
        arr = arr[..., 0]
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"a PNG needs a non-empty 2-D array, got shape {arr.shape}")
    if arr.dtype != np.uint8:
        arr = np.round(np.clip(np.nan_to_num(arr.astype("float64")), 0.0, 1.0) * 255).astype(np.uint8)
    if scale > 1:
        arr = np.repeat(np.repeat(arr, scale, axis=0), scale, axis=1)
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(arr), mode="L").save(out, format="PNG")
    return out.getvalue()


def write_png(path: str | Path, image: Any, scale: int = 1) -> str:
    """Write a 2-D array as a greyscale PNG atomically (no half-written file on a full disk)."""
    data = png_bytes(image, scale)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    atomic_write_bytes(path, write, ".png")
    return str(path)


def read_png_size(path: str | Path) -> tuple[int, int]:
    """(width, height) of a PNG file; raises ValueError when the file is not a PNG."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            if img.format != "PNG":
                raise ValueError(f"{path} is not a PNG file")
            return img.size
    except UnidentifiedImageError:
        raise ValueError(f"{path} is not a PNG file") from None


def sample_image(input_shape: tuple[int, ...], index: int = 0) -> np.ndarray:
    """An image the feature-map probe and the convolution labs can show for a network's input shape.

    (28, 28, 1) gets offline MNIST digit `index`; larger canvases get that digit pasted in the middle (like
    the localisation data); other sizes get the digit resized to fit, repeated over the channels. Values in
    [0, 1], shape exactly `input_shape`. No Keras; loads the shipped 5,000 digits (a few milliseconds).
    """
    from .data.mnist import load_offline_arrays
    from .labs.digit import resize

    shape = tuple(int(d) for d in input_shape)
    if len(shape) not in (2, 3) or min(shape) < 1:
        raise ValueError(f"an image input has shape (height, width) or (height, width, channels), got {shape}")
    h, w = shape[0], shape[1]
    channels = shape[2] if len(shape) == 3 else 1
    x, _ = load_offline_arrays()
    digit = x[int(index) % len(x)].astype("float32") / 255.0
    if h >= 28 and w >= 28:
        img = np.zeros((h, w), dtype="float32")
        top, left = (h - 28) // 2, (w - 28) // 2
        img[top:top + 28, left:left + 28] = digit
    else:
        img = resize(digit, h, w).astype("float32")
    out = np.repeat(img[..., None], channels, axis=-1)
    return out if len(shape) == 3 else out[..., 0]
