"""The array pipeline fit() trains on: same batches Keras would make, shuffled per epoch, autotuning off."""
from __future__ import annotations

import numpy as np
import pytest

from models.engine.feed import array_dataset, feedable, fit_inputs


def _epoch(ds):
    return [tuple(np.asarray(part) for part in batch) for batch in ds]


def test_batches_follow_the_arrays_and_the_last_one_is_short():
    x = np.arange(10, dtype="float32").reshape(10, 1)
    y = np.arange(10) * 2
    batches = _epoch(array_dataset(x, y, batch_size=4))
    assert [len(bx) for bx, _by in batches] == [4, 4, 2]
    assert np.concatenate([bx for bx, _ in batches]).ravel().tolist() == list(range(10))
    assert np.concatenate([by for _, by in batches]).tolist() == [2 * i for i in range(10)]


def test_shuffle_covers_every_sample_once_per_epoch_in_a_new_order_reproducibly():
    x = np.arange(50)
    ds = array_dataset(x, batch_size=8, shuffle=True, seed=3)
    first = np.concatenate([b[0] for b in _epoch(ds)])
    second = np.concatenate([b[0] for b in _epoch(ds)])
    assert sorted(first.tolist()) == sorted(second.tolist()) == list(range(50))
    assert first.tolist() != second.tolist()  # reshuffled each epoch
    again = np.concatenate([b[0] for b in _epoch(array_dataset(x, batch_size=8, shuffle=True, seed=3))])
    assert again.tolist() == first.tolist()  # same seed, same order


def test_structures_stay_one_input_and_x_y_stay_paired():
    x = {"context": np.arange(6).reshape(6, 1), "target": np.arange(6) + 100}
    (batch,) = _epoch_dicts(array_dataset(x, batch_size=6, shuffle=True, seed=0))
    assert (batch["target"] - batch["context"][:, 0]).tolist() == [100] * 6  # rows gathered together

    pair = (np.zeros((4, 2)), np.ones((4, 3)))  # a two-input model's x, no y
    element = next(iter(array_dataset(pair, batch_size=4)))
    assert len(element) == 1 and len(element[0]) == 2  # (x,), so Keras never reads it as (x, y)


def _epoch_dicts(ds):
    return [{k: np.asarray(v) for k, v in element[0].items()} for element in ds]


def test_autotuning_is_off():
    assert array_dataset(np.zeros((3, 1))).options().autotune.enabled is False


def test_feedable_wants_arrays_of_one_length():
    assert feedable(np.zeros((3, 2)), np.zeros(3))
    assert feedable({"a": np.zeros(3), "b": np.zeros((3, 4))})
    assert not feedable(np.zeros((3, 2)), np.zeros(4))
    assert not feedable([[1, 2], [3, 4]])  # plain lists: left to Keras
    assert not feedable(np.float32(1.0))


def test_fit_inputs_converts_arrays_and_validation_and_passes_anything_else_through():
    x, y = np.zeros((20, 2), "float32"), np.zeros(20, "int32")
    kwargs = {"batch_size": 8, "shuffle": True, "epochs": 2, "validation_data": (x[:5], y[:5])}
    fx, fy, fk = fit_inputs(x, y, kwargs, seed=0)
    assert fy is None and "batch_size" not in fk and fk["shuffle"] is False and fk["epochs"] == 2
    assert [len(b[0]) for b in fx] == [8, 8, 4]
    assert [len(b[0]) for b in fk["validation_data"]] == [5]
    assert kwargs["batch_size"] == 8  # the caller's dict is not changed

    odd = {"batch_size": 8}
    assert fit_inputs("not arrays", None, odd) == ("not arrays", None, odd)


@pytest.mark.parametrize("shuffle", [False, True])
def test_keras_trains_on_it(shuffle):
    import keras

    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2)).astype("float32")
    y = (x[:, 0] > 0).astype("int32")
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(keras.optimizers.Adam(0.1), "sparse_categorical_crossentropy", metrics=["accuracy"])
    fx, fy, fk = fit_inputs(x, y, {"batch_size": 16, "shuffle": shuffle, "epochs": 15, "verbose": 0,
                                   "validation_data": (x, y)}, seed=0)
    history = model.fit(fx, fy, **fk).history
    assert history["val_accuracy"][-1] > 0.9
    assert len(history["loss"]) == 15
