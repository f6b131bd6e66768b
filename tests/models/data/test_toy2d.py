"""The 2-D point sets: sizes, balance and noise."""
import numpy as np
import pytest

from models.data import dataset_shape, load_dataset


@pytest.mark.parametrize("name", ["moons", "circles", "spirals", "blobs"])
def test_toy_sets_sizes_balance_and_noise(name):
    data = load_dataset(name, {"size": 400, "noise": 0.0}, seed=1)
    assert sum(data.sizes.values()) == 400
    assert data.x_train.shape[1:] == (2,)
    assert abs(data.y_train.mean() - 0.5) < 0.02
    noisy = load_dataset(name, {"size": 400, "noise": 0.3}, seed=1)
    assert not np.allclose(data.x_train, noisy.x_train)
    assert dataset_shape(name).input_shape == (2,)
