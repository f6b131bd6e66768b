"""Datasets by name, one file each. Every loader returns a `Dataset` and works offline.

Importing this package registers nothing: a dataset module registers itself when imported, and each family
imports the datasets it trains on (models/families/<family>/__init__.py), so `import models.families` makes
every built-in dataset available.
"""
from .base import (Dataset, DatasetError, DatasetInfo, DatasetOptionError, Shape, available, check_options,
                   dataset_shape, describe, is_text_dataset, load_dataset, register)

__all__ = ["Dataset", "DatasetError", "DatasetInfo", "DatasetOptionError", "Shape", "available", "check_options",
           "dataset_shape", "describe", "is_text_dataset", "load_dataset", "register"]
