"""The main window as a person uses it: assemble, see errors, undo, save/open, train, pause, stop, close."""
import json
import time
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from gui.app import wait_until
from models.spec.experiment import Experiment


def _palette_click(win, kind, name):
    item = win.palette.items[(kind, name)]
    win.palette.tree.setCurrentItem(item)
    win.palette._clicked(item, 0)


def _click_block(qtbot, editor, index):
    rect = editor.block_rect(index)
    pos = editor.mapFromScene(rect.center())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _validated(win):
    return wait_until(lambda: not win.validation_pending, 30)


def test_assemble_by_clicks_and_see_located_error_appear_and_clear(window, qtbot):
    editor = window.editors["main"]
    layers_before = len(window.document.layers("main"))
    _click_block(qtbot, editor, 0)  # select the first Dense
    assert window.document.selection == ("main", 0)
    _palette_click(window, "layer", "Conv2D")  # a Conv2D after a Dense: wrong rank
    assert len(window.document.layers("main")) == layers_before + 1
    assert window.document.layers("main")[1].type == "Conv2D"
    assert _validated(window)
    block = next(b for b in editor.blocks if b.index == 1)
    assert block.error and "4-D" in block.error
    assert not window.training.start.isEnabled()
    assert "layer 2 (Conv2D)" in window.training.start.toolTip()
    # fix it with the keyboard: Delete removes the selected (new) block
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert [l.type for l in window.document.layers("main")] == ["Dense", "Dense"]
    assert _validated(window)
    assert not any(b.error for b in editor.blocks)
    assert window.training.start.isEnabled()


def test_inspector_edits_are_undoable_and_shapes_follow(window, qtbot):
    editor = window.editors["main"]
    _click_block(qtbot, editor, 0)
    spin = window.inspector.editors["units"]
    spin.setValue(16)
    assert window.document.layers("main")[0].params["units"] == 16
    assert _validated(window)
    assert window.reports["main"].rows[1].output_shape == (None, 16)
    assert window.summary.table.item(1, 2).text() == "(batch, 16)"
    # the spin box refuses values outside the schema
    spin.setValue(10**9)
    assert window.document.layers("main")[0].params["units"] == 8192
    window.undo_action.trigger()
    assert window.document.layers("main")[0].params["units"] == 8  # both spin-box steps merge into one undo step
    window.redo_action.trigger()
    assert window.document.layers("main")[0].params["units"] == 8192


def test_edits_update_blocks_and_summary_in_place(window):
    editor = window.editors["main"]
    blocks, arrows = list(editor.blocks), list(editor.arrows)
    window.document.set_param("main", 0, "units", 24)
    assert _validated(window)
    assert editor.blocks == blocks and editor.arrows == arrows  # same items, new text
    assert "units 24" in editor.blocks[1].detail and editor.blocks[1].shape_label == "(batch, 24)"
    assert editor.arrows[1].label == "(batch, 24)"
    assert window.summary.table.item(1, 2).text() == "(batch, 24)"
    window.document.remove_layer("main", 1)
    assert _validated(window)
    assert len(editor.blocks) == 2 and len(editor.arrows) == 1
    assert len(editor.scene().items()) == 3
    assert window.summary.table.rowCount() == 2
    window.undo_action.trigger()
    assert _validated(window)
    assert len(editor.blocks) == 3 and editor.blocks[2].title == "Dense"
    assert window.summary.table.rowCount() == 3


def test_move_duplicate_and_undo_redo_with_shortcuts(window, qtbot):
    editor = window.editors["main"]
    _click_block(qtbot, editor, 1)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.layers("main")) == 3
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.document.selection == ("main", 1)
    types = [l.params.get("units") for l in window.document.layers("main")]
    assert types == [8, 1, 1]
    stack = window.document.undo_stack
    assert stack.count() == 2
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor, Qt.Key.Key_Z, ctrl)  # Edit > Undo, pressed as a person would
    qtbot.keyClick(editor, Qt.Key.Key_Z, ctrl)
    assert len(window.document.layers("main")) == 2 and stack.index() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Y, ctrl)  # Redo, either shortcut
    assert [l.params.get("units") for l in window.document.layers("main")] == [8, 1, 1]
    qtbot.keyClick(editor, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert [l.params.get("units") for l in window.document.layers("main")] == [8, 1, 1] and stack.index() == 2


def test_drag_block_to_reorder(window, qtbot):
    editor = window.editors["main"]
    _palette_click(window, "layer", "Dropout")  # nothing selected: appended at the end
    assert [l.type for l in window.document.layers("main")] == ["Dense", "Dense", "Dropout"]
    start = editor.mapFromScene(editor.block_rect(2).center())
    end = editor.mapFromScene(editor.block_rect(0).center() - QPointF(0, 10))
    qtbot.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=start)
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtCore import QEvent
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), QPointF(end), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    editor.mouseMoveEvent(move)
    qtbot.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert [l.type for l in window.document.layers("main")] == ["Dropout", "Dense", "Dense"]


def test_preset_load_is_undoable_and_shows_tabs_for_two_networks(window):
    _palette_click(window, "preset", "cnn")
    assert window.document.experiment.preset == "cnn"
    assert window.training.dataset.currentText() == "mnist"
    window.document.undo_stack.undo()
    assert window.document.experiment.preset == "mlp"


def test_save_open_round_trip_and_recent_files(window, tmp_path):
    window.document.set_param("main", 0, "units", 5)
    assert window.document.modified and window.isWindowModified()
    path = tmp_path / "net.json"
    assert window.save_to(str(path))
    assert not window.document.modified
    saved = Experiment.from_json(path.read_text())
    assert saved.networks["main"].layers[0].params["units"] == 5
    window.document.set_param("main", 0, "units", 7)
    window.document.undo_stack.setClean()
    assert window.open_path(str(path))
    assert window.document.layers("main")[0].params["units"] == 5
    assert window.recent_files()[0] == str(path)
    assert not list(tmp_path.glob(".net-*"))  # the atomic save left no temp file


def test_corrupt_and_future_files_change_nothing(window, tmp_path):
    before = window.document.experiment.to_json()
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"schema_version": 1, "networks": [')
    assert not window.open_path(str(corrupt))
    assert "not valid JSON" in window.message_bar.text
    data = json.loads(before)
    data["schema_version"] = 99
    future = tmp_path / "future.json"
    future.write_text(json.dumps(data))
    assert not window.open_path(str(future))
    assert "newer Layerwise" in window.message_bar.text
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert not window.open_path(str(binary))
    assert window.document.experiment.to_json() == before
    assert window.document.path is None


def test_save_failure_keeps_the_work(window, tmp_path):
    window.document.set_param("main", 0, "units", 3)
    target = tmp_path / "missing-dir-is-a-file"
    target.write_text("x")
    assert not window.save_to(str(target / "net.json"))
    assert "Could not save" in window.message_bar.text
    assert window.document.modified and window.document.layers("main")[0].params["units"] == 3


def test_a_save_interrupted_by_a_full_disk_keeps_the_old_file(window, tmp_path, monkeypatch):
    """The write itself fails (after the new text reached the disk's buffers): the old file stays whole, the
    temporary file goes, the window says why and keeps the work. Writing straight into the target fails this."""
    import errno

    from models import files

    path = tmp_path / "net.json"
    assert window.save_to(str(path))
    old = path.read_bytes()
    window.document.set_param("main", 0, "units", 9)

    def disk_full(target):
        if Path(target).is_file():
            raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(files, "fsync_path", disk_full)
    assert not window.save_to(str(path))
    assert "the disk is full" in window.message_bar.text
    assert path.read_bytes() == old and sorted(p.name for p in tmp_path.iterdir()) == ["net.json"]
    assert window.document.modified and window.document.layers("main")[0].params["units"] == 9


def test_a_deeply_nested_file_is_refused_with_a_message(window, tmp_path):
    before = window.document.experiment.to_json()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert not window.open_path(str(deep))  # was a RecursionError escaping open_path
    assert "nested too deeply" in window.message_bar.text
    assert window.document.experiment.to_json() == before


def test_unsaved_changes_prompt_on_new(window, monkeypatch):
    window.document.set_param("main", 0, "units", 3)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.new_project()
    assert window.document.layers("main")[0].params["units"] == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.new_project()
    assert window.document.experiment.preset == "cnn" and not window.document.modified


def _set_epochs(win, epochs, dataset=None):
    if dataset:
        win.training.dataset.setCurrentText(dataset)
    win.training.epochs.setValue(epochs)


def test_train_tiny_model_curves_receive_points_and_export(window, qtbot, tmp_path):
    _set_epochs(window, 3)
    with qtbot.waitSignal(window.controller.run_ended, timeout=60000) as blocker:
        window.start_training()
        assert window.editors["main"].locked and not window.palette.tree.isEnabled()
    assert blocker.args[0].status == "finished"
    assert window.plots.point_count("loss", "batch") > 10
    assert window.plots.point_count("loss", "epoch") == 3
    assert window.plots.point_count("accuracy", "val") == 3
    assert window.export_keras_action.isEnabled()
    assert "test" in window.training.message.text()
    with qtbot.waitSignal(window.controller._future_done, timeout=30000):
        window.export_keras(str(tmp_path / "m.keras"))
    assert wait_until(lambda: (tmp_path / "m.keras").exists(), 10)
    assert window.export_onnx_action.isEnabled() and window.export_saved_action.isEnabled()
    window.export_model(str(tmp_path / "m.onnx"))
    # XOR has four validation examples: the export is checked on all of them
    assert wait_until(lambda: "(ONNX); on 4 samples its outputs differ from Keras by at most" in
                      window.statusBar().currentMessage(), 60)
    assert (tmp_path / "m.onnx").exists()


def test_pause_resume_and_stop_mid_run(window, qtbot):
    _set_epochs(window, 500)
    started = time.perf_counter()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # Training > Start
    assert window.controller.running
    assert wait_until(lambda: window.plots.point_count("loss", "batch") > 3, 60)
    qtbot.keyClick(window, Qt.Key.Key_F6)  # Pause
    with qtbot.waitSignal(window.controller.paused_changed, timeout=10000) as blocker:
        pass
    assert blocker.args == [True]
    assert window.training.pause.text() == "Resume"
    count = window.plots.point_count("loss", "batch")
    wait_until(lambda: False, 0.4)
    assert window.plots.point_count("loss", "batch") == count
    # editing is locked while a run exists
    window.add_layer("Dense")
    assert len(window.document.layers("main")) == 2
    qtbot.keyClick(window, Qt.Key.Key_F6)  # Resume
    assert wait_until(lambda: window.plots.point_count("loss", "batch") > count, 30)
    # The time left is estimated from training time: the 0.4 s paused are not in it.
    assert window.training.training_seconds() <= time.perf_counter() - started - 0.35
    with qtbot.waitSignal(window.controller.run_ended, timeout=30000) as ended:
        window.stop_training()
    assert ended.args[0].status == "stopped"
    assert window.training.start.isEnabled() and not window.editors["main"].locked


def test_worker_error_is_shown_and_app_stays_usable(window, qtbot):
    window.document.experiment.training.learning_rate = 1e12
    window.document.experiment.training.optimizer = "sgd"
    window.document.experiment.training.loss = "mse"
    window.document.experiment.networks["main"].layers[0].params["activation"] = "relu"
    window.document.experiment.networks["main"].layers[1].params["activation"] = "linear"
    _set_epochs(window, 50)
    with qtbot.waitSignal(window.controller.run_ended, timeout=60000):
        window.start_training()
    assert "learning rate" in window.message_bar.text
    assert window.training.start.isEnabled()


def test_close_window_mid_run_exits_quickly(make_window, qtbot):
    import time

    win = make_window("cnn")
    win.start_training()
    assert wait_until(lambda: win.plots.point_count("loss", "batch") > 0, 120)
    t0 = time.perf_counter()
    win.close()
    assert not win.isVisible()
    assert time.perf_counter() - t0 < 3.5
    assert not win.controller.session.running


def test_dataset_preview_names_the_classes_above_the_points_not_on_them(window):
    preview = window.training.preview
    assert wait_until(lambda: preview.kind == "points", 30)  # the default project: XOR's four points
    item = preview.points.getPlotItem()
    assert item.legend is None  # a legend box in a plot this small covered one of the four points
    assert "class 0" in item.titleLabel.text and "class 1" in item.titleLabel.text
    points = {(float(x), float(y)) for curve in item.listDataItems() for x, y in zip(*curve.getData())}
    assert points == {(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)}


def test_a_word2vec_run_shows_words_so_far_and_per_second_in_the_progress(qtbot):
    """Long corpora: the run's speed in words, as word2vec tools report it; other runs show no rate."""
    from gui.training_panel import TrainingPanel

    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.begin(epochs=2, steps=10, samples_per_epoch=50_000, unit="words")
    panel._t0 -= 2.0  # two seconds of training so far
    panel.update_progress(1, 10, 10)  # the epoch's last batch always updates
    text = panel.progress.format()
    assert "50.0k words" in text and "/s" in text
    rate = float(text.split("words, ")[1].split("k/s")[0])
    assert 20 <= rate <= 25.5  # 50,000 words in about 2 s
    panel.begin(epochs=2, steps=10, samples_per_epoch=640, unit="samples")
    panel.update_progress(1, 10, 10)
    assert "/s" not in panel.progress.format()
