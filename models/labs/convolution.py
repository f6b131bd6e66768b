"""Kernels, 2-D convolution with padding and stride, and pooling, in numpy: the convolution lab's arithmetic.

Like every deep-learning framework we slide the kernel without flipping it (strictly, cross-correlation):
output[r, c] = sum over (u, v) of kernel[u, v] * padded_input[r*stride + u, c*stride + v].
'same' padding follows TensorFlow: the output has ceil(n / stride) pixels, and the zeros needed are split
with the extra one (if odd) at the bottom/right, so our results match Keras' Conv2D exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


class ConvError(ValueError):
    """A kernel, image or setting the lab cannot use; the message says what to change."""


KERNEL_NAMES: tuple[str, ...] = ("identity", "sobel_x", "sobel_y", "laplacian", "sharpen", "box_blur", "gaussian",
                                 "custom")
KERNEL_TITLES: dict[str, str] = {
    "identity": "Identity (copies the image)",
    "sobel_x": "Sobel x (vertical edges)",
    "sobel_y": "Sobel y (horizontal edges)",
    "laplacian": "Laplacian (edges in every direction)",
    "sharpen": "Sharpen",
    "box_blur": "Box blur (plain average)",
    "gaussian": "Gaussian blur",
    "custom": "Custom (type 3x3 or 5x5 weights)",
}


def identity_kernel(size: int = 3) -> np.ndarray:
    _odd_size(size)
    k = np.zeros((size, size))
    k[size // 2, size // 2] = 1.0
    return k


def sobel_x() -> np.ndarray:
    """Responds to left-to-right brightness changes, i.e. vertical edges."""
    return np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def sobel_y() -> np.ndarray:
    """Responds to top-to-bottom brightness changes, i.e. horizontal edges."""
    return sobel_x().T.copy()


def laplacian() -> np.ndarray:
    return np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])


def sharpen() -> np.ndarray:
    return np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]])


def box_blur(size: int = 3) -> np.ndarray:
    _odd_size(size)
    return np.full((size, size), 1.0 / (size * size))


def gaussian(size: int = 5, sigma: float = 1.0) -> np.ndarray:
    """exp(-(u² + v²) / (2σ²)) sampled on the grid, largest in the centre, normalised to sum to 1."""
    _odd_size(size)
    if isinstance(sigma, bool) or not isinstance(sigma, (int, float)) or not math.isfinite(sigma) or sigma <= 0:
        raise ConvError(f"sigma must be a number greater than 0, got {sigma!r}")
    r = np.arange(size) - size // 2
    uu, vv = np.meshgrid(r, r, indexing="ij")
    k = np.exp(-(uu ** 2 + vv ** 2) / (2.0 * float(sigma) ** 2))
    return k / k.sum()


def _odd_size(size: int) -> None:
    if isinstance(size, bool) or not isinstance(size, int) or size < 1 or size > 15 or size % 2 == 0:
        raise ConvError(f"the kernel size must be an odd whole number from 1 to 15, got {size!r}")


def make_kernel(name: str, size: int = 3, sigma: float = 1.0, custom: str | None = None) -> np.ndarray:
    """A kernel by name; `size` applies to identity, box_blur and gaussian, `custom` is typed weights."""
    if name == "identity":
        return identity_kernel(size)
    if name == "sobel_x":
        return sobel_x()
    if name == "sobel_y":
        return sobel_y()
    if name == "laplacian":
        return laplacian()
    if name == "sharpen":
        return sharpen()
    if name == "box_blur":
        return box_blur(size)
    if name == "gaussian":
        return gaussian(size, sigma)
    if name == "custom":
        return parse_kernel(custom or "")
    raise ConvError(f"unknown kernel '{name}' (known: {', '.join(KERNEL_NAMES)})")


def parse_kernel(text: str) -> np.ndarray:
    """Typed weights -> a 3x3 or 5x5 kernel. Rows on separate lines (or separated by ';'), numbers by spaces
    or commas. Fractions like 1/9 are accepted."""
    rows = [r for r in text.replace(";", "\n").splitlines() if r.strip()]
    if not rows:
        raise ConvError("type the kernel weights: 3 rows of 3 numbers or 5 rows of 5")
    values: list[list[float]] = []
    for i, row in enumerate(rows):
        nums = []
        for token in row.replace(",", " ").split():
            nums.append(_number(token, i + 1))
        values.append(nums)
    n = len(values)
    if n not in (3, 5):
        raise ConvError(f"a custom kernel needs 3 or 5 rows, got {n}")
    for i, row in enumerate(values):
        if len(row) != n:
            raise ConvError(f"row {i + 1} has {len(row)} numbers; a {n}x{n} kernel needs {n} in every row")
    return np.asarray(values, dtype=float)


def _number(token: str, row: int) -> float:
    try:
        if "/" in token:
            num, den = token.split("/", 1)
            value = float(num) / float(den)
        else:
            value = float(token)
    except (ValueError, ZeroDivisionError):
        raise ConvError(f"row {row}: '{token}' is not a number") from None
    if not math.isfinite(value):
        raise ConvError(f"row {row}: '{token}' is not a finite number")
    return value


@dataclass(frozen=True)
class AxisSize:
    """Output length along one axis and how it was obtained (the formula with the actual numbers)."""

    n: int  # input length
    k: int  # kernel / window length
    stride: int
    padding: str
    pad_before: int
    pad_after: int
    out: int

    @property
    def formula(self) -> str:
        total = self.pad_before + self.pad_after
        general = f"floor((n + P − k) / s) + 1 = floor(({self.n} + {total} − {self.k}) / {self.stride}) + 1 = " \
                  f"{self.out}"
        if self.padding == "same":
            return (f"'same': out = ceil(n / s) = ceil({self.n} / {self.stride}) = {self.out}, which needs "
                    f"P = {total} zeros ({self.pad_before} before, {self.pad_after} after); check: {general}")
        return f"'valid' (P = 0): out = {general}"


def axis_size(n: int, k: int, stride: int, padding: str) -> AxisSize:
    """TensorFlow's output-size rule for one axis."""
    if padding not in ("valid", "same"):
        raise ConvError(f"padding must be 'valid' or 'same', got {padding!r}")
    if isinstance(stride, bool) or not isinstance(stride, int) or stride < 1:
        raise ConvError(f"the stride must be a whole number of at least 1, got {stride!r}")
    if padding == "valid":
        if k > n:
            raise ConvError(f"the {k}-pixel window is larger than the {n}-pixel input: use padding 'same' or a "
                            "smaller window")
        return AxisSize(n, k, stride, padding, 0, 0, (n - k) // stride + 1)
    out = -(-n // stride)
    total = max((out - 1) * stride + k - n, 0)
    return AxisSize(n, k, stride, padding, total // 2, total - total // 2, out)


@dataclass(frozen=True)
class ConvResult:
    output: np.ndarray  # (out_h, out_w) float64
    rows: AxisSize
    cols: AxisSize
    padded: np.ndarray  # the input with its zero border, as the kernel saw it

    @property
    def formula(self) -> str:
        if self.rows.n == self.cols.n and self.rows.k == self.cols.k:
            return f"{self.rows.formula}  →  output {self.rows.out}×{self.cols.out}"
        return f"rows: {self.rows.formula}; columns: {self.cols.formula}  →  output {self.rows.out}×{self.cols.out}"


def _image(image: np.ndarray) -> np.ndarray:
    img = np.asarray(image, dtype=float)
    if img.ndim == 3 and img.shape[-1] == 1:
        img = img[..., 0]
    if img.ndim == 3 and img.shape[-1] in (3, 4):
        img = to_grey(img)
    if img.ndim != 2 or img.size == 0:
        raise ConvError(f"expected a greyscale image (height × width), got shape {np.shape(image)}")
    if not np.all(np.isfinite(img)):
        raise ConvError("the image contains values that are not finite numbers")
    return img


def to_grey(rgb: np.ndarray) -> np.ndarray:
    """RGB(A) -> grey with the usual luminance weights (alpha ignored)."""
    rgb = np.asarray(rgb, dtype=float)
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def _windows(padded: np.ndarray, kh: int, kw: int, stride: int, out_h: int, out_w: int) -> np.ndarray:
    """(out_h, out_w, kh, kw) view of every window the kernel visits."""
    view = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw))
    return view[: (out_h - 1) * stride + 1: stride, : (out_w - 1) * stride + 1: stride]


def convolve(image: np.ndarray, kernel: np.ndarray, padding: str = "valid", stride: int = 1) -> ConvResult:
    """Slide `kernel` over a greyscale image; see the module docstring for the exact rule."""
    img = _image(image)
    k = np.asarray(kernel, dtype=float)
    if k.ndim != 2 or k.shape[0] < 1 or k.shape[1] < 1:
        raise ConvError(f"the kernel must be a 2-D grid of numbers, got shape {k.shape}")
    if not np.all(np.isfinite(k)):
        raise ConvError("the kernel contains values that are not finite numbers")
    if stride not in (1, 2, 3):
        raise ConvError(f"the lab's stride is 1, 2 or 3, got {stride!r}")
    rows = axis_size(img.shape[0], k.shape[0], stride, padding)
    cols = axis_size(img.shape[1], k.shape[1], stride, padding)
    padded = np.pad(img, ((rows.pad_before, rows.pad_after), (cols.pad_before, cols.pad_after)))
    win = _windows(padded, k.shape[0], k.shape[1], stride, rows.out, cols.out)
    out = np.einsum("ijuv,uv->ij", win, k)
    return ConvResult(out, rows, cols, padded)


POOL_MODES: tuple[str, ...] = ("max", "average", "kmax")


@dataclass(frozen=True)
class PoolResult:
    """`output` is (out_h, out_w) for max/average; for K-max it is (out_h, out_w, k): the k largest values of
    each window in the order they appear in the window (row by row), as K-max pooling keeps them."""

    output: np.ndarray
    rows: AxisSize
    cols: AxisSize
    mode: str
    k: int = 1

    @property
    def formula(self) -> str:
        return f"{self.rows.formula}  →  output {self.rows.out}×{self.cols.out}" + \
               (f"×{self.k} (the {self.k} largest values per window)" if self.mode == "kmax" else "")


def pool(feature_map: np.ndarray, size: int = 2, stride: int | None = None, mode: str = "max", k: int = 2,
         padding: str = "valid") -> PoolResult:
    """Max, average or K-max pooling over size×size windows (stride defaults to size, as in Keras)."""
    fm = _image(feature_map)
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 8:
        raise ConvError(f"the pool size must be a whole number from 1 to 8, got {size!r}")
    stride = size if stride is None else stride
    if isinstance(stride, bool) or not isinstance(stride, int) or not 1 <= stride <= 8:
        raise ConvError(f"the pool stride must be a whole number from 1 to 8, got {stride!r}")
    if mode not in POOL_MODES:
        raise ConvError(f"pooling mode must be one of {', '.join(POOL_MODES)}, got {mode!r}")
    rows = axis_size(fm.shape[0], size, stride, padding)
    cols = axis_size(fm.shape[1], size, stride, padding)
    # Padded cells never win a max and are left out of averages (Keras does the same).
    padded = np.pad(fm, ((rows.pad_before, rows.pad_after), (cols.pad_before, cols.pad_after)),
                    constant_values=np.nan)
    win = _windows(padded, size, size, stride, rows.out, cols.out).reshape(rows.out, cols.out, size * size)
    if mode == "max":
        return PoolResult(np.nanmax(win, axis=-1), rows, cols, mode)
    if mode == "average":
        return PoolResult(np.nanmean(win, axis=-1), rows, cols, mode)
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= size * size:
        raise ConvError(f"K must be a whole number from 1 to {size * size} (the cells in a {size}x{size} window), "
                        f"got {k!r}")
    filled = np.where(np.isnan(win), -np.inf, win)
    top = np.argsort(-filled, axis=-1, kind="stable")[..., :k]
    top.sort(axis=-1)  # keep the original order within the window
    values = np.take_along_axis(filled, top, axis=-1)
    return PoolResult(np.where(np.isfinite(values), values, 0.0), rows, cols, mode, k)


def normalise_for_display(a: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Values scaled to [0, 1] for an image view, with the original (min, max) to label the colour bar."""
    a = np.asarray(a, dtype=float)
    lo, hi = float(np.min(a)), float(np.max(a))
    if hi - lo < 1e-12:
        return np.zeros_like(a), lo, hi
    return (a - lo) / (hi - lo), lo, hi
