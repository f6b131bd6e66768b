"""Adapts the Qt-free TrainingSession to Qt: events are buffered by the worker and drained here at ~30 Hz.

Nothing in this module touches a Keras object: it passes experiments in and gets plain events, reports and
futures of plain values back.
"""
from __future__ import annotations

import collections
import gc
import sys
import concurrent.futures as cf
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from models.engine.events import BatchEnd, EpochEnd, Failed, Finished, Notice, Paused, ProbeResult, Started
from models.engine.loop import Run, RunResult
from models.spec.experiment import Experiment

DRAIN_MS = 33
# Batch events only feed the plots and the progress bar, which redraw a few times a second at most; handing
# them over on every tick cost the GUI thread ~0.8% of a core while training (measured), taken from TF.
BATCHES_EVERY_S = 0.2


class QueueReporter:
    """Called on the worker thread; only appends to a deque (thread-safe, never blocks training)."""

    def __init__(self) -> None:
        self.queue: collections.deque[Any] = collections.deque()
        self.urgent = False  # something other than a batch end is waiting: drain it on the next tick

    def report(self, event: Any) -> None:
        self.queue.append(event)
        if type(event) is not BatchEnd:
            self.urgent = True


def _validate_all(experiment: Experiment) -> dict[str, Any]:
    """Every network's shape report and the family's check between them (on the worker: it builds with Keras)."""
    from models.spec.build import validate_network
    from models.spec.joins import join_error

    reports = {role: validate_network(net, role) for role, net in experiment.networks.items()}
    error = join_error(experiment, reports)
    return {"reports": reports, "join": "" if error is None else str(error)}


class TrainingController(QObject):
    """Owns the session. Signals are emitted on the GUI thread only."""

    started = Signal(object)  # Started
    batches = Signal(object)  # list[BatchEnd] since the last drain
    epoch_ended = Signal(object)  # EpochEnd
    probe = Signal(object)  # ProbeResult (latest per probe name per drain)
    paused_changed = Signal(bool)
    finished = Signal(object)  # Finished
    failed = Signal(object)  # Failed
    notice = Signal(object)  # Notice (the run goes on: run folder off, early stopping ...)
    run_ended = Signal(object)  # RunResult (always last, whatever happened)
    running_changed = Signal(bool)
    validated = Signal(object)  # {"reports": {role: ShapeReport}, "join": str, "generation": int}
    device_known = Signal(str)
    _future_done = Signal(object)

    HOLD_S = 3.0  # the longest the worker waits for release(): a window never painted must not keep TF away

    def __init__(self, parent: QObject | None = None, hold: bool = False) -> None:
        """`hold`: the worker starts nothing (TensorFlow's import included) until `release()`. The app holds it
        until its window is first painted: importing TensorFlow on the worker while the window was being built
        took the GIL for most of its time and made the first frame wait for it (bench/startup.py: 5.5 s before
        the hold, 1.5 s with it, on 2 cores)."""
        super().__init__(parent)
        from models.engine.session import TrainingSession

        self.session = TrainingSession()
        self._gate = threading.Event()
        if hold:
            self.session.submit(lambda: self._gate.wait(self.HOLD_S))  # every later job queues behind it
        else:
            self._gate.set()
        self._reporter: QueueReporter | None = None
        self._batches_due = 0.0  # time.monotonic() when waiting batch events are next handed over
        self._run_future: cf.Future | None = None
        self._validation_generation = 0
        self._callbacks: dict[int, tuple[cf.Future, Callable[[Any], None] | None, Callable[[BaseException], None]
                                         | None]] = {}
        self._next_token = 0
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self._drain)
        self._future_done.connect(self._on_future_done, Qt.ConnectionType.QueuedConnection)
        # Garbage is collected on the GUI thread only. Automatic collection runs in whichever thread happens
        # to allocate, and PySide wrappers destroyed on the TF worker can deadlock with the event loop (seen
        # in the test suite). Young generations every second are cheap; full passes only between runs.
        gc.disable()
        # The worker needs the GIL for a moment between TensorFlow ops; with Python's default 5 ms switch
        # interval it could wait that long behind a paint on this thread at every training step.
        sys.setswitchinterval(0.001)
        self._gc_ticks = 0
        self._gc_timer = QTimer(self)
        self._gc_timer.setInterval(1000)
        self._gc_timer.timeout.connect(self._collect_garbage)
        self._gc_timer.start()
        self.device = ""
        # Loads TensorFlow on the worker at once (or once released), so the first Start does not wait for it.
        self.track(self.session.warm_up(), self._on_device)

    @property
    def held(self) -> bool:
        """Held and not released yet (after HOLD_S the worker starts all the same, but this stays true)."""
        return not self._gate.is_set()

    def release(self) -> None:
        """Let the held worker start: warm-up, validation and whatever else was asked meanwhile, in order."""
        self._gate.set()

    @Slot()
    def _collect_garbage(self) -> None:
        self._gc_ticks += 1
        if self._gc_ticks % 30 == 0 and not self.running:
            # Survivors are frozen (never scanned again until the next run starts): with TensorFlow loaded a
            # full pass over everything took ~0.2 s, a visible freeze every half minute.
            gc.collect(2)
            gc.freeze()
        else:
            gc.collect(1)

    # --- generic work on the TF thread ------------------------------------------------------------------
    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> cf.Future:
        """Run fn on the worker; on_done(result) / on_error(exc) are called later on the GUI thread."""
        future = self.session.submit(fn)
        self.track(future, on_done, on_error)
        return future

    @property
    def pending_calls(self) -> int:
        """Work submitted through call() (or an export) whose callback has not run yet."""
        with self._lock:
            return len(self._callbacks)

    @Slot(object)
    def _on_future_done(self, token: int) -> None:
        with self._lock:
            entry = self._callbacks.pop(token, None)
        if entry is None:
            return
        future, on_done, on_error = entry
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            if on_error:
                on_error(exc)
        elif on_done:
            on_done(future.result())

    @Slot(object)
    def _on_device(self, device: str) -> None:
        self.device = device
        self.device_known.emit(device)

    # --- validation ---------------------------------------------------------------------------------------
    def validate(self, experiment: Experiment) -> int:
        """Validate every network on the worker; `validated` fires with the newest generation only."""
        self._validation_generation += 1
        generation = self._validation_generation
        frozen = experiment.copy()

        def done(result: dict[str, Any]) -> None:
            if generation == self._validation_generation:
                result["generation"] = generation
                self.validated.emit(result)
        self.call(lambda: _validate_all(frozen), done)
        return generation

    # --- training -------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._run_future is not None and not self._run_future.done()

    def start(self, experiment: Experiment, probes: list[Any] | None = None) -> None:
        self.start_series([Run(experiment, tuple(probes or ()))])

    def start_series(self, runs: list[Run]) -> None:
        """Train several runs one after another (a comparison, the overfitting demo); events carry each run's
        name, and Pause and Stop act on the whole series."""
        if self.running:
            return
        # The run starts with keras' clear_session, which runs gc on the worker thread. Collect Qt wrappers of
        # deleted widgets (inspector rows, panel content) here first: PySide destructors on a non-GUI thread
        # can deadlock with the event loop.
        gc.unfreeze()  # the one full pass over everything, so the previous run's model is really freed
        gc.collect()
        gc.freeze()
        self._reporter = QueueReporter()
        self._run_future = self.session.start_series(runs, self._reporter)
        self._timer.start()
        self.running_changed.emit(True)

    def continue_training(self, experiment: Experiment, probes: list[Any] | None = None) -> None:
        """Train the last run's model further (same model and optimizer state; epochs keep counting)."""
        if self.running:
            return
        self._reporter = QueueReporter()
        self._run_future = self.session.continue_training(experiment, self._reporter, tuple(probes or ()))
        self._timer.start()
        self.running_changed.emit(True)

    def can_continue(self, experiment: Experiment) -> str:
        """'' when Continue can go on with this experiment, else the reason (for the button's tooltip)."""
        return self.session.can_continue(experiment)

    def pause(self) -> None:
        self.session.pause()

    def resume(self) -> None:
        self.session.resume()

    def stop(self) -> None:
        self.session.stop()

    @property
    def paused(self) -> bool:
        return self.session.paused

    @Slot()
    def _drain(self) -> None:
        reporter = self._reporter
        if reporter is None:
            self._timer.stop()
            return
        future = self._run_future
        # Pause, Stop, epoch ends, probe results and the end of the run go out on the next tick (~30 Hz);
        # batch ends wait until BATCHES_EVERY_S has passed, unless something urgent takes them along.
        ended = future is not None and future.done()
        now = time.monotonic()
        if not reporter.urgent and not ended and now < self._batches_due:
            return
        reporter.urgent = False  # before draining: an event reported meanwhile sets it again
        self._batches_due = now + BATCHES_EVERY_S
        batch: list[Any] = []
        probes: dict[tuple[str, str], Any] = {}
        queue = reporter.queue
        while queue:
            event = queue.popleft()
            if isinstance(event, BatchEnd):
                batch.append(event)
                continue
            if batch:  # keep order: batches before the epoch they belong to
                self.batches.emit(batch)
                batch = []
            if isinstance(event, ProbeResult):
                probes[(event.run, event.name)] = event
            elif isinstance(event, EpochEnd):
                self.epoch_ended.emit(event)
            elif isinstance(event, Started):
                self.started.emit(event)
            elif isinstance(event, Paused):
                self.paused_changed.emit(event.paused)
            elif isinstance(event, Finished):
                self.finished.emit(event)
            elif isinstance(event, Failed):
                self.failed.emit(event)
            elif isinstance(event, Notice):
                self.notice.emit(event)
        if batch:
            self.batches.emit(batch)
        for event in probes.values():
            self.probe.emit(event)
        if ended and not queue:
            self._timer.stop()
            self._run_future = None
            self._reporter = None
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - the session reports its own failures; this is a last guard
                result = RunResult("failed", message=str(exc))
            self.running_changed.emit(False)
            self.run_ended.emit(result)

    # --- export -----------------------------------------------------------------------------------------------
    def export_keras(self, path: str, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
                     ) -> None:
        future = self.session.export_keras(path)
        self.track(future, on_done, on_error)

    def export_model(self, path: str, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
                     ) -> None:
        """.keras, .onnx, .tflite or a SavedModel folder; on_done gets the ExportResult (with the check)."""
        self.track(self.session.export(path), on_done, on_error)

    def export_script(self, path: str, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
                      ) -> None:
        self.track(self.session.export_script(path), on_done, on_error)

    def track(self, future: cf.Future, on_done: Callable[[Any], None] | None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Call on_done(result) / on_error(exc) on the GUI thread when a future of the worker is done."""
        with self._lock:
            token = self._next_token
            self._next_token += 1
            self._callbacks[token] = (future, on_done, on_error)
        future.add_done_callback(lambda _f, t=token: self._future_done.emit(t))

    @property
    def has_model(self) -> bool:
        return self.session.has_model

    def shutdown(self, timeout: float = 3.0, collect: bool = True) -> bool:
        """Stop any run and wait at most `timeout` seconds for the worker; never hangs the GUI.

        `collect`: first collect garbage here, on the GUI thread (PySide wrappers freed on the worker can deadlock
        with the event loop). A process about to exit skips it: the full pass took ~1.4 s on 2 busy cores, most
        of the 3 s a window may take to close."""
        self._timer.stop()
        self._gc_timer.stop()
        if collect:
            gc.unfreeze()
            gc.collect()
        ended = self.session.shutdown(timeout)
        gc.enable()
        return ended

