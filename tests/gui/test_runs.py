"""Continue training, callback settings, the end-of-run notification and the interrupted-runs prompt."""
import json

from PySide6.QtWidgets import QMessageBox

from models.engine import run_folder as rf


def _train(window, qtbot, epochs=2):
    window.training.epochs.setValue(epochs)
    with qtbot.waitSignal(window.controller.run_ended, timeout=60000) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished"
    return blocker.args[0]


def test_continue_goes_on_counting_and_is_off_when_the_network_changes(window, qtbot):
    assert not window.training.continue_.isEnabled() and "Train first" in window.training.continue_.toolTip()
    _train(window, qtbot)
    assert window.training.continue_.isEnabled() and window.continue_action.isEnabled()
    epochs = []
    window.controller.epoch_ended.connect(lambda e: epochs.append(e.epoch))
    with qtbot.waitSignal(window.controller.run_ended, timeout=60000) as blocker:
        window.training.continue_.click()
    assert blocker.args[0].status == "finished" and epochs == [3, 4]
    assert window.plots.point_count("loss", "epoch") == 4  # the curves went on
    assert window.plots.point_count("learning_rate", "epoch") == 4  # the learning rate is plotted per epoch
    window.document.set_param("main", 0, "units", 5)
    assert not window.training.continue_.isEnabled()
    assert "network changed" in window.training.continue_.toolTip()


def test_callback_settings_reach_the_project(window):
    cb = window.training.callbacks
    cb.patience.setValue(3)
    cb.schedule.setCurrentIndex(cb.schedule.findData("cosine"))
    cfg = window.document.experiment.training
    assert cfg.early_stopping == 3 and cfg.lr_schedule == "cosine"
    assert not cb.decay.isEnabled()  # cosine has no decay factor


def test_long_run_notifies_when_the_window_is_not_in_front(window, qtbot, monkeypatch):
    from gui import run_companion

    monkeypatch.setattr(run_companion, "NOTIFY_AFTER_S", 0.0)
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    _train(window, qtbot, epochs=1)
    assert window.runs.notified == 1
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    _train(window, qtbot, epochs=1)
    assert window.runs.notified == 1


def test_interrupted_runs_are_offered_and_resumed(window, qtbot):
    result = _train(window, qtbot)
    status_file = rf.Path(result.run_dir) / "status.json"
    status = json.loads(status_file.read_text())
    status.update(status="running", epochs_planned=3)  # as a kill -9 after epoch 2 of 3 leaves it
    status_file.write_text(json.dumps(status))
    listed = window.runs.offer_interrupted()
    assert [r.path for r in listed] == [rf.Path(result.run_dir)]
    box = window.runs.prompt
    assert "2 of 3 epochs" in box.informativeText()
    epochs = []
    window.controller.epoch_ended.connect(lambda e: epochs.append(e.epoch))
    resume = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(window.controller.run_ended, timeout=60000) as blocker:
        resume.click()
    assert blocker.args[0].status == "finished" and epochs == [3]
    assert window.plots.point_count("loss", "epoch") == 3  # the old epochs joined the resumed one
    assert rf.interrupted_runs() == []


def test_runs_view_lists_overlays_opens_deletes_and_exports(window, qtbot, tmp_path, monkeypatch):
    _train(window, qtbot, epochs=1)
    window.training.lr.setValue(0.2)
    _train(window, qtbot, epochs=1)
    view = window.runs_view
    assert len(view.runs) == 2  # refreshed when each run ended, newest first
    assert view.table.item(0, 3).text() == "same" and "lr" in view.table.item(1, 3).text()
    view.tick(1)
    assert window.plots.overlays[0][0].startswith("lr ") and window.plots.overlay_count("loss") == 2
    view.table.selectRow(1)
    view.open_selected()
    assert window.document.experiment.training.learning_rate != 0.2
    view.export_csv(str(tmp_path / "runs.csv"))
    lines = (tmp_path / "runs.csv").read_text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("folder,when,status,differs")
    view.table.selectRow(0)
    gone = view.selected().path
    view.delete_selected(confirm=False)
    assert not gone.exists() and len(view.runs) == 1


def test_the_keep_setting_bounds_the_runs_kept_and_is_remembered(window, qtbot):
    window.runs_view.keep.setValue(2)
    for _ in range(3):
        _train(window, qtbot, epochs=1)
    assert len(window.runs_view.runs) == 2  # the oldest beyond two was removed when the third started
    assert int(window.settings.value("runs/keep")) == 2
