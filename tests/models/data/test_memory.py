"""`memory-N`: the label is the first token; training lengths vary; a bad N is a clear error."""
import numpy as np
import pytest

from models.data import DatasetError, dataset_shape, load_dataset
from models.data.vocabulary import PAD_ID


def test_memory_label_is_the_first_token_and_training_lengths_vary():
    data = load_dataset("memory-40", {"size": 600}, seed=0)
    vocab = data.info.extras["vocabulary"]
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        first = [vocab.tokens[i] for i in x[:, 0]]
        assert [{"A": 0.0, "B": 1.0}[t] for t in first] == y[:, 0].tolist()
        assert set(np.unique(x[:, 1:])) - {PAD_ID} <= {vocab.id_of(str(d)) for d in range(10)}
    assert (data.x_test != PAD_ID).all() and (data.x_val != PAD_ID).all()  # full length N
    lengths = (data.x_train != PAD_ID).sum(axis=1)
    assert lengths.min() >= 4 and lengths.max() == 40 and len(np.unique(lengths)) > 10
    full = load_dataset("memory-40", {"size": 600, "min_length": 40}, seed=0)
    assert (full.x_train != PAD_ID).all()


@pytest.mark.parametrize("name,needle", [("memory-abc", "whole number"), ("memory-1", "between"),
                                         ("memory-5000", "between")])
def test_memory_bad_n(name, needle):
    with pytest.raises(DatasetError, match=needle):
        load_dataset(name)
    with pytest.raises(DatasetError):
        dataset_shape(name)


def test_count_is_one_input_then_a_sequence_out():
    from models.data import load_dataset
    from models.data.counting import GO, STEPS, count_vocabulary

    data = load_dataset("count", {"repeat": 3}, seed=0)
    vocab = count_vocabulary()
    assert data.x_train.shape == (30, STEPS) and data.info.task == "tagging"
    assert data.info.extras["mode"] == "one-to-many"
    seven = data.x_test[7]
    assert vocab.decode(seven)[0] == "7" and set(vocab.decode(seven)[1:]) == {GO}  # one input, then "go on"
    assert list(data.y_test[7]) == [8, 9, 0, 1, 2, 3, 4, 5]
