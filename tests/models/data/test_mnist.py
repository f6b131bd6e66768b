"""MNIST: the offline subset split, the download fallback, a user's own .npz."""
import numpy as np
import pytest

from models.data import DatasetError, load_dataset
from models.data.mnist import load_offline_arrays


def test_offline_mnist_split_is_stratified_and_seeded():
    a = load_dataset("mnist", {"source": "offline"}, seed=3)
    b = load_dataset("mnist", {"source": "offline"}, seed=3)
    c = load_dataset("mnist", {"source": "offline"}, seed=4)
    assert "offline" in a.info.source
    assert a.sizes == {"train": 3500, "validation": 750, "test": 750}
    assert a.x_train.shape[1:] == (28, 28, 1) and a.x_train.dtype == np.float32
    assert 0.0 <= a.x_train.min() and a.x_train.max() <= 1.0
    for y in (a.y_train, a.y_val, a.y_test):
        counts = np.bincount(y, minlength=10)
        assert counts.max() - counts.min() <= 1  # every class in the same proportion
    assert not np.array_equal(a.y_train[:50], np.sort(a.y_train[:50]))  # shuffled, not sorted by label
    np.testing.assert_array_equal(a.y_train, b.y_train)
    assert not np.array_equal(a.y_train, c.y_train)


def test_mnist_auto_falls_back_offline_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))

    def no_network():
        raise OSError("no network")
    monkeypatch.setattr("models.data.mnist._download", no_network)
    monkeypatch.setattr("models.data.mnist._last_failure", {"at": -1e9})
    data = load_dataset("mnist")
    assert "offline" in data.info.source and "could not be downloaded" in data.info.notes
    assert load_dataset("mnist", {"source": "offline"}).info.notes == ""


def test_user_supplied_mnist_npz(tmp_path):
    x, y = load_offline_arrays()
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=x[:1000], y_train=y[:1000], x_test=x[1000:1200], y_test=y[1000:1200])
    data = load_dataset("mnist", {"path": str(path)})
    assert data.info.source.startswith("file")
    assert data.sizes == {"train": 900, "validation": 100, "test": 200}
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DatasetError, match="not an MNIST"):
        load_dataset("mnist", {"path": str(bad)})
