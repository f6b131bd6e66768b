"""The one run loop. Every training goes through `train_run`: the window's Start, the CLI, the overfitting demo
and the RNN / LSTM / GRU comparison, so each gets pause, stop, the NaN guard, probes and progress reports the
same way. Runs on the thread that owns TensorFlow (see session.TrainingSession).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
import traceback
from dataclasses import dataclass, field
from typing import Any

from ..data import DatasetError, load_dataset
from ..inference import replicas
from ..spec.build import BuildFailed, clear_validation_cache, validate_network
from ..spec.experiment import Experiment, SpecError
from ..spec.joins import join_error
from .checks import check_experiment
from .control import RunControl
from .events import Failed, Finished, Notice, Reporter, Started, TaggingReporter
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
    # Run folders (run_folder.py): a kept run writes one unless record is False; runs_root "" = the per-user
    # folder; keep_runs < 0 = $LAYERWISE_KEEP_RUNS or the default. resume: a run folder to go on from (its
    # last.keras, with the optimizer state; epochs count on from its last checkpoint; experiment.training.epochs
    # more are trained).
    record: bool = True
    runs_root: str = ""
    keep_runs: int = -1
    resume: str = ""
    strategy: str = "auto"  # distribute.STRATEGIES: how many devices train it (auto: every GPU, when it can)
    # XLA for the train step: "auto" is Keras' rule (on a GPU when every layer supports it and no tf.distribute
    # strategy runs; off on a CPU), "on" or "off" override it (bench/xla.py measures what it costs and saves)
    xla: str = "auto"


@dataclass
class RunResult:
    status: str  # "finished", "stopped", "failed"
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict[str, float] = field(default_factory=dict)
    message: str = ""
    device: str = ""
    seconds: float = 0.0
    run: str = ""
    run_dir: str = ""  # the run folder, "" when none was written
    epochs_done: int = 0  # epochs the model has had, earlier runs it continues included


@dataclass
class Outcome:
    """What a run leaves behind on the training thread: its result and, unless it failed early, its models."""

    result: RunResult
    experiment: Experiment | None = None
    model: Any = None
    export_model: Any = None
    # What Continue needs to train the same model further (no rebuild): the prepared recipe, the run folder,
    # how many epochs the model has had, the dataset's description.
    prepared: Any = None
    folder: Any = None
    epochs_done: int = 0
    dataset_info: dict[str, Any] = field(default_factory=dict)


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
    from .distribute import StrategyError, cluster_workers, strategy_for
    try:
        strategy, devices = strategy_for(run.strategy, experiment.family)
    except StrategyError as exc:
        return _failed(reporter, run, str(exc), "build", device)
    if cluster_workers() > 1:
        device = (f"{device}; MultiWorkerMirroredStrategy over {len(devices)} workers ({', '.join(devices)}), "
                  f"{strategy.num_replicas_in_sync} replicas")
    elif strategy.num_replicas_in_sync > 1:
        device = f"{device}; MirroredStrategy over {len(devices)} devices ({', '.join(devices)})"
    try:
        with strategy.scope():  # the model's variables are made once per device; fit splits each batch among them
            prepared = get_recipe(experiment.family)(experiment, data)
    except BuildFailed as exc:
        return _failed(reporter, run, str(exc.error), "build", device)
    except RecipeError as exc:
        return _failed(reporter, run, str(exc), "build", device)
    folder = None
    initial_epoch = 0
    if run.resume:
        from .run_folder import RunFolder

        folder = RunFolder.open(run.resume, notify=lambda text: reporter.report(Notice(text, "run_folder")))
        initial_epoch = _load_checkpoint(prepared.model, folder)
        folder.mark_resumed()
    elif run.keep and run.record:
        from .run_folder import RunFolder, env_keep

        folder = RunFolder.create(experiment, Path(run.runs_root) if run.runs_root else None,
                                  run.keep_runs if run.keep_runs >= 0 else env_keep(),
                                  notify=lambda text: reporter.report(Notice(text, "run_folder")))
    return fit_prepared(run, prepared, data.describe(), reporter, control, device, t_start, folder, initial_epoch,
                        cfg.epochs)


def _load_checkpoint(model: Any, folder: Any) -> int:
    """The folder's last.keras into the freshly built model, optimizer state included; the epoch it was saved at."""
    path = folder.path / "last.keras"
    epoch = folder.checkpoint_epoch
    if not path.is_file() or epoch <= 0:
        raise RecipeError(f"{folder.path}: no checkpoint to resume from (the run ended before its first epoch did)")
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and hasattr(optimizer, "build") and not getattr(optimizer, "built", True):
        optimizer.build(model.trainable_variables)
    model.load_weights(str(path))
    folder.truncate(epoch)
    return epoch


def continue_run(run: Run, previous: Outcome, reporter: Reporter, control: RunControl, device: str) -> Outcome:
    """Train the previous run's model further by run.experiment.training.epochs epochs: the same model and optimizer
    state (no clear_session, no rebuild), epochs counting on, the same run folder."""
    reporter = TaggingReporter(reporter, run.name) if run.name else reporter
    t_start = time.perf_counter()
    try:
        if previous.prepared is None:
            raise RecipeError("nothing to continue: train first")
        folder = previous.folder
        if folder is not None:
            folder.mark_resumed()
        return fit_prepared(run, previous.prepared, previous.dataset_info, reporter, control, device, t_start,
                            folder, previous.epochs_done, run.experiment.training.epochs, previous.experiment)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a readable event
        message = readable_error(exc)
        reporter.report(Failed(message, "error"))
        return Outcome(RunResult("failed", message=message, device=device, seconds=time.perf_counter() - t_start,
                                 run=run.name), previous.experiment, previous.model, previous.export_model,
                       previous.prepared, previous.folder, previous.epochs_done, previous.dataset_info)


def _monitor(name: str, has_validation: bool) -> str:
    return name[4:] if name.startswith("val_") and not has_validation else name


def _training_callbacks(cfg: Any, model: Any, has_validation: bool, reporter: Reporter, total_epochs: int
                        ) -> tuple[list[Any], list[Any]]:
    """Keras callbacks from the training settings: (before reporting: schedule, reduce-LR; after: early stopping)."""
    import keras

    from .callbacks import EarlyStoppingNotice, LearningRateLog, learning_rate_of, schedule_function

    before: list[Any] = []
    after: list[Any] = []
    has_lr = learning_rate_of(model) is not None
    schedule = schedule_function(cfg.lr_schedule, cfg.learning_rate, cfg.lr_decay, cfg.lr_step_epochs, total_epochs)
    if (schedule is not None or cfg.reduce_lr_patience) and not has_lr:
        reporter.report(Notice("This network's optimizers do not take a learning-rate schedule; the learning rate "
                               "stays as set.", "info"))
    elif schedule is not None:
        before.append(keras.callbacks.LearningRateScheduler(schedule))
    if cfg.reduce_lr_patience and has_lr:
        before.append(keras.callbacks.ReduceLROnPlateau(monitor=_monitor("val_loss", has_validation),
                                                        factor=cfg.reduce_lr_factor,
                                                        patience=cfg.reduce_lr_patience, verbose=0))
    before.append(LearningRateLog())
    if cfg.early_stopping:
        after.append(EarlyStoppingNotice(reporter, monitor=_monitor(cfg.early_stopping_monitor, has_validation),
                                         patience=cfg.early_stopping,
                                         restore_best_weights=cfg.restore_best_weights))
    return before, after


def fit_prepared(run: Run, prepared: Any, dataset_info: dict[str, Any], reporter: Reporter, control: RunControl,
                 device: str, t_start: float, folder: Any, initial_epoch: int, epochs: int,
                 experiment: Experiment | None = None) -> Outcome:
    """model.fit for `epochs` epochs after `initial_epoch` with every callback; shared by Start, resume and
    Continue, so each reports true epoch numbers and writes the same run folder."""
    from .callbacks import ControlCallback, NanGuard, ProbeCallback, ReportingCallback, RunFolderCallback
    from .feed import fit_inputs

    experiment = experiment or run.experiment
    cfg = run.experiment.training
    model = prepared.model
    samples = prepared.samples_per_epoch or (len(prepared.x) if hasattr(prepared.x, "__len__") else 0)
    steps = prepared.fit_kwargs.get("steps_per_epoch") or max(1, -(-samples // cfg.batch_size))
    total = initial_epoch + epochs
    reporter.report(Started(device, total, steps, int(model.count_params()), dataset_info, experiment.family,
                            first_epoch=initial_epoch + 1, samples_per_epoch=samples, unit=prepared.unit,
                            replicas=replicas(model), batch_size=int(cfg.batch_size)))
    if folder is not None:
        folder.begin(device, total)
    reporting = ReportingCallback(reporter, control, samples, steps, prepared.unit)
    reporting.step = initial_epoch * steps
    guard = NanGuard(reporter, watch=prepared.watch)
    before, after = _training_callbacks(cfg, model, prepared.validation_data is not None, reporter, total)
    callbacks: list[Any] = before + [reporting, guard, ControlCallback(control, reporter)] + after
    if folder is not None:
        callbacks.append(RunFolderCallback(folder, _monitor("val_loss", prepared.validation_data is not None)))
    probes = list(prepared.probes) + list(run.probes)
    if probes:
        callbacks.append(ProbeCallback(probes, reporter))
    fit_kwargs: dict[str, Any] = {"batch_size": cfg.batch_size, "epochs": total, "shuffle": True, "verbose": 0,
                                  "initial_epoch": initial_epoch}
    fit_kwargs.update(prepared.fit_kwargs)
    if prepared.validation_data is not None:
        fit_kwargs["validation_data"] = prepared.validation_data
    if control.stopped:
        fit_kwargs["epochs"] = initial_epoch
    x, y, fit_kwargs = fit_inputs(prepared.x, prepared.y, fit_kwargs, cfg.seed + initial_epoch)
    if run.xla != "auto":
        model.jit_compile = run.xla == "on"  # Keras falls back to off, with a warning, where a layer cannot
        model.train_function = None  # made again with the new setting
    try:
        model.fit(x, y, callbacks=callbacks, **fit_kwargs)
    except BaseException as exc:
        if folder is not None:
            folder.finish("failed", {}, time.perf_counter() - t_start, readable_error(exc))
        raise
    done = initial_epoch + len(next(iter(reporting.history.values()), []))
    export = prepared.export_model if prepared.export_model is not None else model
    seconds = time.perf_counter() - t_start
    keep = dict(prepared=prepared, folder=folder, epochs_done=done, dataset_info=dataset_info)
    if guard.tripped:
        if folder is not None:
            folder.finish("failed", {}, seconds, "non-finite loss")
        return Outcome(RunResult("failed", reporting.history, message="non-finite loss", device=device,
                                 seconds=seconds, run=run.name), experiment, model, export, **keep)
    test: dict[str, float] = {}
    if prepared.evaluate is not None and not control.stopped:
        test = prepared.evaluate()
    status = "stopped" if control.stopped else "finished"
    if folder is not None:
        folder.finish(status, test, seconds)
    from .distribute import cluster_workers
    from .multi_worker import weights_digest

    workers = cluster_workers()
    reporter.report(Finished(reporting.history, test, seconds, device, control.stopped,
                             run_dir=str(folder.path) if folder is not None and folder.active else "",
                             replicas=replicas(model), workers=workers,
                             weights_sha256=weights_digest(model) if workers > 1 else ""))
    return Outcome(RunResult(status, reporting.history, test, device=device, seconds=seconds, run=run.name,
                             run_dir=str(folder.path) if folder is not None and folder.active else "",
                             epochs_done=done), experiment, model, export, **keep)
