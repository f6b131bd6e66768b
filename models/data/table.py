"""A user's table: a CSV file with a header row, one example per row, one column holding the class.

Every other column is a feature and must be a number in every row. Features are standardised with the
training rows' mean and standard deviation (a network learns badly when one column is in thousands and the
next in fractions); the statistics are kept in `extras["standardise"]` so the supervised recipe can put them
in front of the exported model, which then predicts on raw values. The label may hold numbers or words; each
distinct value is a class.
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register, split_indices
from .textfile import read_user_text

FRACTIONS = (0.7, 0.15, 0.15)
MAX_CLASSES = 100  # more distinct labels than this is a measured quantity, not classes
PREVIEW_ROWS = 6  # the preview sits above the training settings: a few rows, not a screenful
MISSING = {"", "na", "nan", "n/a", "null", "none", "?"}


class Table:
    """The parsed file: header, rows of text, and where the label is."""

    def __init__(self, path: str | Path, label: str) -> None:
        if not str(path):
            raise DatasetError("option 'path' is needed: the CSV file")
        if not label:
            raise DatasetError("option 'label' is needed: the name of the column that holds the class")
        self.path = Path(path).expanduser()
        text = read_user_text(self.path)
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in r)]
        if len(rows) < 2:
            raise DatasetError(f"{self.path.name} needs a header row and at least one row of data")
        self.header = [h.strip() for h in rows[0]]
        if label not in self.header:
            raise DatasetError(f"{self.path.name} has no column '{label}' (columns: {', '.join(self.header)})")
        duplicates = sorted({h for h in self.header if self.header.count(h) > 1})
        if duplicates:
            raise DatasetError(f"{self.path.name}: the column name '{duplicates[0]}' appears twice in the header")
        self.label = label
        self.rows = rows[1:]
        for number, row in enumerate(self.rows, start=2):  # file line numbers: the header is line 1
            if len(row) != len(self.header):
                raise DatasetError(f"{self.path.name} row {number}: {len(row)} values but the header has "
                                   f"{len(self.header)} columns")
        self.features = [h for h in self.header if h != label]
        if not self.features:
            raise DatasetError(f"{self.path.name} has only the label column; a table needs feature columns too")

    def label_values(self) -> list[str]:
        at = self.header.index(self.label)
        values = []
        for number, row in enumerate(self.rows, start=2):
            value = row[at].strip()
            if value.lower() in MISSING:
                raise DatasetError(f"{self.path.name} row {number}, column '{self.label}': the label is missing")
            values.append(value)
        return values

    def classes(self) -> list[str]:
        values = sorted(set(self.label_values()), key=_class_order)
        if len(values) < 2:
            raise DatasetError(f"column '{self.label}' of {self.path.name} holds one class ('{values[0]}'): a "
                               "classifier needs at least two")
        if len(values) > MAX_CLASSES:
            raise DatasetError(f"column '{self.label}' of {self.path.name} holds {len(values)} different values; "
                               f"as classes at most {MAX_CLASSES} are supported (is it a measurement rather than "
                               "a class?)")
        return values

    def feature_matrix(self) -> np.ndarray:
        x = np.empty((len(self.rows), len(self.features)), dtype="float64")
        for j, name in enumerate(self.features):
            at = self.header.index(name)
            for i, row in enumerate(self.rows):
                cell = row[at].strip()
                if cell.lower() in MISSING:
                    raise DatasetError(f"{self.path.name} row {i + 2}, column '{name}': the value is missing "
                                       "(fill it in or remove the row)")
                try:
                    value = float(cell)
                except ValueError:
                    raise DatasetError(f"{self.path.name} row {i + 2}, column '{name}': '{cell[:40]}' is not a "
                                       "number (every column except the label must be numeric)") from None
                if not math.isfinite(value):
                    raise DatasetError(f"{self.path.name} row {i + 2}, column '{name}': '{cell}' is not finite")
                x[i, j] = value
        return x


def table_columns(path: str | Path) -> list[str]:
    """The header's column names (to ask which one holds the class); DatasetError if the file is not a table."""
    text = read_user_text(Path(path).expanduser())
    first = next(csv.reader(io.StringIO(text.lstrip())), [])
    try:
        first = next(csv.reader(io.StringIO(text.lstrip()), csv.Sniffer().sniff(text[:4096], delimiters=",;\t")))
    except (csv.Error, StopIteration):
        pass
    columns = [c.strip() for c in first if c.strip()]
    if len(columns) < 2:
        raise DatasetError(f"{Path(path).name} has no header row of at least two columns")
    return columns


def _class_order(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)  # numeric labels in numeric order: 2 before 10
    except ValueError:
        return (1, 0.0, value)


def load_table(seed: int = 0, path: str = "", label: str = "") -> Dataset:
    table = Table(path, label)
    classes = table.classes()
    index = {c: i for i, c in enumerate(classes)}
    y = np.asarray([index[v] for v in table.label_values()], dtype="int64")
    x = table.feature_matrix()
    train, val, test = split_indices(y, FRACTIONS, seed)
    if len(train) == 0:
        raise DatasetError(f"{table.path.name} has too few rows to train on")
    mean = x[train].mean(axis=0)
    std = x[train].std(axis=0)
    std[std == 0] = 1.0  # a constant column carries nothing; leave it at 0 instead of dividing by 0
    z = ((x - mean) / std).astype("float32")
    counts = {c: int(np.sum(y == i)) for i, c in enumerate(classes)}
    report = "\n".join([f"{table.path}: {len(y):,} rows, {len(table.features)} numeric features, label "
                        f"'{label}' with {len(classes)} classes",
                        *(f"  {c}: {n:,}" for c, n in counts.items()),
                        "  features (standardised with the training rows' mean and standard deviation): "
                        + ", ".join(table.features)])
    # the first rows as in the file, the class after an arrow (the preview's text view draws one per line)
    at = table.header.index(label)
    shown = [", ".join(table.features) + f" → {label}"]
    shown += [", ".join(v.strip() for i, v in enumerate(row) if i != at) + f" → {row[at].strip()}"
              for row in table.rows[:PREVIEW_ROWS]]
    task = "binary" if len(classes) == 2 else "classification"
    info = DatasetInfo("table", f"Your table: {table.path.name}", f"your CSV file {table.path}", task,
                       (len(table.features),), class_names=classes,
                       notes=f"{len(y):,} rows, {len(table.features)} features (standardised), {len(classes)} classes",
                       extras={"report": report, "features": list(table.features), "counts": counts,
                               "samples": shown,
                               "standardise": {"mean": mean.astype("float32"), "std": std.astype("float32")}})
    return Dataset(z[train], y[train], z[val], y[val], z[test], y[test], info)


def table_shape(options: dict[str, Any]) -> Shape:
    table = Table(str(options.get("path", "")), str(options.get("label", "")))
    classes = table.classes()
    return Shape((len(table.features),), "binary" if len(classes) == 2 else "classification", len(classes))


register("table", "Your table: a CSV file with a header; numeric feature columns and one label column "
         "(options: path, label)", options_shape=table_shape)(load_table)
