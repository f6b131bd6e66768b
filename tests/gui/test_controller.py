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
