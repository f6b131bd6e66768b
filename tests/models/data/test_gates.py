"""The logic gates as datasets."""
import pytest

from models.data import load_dataset


@pytest.mark.parametrize("gate, labels", [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]),
                                          ("xor", [0, 1, 1, 0])])
def test_gates(gate, labels):
    data = load_dataset(f"gates-{gate}")
    assert data.x_train.shape == (4, 2)
    assert data.y_train.ravel().tolist() == labels
