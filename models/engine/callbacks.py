"""One Keras callback per job: reporting, pause/stop, the NaN guard and probes. Every family uses the same set."""
from __future__ import annotations

import math
import time
from typing import Any, Callable

import keras

from .control import RunControl
from .events import PROBE_ERROR, BatchEnd, EpochEnd, Failed, Paused, ProbeResult, Reporter
from .probe import Probe

# A probe that raises does not stop the run: its result carries the reason under PROBE_ERROR instead of a
# picture, it is tried again at most every 5 s, and after PROBE_GIVE_UP failures in a row not at all.
PROBE_GIVE_UP = 3


def _floats(logs: dict[str, Any] | None) -> dict[str, float]:
    out = {}
    for k, v in (logs or {}).items():
        try:
            out[k] = float(v)
        except (TypeError, ValueError):
            continue
    return out


class ReportingCallback(keras.callbacks.Callback):
    """Turns Keras' logs into BatchEnd / EpochEnd events; epoch time excludes pauses."""

    def __init__(self, reporter: Reporter, control: RunControl, samples_per_epoch: int, steps_per_epoch: int) -> None:
        super().__init__()
        self.reporter = reporter
        self.control = control
        self.samples_per_epoch = samples_per_epoch
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.epoch = 0
        self.step = 0
        self.history: dict[str, list[float]] = {}
        self._t0 = 0.0
        self._paused0 = 0.0
        self._batches = 0

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self.epoch = epoch + 1
        self._t0 = time.perf_counter()
        self._paused0 = self.control.paused_seconds
        self._batches = 0

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        self.step += 1
        self._batches = batch + 1
        values = _floats(logs)
        loss = values.pop("loss", float("nan"))
        self.reporter.report(BatchEnd(self.epoch, batch + 1, self.step, loss, values))

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        seconds = time.perf_counter() - self._t0 - (self.control.paused_seconds - self._paused0)
        values = _floats(logs)
        for k, v in values.items():
            self.history.setdefault(k, []).append(v)
        fraction = min(1.0, self._batches / self.steps_per_epoch)
        samples = int(round(self.samples_per_epoch * fraction))
        self.reporter.report(EpochEnd(epoch + 1, seconds, samples, values))


class ControlCallback(keras.callbacks.Callback):
    """Pause blocks after a batch; Stop sets `stop_training`, which Keras checks after every batch, and
    `stop_evaluating`: after a stop Keras would still run the epoch's whole validation pass (3.4 s measured on
    the cnn's first epoch on 2 busy cores), which made Stop and closing the window slow."""

    def __init__(self, control: RunControl, reporter: Reporter) -> None:
        super().__init__()
        self.control = control
        self.reporter = reporter

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if self.control.paused:
            self.reporter.report(Paused(True))
            self.control.wait_while_paused()
            self.reporter.report(Paused(False))
        if self.control.stopped:
            self.model.stop_training = True

    def on_test_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if self.control.stopped:
            self.model.stop_evaluating = True


class NanGuard(keras.callbacks.Callback):
    """Stops on a non-finite loss and puts back the last weights seen with a finite loss.

    Weights are copied at most every `snapshot_every_s` seconds (and at each epoch start), so the cost stays
    small for big models; what is restored is at most that old.
    """

    def __init__(self, reporter: Reporter, snapshot_every_s: float = 1.0, watch: tuple[str, ...] = ("loss",)) -> None:
        super().__init__()
        self.reporter = reporter
        self.snapshot_every_s = snapshot_every_s
        self.watch = watch
        self.tripped = False
        self._weights: list[Any] | None = None
        self._last = 0.0
        self._epoch = 0
        self._where = "the start"

    def _snapshot(self, where: str) -> None:
        self._weights = self.model.get_weights()
        self._last = time.perf_counter()
        self._where = where

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self._snapshot("the start")

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._epoch = epoch + 1
        if epoch:
            self._snapshot(f"the end of epoch {epoch}")

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs or {}
        bad = [k for k in self.watch if k in logs and not math.isfinite(float(logs[k]))]
        if bad:
            self.tripped = True
            self.model.stop_training = True
            if self._weights is not None:
                self.model.set_weights(self._weights)
            self.reporter.report(Failed(
                f"The {bad[0]} became {float(logs[bad[0]])} at epoch {self._epoch}, batch {batch + 1}; training "
                f"stopped. The weights from {self._where} were kept. A smaller learning rate usually fixes this.",
                "nan", self._epoch, batch + 1))
            return
        if time.perf_counter() - self._last >= self.snapshot_every_s:
            self._snapshot(f"epoch {self._epoch}, batch {batch + 1}")


class ProbeCallback(keras.callbacks.Callback):
    def __init__(self, probes: list[Probe], reporter: Reporter, target: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.probes = probes
        self.reporter = reporter
        self.target = target
        self._next: dict[str, float] = {}
        self._failures: dict[str, int] = {}  # consecutive exceptions per probe
        self.step = 0

    def _probe_target(self) -> Any:
        # Not `_model`: keras.callbacks.Callback keeps the model in `self._model`, which would shadow it.
        return self.target() if self.target else self.model

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        for probe in self.probes:
            try:
                probe.on_start(self._probe_target())
            except Exception as exc:  # noqa: BLE001 - as in _run: the view goes, the training stays
                self._failures[probe.name] = PROBE_GIVE_UP
                self.reporter.report(ProbeResult(probe.name, self.step, {
                    PROBE_ERROR: f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}; it is not tried "
                                 "again in this run"}))
                continue
            self._run(probe)

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        self.step += 1
        now = time.perf_counter()
        for probe in self.probes:
            if now >= self._next.get(probe.name, 0.0) and not probe.paused:
                self._run(probe)

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        for probe in self.probes:
            self._run(probe)

    def _run(self, probe: Probe) -> None:
        if self._failures.get(probe.name, 0) >= PROBE_GIVE_UP:
            return
        t0 = time.perf_counter()
        try:
            payload = probe.compute(self._probe_target())
        except Exception as exc:  # noqa: BLE001 - a view's bug must not end the training it looks at
            failures = self._failures[probe.name] = self._failures.get(probe.name, 0) + 1
            self._next[probe.name] = time.perf_counter() + max(probe.interval_s, 5.0)
            text = " ".join(str(exc).split())[:300] or type(exc).__name__
            self.reporter.report(ProbeResult(probe.name, self.step, {
                PROBE_ERROR: f"{type(exc).__name__}: {text}" + ("; it is not tried again in this run"
                                                               if failures >= PROBE_GIVE_UP else "")}))
            return
        self._failures.pop(probe.name, None)
        cost = time.perf_counter() - t0
        # Never spend more than ~5% of the time on a probe: stretch its interval when it is slow.
        self._next[probe.name] = time.perf_counter() + max(probe.interval_s, cost * 20)
        self.reporter.report(ProbeResult(probe.name, self.step, payload))
