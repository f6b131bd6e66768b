"""Datasets by name. Every loader returns a `Dataset` and works offline."""
from .base import (Dataset, DatasetError, DatasetInfo, Shape, available, dataset_shape, describe, load_dataset,
                   register)

# Importing the modules registers their datasets.
from . import gates, mnist, toy2d  # noqa: E402,F401
from . import corpus  # noqa: E402,F401
from . import text  # noqa: E402,F401
from . import localize  # noqa: E402,F401

__all__ = ["Dataset", "DatasetError", "DatasetInfo", "Shape", "available", "dataset_shape", "describe", "load_dataset",
           "register"]
