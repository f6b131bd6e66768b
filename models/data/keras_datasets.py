"""Fashion-MNIST and CIFAR-10: downloaded once through `keras.datasets`, then read from the user's cache.

Keras checks each download against its published SHA-256 (`keras.utils.get_file(file_hash=...)`). What it
leaves behind differs per set (four gzip files; a tar of pickled batches), so the arrays are written once into
one `.npz` per set in Layerwise's cache with the SHA-256 of that file beside it, and every later run reads only
that (no pickle, no network, no download message). A cache file whose checksum no longer matches is refused
and fetched again. Offline and not yet cached, the set is a clear error that says how to get it, and the
attempt is not repeated for a few minutes. MNIST itself keeps its own loader and its shipped offline digits.
"""
from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, cache_dir, register, split_indices

RETRY_AFTER_S = 300.0
VALIDATION_FRACTION = 0.1


@dataclass(frozen=True)
class DownloadableSet:
    name: str
    title: str
    shape: tuple[int, int, int]
    class_names: tuple[str, ...]
    keras_module: str  # keras.datasets.<module>.load_data()
    size_mb: int


FASHION = DownloadableSet("fashion-mnist", "Fashion-MNIST clothing", (28, 28, 1),
                          ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                           "Ankle boot"), "fashion_mnist", 30)
CIFAR10 = DownloadableSet("cifar10", "CIFAR-10 small photos", (32, 32, 3),
                          ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                          "cifar10", 170)
SETS = {s.name: s for s in (FASHION, CIFAR10)}

Arrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
_last_failure: dict[str, float] = {}


def cache_file(spec: DownloadableSet) -> Path:
    return cache_dir() / "datasets" / f"{spec.name}.npz"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_cache(spec: DownloadableSet) -> Arrays | None:
    """The cached arrays, or None when absent; DatasetError when the file is not what was written."""
    path = cache_file(spec)
    recorded = path.with_suffix(".sha256")
    if not path.exists():
        return None
    if not recorded.exists() or recorded.read_text().strip() != _sha256(path):
        return None  # half-written or changed since: fetched again
    try:
        with np.load(path, allow_pickle=False) as f:
            return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])
    except (OSError, KeyError, ValueError):
        return None


def write_cache(spec: DownloadableSet, arrays: Arrays) -> Path:
    """Arrays into the cache, then their checksum (the checksum last: a crash leaves no valid pair)."""
    path = cache_file(spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    (x_tr, y_tr), (x_te, y_te) = arrays
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as fh:
        np.savez(fh, x_train=x_tr, y_train=y_tr.reshape(-1), x_test=x_te, y_test=y_te.reshape(-1))
    tmp.replace(path)
    path.with_suffix(".sha256").write_text(_sha256(path) + "\n")
    return path


def keras_download(spec: DownloadableSet) -> Arrays:
    """keras.datasets' own download (checksum-checked by Keras); its progress bar goes to stderr."""
    import importlib

    module = importlib.import_module(f"keras.datasets.{spec.keras_module}")
    with contextlib.redirect_stdout(sys.stderr):
        return module.load_data()


def load_arrays(spec: DownloadableSet, download: Callable[[DownloadableSet], Arrays] | None = None) -> tuple[Arrays, str]:
    """(arrays, where they came from): the cache, else one download into it."""
    cached = read_cache(spec)
    if cached is not None:
        return cached, f"cache ({cache_file(spec)})"
    failed_at = _last_failure.get(spec.name)
    if failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER_S:
        raise DatasetError(f"{spec.title} is not downloaded and the download failed moments ago; connect to the "
                           f"internet and try again (it is about {spec.size_mb} MB, fetched once into "
                           f"{cache_file(spec).parent}), or use 'mnist', which works offline")
    try:
        arrays = (download or keras_download)(spec)
    except Exception as exc:  # noqa: BLE001 - no network is the normal offline case
        _last_failure[spec.name] = time.monotonic()
        raise DatasetError(f"{spec.title} is not downloaded yet and the download failed ({type(exc).__name__}: "
                           f"{str(exc)[:160]}). It is about {spec.size_mb} MB, fetched once into "
                           f"{cache_file(spec).parent}; connect to the internet and try again, or use 'mnist', "
                           "which works offline") from None
    _last_failure.pop(spec.name, None)
    _check_arrays(spec, arrays)
    write_cache(spec, arrays)
    return arrays, "downloaded once through keras.datasets, now cached"


def _check_arrays(spec: DownloadableSet, arrays: Arrays) -> None:
    (x_tr, y_tr), (x_te, y_te) = arrays
    want = spec.shape if spec.shape[-1] == 3 else spec.shape[:2]
    for x, y in ((x_tr, y_tr), (x_te, y_te)):
        if tuple(x.shape[1:]) != want or len(x) != len(np.reshape(y, -1)):
            raise DatasetError(f"{spec.title}: the download gave arrays of shape {x.shape}, expected (n, "
                               f"{', '.join(map(str, want))})")


def load_downloadable(spec: DownloadableSet, seed: int = 0, limit: int | None = None,
                      download: Callable[[DownloadableSet], Arrays] | None = None) -> Dataset:
    """The set's own test split; validation is 10% of its training split, stratified with the seed."""
    ((x_tr, y_tr), (x_te, y_te)), used = load_arrays(spec, download)
    y_tr, y_te = np.reshape(y_tr, -1).astype("int64"), np.reshape(y_te, -1).astype("int64")
    tr, va, _ = split_indices(y_tr, (1 - VALIDATION_FRACTION, VALIDATION_FRACTION, 0.0), seed)
    if limit is not None:
        tr = tr[:max(1, limit)]

    def images(x: np.ndarray) -> np.ndarray:
        x = x.astype("float32") / 255.0
        return x if x.ndim == 4 else x[..., None]

    info = DatasetInfo(spec.name, spec.title, used, "classification", spec.shape, class_names=list(spec.class_names))
    return Dataset(images(x_tr[tr]), y_tr[tr], images(x_tr[va]), y_tr[va], images(x_te), y_te, info)


def _loader(spec: DownloadableSet) -> Callable[..., Dataset]:
    def load(seed: int = 0, limit: int | None = None) -> Dataset:
        return load_downloadable(spec, seed, limit)
    load.__name__ = f"load_{spec.name.replace('-', '_')}"
    return load


def _register(spec: DownloadableSet, description: str) -> Any:
    return register(spec.name, description, shape=Shape(spec.shape, "classification", len(spec.class_names)))(
        _loader(spec))


_register(FASHION, "Zalando's clothing photos, 10 classes, 28x28 grey (downloaded once, ~30 MB; online)")
_register(CIFAR10, "Small colour photos, 10 classes, 32x32 RGB (downloaded once, ~170 MB; online)")
