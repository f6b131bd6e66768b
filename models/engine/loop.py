"""The one run loop. Every training goes through `train_run`: the window's Start, the CLI, the overfitting demo
and the RNN / LSTM / GRU comparison, so each gets pause, stop, the NaN guard, probes and progress reports the
same way. Runs on the thread that owns TensorFlow (see session.TrainingSession).
"""
from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from ..data import DatasetError, load_dataset
from ..spec.build import BuildFailed, clear_validation_cache, validate_network
from ..spec.experiment import Experiment, SpecError
from ..spec.joins import join_error
from .checks import check_experiment
from .control import RunControl
from .events import Failed, Finished, Reporter, Started, TaggingReporter
from .probe import Probe
from .recipe import RecipeError, get_recipe


@dataclass(frozen=True)
class Run:
    """One training run: an experiment, the probes the views asked for, and a name when it is one of several
    (its events carry the name in `run`). `keep`: the session keeps the trained model for export and inspection;
    a demo's throwaway runs (a comparison, the overfitting demo) leave the project's last model in place."""

    experiment: Experiment
    probes: tuple[Probe, ...] = ()
    name: str = ""
    keep: bool = True


@dataclass
class RunResult:
    status: str  # "finished", "stopped", "failed"
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict[str, float] = field(default_factory=dict)
    message: str = ""
    device: str = ""
    seconds: float = 0.0
    run: str = ""


@dataclass
class Outcome:
    """What a run leaves behind on the training thread: its result and, unless it failed early, its models."""

    result: RunResult
    experiment: Experiment | None = None
    model: Any = None
    export_model: Any = None


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


def train_run(run: Run, reporter: Reporter, control: RunControl, device: str) -> Outcome:
    """Train one run to its end (finished, stopped or failed); every failure becomes a Failed event."""
    reporter = TaggingReporter(reporter, run.name) if run.name else reporter
    t_start = time.perf_counter()
    try:
        return _train(run, reporter, control, device, t_start)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a readable event
        message = readable_error(exc)
        if os.environ.get("LAYERWISE_DEBUG"):
            traceback.print_exc()
        reporter.report(Failed(message, "error"))
        return Outcome(RunResult("failed", message=message, device=device, seconds=time.perf_counter() - t_start,
                                 run=run.name))


def _failed(reporter: Reporter, run: Run, message: str, kind: str, device: str) -> Outcome:
    reporter.report(Failed(message, kind))
    return Outcome(RunResult("failed", message=message, device=device, run=run.name))


def _train(run: Run, reporter: Reporter, control: RunControl, device: str, t_start: float) -> Outcome:
    import keras

    from .callbacks import ControlCallback, NanGuard, ProbeCallback, ReportingCallback
    from .feed import fit_inputs

    experiment = run.experiment
    cfg = experiment.training
    # Release the previous run's graphs and variables before building new ones.
    keras.backend.clear_session()
    clear_validation_cache()
    # The spec first: a broken network or a bad setting is said at once, not after the data loaded (or a download).
    try:
        check_experiment(experiment)
    except SpecError as exc:
        return _failed(reporter, run, str(exc), "data" if exc.field.startswith("dataset") else "build", device)
    reports = {role: validate_network(net, role) for role, net in experiment.networks.items()}
    broken = next((r.error for r in reports.values() if r.error is not None), None) or join_error(experiment, reports)
    if broken is not None:
        return _failed(reporter, run, str(broken), "build", device)
    keras.utils.set_random_seed(cfg.seed)
    try:
        data = load_dataset(experiment.dataset, experiment.dataset_options, seed=cfg.seed)
    except (DatasetError, OSError, UnicodeDecodeError) as exc:
        return _failed(reporter, run, f"Dataset '{experiment.dataset}': {exc}", "data", device)
    try:
        prepared = get_recipe(experiment.family)(experiment, data)
    except BuildFailed as exc:
        return _failed(reporter, run, str(exc.error), "build", device)
    except RecipeError as exc:
        return _failed(reporter, run, str(exc), "build", device)
    model = prepared.model
    samples = prepared.samples_per_epoch or (len(prepared.x) if hasattr(prepared.x, "__len__") else 0)
    steps = prepared.fit_kwargs.get("steps_per_epoch") or max(1, -(-samples // cfg.batch_size))
    reporter.report(Started(device, cfg.epochs, steps, int(model.count_params()), data.describe(),
                            experiment.family))
    reporting = ReportingCallback(reporter, control, samples, steps)
    guard = NanGuard(reporter, watch=prepared.watch)
    callbacks: list[Any] = [reporting, guard, ControlCallback(control, reporter)]
    probes = list(prepared.probes) + list(run.probes)
    if probes:
        callbacks.append(ProbeCallback(probes, reporter))
    fit_kwargs: dict[str, Any] = {"batch_size": cfg.batch_size, "epochs": cfg.epochs, "shuffle": True, "verbose": 0}
    fit_kwargs.update(prepared.fit_kwargs)
    if prepared.validation_data is not None:
        fit_kwargs["validation_data"] = prepared.validation_data
    if control.stopped:
        fit_kwargs["epochs"] = 0
    x, y, fit_kwargs = fit_inputs(prepared.x, prepared.y, fit_kwargs, cfg.seed)
    model.fit(x, y, callbacks=callbacks, **fit_kwargs)
    export = prepared.export_model if prepared.export_model is not None else model
    seconds = time.perf_counter() - t_start
    if guard.tripped:
        return Outcome(RunResult("failed", reporting.history, message="non-finite loss", device=device,
                                 seconds=seconds, run=run.name), experiment, model, export)
    test: dict[str, float] = {}
    if prepared.evaluate is not None and not control.stopped:
        test = prepared.evaluate()
    status = "stopped" if control.stopped else "finished"
    reporter.report(Finished(reporting.history, test, seconds, device, control.stopped))
    return Outcome(RunResult(status, reporting.history, test, device=device, seconds=seconds, run=run.name),
                   experiment, model, export)
