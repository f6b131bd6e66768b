"""Deployment exports: each format is written, run in its own runtime and compared with Keras."""
import numpy as np
import pytest

import keras  # noqa: E402  (a dependency: its absence is a failure, not a skip)

from models import deploy  # noqa: E402
from models.deploy import DeployError, check_target, export_model, format_of  # noqa: E402


@pytest.fixture(scope="module")
def tiny():
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input((6, 6, 1)), keras.layers.Conv2D(2, 3, activation="relu"),
                             keras.layers.Flatten(), keras.layers.Dense(3, activation="softmax")])


@pytest.mark.parametrize("name, fmt", [("m.onnx", "ONNX"), ("m.tflite", "LiteRT"), ("saved", "SavedModel"),
                                       ("m.keras", "Keras")])
def test_each_format_is_written_and_checked_in_its_runtime(tiny, tmp_path, name, fmt):
    samples = np.random.default_rng(1).random((40, 6, 6, 1), dtype="float32")
    result = export_model(tiny, tmp_path / name, samples)
    assert result.format == fmt == format_of(tmp_path / name)
    assert (tmp_path / name).exists()
    if fmt != "Keras":
        assert result.samples == 32 and result.max_difference < 1e-5
        assert "differ from Keras by at most" in result.text()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary left beside it


def test_an_export_that_predicts_differently_is_refused_and_not_written(tiny, tmp_path, monkeypatch):
    real = deploy._run_onnx
    monkeypatch.setattr(deploy, "_run_onnx", lambda path, x: [g + 0.1 for g in real(path, x)])
    with pytest.raises(DeployError, match="predicts differently"):
        export_model(tiny, tmp_path / "m.onnx")
    assert list(tmp_path.iterdir()) == []


def test_several_inputs_and_outputs_are_paired(tmp_path):
    noise = keras.Input((4,), name="noise")
    label = keras.Input((1,), dtype="int32", name="label")
    h = keras.layers.Concatenate()([noise, keras.layers.Flatten()(keras.layers.Embedding(3, 2)(label))])
    model = keras.Model([noise, label], [keras.layers.Dense(2)(h), keras.layers.Dense(5)(h)])
    for name in ("m.onnx", "m.tflite", "saved"):
        assert export_model(model, tmp_path / name).max_difference < 1e-5


def test_a_recurrent_loop_litert_cannot_run_gets_a_reason(tmp_path):
    model = keras.Sequential([keras.Input((5,), dtype="int32"), keras.layers.Embedding(4, 3),
                              keras.layers.LSTM(2), keras.layers.Dense(1)])
    with pytest.raises(DeployError, match="LiteRT cannot run this model on its own.*ONNX or a SavedModel"):
        export_model(model, tmp_path / "m.tflite")
    assert not (tmp_path / "m.tflite").exists()


def test_targets_are_checked_before_anything_is_trained(tmp_path):
    assert "not '.h5'" in check_target(tmp_path / "m.h5")
    (tmp_path / "m.onnx").mkdir()
    assert "is a folder" in check_target(tmp_path / "m.onnx")
    (tmp_path / "f").write_text("x")
    assert "is a file; a SavedModel is a folder" in check_target(tmp_path / "f")
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    assert "other files in it" in check_target(other)
    assert check_target(tmp_path / "new" / "deeper" / "m.tflite") is None
