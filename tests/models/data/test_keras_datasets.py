"""Fashion-MNIST and CIFAR-10: one download into the user's cache (here a fixture in Keras' format), then the
cache alone; a clear message offline. Nothing here touches the network."""
import numpy as np
import pytest

import main
import models.families  # noqa: F401
from models.data import DatasetError, load_dataset
from models.data import keras_datasets as kd


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LAYERWISE_CACHE", str(tmp_path / "cache"))
    kd._last_failure.clear()
    yield tmp_path / "cache"
    kd._last_failure.clear()


def _fixture(spec):
    """Arrays exactly as keras.datasets returns them: uint8 images, CIFAR's labels as (n, 1)."""
    rng = np.random.default_rng(0)
    shape = spec.shape if spec.shape[-1] == 3 else spec.shape[:2]
    labels = np.tile(np.arange(10, dtype="uint8"), 6)
    if spec.shape[-1] == 3:
        labels = labels[:, None]
    x = rng.integers(0, 256, (60, *shape), dtype="uint8")
    return (x, labels), (x[:20], labels[:20])


@pytest.mark.parametrize("spec", [kd.FASHION, kd.CIFAR10])
def test_downloaded_once_then_read_from_the_checksummed_cache(spec):
    calls = []

    def download(s):
        calls.append(s.name)
        return _fixture(s)

    data = kd.load_downloadable(spec, seed=1, download=download)
    assert data.x_train.shape[1:] == spec.shape and data.x_train.dtype == np.float32 and data.x_train.max() <= 1
    assert len(data.y_train) + len(data.y_val) == 60 and len(data.y_test) == 20 and data.y_train.ndim == 1
    assert data.info.class_names == list(spec.class_names) and "downloaded once" in data.info.source
    again = kd.load_downloadable(spec, seed=1, download=download)
    assert calls == [spec.name] and again.info.source.startswith("cache")  # no second download, no message
    np.testing.assert_array_equal(again.x_train, data.x_train)
    path = kd.cache_file(spec)
    path.write_bytes(path.read_bytes()[:-10])  # a truncated or altered cache no longer matches its checksum
    kd.load_downloadable(spec, download=download)
    assert calls == [spec.name, spec.name]


def test_offline_and_not_cached_is_a_clear_error_that_is_not_retried_at_once():
    calls = []

    def offline(spec):
        calls.append(1)
        raise OSError("Temporary failure in name resolution")

    with pytest.raises(DatasetError, match=r"not downloaded yet.*about 170 MB.*'mnist', which works offline"):
        kd.load_downloadable(kd.CIFAR10, download=offline)
    with pytest.raises(DatasetError, match="failed moments ago"):
        kd.load_downloadable(kd.CIFAR10, download=offline)
    assert calls == [1]


def test_the_cli_says_so_and_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(kd, "keras_download", lambda spec: (_ for _ in ()).throw(OSError("no network")))
    assert main.main(["train", "lenet5", "--dataset", "fashion-mnist", "--epochs", "1", "--no-run-folder"]) == 2
    assert "Fashion-MNIST clothing is not downloaded yet" in capsys.readouterr().err


def test_cnn_fits_cifar10_colour_from_the_cache(monkeypatch):
    monkeypatch.setattr(kd, "keras_download", _fixture)
    assert load_dataset("cifar10", {"limit": 30}).x_train.shape == (30, 32, 32, 3)
    from models.spec.presets import get_preset
    exp = get_preset("cnn").make("cifar10")
    assert tuple(exp.networks["main"].input_shape) == (32, 32, 3)
