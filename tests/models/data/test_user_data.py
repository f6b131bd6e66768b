"""Your own data: a folder of images (one sub-folder per class) and a CSV table, with their reports and errors."""
import json

import numpy as np
import pytest
from PIL import Image

import main
import models.families  # noqa: F401  (registers the datasets)
from models.data import DatasetError, dataset_shape, load_dataset
from models.data.image_folder import scan_folder
from models.data.user_data import fit_to_data, user_dataset
from models.spec.presets import get_preset


def _folder(root, per_class=12, classes=("cat", "dog")):
    rng = np.random.default_rng(0)
    for c, name in enumerate(classes):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            shade = 40 + 170 * c  # dark cats, light dogs: learnable
            pixels = np.clip(rng.normal(shade, 20, (10 + i, 12, 3)), 0, 255).astype("uint8")
            im = Image.fromarray(pixels)
            (im.convert("L") if i % 2 else im).save(root / name / f"{i}.{'png' if i % 3 else 'jpg'}")
    return root


def test_a_folder_of_mixed_images_becomes_the_networks_input(tmp_path):
    root = _folder(tmp_path / "pets")
    (root / "dog" / "readme.txt").write_text("hello")
    (root / "cat" / "bad.png").write_bytes(b"not a png")
    data = load_dataset("images", {"path": str(root), "height": 8, "width": 8, "channels": 1}, seed=3)
    assert data.x_train.shape[1:] == (8, 8, 1) and data.x_train.dtype == np.float32
    assert 0.0 <= data.x_train.min() and data.x_train.max() <= 1.0
    assert data.info.class_names == ["cat", "dog"]
    assert sum(len(y) for y in (data.y_train, data.y_val, data.y_test)) == 24
    for y in (data.y_train, data.y_val, data.y_test):  # stratified: both classes in every split
        assert set(y.tolist()) == {0, 1}
    report = data.info.extras["report"]
    assert "24 images in 2 classes" in report and "cat: 12" in report
    assert "dog/readme.txt: not a PNG, JPEG or BMP file" in report and "cat/bad.png: unreadable" in report
    assert "sizes found:" in report and "each image becomes 8x8 grey" in report
    colour = load_dataset("images", {"path": str(root), "height": 8, "width": 8, "channels": 3})
    assert colour.x_train.shape[1:] == (8, 8, 3)
    same = load_dataset("images", {"path": str(root), "height": 8, "width": 8, "channels": 1}, seed=3)
    assert np.array_equal(same.y_train, data.y_train)  # the seed fixes the split


@pytest.mark.parametrize("make, said", [
    (lambda r: None, "no such folder"),
    (lambda r: (r.mkdir(), (r / "only").mkdir(), Image.new("L", (4, 4)).save(r / "only" / "a.png")), "one class"),
    (lambda r: (_folder(r), (r / "empty").mkdir()), "'empty' in"),
    (lambda r: (r.mkdir(), Image.new("L", (4, 4)).save(r / "a.png")), "put each class's images in a sub-folder"),
])
def test_folders_that_cannot_be_a_classification_task_are_refused(tmp_path, make, said):
    root = tmp_path / "data"
    make(root)
    with pytest.raises(DatasetError, match=said):
        scan_folder(root)


CSV = "size,weight,kind\n" + "".join(f"{1000 + 10 * i},{0.1 * (i % 7)},{'big' if i >= 15 else 'small'}\n"
                                      for i in range(30))


def test_a_table_is_standardised_with_training_statistics(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(CSV)
    data = load_dataset("table", {"path": str(path), "label": "kind"})
    assert data.info.class_names == ["big", "small"] and data.info.input_shape == (2,)
    assert abs(float(data.x_train.mean())) < 1e-5 and abs(float(data.x_train.std()) - 1) < 1e-5
    stats = data.info.extras["standardise"]
    assert 1000 < float(stats["mean"][0]) < 1300
    assert dataset_shape("table", {"path": str(path), "label": "kind"}).num_classes == 2


@pytest.mark.parametrize("text, label, said", [
    ("a,b,y\n1,2,x\n,3,z\n", "y", "row 3, column 'a': the value is missing"),
    ("a,b,y\n1,two,x\n2,3,z\n", "y", "row 2, column 'b': 'two' is not a number"),
    ("a,b,y\n1,2,x\n2,3,x\n", "y", "holds one class"),
    ("a,b,y\n1,2,x\n2,3,z\n", "kind", "no column 'kind'"),
    ("a,b,y\n1,2\n", "y", "row 2: 2 values but the header has 3 columns"),
])
def test_bad_tables_name_the_column_and_row(tmp_path, text, label, said):
    path = tmp_path / "t.csv"
    path.write_text(text)
    with pytest.raises(DatasetError, match=said):
        load_dataset("table", {"path": str(path), "label": label})


def test_the_network_is_fitted_to_the_data_and_says_how(tmp_path):
    root = _folder(tmp_path / "pets", classes=("a", "b", "c"))
    exp = get_preset("lenet5").make("mnist")
    changes = fit_to_data(exp, *user_dataset(str(root)))
    assert exp.dataset_options["height"] == 28 and exp.networks["main"].layers[-1].params["units"] == 3
    assert any("resized to the network's input, 28x28 grey" in c for c in changes)
    table = tmp_path / "t.csv"
    table.write_text(CSV)
    exp = get_preset("mlp").make("moons")
    changes = fit_to_data(exp, *user_dataset(str(table), "kind"))
    assert exp.networks["main"].input_shape == (2,) and not any("input" in c for c in changes)
    with pytest.raises(DatasetError, match="--label"):
        user_dataset(str(table))
    with pytest.raises(DatasetError, match="reads images"):
        fit_to_data(get_preset("mlp").make("moons"), *user_dataset(str(root)))


def test_cli_trains_on_a_folder_and_a_table_and_refuses_bad_data_with_exit_2(tmp_path, capsys):
    root = _folder(tmp_path / "pets")
    out = tmp_path / "m.keras"
    assert main.main(["train", "lenet5", "--data", str(root), "--epochs", "1", "--no-run-folder", "--json",
                      "--export", str(out)]) == 0
    captured = capsys.readouterr()
    assert "24 images in 2 classes" in captured.err and "last Dense layer now has 2 softmax units" in captured.err
    events = [json.loads(line) for line in captured.out.splitlines() if line.startswith("{")]
    assert events[-1]["event"] == "finished" and out.exists()
    table = tmp_path / "t.csv"
    table.write_text(CSV)
    assert main.main(["train", "mlp", "--data", str(table), "--label", "kind", "--epochs", "2",
                      "--no-run-folder", "--export", str(tmp_path / "t.keras")]) == 0
    assert "30 rows, 2 numeric features" in capsys.readouterr().out
    # the exported model takes the CSV's raw numbers: it standardises them itself, as training did
    import keras
    exported = keras.saving.load_model(str(tmp_path / "t.keras"), safe_mode=True)
    raw = np.array([[1000.0, 0.0], [1290.0, 0.6]], dtype="float32")
    stats = load_dataset("table", {"path": str(table), "label": "kind"}).info.extras["standardise"]
    inner = exported.layers[-1]
    assert exported.layers[1].name == "standardise"
    np.testing.assert_allclose(exported.predict(raw, verbose=0),
                               inner.predict((raw - stats["mean"]) / stats["std"], verbose=0), atol=1e-5)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "x").mkdir()
    Image.new("L", (4, 4)).save(tmp_path / "one" / "x" / "a.png")
    for argv, said in ((["lenet5", "--data", str(tmp_path / "one")], "--data: "),
                       (["mlp", "--data", str(table)], "--label COLUMN"),
                       (["cnn", "--data", str(table), "--label", "kind"], "presets that train on tables: perceptron, mlp"),
                       (["mlp", "--label", "kind"], "--label names the class column")):
        assert main.main(["train", *argv, "--no-run-folder"]) == 2
        assert said in capsys.readouterr().err
