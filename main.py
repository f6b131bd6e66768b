#!/usr/bin/env python3
"""Layerwise: the window by default, sub-commands for headless use.

Neither keras nor tensorflow is imported at module level: the window must show before TF loads.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Sequence

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _load_experiment(target: str, dataset: str | None) -> Any:
    """A preset name or a project .json file -> Experiment (raises SpecError / PresetError / DatasetError)."""
    from models.spec.experiment import Experiment
    from models.spec.presets import get_preset

    if target.endswith(".keras"):  # a saved model: its layers as the editor opens them, starting from its weights
        from models.families.supervised.opened import experiment_from_keras
        exp = experiment_from_keras(target)
        if dataset and dataset != exp.dataset:
            exp.dataset = dataset
        return exp
    if target.endswith(".json") or os.path.sep in target or Path(target).is_file():
        try:
            text = Path(target).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"{target}: not a UTF-8 text file") from None
        exp = Experiment.from_json(text)
        if dataset and dataset != exp.dataset:
            exp.dataset = dataset
            exp.dataset_options = {}  # options belong to the dataset they were set for
        return exp
    return get_preset(target).make(dataset)


def _usage_error(message: str) -> int:
    print(f"layerwise: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_presets(args: argparse.Namespace) -> int:
    from models.spec.presets import all_presets

    for p in all_presets():
        first = p.explanation.split(". ")[0].rstrip(".") + "."
        print(f"{p.name:<12} {p.group:<14} {first}")
    return EXIT_OK


def cmd_datasets(args: argparse.Namespace) -> int:
    from models.data import available

    for name, text in available().items():
        print(f"{name:<14} {text}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from models.data import DatasetError
    from models.engine.checks import check_experiment
    from models.spec.build import validate_network
    from models.spec.experiment import SpecError
    from models.spec.joins import join_error
    from models.spec.presets import PresetError

    try:
        exp = _load_experiment(args.project, None)
        if args.project.endswith(".keras") and not args.json:
            print(f"{args.project}: opens on '{exp.dataset}', starting from its weights")
        check_experiment(exp)  # the same checks `train` makes before it loads data
    except (OSError, ValueError, SpecError, PresetError, DatasetError) as exc:
        if args.json:
            print(json.dumps({"ok": False, "field": getattr(exc, "field", ""), "error": str(exc), "networks": []}))
        return _usage_error(str(exc))
    ok = True
    reports = {}
    for role, net in exp.networks.items():
        report = validate_network(net, role)
        reports[role] = report
        ok = ok and report.ok
        if not args.json:
            if len(exp.networks) > 1:
                print(f"[{role}]")
            print(report.text())
    join = join_error(exp, reports) if ok else None
    if join is not None:
        ok = False
        if not args.json:
            print(f"ERROR {join}")
    if args.json:
        print(json.dumps({"ok": ok, "networks": [r.to_dict() for r in reports.values()],
                          **({"error": str(join)} if join is not None else {})}))
    return EXIT_OK if ok else EXIT_USAGE


def _strict(value: Any) -> Any:
    """JSON has no NaN or Infinity (strict parsers reject them): non-finite numbers become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict(v) for v in value]
    return value


class _CliReporter:
    """Prints events as they arrive (on the training thread). A failure is said once the run is over
    (`flush_failed`): the NaN guard fires inside an epoch whose own end is reported after it."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.failed: Any = None
        self.failed_pending: Any = None
        self.epochs_done = 0

    def _emit(self, obj: dict[str, Any]) -> None:
        print(json.dumps(_strict(obj), allow_nan=False), flush=True)

    def flush_failed(self) -> None:
        event, self.failed_pending = self.failed_pending, None
        if event is None:
            return
        if self.as_json:
            self._emit({"event": "failed", "kind": event.kind, "message": event.message})
        print(f"layerwise: {event.message}", file=sys.stderr, flush=True)

    def report(self, event: Any) -> None:
        from models.engine.events import EpochEnd, Failed, Finished, Notice, Started

        if isinstance(event, Notice):
            if self.as_json:
                self._emit({"event": "notice", "kind": event.kind, "message": event.message})
            print(f"layerwise: {event.message}", file=sys.stderr, flush=True)
        elif isinstance(event, Started):
            if not self.as_json:
                print(f"training on {event.device}: {event.params:,} parameters, {event.epochs} epochs of "
                      f"{event.steps_per_epoch} batches; data: {event.dataset['source']}", flush=True)
        elif isinstance(event, EpochEnd):
            self.epochs_done = event.epoch
            if self.as_json:
                rate = {} if event.unit == "samples" else {
                    event.unit: event.samples, f"{event.unit}_per_second": round(event.samples / event.seconds)
                    if event.seconds > 0 else 0}
                self._emit({"event": "epoch", "epoch": event.epoch, "seconds": round(event.seconds, 4),
                            "samples": event.samples, **rate, **event.metrics})
            else:
                metrics = "  ".join(f"{k} {v:.4f}" for k, v in event.metrics.items())
                if event.unit != "samples" and event.seconds > 0:  # word2vec: words/s, as gensim reports it
                    metrics += f"  {event.samples / event.seconds:,.0f} {event.unit}/s"
                print(f"epoch {event.epoch:>3}  {event.seconds:6.2f}s  {metrics}", flush=True)
        elif isinstance(event, Finished):
            if self.as_json:
                self._emit({"event": "finished", "status": "stopped" if event.stopped_early else "finished",
                            "device": event.device, "replicas": event.replicas, "workers": event.workers,
                            **({"weights_sha256": event.weights_sha256} if event.weights_sha256 else {}),
                            "seconds": round(event.seconds, 3),
                            **event.test,
                            "test": event.test, "history": event.history, "run_dir": event.run_dir})
            elif event.test:
                test = "  ".join(f"{k} {v:.4f}" for k, v in event.test.items())
                print(f"finished in {event.seconds:.1f}s; test: {test}", flush=True)
                if event.run_dir:
                    print(f"run folder: {event.run_dir}", flush=True)
            else:
                print(f"stopped after {event.seconds:.1f}s ({self.epochs_done} epochs done); not evaluated on the "
                      "test set", flush=True)
                if event.run_dir:
                    print(f"run folder: {event.run_dir}", flush=True)
        elif isinstance(event, Failed):
            self.failed = self.failed_pending = event


def _resume_target(args: argparse.Namespace) -> tuple[Any, int]:
    """--resume RUN_DIR: the run's experiment and how many epochs to train (--epochs, else what an interrupted
    run had left, else as many as it was set to). Raises ValueError with the message for the user."""
    from models.engine.run_folder import read_run
    from models.spec.experiment import SpecError

    if args.target:
        raise ValueError("--resume takes the run folder; leave out the preset or project")
    for flag in ("dataset", "text", "corpus", "batch_size", "run_dir"):
        if getattr(args, flag, None):
            raise ValueError(f"--resume trains the run as it was set up: --{flag.replace('_', '-')} cannot change it")
    try:
        info = read_run(args.resume)
        exp = info.experiment()
    except (OSError, SpecError) as exc:
        raise ValueError(f"--resume {args.resume}: {exc}") from None
    done = int(info.status.get("checkpoint_epoch", 0) or 0)
    if done <= 0 or not (Path(args.resume) / "last.keras").is_file():
        raise ValueError(f"--resume {args.resume}: no checkpoint to resume from (the run ended before its first "
                         "epoch did)")
    planned = int(info.status.get("epochs_planned", exp.training.epochs) or exp.training.epochs)
    epochs = args.epochs or (planned - done if info.interrupted and planned > done else exp.training.epochs)
    return exp, epochs


def _apply_callback_flags(args: argparse.Namespace, cfg: Any) -> str:
    """--early-stopping, --lr-schedule, --reduce-lr into the training settings; '' or the usage message."""
    from models.spec.experiment import LR_SCHEDULES

    if args.early_stopping is not None:
        if args.early_stopping < 0:
            return "--early-stopping must be 0 (off) or a patience in epochs"
        cfg.early_stopping = args.early_stopping
    if args.reduce_lr is not None:
        if args.reduce_lr < 0:
            return "--reduce-lr must be 0 (off) or a patience in epochs"
        cfg.reduce_lr_patience = args.reduce_lr
    if args.lr_schedule is not None:
        if args.lr_schedule not in LR_SCHEDULES:
            return f"--lr-schedule must be one of {', '.join(LR_SCHEDULES)}"
        cfg.lr_schedule = args.lr_schedule
    if args.keep_runs is not None and args.keep_runs < 0:
        return "--keep-runs must be 0 (keep all) or more"
    return ""


def cmd_train(args: argparse.Namespace) -> int:
    from models.data import DatasetError
    from models.spec.experiment import SpecError
    from models.spec.presets import PresetError

    resume_epochs = 0
    if args.resume:
        try:
            exp, resume_epochs = _resume_target(args)
        except ValueError as exc:
            return _usage_error(str(exc))
    elif not args.target:
        return _usage_error("train needs a preset name or a project .json (or --resume RUN_DIR)")
    else:
        try:
            exp = _load_experiment(args.target, args.dataset or ("chars" if args.text else None))
        except (OSError, ValueError, SpecError, PresetError, DatasetError) as exc:
            return _usage_error(str(exc))
    if args.data:
        problem = _use_own_data(args, exp)
        if problem:
            return _usage_error(problem)
    elif args.label:
        return _usage_error("--label names the class column of a table given with --data FILE.csv")
    if args.text:  # checked here so a bad file fails before TensorFlow loads
        from models.data.textfile import read_user_text
        try:
            read_user_text(args.text)
        except DatasetError as exc:
            return _usage_error(str(exc))
        exp.dataset_options["path"] = args.text
    if args.corpus or args.export_embeddings:
        from models.families.word2vec.cli import apply_cli_options
        try:
            apply_cli_options(exp, args.corpus, args.export_embeddings)
        except ValueError as exc:
            return _usage_error(str(exc))
    problem = _apply_training_flags(exp.training, args) or _apply_callback_flags(args, exp.training)
    if problem:
        return _usage_error(problem)
    if resume_epochs:
        exp.training.epochs = resume_epochs
    from models.engine.checks import check_experiment
    try:
        check_experiment(exp)  # what `validate` checks, after the flags: train refuses nothing validate accepted
    except (SpecError, DatasetError) as exc:
        return _usage_error(str(exc))
    problem = _check_export_paths(args, exp)  # before training: a bad path must not cost the trained model
    if problem:
        return _usage_error(problem)

    from models.engine.loop import Run
    from models.engine.session import TrainingSession

    if args.devices is not None and not 1 <= args.devices <= 64:
        return _usage_error(f"--devices: must be 1 to 64, got {args.devices}")
    try:
        cluster = _cluster_config(args)
    except ValueError as exc:
        return _usage_error(str(exc))
    chief = True
    if cluster is not None:
        from models.engine.multi_worker import is_chief
        chief = is_chief(cluster)
        if not chief:  # Keras' rule: the other workers write to a temporary place and clean up
            args.export = [_scratch_path(f) for f in args.export or []]
            args.export_script = args.export_script and _scratch_path(args.export_script)
            args.export_embeddings = args.export_embeddings and _scratch_path(args.export_embeddings)
    from models.engine.distribute import StrategyError, check_precision, configure, set_precision
    try:
        check_precision(args.precision, exp.family)
    except StrategyError as exc:
        return _usage_error(str(exc))
    session = TrainingSession()
    if args.devices or cluster is not None:
        try:  # the worker's first job, before TensorFlow has made its devices
            session.submit(configure, args.devices or 0, cluster, args.join_timeout).result()
        except StrategyError as exc:
            session.shutdown(timeout=5)
            return _usage_error(f"{'--devices' if cluster is None else 'cluster'}: {exc}")
    if args.precision != "float32":
        try:
            session.submit(set_precision, args.precision).result()
        except StrategyError as exc:
            session.shutdown(timeout=5)
            return _usage_error(str(exc))
    reporter = _CliReporter(args.json)
    out = sys.stderr if args.json else sys.stdout
    written: list[str] = []
    pending: list[str] = [*(args.export or []), *(f for f in (args.export_script, args.export_embeddings) if f)]
    run = Run(exp, record=not args.no_run_folder and chief, runs_root=args.run_dir or "",
              keep_runs=-1 if args.keep_runs is None else args.keep_runs, resume=args.resume or "",
              strategy=args.strategy, xla=args.xla)
    job: Any = None
    try:
        job = session.start_series([run], reporter)
        result = job.result()
        reporter.flush_failed()
        if result.status == "failed":
            kind = reporter.failed.kind if reporter.failed else "error"
            return EXIT_USAGE if kind in ("build", "data") else EXIT_FAILED
        from models.families.word2vec.projector import export_embeddings_job
        exports = [*((target, session.export) for target in args.export or []),
                   (args.export_script, session.export_script),
                   (args.export_embeddings, lambda path: export_embeddings_job(session, path))]
        for flag, export in exports:
            if flag:
                job = export(flag)
                try:
                    done = job.result()
                except (OSError, ValueError) as exc:
                    print(f"layerwise: could not export {flag}: {exc}", file=sys.stderr)
                    return EXIT_FAILED
                pending.remove(flag)
                if not chief:
                    print(f"not the chief: {os.path.basename(flag)} was written to a temporary folder, which is "
                          "removed (worker 0 keeps the exports)", file=out)
                    continue
                written.append(str(getattr(done, "path", done)))
                print(done.text() if hasattr(done, "text") else f"wrote {done}", file=out)
        return EXIT_OK
    except KeyboardInterrupt:
        return _interrupted(session, job, reporter, written, pending, out)
    finally:
        session.shutdown(timeout=5)
        for scratch in _SCRATCH:
            shutil.rmtree(scratch, ignore_errors=True)


_SCRATCH: list[str] = []


def _scratch_path(path: str) -> str:
    """Where a worker that is not the chief writes an export: a temporary folder, removed at the end."""
    folder = tempfile.mkdtemp(prefix="layerwise-worker-")
    _SCRATCH.append(folder)
    return os.path.join(folder, os.path.basename(path))


def _cluster_config(args: argparse.Namespace) -> dict[str, Any] | None:
    """TF_CONFIG from --cluster/--task-index or the environment; None when this is no cluster. ValueError names
    the flag."""
    from models.engine import multi_worker

    if args.task_index is not None and not args.cluster:
        raise ValueError("--task-index goes with --cluster HOST:PORT,HOST:PORT")
    if not (math.isfinite(args.join_timeout) and 1 <= args.join_timeout <= 3600):
        raise ValueError(f"--join-timeout: must be 1 to 3600 seconds, got {args.join_timeout:g}")
    if args.cluster:
        if args.task_index is None:
            raise ValueError("--cluster needs --task-index I: this worker's place in the list (0 is the chief)")
        config = multi_worker.cluster_config(args.cluster, args.task_index)
    elif os.environ.get("TF_CONFIG", "").strip() and args.strategy in ("auto", "multi-worker"):
        config = multi_worker.config_from_environment(os.environ["TF_CONFIG"])
    elif args.strategy == "multi-worker":
        raise ValueError("--strategy multi-worker: give the cluster with --cluster HOST:PORT,HOST:PORT "
                         "--task-index I, or set TF_CONFIG")
    else:
        return None
    if args.devices:
        raise ValueError("--devices splits one machine's CPU; a cluster trains one replica per worker")
    return config


def _use_own_data(args: argparse.Namespace, exp: Any) -> str:
    """--data: point the experiment at the user's folder or table and say what was fitted; a message if bad."""
    from models.data import DatasetError, load_dataset
    from models.data.user_data import experiment_for, user_dataset
    from models.spec.presets import PRESETS

    if args.dataset:
        return "--data and --dataset both name the data: give one"
    try:
        dataset, options = user_dataset(args.data, args.label)
        preset = PRESETS.get(args.target or "") or PRESETS.get(exp.preset or "")
        fitted, changes = experiment_for(exp, dataset, options, preset, redraw_first=args.target in PRESETS)
        exp.__dict__.update(fitted.__dict__)
        data = load_dataset(dataset, exp.dataset_options, seed=exp.training.seed)  # the report, before training
    except DatasetError as exc:
        return f"--data: {exc}"
    out = sys.stderr if args.json else sys.stdout
    print(data.info.extras.get("report", data.info.notes), file=out)
    for change in changes:
        print(f"  {change}", file=out)
    sizes = data.sizes
    print(f"  split (stratified, seed {exp.training.seed}): " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()),
          file=out, flush=True)
    return ""


def _apply_training_flags(cfg: Any, args: argparse.Namespace) -> str:
    """Put --epochs, --batch-size, --lr and --seed into the training config; a message naming the flag if bad."""
    from models.spec.experiment import SEED_MAX

    for flag, name, value in (("--epochs", "epochs", args.epochs), ("--batch-size", "batch_size", args.batch_size),
                              ("--lr", "learning_rate", args.lr), ("--seed", "seed", args.seed)):
        if value is None:
            continue
        if name == "learning_rate" and not (math.isfinite(value) and value > 0):
            return f"--lr must be a finite number greater than 0, got {value}"
        if name == "seed" and not 0 <= value <= SEED_MAX:
            return f"--seed must be a whole number from 0 to 2**32 - 1 ({SEED_MAX}), got {value}"
        if name in ("epochs", "batch_size") and value <= 0:
            return f"{flag} must be a positive whole number, got {value}"
        setattr(cfg, name, value)
    return ""


def _writable_target(path: Path) -> str:
    """Why `path` could not be written (it is a folder, or its folder cannot be made or written); '' if it can."""
    if path.is_dir():
        return f"{path} is a folder"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only"
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write into {parent} (permission denied)"
    return ""


def _check_export_paths(args: argparse.Namespace, exp: Any) -> str:
    """A message for the first export flag whose file could not be written (checked before training)."""
    from models.deploy import check_target

    for target in args.export or []:
        problem = check_target(target)
        if problem:
            return f"--export: {problem}"
    if args.export_script:
        script = Path(args.export_script)
        if script.suffix != ".py":
            return "--export-script must name a .py file (its data goes beside it, in a .npz of the same name)"
        problem = _writable_target(script)
        if problem:
            return f"--export-script: {problem}"
        data = script.with_suffix(".npz")
        if data.exists() and not script.exists():
            return (f"--export-script: the script's data would replace {data}, which is not from an earlier export "
                    f"of {script.name}: move it or pick another name")
        problem = _writable_target(data)
        if problem:
            return f"--export-script: {problem}"
    if args.export_embeddings:
        folder = Path(args.export_embeddings)
        if folder.exists() and not folder.is_dir():
            return f"--export-embeddings: {folder} is a file, not a folder"
        problem = _writable_target(folder / "vectors.tsv")
        if problem:
            return f"--export-embeddings: {problem}"
    return ""


def _interrupted(session: Any, job: Any, reporter: _CliReporter, written: list[str], pending: list[str],
                 out: Any) -> int:
    """Ctrl+C: stop training, let a write in progress finish (writes are atomic: the file is whole or absent),
    and say what was and was not written. Exit 130, whatever was under way."""
    session.stop()
    finished: Any = None
    while job is not None:
        try:
            finished = job.result(timeout=30)
            break
        except KeyboardInterrupt:
            continue  # a second Ctrl+C: the write still ends in a moment, and nothing half-written stays
        except Exception:  # noqa: BLE001 - the run or the write failed on its way out: nothing more was written
            break
    if hasattr(finished, "path"):  # an export (ExportResult) rather than a script or folder path
        finished = finished.path
    if isinstance(finished, str) and pending:  # the export under way completed
        written.append(finished)
        pending.pop(0)
        print(f"wrote {finished}", file=out)
    reporter.flush_failed()
    said = f"wrote {', '.join(written)}" if written else "nothing was written"
    missing = f"; not written: {', '.join(pending)}" if pending else ""
    epochs = f" after {reporter.epochs_done} epochs" if reporter.epochs_done else ""
    print(f"layerwise: interrupted{epochs}: {said}{missing}", file=sys.stderr, flush=True)
    return EXIT_INTERRUPTED


def cli_generate(model_path: str, out: str, label: int | None = None, count: int | None = None, seed: int = 0,
                 columns: int | None = None, scale: int = 2, score: bool = False) -> tuple[int, str]:
    """Write a grid of generated images; returns (exit code, message). Never raises for bad input.

    Without --label a conditional generator gives one row per digit and `count` is rounded up to fill rows.
    """
    if not out.lower().endswith(".png"):
        return 2, "--out must name a .png file"
    if count is not None and not 1 <= count <= 1024:
        return 2, "--count must be between 1 and 1024"
    if not 1 <= scale <= 8:
        return 2, "--scale must be between 1 and 8"
    if columns is not None and not 1 <= columns <= 64:
        return 2, "--columns must be between 1 and 64"
    path = Path(model_path)
    if not path.is_file():
        return 2, f"{model_path}: no such file"
    if path.suffix != ".keras":
        return 2, f"{model_path}: expected a .keras file (written by `train ... --export`)"
    import zipfile
    if not zipfile.is_zipfile(path):  # Keras would answer "File not found" about a file that is there
        return 2, f"{model_path}: not a Keras model file (a .keras file is a zip archive; this one is " \
                  f"{'empty' if path.stat().st_size == 0 else 'something else'})"
    import keras
    import numpy as np

    from models.generators import class_rows, generate, generator_info
    from models.images import tile_grid, write_png
    from models.judge import CONFIDENT, load_or_train_classifier, score_images

    try:
        model = keras.saving.load_model(str(path), safe_mode=True)
    except Exception as exc:  # noqa: BLE001
        return 2, f"{model_path}: could not load ({str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__})"
    try:
        info = generator_info(model)
    except ValueError as exc:
        return 2, f"{model_path}: not a generator: {exc}"
    if label is not None and not info.num_classes:
        return 2, "--label needs a conditional generator (train 'cgan'); this one takes only noise"
    if label is not None and not 0 <= label < info.num_classes:
        return 2, f"--label must be between 0 and {info.num_classes - 1}"
    try:
        if info.num_classes and label is None:
            per = max(1, -(-(count or 10 * info.num_classes) // info.num_classes))
            images = class_rows(model, per, seed)
            cols = per
            labels: Any = np.repeat(np.arange(info.num_classes), per)
        else:
            n = count or 64
            images = generate(model, n, seed, label)
            cols = columns or math.isqrt(n - 1) + 1
            labels = label
        write_png(out, tile_grid(images, cols), scale)
    except OSError as exc:
        return 1, f"could not write {out}: {exc.strerror or exc}"
    except ValueError as exc:
        return 2, str(exc)
    message = f"wrote {out} ({len(images)} samples)"
    if score:
        try:
            classifier = load_or_train_classifier()
            s = score_images(images, classifier, labels)
        except (OSError, ValueError) as exc:
            return 1, f"{message}; could not score: {exc}"
        message += (f"; classifier: {s['confident_share']:.1%} of samples at confidence >= {CONFIDENT}, "
                    f"{s['distinct_confident']} distinct classes among them, mean confidence "
                    f"{s['mean_confidence']:.3f}, predicted classes {s['histogram'].tolist()}")
        if "label_accuracy" in s:
            message += f", {s['label_accuracy']:.1%} read as the requested digit"
    return 0, message


def cmd_generate(args: argparse.Namespace) -> int:
    code, message = cli_generate(args.model, args.out, args.label, args.count, args.seed, args.columns,
                                 args.scale, args.score)
    print(message if code == EXIT_OK else f"layerwise: {message}", file=sys.stdout if code == EXIT_OK else sys.stderr)
    return code


def cmd_course(args: argparse.Namespace) -> int:
    from models.course import LanguageError, syllabus

    try:
        print(syllabus(args.lang, args.details))
    except LanguageError as exc:
        return _usage_error(f"course --lang: {exc}")
    return EXIT_OK


def cmd_backprop_example(args: argparse.Namespace) -> int:
    from models.labs.backprop import cli

    return cli(args.json, args.seed, args.lr)


def cmd_gui(args: argparse.Namespace) -> int:
    from models.course import check_language

    try:
        lang = check_language(args.lang) if getattr(args, "lang", None) else None
    except ValueError as exc:
        return _usage_error(f"--lang: {exc}")
    # Before Qt's widgets load: without a display or with a library missing, Qt would abort with a cryptic message.
    from gui.platform_check import diagnose

    problem = diagnose()
    if problem is not None:
        print(problem.message, file=sys.stderr)
        return EXIT_USAGE
    from gui.app import run_app

    devices = getattr(args, "devices", None) or 0
    if not 0 <= devices <= 64:
        return _usage_error(f"--devices: must be 1 to 64, got {devices}")
    return run_app(getattr(args, "project", None), lang=lang, devices=devices)


def cmd_shot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from models.spec.presets import PresetError, get_preset

    try:
        get_preset(args.preset)
        width, height = (int(v) for v in args.size.lower().split("x"))
        if not (200 <= width <= 8000 and 200 <= height <= 8000):
            raise ValueError(f"--size {args.size}: width and height must be 200 to 8000 pixels")
    except (PresetError, ValueError) as exc:
        return _usage_error(f"shot: {exc}")
    from models.course import check_language

    try:
        lang = check_language(getattr(args, "lang", None) or "en")
    except ValueError as exc:
        return _usage_error(f"shot: --lang: {exc}")
    if not (math.isfinite(args.scale) and 0.5 <= args.scale <= 4):
        return _usage_error(f"shot: --scale {args.scale:g}: the device pixel ratio must be 0.5 to 4")
    from gui.app import shot

    def own_data(window: Any) -> None:
        if args.data and not window.use_own_data(args.data, args.label):
            raise SystemExit(_usage_error(f"shot: --data: {window.message_bar.text}"))
    path = shot(args.preset, args.out, args.dataset, args.train_batches, (width, height), args.select, args.lab,
                args.panel, setup=own_data if args.data else None, scale=args.scale, lang=lang)
    print(f"wrote {path}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="layerwise", description="A desktop deep-learning lab.")
    sub = parser.add_subparsers(dest="command")

    parser.add_argument("--lang", help="the window's language: en or zh_CN (default: View > Language, else the "
                                       "system's)")
    p = sub.add_parser("gui", help="open the app (the default)")
    p.add_argument("project", nargs="?", help="a project .json to open")
    p.add_argument("--lang", default=argparse.SUPPRESS, help="en or zh_CN")
    p.add_argument("--devices", type=int, metavar="N", help="split the CPU into N logical devices: the window's "
                   "runs then train mirrored, each replica on half of the batch")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("presets", help="list the architecture presets")
    p.set_defaults(func=cmd_presets)

    p = sub.add_parser("datasets", help="list the datasets")
    p.set_defaults(func=cmd_datasets)

    p = sub.add_parser("validate", help="print the shape report of a project, or where it breaks")
    p.add_argument("project", help="project .json or preset name")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("shot", help="render the window to a PNG (offscreen), optionally after some training")
    p.add_argument("--preset", default="cnn")
    p.add_argument("--dataset")
    p.add_argument("--train-batches", type=int, default=0)
    p.add_argument("--data", metavar="FOLDER_OR_CSV", help="open on your own images or table (as Data > Your ...)")
    p.add_argument("--label", metavar="COLUMN", help="with --data FILE.csv: the class column")
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--size", default="1480x920", help="WIDTHxHEIGHT in device-independent pixels")
    p.add_argument("--scale", type=float, default=1.0, help="device pixel ratio, e.g. 2 for a high-DPI screen "
                                                             "(the PNG is that many times larger a side)")
    p.add_argument("--select", type=int, help="select layer N (0-based) in the editor first")
    p.add_argument("--lab", help="open the lab with this title")
    p.add_argument("--panel", help="raise the panel with this title")
    p.add_argument("--lang", default=argparse.SUPPRESS, help="the window's language: en (the default) or zh_CN")
    p.set_defaults(func=cmd_shot)

    p = sub.add_parser("train", help="train a preset or project without a window")
    p.add_argument("target", nargs="?", help="preset name (see `presets`) or project .json")
    p.add_argument("--dataset", help="dataset name (see `datasets`)")
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--lr", type=float, help="learning rate")
    p.add_argument("--seed", type=int)
    p.add_argument("--export", metavar="PATH", action="append",
                   help="save the trained model; the format follows the name: .keras, .onnx, .tflite (LiteRT), or a "
                        "folder for a SavedModel. Each export is run in its own runtime and compared with Keras. "
                        "Give it more than once for several formats")
    p.add_argument("--export-script", metavar="PATH.py", help="write a standalone Keras training script")
    p.add_argument("--data", metavar="FOLDER_OR_CSV",
                   help="train on your own data: a folder with one sub-folder of images per class (resized to the "
                        "network's input), or a CSV table with --label")
    p.add_argument("--label", metavar="COLUMN", help="with --data FILE.csv: the column that holds the class")
    p.add_argument("--corpus", metavar="FILE", help="word2vec (cbow, skipgram): train on this UTF-8 text file")
    p.add_argument("--text", metavar="FILE", help="next-character task: learn from this UTF-8 text file "
                   "(sets the chars dataset's path; implies --dataset chars)")
    p.add_argument("--export-embeddings", metavar="DIR",
                   help="word2vec: write DIR/vectors.tsv and DIR/metadata.tsv (TensorBoard Projector format)")
    p.add_argument("--json", action="store_true", help="one JSON object per line: epoch events, then finished")
    p.add_argument("--run-dir", metavar="DIR", help="write run folders under DIR/<project>/ (default: the per-user "
                   "data folder, e.g. ~/.local/share/layerwise/runs)")
    p.add_argument("--no-run-folder", action="store_true", help="write no run folder")
    p.add_argument("--keep-runs", type=int, metavar="N", help="keep the N newest runs per project (0: all; default 20)")
    p.add_argument("--resume", metavar="RUN_DIR", help="go on training a run folder's model from its last checkpoint "
                   "(interrupted, stopped or finished); epochs count on; --epochs N more (default: what was left, "
                   "or as many as the run had)")
    p.add_argument("--early-stopping", type=int, metavar="PATIENCE",
                   help="stop when val_loss has not improved for PATIENCE epochs, keeping the best weights (0: off)")
    p.add_argument("--reduce-lr", type=int, metavar="PATIENCE",
                   help="halve the learning rate when val_loss has not improved for PATIENCE epochs (0: off)")
    p.add_argument("--lr-schedule", metavar="NAME", help="constant, step, exponential or cosine")
    p.add_argument("--strategy", choices=("auto", "default", "mirrored", "multi-worker"), default="auto",
                   help="tf.distribute strategy: mirrored trains one copy per GPU (or per --devices CPU device) and "
                        "splits each batch among them; multi-worker does so across machines (--cluster or "
                        "TF_CONFIG); --batch-size is the global batch, the learning rate is not rescaled (default "
                        "auto: multi-worker in a cluster, mirrored when there are several GPUs)")
    p.add_argument("--devices", type=int, metavar="N", help="split the CPU into N logical devices, to try "
                   "--strategy mirrored without GPUs")
    p.add_argument("--cluster", metavar="HOST:PORT,HOST:PORT", help="train on several machines: every worker's "
                   "address, the same list on each (instead of the TF_CONFIG environment variable)")
    p.add_argument("--task-index", type=int, metavar="I", help="with --cluster: this worker's place in the list "
                   "(0 is the chief, which writes the run folder and the exports)")
    p.add_argument("--precision", default="float32", choices=("float32", "mixed"),
                   help="mixed: compute in float16 with float32 weights (mixed_float16; GPUs only, the last layer "
                        "stays float32; supervised, localisation and recurrent families)")
    p.add_argument("--xla", default="auto", choices=("auto", "on", "off"),
                   help="XLA compilation of the train step: auto is Keras' rule (on a GPU, off on a CPU and under "
                        "a tf.distribute strategy); compiling costs seconds at the first step (bench/xla.py)")
    p.add_argument("--join-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="with a cluster: stop with a message when a worker has not joined after this long (60)")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("course", help="the course: the notes' chapters in order, with the demo each opens")
    p.add_argument("--lang", default="en", help="en or zh_CN (Simplified Chinese)")
    p.add_argument("--details", action="store_true", help="also what to do, what to notice and the question")
    p.set_defaults(func=cmd_course)

    p = sub.add_parser("backprop-example", help="the notes' worked backpropagation example, step by step")
    p.add_argument("--json", action="store_true", help="one JSON object with every value")
    p.add_argument("--seed", type=int, default=0, help="which inputs and starting weights (default 0)")
    p.add_argument("--lr", type=float, default=0.5, help="learning rate of the update step (default 0.5)")
    p.set_defaults(func=cmd_backprop_example)

    p = sub.add_parser("generate", help="draw a grid of samples from a generator exported by `train ... --export`")
    p.add_argument("model", help="generator .keras file")
    p.add_argument("--out", required=True, metavar="PATH.png", help="where to write the grid")
    p.add_argument("--label", type=int, help="conditional generators: the digit to draw (default: one row each)")
    p.add_argument("--count", type=int, help="number of samples (default 64; cgan: 10 per digit)")
    p.add_argument("--seed", type=int, default=0, help="noise seed: the same seed gives the same samples")
    p.add_argument("--columns", type=int, help="grid columns (default: square)")
    p.add_argument("--scale", type=int, default=2, help="enlarge each pixel this many times (1-8)")
    p.add_argument("--score", action="store_true", help="also judge the samples with the app's MNIST classifier")
    p.set_defaults(func=cmd_generate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    import models.families  # noqa: F401  (registers every family: presets, datasets, recipes; no TensorFlow)

    if not getattr(args, "command", None):
        return cmd_gui(args)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
