"""Every text task: declared shapes match what loads, options are checked. No TensorFlow."""
import numpy as np
import pytest

from models.data import DatasetError, dataset_shape, load_dataset
from models.data.chars import MAX_CHARS
from models.data.reviews import TAGS


@pytest.fixture(scope="module")
def sentiment():
    return load_dataset("sentiment", seed=3)


def test_shapes_dtypes_and_declared_shapes():
    for name in ("sentiment", "tagging", "memory-30", "chars"):
        data = load_dataset(name, {"size": 400} if name != "chars" else None, seed=0)
        shape = dataset_shape(name)
        assert data.x_train.dtype == np.int32 and data.info.input_dtype == "int32" == shape.input_dtype
        assert tuple(data.info.input_shape) == shape.input_shape == data.x_train.shape[1:]
        assert data.info.task == shape.task
        assert data.x_train.min() >= 0 and data.x_train.max() < data.info.extras["vocabulary"].size
        assert min(data.sizes.values()) > 0
    assert dataset_shape("memory-80").input_shape == (80,)
    assert dataset_shape("tagging").num_classes == len(TAGS)
    assert dataset_shape("chars").num_classes == MAX_CHARS


def test_bad_options_are_dataset_errors():
    with pytest.raises(DatasetError, match="size"):
        load_dataset("sentiment", {"size": 3})
    with pytest.raises(DatasetError, match="min_length"):
        load_dataset("memory-20", {"min_length": 30})
    with pytest.raises(DatasetError, match="not an option"):
        load_dataset("tagging", {"path": "x.txt"})
