"""Faults while the window trains: a probe that raises leaves the run going and the window says whose view
stopped; an exception inside the train step becomes a message, the window stays usable and trains again."""
from __future__ import annotations

from models.engine.probe import Probe


class _Broken(Probe):
    name = "broken_view"
    interval_s = 0.0

    def compute(self, model) -> dict:
        raise ValueError("cannot look inside")


def _one_epoch(win) -> None:
    win.training.epochs.setValue(1)


def test_a_probe_that_raises_is_named_in_the_status_bar_and_the_run_finishes(window, qtbot, monkeypatch):
    exp = window.document.experiment
    panel = window.host.active(exp)[0]
    monkeypatch.setattr(panel, "probes", lambda experiment: [_Broken()])
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    _one_epoch(window)
    with qtbot.waitSignal(window.controller.run_ended, timeout=120000) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished"
    assert any(text.startswith(f"{panel.title}: this view could not be updated (ValueError: cannot look inside")
               for text in said), said
    assert window.plots.point_count("loss", "epoch") == 1


def test_an_exception_in_the_train_step_is_a_message_and_the_window_trains_again(window, qtbot, monkeypatch):
    import keras

    real = keras.Model.make_train_function

    def broken(self, force=False):
        real(self, force)

        def step(iterator):
            raise FloatingPointError("injected fault in the train step")
        self.train_function = step
        return step
    monkeypatch.setattr(keras.Model, "make_train_function", broken)
    _one_epoch(window)
    with qtbot.waitSignal(window.controller.run_ended, timeout=120000) as blocker:
        window.start_training()
    assert blocker.args[0].status == "failed"
    assert "FloatingPointError: injected fault in the train step" in window.message_bar.text
    assert window.training.start.isEnabled() and not window.editors["main"].locked
    monkeypatch.undo()
    with qtbot.waitSignal(window.controller.run_ended, timeout=120000) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished"
