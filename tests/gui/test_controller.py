"""The controller's drain: urgent events reach the window on the next tick, batch ends in bundles."""
import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.controller import BATCHES_EVERY_S, QueueReporter, TrainingController  # noqa: E402
from models.engine.events import BatchEnd, EpochEnd, Paused  # noqa: E402


def _batch(b):
    return BatchEnd(epoch=1, batch=b, step=b, loss=1.0 / b, metrics={})


@pytest.fixture
def controller(qtbot):
    ctl = TrainingController()
    yield ctl
    ctl._reporter = None
    assert ctl.shutdown(10)


def test_batch_ends_are_bundled_but_pause_and_epoch_ends_go_out_at_once(controller, monkeypatch):
    seen = []
    controller.batches.connect(lambda events: seen.append(("batches", [e.batch for e in events])))
    controller.epoch_ended.connect(lambda e: seen.append(("epoch", e.epoch)))
    controller.paused_changed.connect(lambda p: seen.append(("paused", p)))
    now = [100.0]
    monkeypatch.setattr("gui.controller.time", SimpleNamespace(monotonic=lambda: now[0]))
    reporter = controller._reporter = QueueReporter()

    reporter.report(_batch(1))
    controller._drain()  # nothing handed over yet: the first bundle goes at once
    assert seen == [("batches", [1])]
    reporter.report(_batch(2))
    reporter.report(_batch(3))
    now[0] += BATCHES_EVERY_S / 2
    controller._drain()
    assert seen == [("batches", [1])]  # held: only batch ends are waiting
    reporter.report(Paused(True))
    controller._drain()  # urgent: goes out now, with the batches before it, in order
    assert seen[1:] == [("batches", [2, 3]), ("paused", True)]
    reporter.report(_batch(4))
    now[0] += BATCHES_EVERY_S
    controller._drain()
    assert seen[3:] == [("batches", [4])]
    reporter.report(_batch(5))
    reporter.report(EpochEnd(epoch=1, metrics={"loss": 0.2}, seconds=1.0, samples=5))
    controller._drain()
    assert seen[4:] == [("batches", [5]), ("epoch", 1)]
    assert not reporter.queue and not reporter.urgent


def test_a_held_worker_starts_nothing_until_released_and_never_waits_forever(qtbot, monkeypatch):
    """The app holds the worker until its window is painted (TensorFlow's import under the GIL delayed the first
    frame by seconds); a window that is never painted must not keep the worker waiting."""
    import threading
    import time

    ran = threading.Event()
    held = TrainingController(hold=True)
    try:
        held.call(ran.set)
        time.sleep(0.3)
        assert not ran.is_set()  # warm-up and every call queue behind the hold
        held.release()
        assert ran.wait(5)
    finally:
        assert held.shutdown(10)

    monkeypatch.setattr(TrainingController, "HOLD_S", 0.2)
    ran.clear()
    forgotten = TrainingController(hold=True)
    try:
        forgotten.call(ran.set)
        assert ran.wait(5)  # never released: it starts after HOLD_S all the same
    finally:
        assert forgotten.shutdown(10)


def test_the_app_window_loads_tensorflow_once_it_is_painted(qtbot, settings):
    from gui.app import wait_until
    from gui.main_window import MainWindow

    win = MainWindow(settings=settings, preset="mlp", paint_first=True)
    try:
        assert win.controller.held
        win.show()
        assert wait_until(lambda: not win.controller.held, 10)  # released by the first paint, not by HOLD_S
        assert wait_until(lambda: win.controller.device != "" and not win.validation_pending, 60)
    finally:
        win.close_without_asking()
        assert win.controller.shutdown(10)
