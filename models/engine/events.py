"""Plain events the training thread reports: floats, dicts and numpy arrays, never Keras or Qt objects.

`run` names the run an event belongs to when several train one after another (a comparison, the
overfitting demo: see `engine.loop.Run`); it is "" for a single run.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Started:
    device: str
    epochs: int
    steps_per_epoch: int
    params: int
    dataset: dict[str, Any]
    family: str
    run: str = ""
    first_epoch: int = 1  # > 1 when a run continues or resumes an earlier one (epochs keep counting)
    samples_per_epoch: int = 0
    unit: str = "samples"  # what samples count: "words" for word2vec, whose speed is words per second
    replicas: int = 1  # copies of the model training in step; each takes batch_size / replicas of a batch
    batch_size: int = 0  # the global batch


@dataclass(frozen=True)
class BatchEnd:
    epoch: int  # 1-based
    batch: int  # 1-based within the epoch
    step: int  # 1-based over the whole run
    loss: float
    metrics: dict[str, float] = field(default_factory=dict)
    run: str = ""


@dataclass(frozen=True)
class EpochEnd:
    epoch: int
    seconds: float  # training time of this epoch, pauses excluded
    samples: int
    metrics: dict[str, float] = field(default_factory=dict)  # loss, accuracy, val_loss, ...
    run: str = ""
    unit: str = "samples"  # see Started.unit


PROBE_ERROR = "probe_error"  # a ProbeResult payload with this key says why the probe failed (instead of a picture)


@dataclass(frozen=True)
class ProbeResult:
    """Something looked at inside the network (feature maps, samples, embeddings ...), computed on the worker."""

    name: str
    step: int
    payload: dict[str, Any]
    run: str = ""


@dataclass(frozen=True)
class Paused:
    paused: bool
    run: str = ""


@dataclass(frozen=True)
class Finished:
    history: dict[str, list[float]]
    test: dict[str, float]
    seconds: float
    device: str
    stopped_early: bool = False  # the user pressed Stop
    run: str = ""
    run_dir: str = ""  # the run folder written, "" when none
    replicas: int = 1  # copies of the model that trained in step (MirroredStrategy: one per device)
    workers: int = 1  # processes that trained together (MultiWorkerMirroredStrategy: one per machine)
    weights_sha256: str = ""  # multi-worker: the trained weights' digest, equal on every worker after sync steps


@dataclass(frozen=True)
class Failed:
    """kind: 'nan' (loss blew up; last good weights kept), 'data', 'build', 'error'."""

    message: str
    kind: str = "error"
    epoch: int = 0
    batch: int = 0
    run: str = ""


@dataclass(frozen=True)
class Notice:
    """Something the user should know that does not stop the run (the run folder could not be written, early
    stopping ended the run, the learning rate was reduced ...)."""

    message: str
    kind: str = "info"  # 'run_folder', 'early_stopping', 'info'
    run: str = ""


Event = Started | BatchEnd | EpochEnd | ProbeResult | Paused | Finished | Failed | Notice


class Reporter(Protocol):
    def report(self, event: Event) -> None: ...


class RecordingReporter:
    """Keeps every event; what tests and the CLI use."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def report(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]


class TaggingReporter:
    """Stamps every event with the name of the run it belongs to before passing it on."""

    def __init__(self, reporter: Reporter, run: str) -> None:
        self.reporter = reporter
        self.run = run

    def report(self, event: Event) -> None:
        self.reporter.report(dataclasses.replace(event, run=self.run) if self.run else event)
