"""The one thread that owns TensorFlow.

Build, compile, fit, probe, export and clear_session all run on a single long-lived worker thread
(TF/Keras objects are not thread-safe). Callers hand over a frozen copy of the experiment and get back
futures holding plain values; progress arrives through a reporter. Training itself is `loop.train_run`.
"""
from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import threading
from typing import Any, Callable, Iterable, Sequence

from ..deploy import ExportResult, export_model
from ..files import save_keras
from ..spec.experiment import Experiment
from .control import RunControl
from .events import Reporter
from .loop import Outcome, Run, RunResult, continue_run, train_run
from .recipe import script_writer


def describe_device() -> str:
    """'GPU: <name>' when TensorFlow sees one, else 'CPU', with why when an NVIDIA GPU is there but unused. Call on the worker thread (its first TensorFlow call:
    the devices are configured here, GPU memory growth on)."""
    import tensorflow as tf

    from .distribute import configure
    configure()

    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        try:
            name = tf.config.experimental.get_device_details(gpus[0]).get("device_name", gpus[0].name)
        except Exception:  # noqa: BLE001
            name = gpus[0].name
        return f"GPU: {name}" + (f" (+{len(gpus) - 1} more)" if len(gpus) > 1 else "")
    from .distribute import gpu_problem

    cpus = tf.config.list_logical_devices("CPU")
    problem = gpu_problem()
    return ("CPU" + (f" split into {len(cpus)} logical devices" if len(cpus) > 1 else "")
            + (f" (a GPU is present, but {problem})" if problem else ""))


class TrainingSession:
    """Owns the worker thread and the last trained model. All public methods are safe to call from any thread."""

    def __init__(self) -> None:
        self._executor = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="layerwise-tf")
        self._control: RunControl | None = None
        self._lock = threading.Lock()
        self._busy = False
        # Only touched on the worker thread:
        self._model: Any = None
        self._export_model: Any = None
        self._experiment: Experiment | None = None
        self._device = ""
        self._last: Outcome | None = None  # the kept run, for Continue
        self.closed = False

    # --- running arbitrary work on the TF thread --------------------------------------------------------
    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> cf.Future:
        return self._executor.submit(fn, *args, **kwargs)

    def warm_up(self) -> cf.Future:
        """Load TensorFlow on the worker (off the caller's thread); the future holds the device description."""
        return self.submit(self._describe_device)

    def _describe_device(self) -> str:
        self._device = self._device or describe_device()
        return self._device

    def with_model(self, fn: Callable[[Any], Any], which: str = "export") -> cf.Future:
        """Run fn(model) on the worker; which='export' gives the exportable model, 'train' the trained one."""
        def call() -> Any:
            model = self._export_model if which == "export" else self._model
            if model is None:
                raise RuntimeError("nothing has been trained yet")
            return fn(model)
        return self.submit(call)

    @property
    def has_model(self) -> bool:
        return self._export_model is not None

    @property
    def running(self) -> bool:
        return self._busy

    @property
    def paused(self) -> bool:
        return bool(self._control and self._control.paused)

    # --- training ---------------------------------------------------------------------------------------
    def start(self, experiment: Experiment, reporter: Reporter, probes: Iterable[Any] = ()) -> cf.Future:
        """Train one experiment; the future holds its RunResult."""
        return self.start_series([Run(experiment, tuple(probes))], reporter)

    def start_series(self, runs: Sequence[Run], reporter: Reporter) -> cf.Future:
        """Train several runs one after another under one pause/stop control (Stop ends the whole series; a
        run that fails does not stop the next). Events carry each run's name; the future holds the last
        RunResult, and the last kept run's model stays for export and inspection."""
        if not runs:
            raise ValueError("a series needs at least one run")
        with self._lock:
            if self._busy:
                raise RuntimeError("a run is already in progress")
            self._busy = True
            self._control = RunControl()
        frozen = [dataclasses.replace(r, experiment=r.experiment.copy(), probes=tuple(r.probes)) for r in runs]
        return self.submit(self._run_all, frozen, reporter, self._control)

    def continue_training(self, experiment: Experiment, reporter: Reporter, probes: Iterable[Any] = ()) -> cf.Future:
        """Train the last kept model further by experiment.training.epochs epochs: same model, same optimizer
        state, epochs counting on, the same run folder. The caller checks the network is unchanged
        (`can_continue`); the future holds the RunResult."""
        with self._lock:
            if self._busy:
                raise RuntimeError("a run is already in progress")
            self._busy = True
            self._control = RunControl()
        run = Run(experiment.copy(), tuple(probes))
        return self.submit(self._continue, run, reporter, self._control)

    def can_continue(self, experiment: Experiment) -> str:
        """'' when Continue can train `experiment` further, else why not (for a tooltip)."""
        last = self._last
        if last is None or last.prepared is None or last.experiment is None:
            return "Train first: Continue goes on from the last run's model."
        before, now = last.experiment, experiment
        if {r: n.to_dict() for r, n in before.networks.items()} != {r: n.to_dict() for r, n in now.networks.items()}:
            return "The network changed since the last run: Start trains the new one from scratch."
        if (before.family, before.dataset, before.dataset_options, before.options) != (
                now.family, now.dataset, now.dataset_options, now.options):
            return "The dataset or the family's options changed since the last run: Start trains from scratch."
        if (before.training.optimizer, before.training.loss, before.training.metrics, before.training.batch_size) != (
                now.training.optimizer, now.training.loss, now.training.metrics, now.training.batch_size):
            return "The optimizer, loss, metrics or batch size changed since the last run: Start trains from scratch."
        return ""

    @property
    def epochs_done(self) -> int:
        return self._last.epochs_done if self._last is not None else 0

    def _continue(self, run: Run, reporter: Reporter, control: RunControl) -> RunResult:
        try:
            if self._last is None:
                raise RuntimeError("nothing has been trained yet")
            outcome = continue_run(run, self._last, reporter, control, self._describe_device())
            self._last = outcome
            return outcome.result
        finally:
            with self._lock:
                self._busy = False

    def pause(self) -> None:
        if self._control:
            self._control.pause()

    def resume(self) -> None:
        if self._control:
            self._control.resume()

    def stop(self) -> None:
        if self._control:
            self._control.stop()

    def shutdown(self, timeout: float = 3.0) -> bool:
        """Stop any run and let the worker finish; True when it ended within `timeout` seconds."""
        self.stop()
        self.closed = True
        done = threading.Event()

        def _mark() -> None:
            done.set()
        try:
            self._executor.submit(_mark)
        except RuntimeError:
            return True
        ended = done.wait(timeout)
        self._executor.shutdown(wait=False, cancel_futures=True)
        return ended

    def _run_all(self, runs: list[Run], reporter: Reporter, control: RunControl) -> RunResult:
        try:
            device = self._describe_device()
            result = RunResult("stopped", device=device)
            for run in runs:
                if run.keep:  # the previous run's model is released before the next builds
                    self._model = self._export_model = None
                    self._last = None
                elif self._last is not None:  # a throwaway run's clear_session ends the kept model's graph
                    self._last = None
                outcome = train_run(run, reporter, control, device)
                result = outcome.result
                if run.keep and outcome.model is not None:
                    self._model, self._export_model = outcome.model, outcome.export_model
                    self._experiment = outcome.experiment
                    self._last = outcome if outcome.prepared is not None else None
                if control.stopped:
                    break
            return result
        finally:
            with self._lock:
                self._busy = False

    # --- export -----------------------------------------------------------------------------------------
    def export_keras(self, path: str) -> cf.Future:
        return self.with_model(lambda model: save_keras(model, path))

    def export(self, path: str) -> cf.Future:
        """The exportable model in the format the path names (.keras, .onnx, .tflite, a folder for SavedModel),
        checked on the run's validation samples; the future's result is an ExportResult."""
        def call() -> ExportResult:
            model = self._export_model
            if model is None:
                raise RuntimeError("nothing has been trained yet")
            return export_model(model, path, self._check_samples())
        return self.submit(call)

    def _check_samples(self) -> Any:
        prepared = self._last.prepared if self._last is not None else None
        if prepared is None:
            return None
        val = prepared.validation_data
        x = val[0] if isinstance(val, tuple) and val else prepared.x
        return x if hasattr(x, "shape") else None

    def export_script(self, path: str) -> cf.Future:
        def call() -> str:
            if self._experiment is None:
                raise RuntimeError("nothing has been trained yet")
            return script_writer(self._experiment.family)(self._experiment, path)
        return self.submit(call)
