"""Opening a .keras file: a chain of catalog layers becomes a stack (with its weights); anything else is refused
with the layers the catalog does not know."""
import numpy as np
import pytest

import keras  # noqa: E402  (a dependency: its absence is a failure, not a skip)

import main  # noqa: E402
import models.families  # noqa: E402,F401
from models.families.supervised.opened import experiment_from_keras  # noqa: E402
from models.spec.build import build_network  # noqa: E402
from models.spec.keras_import import ImportRefused, copy_weights, import_keras  # noqa: E402


def _save(model, path):
    model.save(path)
    return str(path)


def test_a_chain_of_catalog_layers_opens_with_every_parameter_and_its_weights(tmp_path):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Conv2D(4, 3, padding="same", activation="tanh"),
                              keras.layers.MaxPooling2D(), keras.layers.Flatten(), keras.layers.Dropout(0.25),
                              keras.layers.Dense(10, activation="softmax",
                                                 kernel_regularizer=keras.regularizers.L1L2(l2=0.01))])
    imported = import_keras(_save(model, tmp_path / "m.keras"))
    assert [layer.type for layer in imported.spec.layers] == ["Conv2D", "MaxPooling2D", "Flatten", "Dropout",
                                                              "Dense"]
    conv, dense = imported.spec.layers[0].params, imported.spec.layers[-1].params
    assert conv["filters"] == 4 and conv["kernel_size"] == 3 and conv["padding"] == "same"
    assert conv["activation"] == "tanh" and dense["l2"] == pytest.approx(0.01) and dense["units"] == 10
    rebuilt, report = build_network(imported.spec)
    copy_weights(imported.model, rebuilt)
    x = np.random.default_rng(0).random((3, 8, 8, 1), dtype="float32")
    np.testing.assert_allclose(rebuilt(x), model(x), atol=1e-6)


def test_unknown_layers_are_listed_and_the_file_refused(tmp_path):
    inp = keras.Input((6,))
    a = keras.layers.Dense(4, name="left")(inp)
    b = keras.layers.Dense(4, name="right")(inp)
    out = keras.layers.Dense(1)(keras.layers.Add(name="join")(([a, b])))
    path = _save(keras.Model(inp, out), tmp_path / "branch.keras")
    with pytest.raises(ImportRefused, match=r"1 layer the editor does not know: join \(Add\)"):
        import_keras(path)
    (tmp_path / "junk.keras").write_bytes(b"not a zip")
    with pytest.raises(ImportRefused, match="could not be read as a Keras model"):
        import_keras(tmp_path / "junk.keras")


def test_an_opened_model_trains_on_from_its_weights_and_validate_prints_its_report(tmp_path, capsys):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="tanh"),
                              keras.layers.Dense(1, activation="sigmoid")])
    path = _save(model, tmp_path / "xor.keras")
    exp = experiment_from_keras(path)
    assert exp.dataset == "moons" and exp.training.initial_weights.endswith("xor.keras")
    assert main.main(["validate", path]) == 0
    out = capsys.readouterr().out
    assert "opens on 'moons'" in out and "total parameters: 33" in out
    assert main.main(["train", path, "--epochs", "1", "--no-run-folder"]) == 0
    (tmp_path / "xor.keras").unlink()
    assert main.main(["train", path, "--epochs", "1", "--no-run-folder"]) == 2
    assert "no such file" in capsys.readouterr().err
