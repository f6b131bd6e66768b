"""Data > Your images / Your table / Your text file: the project points at the user's data, fitted and said."""
import numpy as np
from PIL import Image

from gui.app import wait_until


def _folder(root):
    rng = np.random.default_rng(0)
    for c, name in enumerate(("dark", "light")):
        (root / name).mkdir(parents=True)
        for i in range(10):
            Image.fromarray(np.clip(rng.normal(40 + 170 * c, 20, (20, 20)), 0, 255).astype("uint8")).save(
                root / name / f"{i}.png")
    return root


def test_your_images_fit_the_network_preview_and_train(make_window, qtbot, tmp_path):
    win = make_window("lenet5")
    assert win.use_own_data(str(_folder(tmp_path / "shades")))
    exp = win.document.experiment
    assert exp.dataset == "images" and exp.dataset_options["path"].endswith("shades")
    assert exp.networks["main"].layers[-1].params["units"] == 2
    assert "last Dense layer now has 2 softmax units" in win.message_bar.text
    assert win.training.dataset.currentText() == "images"
    assert wait_until(lambda: "20 images in 2 classes" in win.training.preview.info.text(), 30)
    assert win.training.preview.kind == "images"
    assert "dark: 10" in win.training.preview.info.toolTip()  # the full report on hover
    win.training.epochs.setValue(1)
    with qtbot.waitSignal(win.controller.run_ended, timeout=60000) as blocker:
        win.start_training()
    assert blocker.args[0].status == "finished"
    win.document.undo_stack.undo()  # the switch is one undoable step
    assert win.document.experiment.dataset == "mnist"


def test_a_table_on_an_image_network_is_refused_with_the_presets_that_take_it(make_window, tmp_path):
    win = make_window("cnn")
    table = tmp_path / "t.csv"
    table.write_text("a,b,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    assert not win.use_own_data(str(table), "y")
    assert "presets that train on tables: perceptron, mlp" in win.message_bar.text
    assert win.document.experiment.dataset == "mnist"
    mlp = make_window("mlp")
    assert mlp.use_own_data(str(table), "y")
    assert mlp.document.experiment.networks["main"].input_shape == (2,)


def test_your_text_file_goes_to_the_model_that_reads_text(make_window, tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("the cat sat on the mat. " * 50, encoding="utf-8")
    win = make_window("lstm")
    assert win.use_text_file(str(text))
    assert win.document.experiment.dataset == "chars"
    assert win.document.experiment.dataset_options == {"path": str(text)}
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert not win.use_text_file(str(binary)) and "binary" in win.message_bar.text
    other = make_window("cnn")
    assert not other.use_text_file(str(text)) and "next-character" in other.message_bar.text


def test_file_open_takes_a_keras_model_into_the_editor(make_window, qtbot, tmp_path):
    import keras

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(6, activation="tanh"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.save(tmp_path / "mine.keras")
    win = make_window("cnn")
    # (no waitSignal on _future_done: it is emitted on the worker thread)
    assert win.open_path(str(tmp_path / "mine.keras"), confirmed=True)
    assert wait_until(lambda: win.document.experiment.name == "mine", 30)
    exp = win.document.experiment
    assert [layer.params.get("units") for layer in exp.networks["main"].layers] == [6, 1]
    assert exp.training.initial_weights.endswith("mine.keras")
    assert "trains it further from its weights" in win.message_bar.text
    (tmp_path / "other.keras").write_bytes(b"junk")
    win.open_path(str(tmp_path / "other.keras"), confirmed=True)
    assert wait_until(lambda: "Could not open other.keras" in win.message_bar.text, 30)
    assert win.document.experiment.name == "mine"  # the open project stays
