"""A small look at a dataset for the GUI: sample images, points or sentences, with source and sizes."""
from __future__ import annotations

from typing import Any

import numpy as np

from .data import load_dataset
from .images import tile_grid, to_uint8


def dataset_preview(name: str, options: dict[str, Any] | None = None, seed: int = 0, count: int = 32
                    ) -> dict[str, Any]:
    """Plain data only: kind ('images', 'points', 'text' or 'table'), samples, labels, source, sizes, title."""
    data = load_dataset(name, options, seed)
    out: dict[str, Any] = {"title": data.info.title, "source": data.info.source, "sizes": data.sizes,
                           "notes": data.info.notes, "task": data.info.task, "classes": data.info.class_names,
                           "report": data.info.extras.get("report", "")}  # a user's data: what was found, skipped
    x = data.x_train
    if isinstance(x, np.ndarray) and x.ndim in (3, 4) and data.info.input_dtype.startswith("float"):
        out["kind"] = "images"
        shown = x[:count]
        if shown.ndim == 4 and shown.shape[-1] == 3:  # the preview draws grey: a colour image's luminance
            shown = shown @ np.array([0.299, 0.587, 0.114], dtype=shown.dtype)
        out["grid"] = to_uint8(tile_grid(shown, 8, pad=2, background=0.85), 0.0, 1.0)
        labels = data.y_train["class"] if isinstance(data.y_train, dict) else data.y_train  # e.g. class + box
        out["labels"] = [int(v) for v in np.asarray(labels[:count]).reshape(len(x[:count]), -1)[:, 0]]
    elif isinstance(x, np.ndarray) and x.ndim == 2 and x.shape[1] == 2 and data.info.input_dtype == "float32":
        out["kind"] = "points"
        out["x"] = x.astype("float32")
        out["y"] = np.asarray(data.y_train).reshape(len(x), -1)[:, 0].astype("int64")
    elif "samples" in data.info.extras:
        out["kind"] = "text"
        out["samples"] = list(data.info.extras["samples"])[:count]
    else:
        out["kind"] = "table"
        rows = np.asarray(x[:8]) if isinstance(x, np.ndarray) else np.zeros((0,))
        out["samples"] = [" ".join(f"{v:g}" for v in np.ravel(r)[:12]) for r in rows]
    return out
