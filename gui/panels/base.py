"""The contract between the main window and a plug-in panel."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from models.spec.experiment import Experiment


class PanelContext:
    """What the window offers a panel. Panels never touch Keras: heavy work goes through run_on_worker."""

    def __init__(self, window: Any) -> None:
        self._window = window

    @property
    def controller(self) -> Any:
        return self._window.controller

    @property
    def settings(self) -> Any:
        """The window's QSettings (a panel's own keys go under its own group, e.g. "course/...")."""
        return self._window.settings

    @property
    def document(self) -> Any:
        return self._window.document

    def experiment(self) -> Experiment:
        """A copy of the current experiment (edit the project through `document`, never this copy)."""
        return self._window.document.experiment.copy()

    def run_on_worker(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run fn on the TensorFlow thread; callbacks run later on the GUI thread."""
        self._window.controller.call(fn, on_done, on_error or (lambda exc: self.show_error(str(exc))))

    def with_trained_model(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
                           which: str = "export") -> None:
        """fn(model) on the worker with the last trained model ('export' or 'train'); result to on_done."""
        future = self._window.controller.session.with_model(fn, which)
        self._window.controller.track(future, on_done, lambda exc: self.show_error(str(exc)))

    def start_runs(self, runs: list[Any], owner: "Panel") -> bool:
        """Train a series of `models.engine.loop.Run`s one after another through the window's run controls
        (progress, Pause, Stop); their events reach the owner's hooks (and those of every active panel) with
        `event.run` set to each run's name, also while the owner is out of sight. False (with a message) when
        a run is already in progress."""
        return self._window.start_runs(runs, owner)

    def status(self, text: str, ms: int = 5000) -> None:
        self._window.statusBar().showMessage(text, ms)

    def show_error(self, text: str) -> None:
        self._window.show_message(text, "error")

    def load_experiment(self, experiment: Experiment, text: str) -> None:
        """Replace the project's experiment (undoable), e.g. to load a demo configuration."""
        self._window.document.replace(experiment, text)

    def open_lab(self, title: str) -> bool:
        """Open (and raise) the lab with this title; False when there is none."""
        return bool(self._window.open_lab_titled(title))


class Panel(QWidget):
    """Subclass, set `title` and `area`, and override what you need.

    area: "bottom" or "right" (a dock shown while `applies_to` is true), or "lab" (listed in the Labs menu,
    opened on demand, independent of the current network).
    """

    title = QT_TRANSLATE_NOOP("Panels", "Panel")
    area = "bottom"
    shortcut = ""  # e.g. "Ctrl+Shift+M" for labs
    in_lab_menu = True  # labs: listed in the Labs menu (the Course is opened from Help instead)
    # True when each probe result only replaces the picture the last one made (no history is kept from
    # them): while such a panel is out of sight, e.g. a tab behind the plots, the window keeps just the newest
    # result per probe and hands it over when the panel comes into view, instead of drawing for nobody.
    latest_probe_only = False

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__()
        self.ctx = ctx

    @classmethod
    def shown_title(cls) -> str:
        """The title in the window's language; `title` stays English (it names the panel in --lab, --panel and
        the settings)."""
        return QCoreApplication.translate("Panels", cls.title)

    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        """Asked of the class: a live panel is made only when it first applies (the host builds it then)."""
        return True

    def probes(self, experiment: Experiment) -> list[Any]:
        """Probe instances (models.engine.probe.Probe) to attach to the next run."""
        return []

    def on_experiment_changed(self, experiment: Experiment) -> None: ...

    def on_run_started(self, event: Any) -> None:
        """Started (device, epochs, steps_per_epoch, params, dataset, family, run); once per run of a series."""

    def on_epoch(self, event: Any) -> None: ...

    def on_finished(self, event: Any) -> None:
        """Finished (history, test metrics, seconds, stopped_early, run) at the end of each run that trained."""

    def on_failed(self, event: Any) -> None:
        """Failed (message, kind, run): a run that could not start or stopped on a NaN loss."""

    def on_probe(self, event: Any) -> None:
        """A ProbeResult (name, step, payload) from any probe; check event.name."""

    def on_run_ended(self, result: Any) -> None:
        """RunResult(status, history, test, message, device, seconds); the trained model is available via
        ctx.with_trained_model when status is 'finished' or 'stopped'."""
