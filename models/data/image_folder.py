"""A user's images: one sub-folder per class (the `keras.utils.image_dataset_from_directory` convention).

The network decides the picture size and colour: every image is converted to grey or RGB to match the input's
channels and resized to its height and width, so a folder of photos of any size trains the same LeNet-5 that
reads MNIST. Files that are not images (or cannot be decoded) are skipped and listed, never fatal; a folder
that cannot make a classification task (no classes, one class, an empty class) is an error saying which.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register, split_indices

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
MAX_IMAGES = 100_000  # beyond this the arrays alone pass several GB at 28x28x3; say so instead of swapping
FRACTIONS = (0.7, 0.15, 0.15)  # train / validation / test, per class


@dataclass
class FolderScan:
    """What a folder holds, before any image is decoded (sizes come from the files' headers)."""

    path: Path
    classes: list[str]
    files: dict[str, list[Path]]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    sizes: Counter = field(default_factory=Counter)  # (width, height) -> count
    modes: Counter = field(default_factory=Counter)  # PIL mode -> count

    @property
    def counts(self) -> dict[str, int]:
        return {c: len(self.files[c]) for c in self.classes}

    def report(self, height: int | None = None, width: int | None = None, channels: int | None = None) -> str:
        lines = [f"{self.path}: {sum(self.counts.values()):,} images in {len(self.classes)} classes"]
        lines += [f"  {name}: {count:,}" for name, count in self.counts.items()]
        common = ", ".join(f"{w}x{h} ({n:,})" for (w, h), n in self.sizes.most_common(4))
        more = f" and {len(self.sizes) - 4} other sizes" if len(self.sizes) > 4 else ""
        lines.append(f"  sizes found: {common}{more}")
        kinds = ", ".join(f"{_MODE_NAMES.get(m, m)} ({n:,})" for m, n in self.modes.most_common())
        lines.append(f"  colour: {kinds}")
        if height and width and channels:
            lines.append(f"  each image becomes {height}x{width} {'grey' if channels == 1 else 'colour (RGB)'}, "
                         "the network's input")
        if self.skipped:
            lines.append(f"  skipped {len(self.skipped)} files:")
            lines += [f"    {name}: {why}" for name, why in self.skipped[:10]]
            if len(self.skipped) > 10:
                lines.append(f"    ... and {len(self.skipped) - 10} more")
        return "\n".join(lines)


_MODE_NAMES = {"L": "grey", "1": "black and white", "RGB": "colour", "RGBA": "colour with transparency",
               "P": "palette colour", "I;16": "16-bit grey", "I": "32-bit grey", "LA": "grey with transparency"}


def scan_folder(path: str | Path, read_headers: bool = True) -> FolderScan:
    """The classes and their image files; DatasetError when the folder cannot be a classification task."""
    from PIL import Image, UnidentifiedImageError

    if not str(path):
        raise DatasetError("option 'path' is needed: the folder that holds one sub-folder of images per class")
    root = Path(path).expanduser()
    if not root.exists():
        raise DatasetError(f"{root}: no such folder")
    if not root.is_dir():
        raise DatasetError(f"{root} is a file; give the folder that holds one sub-folder per class")
    try:
        subdirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except PermissionError:
        raise DatasetError(f"{root}: permission denied") from None
    loose = [p.name for p in root.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
    if not subdirs:
        hint = (f" ({len(loose)} images lie in it directly: put each class's images in a sub-folder named after "
                "the class)") if loose else ""
        raise DatasetError(f"{root} has no class sub-folders{hint}")
    scan = FolderScan(root, [], {})
    scan.skipped += [(name, "not inside a class folder") for name in loose]
    for sub in subdirs:
        try:
            entries = sorted(p for p in sub.rglob("*") if p.is_file() and not p.name.startswith("."))
        except PermissionError:
            raise DatasetError(f"{sub}: permission denied") from None
        good: list[Path] = []
        for file in entries:
            rel = str(file.relative_to(root))
            if file.suffix.lower() not in IMAGE_SUFFIXES:
                scan.skipped.append((rel, f"not a PNG, JPEG or BMP file ({file.suffix or 'no extension'})"))
                continue
            if read_headers:
                try:
                    with Image.open(file) as im:
                        scan.sizes[im.size] += 1
                        scan.modes[im.mode] += 1
                except (UnidentifiedImageError, OSError, ValueError) as exc:
                    scan.skipped.append((rel, f"unreadable ({type(exc).__name__})"))
                    continue
            good.append(file)
        scan.classes.append(sub.name)
        scan.files[sub.name] = good
    empty = [c for c in scan.classes if not scan.files[c]]
    if empty:
        raise DatasetError(f"class folder{'s' if len(empty) > 1 else ''} {', '.join(repr(c) for c in empty)} in "
                           f"{root} hold{'' if len(empty) > 1 else 's'} no readable image")
    if len(scan.classes) < 2:
        raise DatasetError(f"{root} has one class ('{scan.classes[0]}'): a classifier needs at least two class "
                           "sub-folders")
    total = sum(scan.counts.values())
    if total > MAX_IMAGES:
        raise DatasetError(f"{root} holds {total:,} images; up to {MAX_IMAGES:,} are supported")
    return scan


def _check_geometry(height: int, width: int, channels: int) -> None:
    if not (4 <= height <= 512 and 4 <= width <= 512):
        raise DatasetError(f"images are resized to the network's input: height and width must be 4-512, got "
                           f"{height}x{width}")
    if channels not in (1, 3):
        raise DatasetError(f"the network's input has {channels} channels; images give 1 (grey) or 3 (RGB)")


def read_image(file: Path, height: int, width: int, channels: int) -> np.ndarray:
    """One image as float32 in [0, 1], shape (height, width, channels)."""
    from PIL import Image

    with Image.open(file) as im:
        im = im.convert("L" if channels == 1 else "RGB")
        if im.size != (width, height):
            im = im.resize((width, height), Image.Resampling.BILINEAR)
        arr = np.asarray(im, dtype="float32") / 255.0
    return arr.reshape(height, width, channels)


def load_image_folder(seed: int = 0, path: str = "", height: int = 28, width: int = 28,
                      channels: int = 1) -> Dataset:
    _check_geometry(height, width, channels)
    scan = scan_folder(path)
    images: list[np.ndarray] = []
    labels: list[int] = []
    for index, name in enumerate(scan.classes):
        for file in scan.files[name]:
            try:
                images.append(read_image(file, height, width, channels))
            except (OSError, ValueError) as exc:  # a header that opened but pixels that do not decode
                scan.skipped.append((str(file.relative_to(scan.path)), f"unreadable ({type(exc).__name__})"))
                continue
            labels.append(index)
    y = np.asarray(labels, dtype="int64")
    missing = [c for i, c in enumerate(scan.classes) if not np.any(y == i)]
    if missing:
        raise DatasetError(f"class {missing[0]!r} in {scan.path} holds no image that decodes")
    x = np.stack(images).astype("float32")
    train, val, test = split_indices(y, FRACTIONS, seed)
    report = scan.report(height, width, channels)
    skipped = f"; {len(scan.skipped)} files skipped" if scan.skipped else ""
    summary = (f"{len(y):,} images in {len(scan.classes)} classes, each resized to {height}x{width} "
               f"{'grey' if channels == 1 else 'colour'}{skipped}")
    info = DatasetInfo("images", f"Your images: {scan.path.name}", f"your image folder {scan.path}",
                       "classification", (height, width, channels), class_names=list(scan.classes),
                       notes=summary, extras={"report": report, "skipped": list(scan.skipped),
                                             "counts": scan.counts})
    return Dataset(x[train], y[train], x[val], y[val], x[test], y[test], info)


def folder_shape(options: dict[str, Any]) -> Shape:
    """Input and classes from the options and the class folders, without decoding any image."""
    height, width, channels = (options.get(k, d) for k, d in (("height", 28), ("width", 28), ("channels", 1)))
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (height, width, channels)):
        raise DatasetError("height, width and channels must be whole numbers")
    _check_geometry(height, width, channels)
    scan = scan_folder(str(options.get("path", "")), read_headers=False)
    return Shape((height, width, channels), "classification", len(scan.classes))


register("images", "Your images: one sub-folder per class, PNG/JPEG/BMP of any size (options: path, height, width, "
         "channels: the network's input)", options_shape=folder_shape)(load_image_folder)
