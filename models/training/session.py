"""The one thread that owns TensorFlow.

Build, compile, fit, probe, export and clear_session all run on a single long-lived worker thread
(TF/Keras objects are not thread-safe). Callers hand over a frozen copy of the experiment and get back
futures holding plain values; progress arrives through a reporter.
"""
from __future__ import annotations

import concurrent.futures as cf
import os
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..specs import Experiment
from .control import RunControl
from .events import Failed, Finished, Reporter, Started


@dataclass
class RunResult:
    status: str  # "finished", "stopped", "failed"
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict[str, float] = field(default_factory=dict)
    message: str = ""
    device: str = ""
    seconds: float = 0.0


def describe_device() -> str:
    """'GPU: <name>' when TensorFlow sees one, else 'CPU'. Call on the worker thread."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        try:
            name = tf.config.experimental.get_device_details(gpus[0]).get("device_name", gpus[0].name)
        except Exception:  # noqa: BLE001
            name = gpus[0].name
        return f"GPU: {name}" + (f" (+{len(gpus) - 1} more)" if len(gpus) > 1 else "")
    return "CPU"


def readable_error(exc: BaseException) -> str:
    """A one-paragraph message for a person, not a traceback."""
    name = type(exc).__name__
    text = str(exc).strip()
    if "ResourceExhausted" in name or "OOM" in text:
        return "Out of memory while training: use a smaller batch size or a smaller network."
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return f"The disk is full: {exc.filename or ''} could not be written."
    first = " ".join(text.splitlines()[:3])[:400] if text else name
    return f"{name}: {first}"


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
        self._closed = False

    # --- running arbitrary work on the TF thread --------------------------------------------------------
    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> cf.Future:
        return self._executor.submit(fn, *args, **kwargs)

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
        with self._lock:
            if self._busy:
                raise RuntimeError("a run is already in progress")
            self._busy = True
            self._control = RunControl()
        frozen = experiment.copy()
        return self.submit(self._run, frozen, reporter, list(probes), self._control)

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
        self._closed = True
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

    def _run(self, experiment: Experiment, reporter: Reporter, probes: list[Any], control: RunControl) -> RunResult:
        t_start = time.perf_counter()
        try:
            return self._train(experiment, reporter, probes, control, t_start)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a readable event
            message = readable_error(exc)
            if os.environ.get("LAYERWISE_DEBUG"):
                traceback.print_exc()
            reporter.report(Failed(message, "error"))
            return RunResult("failed", message=message, device=self._device,
                             seconds=time.perf_counter() - t_start)
        finally:
            with self._lock:
                self._busy = False

    def _train(self, experiment: Experiment, reporter: Reporter, probes: list[Any], control: RunControl,
               t_start: float) -> RunResult:
        import keras

        from ..build import BuildFailed, clear_validation_cache
        from ..data import DatasetError, load_dataset
        from .callbacks import ControlCallback, NanGuard, ProbeCallback, ReportingCallback
        from .feed import fit_inputs
        from .recipe import RecipeError, get_recipe

        self._device = self._device or describe_device()
        cfg = experiment.training
        # Release the previous run's graphs and variables before building new ones.
        self._model = self._export_model = None
        keras.backend.clear_session()
        clear_validation_cache()
        keras.utils.set_random_seed(cfg.seed)
        try:
            data = load_dataset(experiment.dataset, experiment.dataset_options, seed=cfg.seed)
        except (DatasetError, OSError, UnicodeDecodeError) as exc:
            reporter.report(Failed(f"Dataset '{experiment.dataset}': {exc}", "data"))
            return RunResult("failed", message=str(exc), device=self._device)
        try:
            prepared = get_recipe(experiment.family)(experiment, data)
        except BuildFailed as exc:
            reporter.report(Failed(str(exc.error), "build"))
            return RunResult("failed", message=str(exc.error), device=self._device)
        except RecipeError as exc:
            reporter.report(Failed(str(exc), "build"))
            return RunResult("failed", message=str(exc), device=self._device)
        model = prepared.model
        self._experiment = experiment
        samples = prepared.samples_per_epoch or (len(prepared.x) if hasattr(prepared.x, "__len__") else 0)
        steps = prepared.fit_kwargs.get("steps_per_epoch") or max(1, -(-samples // cfg.batch_size))
        reporter.report(Started(self._device, cfg.epochs, steps, int(model.count_params()), data.describe(),
                                experiment.family))
        reporting = ReportingCallback(reporter, control, samples, steps)
        guard = NanGuard(reporter, watch=prepared.watch)
        callbacks: list[Any] = [reporting, guard, ControlCallback(control, reporter)]
        all_probes = list(prepared.probes) + probes
        if all_probes:
            callbacks.append(ProbeCallback(all_probes, reporter))
        fit_kwargs: dict[str, Any] = {"batch_size": cfg.batch_size, "epochs": cfg.epochs, "shuffle": True,
                                      "verbose": 0}
        fit_kwargs.update(prepared.fit_kwargs)
        if prepared.validation_data is not None:
            fit_kwargs["validation_data"] = prepared.validation_data
        if control.stopped:
            fit_kwargs["epochs"] = 0
        x, y, fit_kwargs = fit_inputs(prepared.x, prepared.y, fit_kwargs, cfg.seed)
        model.fit(x, y, callbacks=callbacks, **fit_kwargs)
        self._model = model
        self._export_model = prepared.export_model if prepared.export_model is not None else model
        seconds = time.perf_counter() - t_start
        if guard.tripped:
            return RunResult("failed", reporting.history, message="non-finite loss", device=self._device,
                             seconds=seconds)
        test: dict[str, float] = {}
        if prepared.evaluate is not None and not control.stopped:
            test = prepared.evaluate()
        status = "stopped" if control.stopped else "finished"
        reporter.report(Finished(reporting.history, test, seconds, self._device, control.stopped))
        return RunResult(status, reporting.history, test, device=self._device, seconds=seconds)

    # --- export -----------------------------------------------------------------------------------------
    def export_keras(self, path: str) -> cf.Future:
        from ..export import save_keras
        return self.with_model(lambda model: save_keras(model, path))

    def export_script(self, path: str) -> cf.Future:
        from ..export import write_script

        def call() -> str:
            if self._experiment is None:
                raise RuntimeError("nothing has been trained yet")
            return write_script(self._experiment, path)
        return self.submit(call)
