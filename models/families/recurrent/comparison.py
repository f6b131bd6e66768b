"""RNN vs LSTM vs GRU: the same task, seed and settings for each, trained one after another as one series of
runs (engine.loop, so pause, stop and the NaN guard work as for any run), and a table of what each reached.

On a memory-N task each run also carries a gradients-through-time probe on one fixed batch: its first
result (before any update) and its last (after the last epoch) are the curves the comparison plots.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from models.data.memory import memory_length
from models.engine.events import EpochEnd, Failed, Finished, ProbeResult, Reporter, Started
from models.engine.loop import Run

from .analysis import memory_batch
from .presets import PRESETS, RECURRENT_PRESETS
from .probes import GradientThroughTimeProbe

COMPARED: tuple[str, ...] = tuple(RECURRENT_PRESETS)  # "rnn", "lstm", "gru"


def memory_n(dataset: str) -> int | None:
    """N of a memory-N dataset name; None for other datasets."""
    if dataset == "memory" or dataset.startswith("memory-"):
        return memory_length(dataset[7:] or None)
    return None


def comparison_runs(dataset: str = "memory-50", seed: int = 0, epochs: int | None = None,
                    dataset_options: dict[str, Any] | None = None, presets: Sequence[str] = COMPARED) -> list[Run]:
    """One run per preset on the same data with the same seed and settings; each run is named after its preset.
    The runs' models are not kept: the project's own trained network stays the one to export and inspect."""
    by_name = {p.name: p for p in PRESETS}
    n = memory_n(dataset)
    runs = []
    for name in presets:
        exp = by_name[name].make(dataset)
        exp.training.seed = seed
        if epochs is not None:
            exp.training.epochs = epochs
        exp.dataset_options.update(dataset_options or {})
        probes = (GradientThroughTimeProbe(*memory_batch(n)),) if n else ()
        runs.append(Run(exp, probes, name, keep=False))
    return runs


@dataclass
class ComparisonRow:
    """One network of a comparison: same data, same seed, same settings."""

    preset: str  # "rnn", "lstm", "gru"
    layer: str  # "SimpleRNN", "LSTM", "GRU"
    params: int = 0
    test: dict[str, float] = field(default_factory=dict)  # test metrics after training ("accuracy", "loss")
    epoch_seconds: list[float] = field(default_factory=list)  # training time of each epoch (pauses excluded)
    latest: dict[str, float] = field(default_factory=dict)  # the last epoch's metrics, while it trains
    history: dict[str, list[float]] = field(default_factory=dict)
    gradients_start: np.ndarray | None = None  # grad_norm per step before training (memory tasks)
    gradients_end: np.ndarray | None = None  # ... and after the last epoch
    status: str = "waiting"  # "waiting", "training", "finished", "stopped" or "failed"
    message: str = ""

    @property
    def epochs(self) -> int:
        return len(self.epoch_seconds)

    @property
    def seconds_per_epoch(self) -> float:
        return float(np.mean(self.epoch_seconds)) if self.epoch_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"preset": self.preset, "layer": self.layer, "params": self.params, "test": self.test,
                "seconds_per_epoch": self.seconds_per_epoch, "epochs": self.epochs, "status": self.status,
                "message": self.message, "history": self.history,
                "gradients_start": None if self.gradients_start is None else self.gradients_start.tolist(),
                "gradients_end": None if self.gradients_end is None else self.gradients_end.tolist()}


class ComparisonTable:
    """Builds one row per compared network from the series' events. It is a Reporter (pass it to the session,
    with `forward` to pass every event on) or can be fed the events a window drains: `add` returns the name of
    the run whose row changed."""

    def __init__(self, presets: Sequence[str] = COMPARED, forward: Reporter | None = None) -> None:
        self.rows: dict[str, ComparisonRow] = {name: ComparisonRow(name, RECURRENT_PRESETS[name])
                                               for name in presets}
        self.forward = forward

    def report(self, event: Any) -> None:
        self.add(event)
        if self.forward is not None:
            self.forward.report(event)

    def add(self, event: Any) -> str | None:
        row = self.rows.get(getattr(event, "run", ""))
        if row is None:
            return None
        if isinstance(event, Started):
            row.params, row.status = event.params, "training"
        elif isinstance(event, EpochEnd):
            row.epoch_seconds.append(event.seconds)
            row.latest = dict(event.metrics)
        elif isinstance(event, ProbeResult) and event.name == GradientThroughTimeProbe.name:
            if "grad_norm" in event.payload:
                curve = np.asarray(event.payload["grad_norm"], dtype="float64")
                if row.gradients_start is None:
                    row.gradients_start = curve
                row.gradients_end = curve
        elif isinstance(event, Finished):
            row.test, row.history = dict(event.test), dict(event.history)
            row.status = "stopped" if event.stopped_early else "finished"
        elif isinstance(event, Failed):
            row.status, row.message = "failed", event.message
        else:
            return None
        return row.preset

    def done(self) -> list[ComparisonRow]:
        """The rows of networks that finished, in the order they were compared."""
        return [row for row in self.rows.values() if row.status == "finished"]


def compare_recurrent(session: Any, dataset: str = "memory-50", seed: int = 0, epochs: int | None = None,
                      dataset_options: dict[str, Any] | None = None, presets: Sequence[str] = COMPARED,
                      reporter: Reporter | None = None, timeout: float | None = None) -> list[ComparisonRow]:
    """Run a comparison on a TrainingSession and wait for it (headless use: the CLI, tests); `reporter` also
    receives every event. Returns the rows of every network that ran, finished or not."""
    table = ComparisonTable(presets, reporter)
    session.start_series(comparison_runs(dataset, seed, epochs, dataset_options, presets), table).result(timeout)
    return [row for row in table.rows.values() if row.status != "waiting"]
