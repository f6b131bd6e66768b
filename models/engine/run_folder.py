"""Run folders: what every training run leaves on disk, so a run can be looked at, compared, continued or resumed.

    <data dir>/runs/<project>/<YYYYmmdd-HHMMSS>-<n>/
        experiment.json   the experiment as run (the project file the CLI and the window read)
        history.csv       every metric per epoch, true epoch numbers (a resumed run appends)
        status.json       running / finished / stopped / failed, device, seconds, test metrics, last epoch saved
        last.keras        the model (with its optimizer state) after the last completed epoch
        best.keras        the model at the best epoch of `monitor`
        tensorboard/      event files: scalars per epoch, the loss per batch

A run killed mid-way (kill -9, power loss) keeps "running" in status.json: `interrupted_runs` finds it and
`last.keras` + `checkpoint_epoch` say where to resume from (the idea of Keras' BackupAndRestore, with the
checkpoint a user can also open). Every write can fail (full disk, read-only folder): the folder then turns
itself off with one message and the run goes on. Qt-free; the per-user folder comes from `files.data_dir`.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..files import atomic_write_bytes, atomic_write_text, data_dir
from ..spec.experiment import Experiment

DEFAULT_KEEP = 20  # runs kept per project; older ones are removed when a new one starts
_NAME = re.compile(r"^\d{8}-\d{6}-\d+$")


def runs_root() -> Path:
    return data_dir() / "runs"


def project_slug(experiment: Experiment) -> str:
    """A folder name for the project: its name, else its preset, else its family; only safe characters."""
    raw = experiment.name or experiment.preset or experiment.family or "project"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip("-.")[:60]
    return slug or "project"


class RunFolder:
    """One run's folder. Every method is safe to call after a failure: the folder is then off (`error` says why)
    and calls do nothing, so training never stops because of the disk."""

    def __init__(self, path: Path, notify: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.error = ""
        self._notify = notify
        self._rows: list[dict[str, float]] = []
        self._status: dict[str, Any] = {}
        self._writer: Any = None
        self._tb_failed = False
        self.checkpoints = True

    # --- creating and opening ------------------------------------------------------------------------------
    @classmethod
    def create(cls, experiment: Experiment, root: Path | None = None, keep: int = DEFAULT_KEEP,
               notify: Callable[[str], None] | None = None) -> "RunFolder":
        """A new folder under root/<project>/ (root: the per-user runs folder). Never raises: on failure the
        folder is off and `notify` has been told."""
        folder = cls((root or runs_root()) / project_slug(experiment), notify)
        folder.make_new(experiment, keep)
        return folder

    def make_new(self, experiment: Experiment, keep: int) -> None:
        """Make a new run folder inside self.path (the project folder) and move self.path to it."""
        project = self.path
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.path = project / f"{stamp}-1"
        try:
            project.mkdir(parents=True, exist_ok=True)
            n = 1
            while True:
                self.path = project / f"{stamp}-{n}"
                try:
                    self.path.mkdir()
                    break
                except FileExistsError:
                    n += 1
            atomic_write_text(self.path / "experiment.json", experiment.to_json())
            self._status = {"status": "running", "started": time.time(), "epochs_planned": experiment.training.epochs,
                            "checkpoint_epoch": 0}
            self._write_status()
            prune(project, keep, exclude=self.path)
        except OSError as exc:
            self._fail(exc)

    @classmethod
    def open(cls, path: str | Path, notify: Callable[[str], None] | None = None) -> "RunFolder":
        """An existing folder (to resume or continue it): its history and status are read back."""
        folder = cls(Path(path), notify)
        folder.load_existing()
        return folder

    def load_existing(self) -> None:
        info = read_run(self.path)
        self._rows = [dict(row) for row in info.rows]
        self._status = dict(info.status)
        self._status["status"] = "running"
        self._status.pop("finished", None)
        self._guard(self._write_status)

    @property
    def active(self) -> bool:
        return not self.error

    def _fail(self, exc: BaseException) -> None:
        if self.error:
            return
        reason = "the disk is full" if getattr(exc, "errno", None) == 28 else (
            getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)
        self.error = f"The run folder {self.path} could not be written ({reason}); the run goes on without it."
        self.close_writer()
        if self._notify:
            self._notify(self.error)

    def _guard(self, fn: Callable[[], Any]) -> None:
        if self.error:
            return
        try:
            fn()
        except OSError as exc:
            self._fail(exc)

    def _write_status(self) -> None:
        atomic_write_text(self.path / "status.json", json.dumps(self._status, indent=1))

    # --- during the run ------------------------------------------------------------------------------------
    @property
    def epochs_done(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> list[dict[str, float]]:
        """history.csv as rows (epoch and every metric), oldest first."""
        return list(self._rows)

    @property
    def checkpoint_epoch(self) -> int:
        """The epoch last.keras was saved after (0: none yet)."""
        return int(self._status.get("checkpoint_epoch", 0) or 0)

    def truncate(self, epoch: int) -> None:
        """Forget history after `epoch` (a resume starts from the checkpoint; later rows were never saved in it)."""
        if any(int(r["epoch"]) > epoch for r in self._rows):
            self._rows = [r for r in self._rows if int(r["epoch"]) <= epoch]
            self._guard(self._write_history)

    def begin(self, device: str, planned_epochs: int) -> None:
        """A (resumed or continued) fit starts: the device, and the epoch it is set to end at."""
        self._status.update({"device": device, "epochs_planned": planned_epochs, "status": "running"})
        self._guard(self._write_status)

    def add_epoch(self, epoch: int, metrics: dict[str, float]) -> None:
        """history.csv gets the epoch (rewritten whole and atomically: a kill never leaves half a row)."""
        row = {"epoch": float(epoch), **{k: float(v) for k, v in metrics.items()}}
        self._rows = [r for r in self._rows if int(r.get("epoch", 0)) < epoch] + [row]
        self._guard(self._write_history)

    def _write_history(self) -> None:
        columns = ["epoch"] + sorted({k for r in self._rows for k in r} - {"epoch"})
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in self._rows:
            writer.writerow([int(r["epoch"])] + [_cell(r.get(c)) for c in columns[1:]])
        atomic_write_text(self.path / "history.csv", out.getvalue())

    def scalars(self, step: int, values: dict[str, float], prefix: str = "epoch_") -> None:
        """TensorBoard scalars (tf.summary); a failure turns only TensorBoard off."""
        if self.error or self._tb_failed:
            return
        try:
            import tensorflow as tf

            if self._writer is None:
                self._writer = tf.summary.create_file_writer(str(self.path / "tensorboard"))
            with self._writer.as_default(step=step):
                for k, v in values.items():
                    if math.isfinite(v):
                        tf.summary.scalar(prefix + k, v)
        except Exception as exc:  # noqa: BLE001 - TensorBoard is optional; the rest of the folder goes on
            self._tb_failed = True
            if isinstance(exc, OSError):
                self._fail(exc)

    def save_checkpoint(self, model: Any, epoch: int, best: bool) -> None:
        """last.keras (with optimizer state); best.keras is a copy of it when this epoch is the best so far."""
        if self.error or not self.checkpoints:
            return
        try:
            atomic_write_bytes(self.path / "last.keras", lambda tmp: model.save(tmp), ".keras")
            if best:
                atomic_write_bytes(self.path / "best.keras", lambda tmp: shutil.copyfile(self.path / "last.keras", tmp),
                                   ".keras")
                self._status["best_epoch"] = epoch
            self._status["checkpoint_epoch"] = epoch
            self._write_status()
        except OSError as exc:
            self._fail(exc)
        except Exception as exc:  # noqa: BLE001 - a model Keras cannot serialise: keep the folder, drop checkpoints
            self.checkpoints = False
            if self._notify:
                self._notify(f"Checkpoints are off for this run: the model could not be saved ({type(exc).__name__}: "
                             f"{str(exc).strip()[:200]}).")

    def finish(self, status: str, test: dict[str, float], seconds: float, message: str = "") -> None:
        self.close_writer()
        self._status.update({"status": status, "finished": time.time(), "test": dict(test),
                             "seconds": round(float(seconds) + float(self._status.get("seconds_before", 0.0)), 3),
                             "message": message, "epochs": self.epochs_done})
        self._guard(self._write_status)

    def mark_resumed(self) -> None:
        self._status["seconds_before"] = float(self._status.get("seconds", 0.0) or 0.0)
        self._guard(self._write_status)

    def close_writer(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            except Exception:  # noqa: BLE001
                pass
            self._writer = None


def _cell(value: Any) -> str:
    return "" if value is None else repr(float(value))


# --- reading runs back --------------------------------------------------------------------------------------
@dataclass
class RunInfo:
    """What a run folder holds, read back without TensorFlow."""

    path: Path
    status: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, float]] = field(default_factory=list)
    experiment_json: str = ""

    @property
    def state(self) -> str:
        return str(self.status.get("status", "unknown"))

    @property
    def interrupted(self) -> bool:
        """Still 'running' on disk: the process that wrote it ended without finishing (crash, kill, power loss)."""
        return self.state == "running"

    @property
    def history(self) -> dict[str, list[float]]:
        keys = sorted({k for r in self.rows for k in r} - {"epoch"})
        return {k: [r.get(k, float("nan")) for r in self.rows] for k in keys}

    @property
    def epochs(self) -> list[int]:
        return [int(r["epoch"]) for r in self.rows]

    def experiment(self) -> Experiment:
        return Experiment.from_json(self.experiment_json)


def read_run(path: str | Path) -> RunInfo:
    """A run folder read back; raises OSError / ValueError for a folder that is not one."""
    path = Path(path)
    if not (path / "experiment.json").is_file():
        raise ValueError(f"{path}: not a run folder (no experiment.json)")
    info = RunInfo(path, experiment_json=(path / "experiment.json").read_text(encoding="utf-8"))
    try:
        status = json.loads((path / "status.json").read_text(encoding="utf-8"))
        info.status = status if isinstance(status, dict) else {}
    except (OSError, ValueError):
        info.status = {"status": "running"}
    history = path / "history.csv"
    if history.is_file():
        with open(history, encoding="utf-8", newline="") as fh:
            for raw in csv.DictReader(fh):
                row: dict[str, float] = {}
                for k, v in raw.items():
                    if k is None or v in (None, ""):
                        continue
                    try:
                        row[k] = float(v)
                    except ValueError:
                        continue
                if "epoch" in row:
                    info.rows.append(row)
    return info


def list_runs(project_dir: str | Path) -> list[RunInfo]:
    """The runs of one project folder, oldest first; folders that cannot be read are skipped."""
    project_dir = Path(project_dir)
    if not project_dir.is_dir():
        return []
    out = []
    for child in sorted(project_dir.iterdir(), key=_order):
        if child.is_dir() and _NAME.match(child.name):
            try:
                out.append(read_run(child))
            except (OSError, ValueError):
                continue
    return out


def _order(path: Path) -> tuple[str, int]:
    parts = path.name.rsplit("-", 1)
    return (parts[0], int(parts[1]) if len(parts) == 2 and parts[1].isdigit() else 0)


def interrupted_runs(root: Path | None = None) -> list[RunInfo]:
    """Runs of every project left 'running' by a process that ended (newest first): what to offer to resume."""
    root = root or runs_root()
    if not root.is_dir():
        return []
    found = [r for project in root.iterdir() if project.is_dir() for r in list_runs(project) if r.interrupted]
    return sorted(found, key=lambda r: _order(r.path), reverse=True)


def prune(project_dir: Path, keep: int, exclude: Path | None = None) -> list[Path]:
    """Remove the oldest runs beyond `keep` (0 or less: keep all); returns what was removed."""
    if keep <= 0:
        return []
    runs = [p for p in sorted(project_dir.iterdir(), key=_order) if p.is_dir() and _NAME.match(p.name)]
    removed = []
    for path in runs[:max(0, len(runs) - keep)]:
        if path != exclude:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def delete_run(path: str | Path) -> None:
    """Remove a run folder (only something that looks like one)."""
    path = Path(path)
    if not (_NAME.match(path.name) and (path / "experiment.json").is_file()):
        raise ValueError(f"{path}: not a run folder")
    shutil.rmtree(path)


def mark_abandoned(path: str | Path) -> None:
    """An interrupted run the user chose not to resume: no longer offered."""
    target = Path(path) / "status.json"
    try:
        status = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        status = {}
    status["status"] = "interrupted"
    atomic_write_text(target, json.dumps(status, indent=1))


def is_better(monitor: str, value: float, best: float | None) -> bool:
    """Lower is better for losses and errors, higher for everything else (accuracy, IoU ...)."""
    if not math.isfinite(value):
        return False
    if best is None:
        return True
    lower = "loss" in monitor or "error" in monitor
    return value < best if lower else value > best


def env_keep() -> int:
    """$LAYERWISE_KEEP_RUNS, else DEFAULT_KEEP."""
    try:
        return int(os.environ.get("LAYERWISE_KEEP_RUNS", DEFAULT_KEEP))
    except ValueError:
        return DEFAULT_KEEP


_TRAINING_NAMES = {"learning_rate": "lr", "batch_size": "batch", "early_stopping": "early stopping",
                   "reduce_lr_patience": "reduce LR", "lr_schedule": "schedule", "optimizer": "optimizer",
                   "epochs": "epochs", "seed": "seed"}


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def differences(run: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """What a run's experiment (to_dict) sets differently from `base`, in words a student reads in a legend:
    "dropout 0.5", "lr 0.01", "+Dropout", "dataset mnist". Layers are matched by position within a network when
    both have as many; otherwise added and removed layer types are named."""
    out: list[str] = []
    if run.get("dataset") != base.get("dataset"):
        out.append(f"dataset {run.get('dataset')}")
    rt, bt = run.get("training", {}), base.get("training", {})
    for key, label in _TRAINING_NAMES.items():
        if key in rt and rt.get(key) != bt.get(key):
            out.append(f"{label} {_short(rt[key])}")
    for role, net in run.get("networks", {}).items():
        layers = net.get("layers", [])
        other = base.get("networks", {}).get(role, {}).get("layers", [])
        if len(layers) == len(other):
            for a, b in zip(layers, other):
                if a.get("type") != b.get("type"):
                    out.append(f"{a.get('type')} for {b.get('type')}")
                    continue
                for name, value in a.get("params", {}).items():
                    if b.get("params", {}).get(name) != value:
                        kind = str(a.get("type", "")).lower()
                        out.append(f"{kind} {_short(value)}" if name in ("rate", "units", "filters")
                                   else f"{kind} {name} {_short(value)}")
        else:
            types = [str(layer.get("type")) for layer in layers]
            before = [str(layer.get("type")) for layer in other]
            for t in dict.fromkeys(types + before):
                diff = types.count(t) - before.count(t)
                if diff:
                    out.append(("+" if diff > 0 else "−") + t + (f" ×{abs(diff)}" if abs(diff) > 1 else ""))
    return out
