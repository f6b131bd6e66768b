"""The dataset registry: a bad option is a DatasetError naming it."""
import pytest

from models.data import DatasetError, load_dataset


def test_bad_dataset_options_are_clear():
    with pytest.raises(DatasetError, match="unknown dataset"):
        load_dataset("imagenet")
    with pytest.raises(DatasetError, match="noise"):
        load_dataset("moons", {"noise": -1})
    with pytest.raises(DatasetError, match="bad option"):
        load_dataset("moons", {"colour": "red"})
