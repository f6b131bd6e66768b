"""Running a trained model on one batch held in memory, also when it was made under a tf.distribute strategy.

`model.predict_on_batch` on a model made inside MirroredStrategy's scope hands the whole batch to every replica
and concatenates their outputs: with two replicas, twice the rows (the cGAN's judge scored 4,000 predictions for
1,000 images). For such a model the batch is computed once by calling the model directly; any other model keeps
predict_on_batch's compiled function.
"""
from __future__ import annotations

from typing import Any


def replicas(model: Any) -> int:
    strategy = getattr(model, "distribute_strategy", None)
    return int(getattr(strategy, "num_replicas_in_sync", 1) or 1)


def predict_batch(model: Any, x: Any) -> Any:
    """What model.predict_on_batch(x) gives on one device: numpy arrays in the structure of the outputs."""
    if replicas(model) <= 1:
        return model.predict_on_batch(x)
    import keras

    return keras.tree.map_structure(keras.ops.convert_to_numpy, model(x, training=False))
