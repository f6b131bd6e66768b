"""The last layer, the loss and the labels must agree before training; the refusal names the last layer."""
import contextlib
import io
import json

import pytest

import main
from models.spec.experiment import Experiment
from models.spec.joins import join_error

import models.families  # noqa: F401  (registers the supervised join check)


def _xor(loss: str, units: int, activation: str = "sigmoid", dataset: str = "gates-xor") -> Experiment:
    return Experiment.from_dict({
        "schema_version": 1, "name": "x", "family": "supervised", "dataset": dataset,
        "training": {"loss": loss, "epochs": 1, "batch_size": 4, "seed": 0},
        "networks": {"main": {"input_shape": [2], "layers": [
            {"type": "Dense", "params": {"units": 8, "activation": "tanh"}},
            {"type": "Dense", "params": {"units": units, "activation": activation}}]}}})


@pytest.mark.parametrize("loss, units", [("sparse_categorical_crossentropy", 1), ("categorical_crossentropy", 2),
                                         ("binary_crossentropy", 2)])
def test_a_loss_the_last_layer_cannot_feed_is_refused_at_the_last_layer(loss, units):
    error = join_error(_xor(loss, units))
    assert error is not None and error.index == 1 and error.layer_type == "Dense"
    assert loss.split("_")[0] in str(error).replace("-", "_")


@pytest.mark.parametrize("loss, units", [("sparse_categorical_crossentropy", 2), ("binary_crossentropy", 1),
                                         ("auto", 1), ("auto", 2), ("mse", 1), ("hinge", 1)])
def test_pairs_that_train_are_accepted(loss, units):
    assert join_error(_xor(loss, units)) is None


def test_too_few_outputs_for_the_classes_is_refused():
    exp = Experiment.from_dict({
        "schema_version": 1, "name": "m", "family": "supervised", "dataset": "digit-features",
        "networks": {"main": {"input_shape": [128], "layers": [{"type": "Dense", "params": {"units": 3}}]}}})
    error = join_error(exp)
    assert error is not None and "10 classes" in str(error)


def test_validate_refuses_what_crashed_training_on_the_cpu(tmp_path):
    # Found by the project fuzzer: one sigmoid output with sparse cross-entropy was accepted by validate and
    # then failed inside TensorFlow ("label value 1 outside [0, 1)") instead of being refused as bad input.
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_xor("sparse_categorical_crossentropy", 1).to_dict()))
    for command in ("validate", "train"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main.main([command, str(path)])
        assert code == 2, (command, out.getvalue(), err.getvalue())
        assert "layer 2 (Dense): sparse categorical cross-entropy" in out.getvalue() + err.getvalue()
