"""How in-memory arrays reach `model.fit`: a tf.data pipeline with TensorFlow's autotuning switched off.

Given numpy arrays, Keras builds a tf.data pipeline with `prefetch(AUTOTUNE)` and a fresh iterator every
epoch. Destroying the previous epoch's iterator waits for the autotuner's background thread, and on a
2-core machine that wait was 0.5-2 s at the start of about one epoch in three (measured with py-spy: the
training thread blocked in `RootDataset::Iterator::~Iterator`), up to most of a cnn epoch's ~3 s. With
autotuning off every epoch starts within ~35 ms (bench/epoch_start.py). The pipeline is otherwise what Keras does: the sample order is
shuffled each epoch (indices, not copies of the data), batches keep the order of the arrays' structure, and
the last batch may be smaller.
"""
from __future__ import annotations

from typing import Any

import numpy as np

PREFETCH = 2  # batches made ahead of the training step; enough to hide the gather on CPU


def _leaves(structure: Any) -> list[Any]:
    if isinstance(structure, dict):
        return [leaf for value in structure.values() for leaf in _leaves(value)]
    if isinstance(structure, (list, tuple)):
        return [leaf for value in structure for leaf in _leaves(value)]
    return [structure]


def feedable(x: Any, y: Any = None) -> bool:
    """True when x (and y) are numpy arrays, or dicts/lists/tuples of them, with one common length."""
    leaves = _leaves(x) + ([] if y is None else _leaves(y))
    if not leaves or not all(isinstance(a, np.ndarray) and a.ndim >= 1 for a in leaves):
        return False
    return len({len(a) for a in leaves}) == 1


def array_dataset(x: Any, y: Any = None, batch_size: int = 32, shuffle: bool = False, seed: int | None = None
                  ) -> Any:
    """A tf.data.Dataset of (x,) or (x, y) batches from arrays (see `feedable`), autotuning off.

    Elements are tuples like the ones Keras makes from arrays, so `keras.utils.unpack_x_y_sample_weight`
    reads them the same way (a tuple x stays one input, never mistaken for (x, y)).
    """
    import tensorflow as tf

    data = (x,) if y is None else (x, y)
    n = len(_leaves(data)[0])
    with tf.device("/CPU:0"):  # tf.data runs on the CPU; keep the arrays there, also when a GPU trains
        tensors = tf.nest.map_structure(tf.convert_to_tensor, data)
    order = tf.data.Dataset.range(n)
    if shuffle:
        order = order.shuffle(n, seed=seed, reshuffle_each_iteration=True)
    batches = order.batch(max(1, int(batch_size))).map(
        lambda idx: tf.nest.map_structure(lambda t: tf.gather(t, idx), tensors))
    options = tf.data.Options()
    options.autotune.enabled = False
    options.deterministic = True
    # several workers: each keeps its share of every global batch (the arrays are not files to split)
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    return batches.prefetch(PREFETCH).with_options(options)


def fit_inputs(x: Any, y: Any, fit_kwargs: dict[str, Any], seed: int | None = None
               ) -> tuple[Any, Any, dict[str, Any]]:
    """(x, y, kwargs) for model.fit: arrays become an `array_dataset` (with the validation arrays, if any);
    anything else (a dataset, a generator) passes through unchanged."""
    if not feedable(x, y):
        return x, y, fit_kwargs
    kwargs = dict(fit_kwargs)
    batch_size = int(kwargs.pop("batch_size", None) or 32)
    shuffle = bool(kwargs.pop("shuffle", True))
    validation = kwargs.get("validation_data")
    if isinstance(validation, tuple) and 1 <= len(validation) <= 2 and feedable(*validation):
        kwargs["validation_data"] = array_dataset(*validation, batch_size=kwargs.pop("validation_batch_size", None)
                                                  or batch_size)
    kwargs["shuffle"] = False  # the dataset shuffles itself; Keras' default (True) would only warn
    return array_dataset(x, y, batch_size, shuffle, seed), None, kwargs


def predict(model: Any, x: Any, batch_size: int = 256) -> Any:
    """model.predict through `array_dataset` when x is arrays (about twice as fast as Keras' own array
    pipeline for a 750-image test set on 2 cores), else as Keras would."""
    if feedable(x):
        return model.predict(array_dataset(x, batch_size=batch_size), verbose=0)
    return model.predict(x, batch_size=batch_size, verbose=0)


def evaluate(model: Any, x: Any, y: Any, batch_size: int = 256) -> dict[str, float]:
    """model.evaluate's metrics as a dict, through `array_dataset` when x and y are arrays."""
    if feedable(x, y):
        logs = model.evaluate(array_dataset(x, y, batch_size), verbose=0, return_dict=True)
    else:
        logs = model.evaluate(x, y, batch_size=batch_size, verbose=0, return_dict=True)
    return {k: float(v) for k, v in logs.items()}
