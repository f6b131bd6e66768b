"""The dataset registry: a bad option is a DatasetError naming it, found before anything loads."""
import pytest

from models.data import DatasetError, DatasetOptionError, check_options, load_dataset


def test_bad_dataset_options_are_clear():
    with pytest.raises(DatasetError, match="unknown dataset"):
        load_dataset("imagenet")
    with pytest.raises(DatasetError, match="noise"):
        load_dataset("moons", {"noise": -1})
    with pytest.raises(DatasetError, match="'colour' is not an option of 'moons'"):
        load_dataset("moons", {"colour": "red"})


@pytest.mark.parametrize("name, options, option", [
    ("gates-xor", {"repeat": -3}, "repeat"),  # numpy said "negative dimensions are not allowed"
    ("gates-xor", {"repeat": 0}, "repeat"),
    ("gates-xor", {"repeat": 2.5}, "repeat"),
    ("gates-xor", {"repeat": True}, "repeat"),
    ("moons", {"size": "big"}, "size"),
    ("mnist", {"validation_fraction": float("nan")}, "validation_fraction"),
    ("mnist", {"source": 3}, "source"),
    ("sentiment", {"seed": 3}, "seed"),  # the seed is training.seed, not a dataset option
])
def test_check_options_names_the_option_without_loading(name, options, option):
    with pytest.raises(DatasetOptionError) as info:
        check_options(name, options)
    assert info.value.option == option


def test_gates_repeat_has_an_upper_bound():
    with pytest.raises(DatasetOptionError, match="repeat"):
        load_dataset("gates-xor", {"repeat": 10**9})  # would have asked numpy for 4e9 rows
    assert len(load_dataset("gates-xor", {"repeat": 3}).x_train) == 12
    check_options("mnist", {"limit": None, "source": "offline"})
