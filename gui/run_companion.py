"""What the window does around runs that last: the Continue button's state, notices from the run (run folder
off, early stopping), a notification when a long run ends while the window is not in front, and the prompt
listing runs a crash interrupted. Its own module so the window keeps only small hooks.
"""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from models.engine.events import EpochEnd
from models.engine.loop import Run
from models.engine.run_folder import RunInfo, interrupted_runs, mark_abandoned

NOTIFY_AFTER_S = 60.0  # a run shorter than this is watched to its end; no notification


class RunCompanion(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.started_at = 0.0
        self.notified = 0  # notifications sent (tests read it)
        self._tray: QSystemTrayIcon | None = None
        self.prompt: QMessageBox | None = None
        ctl = window.controller
        ctl.running_changed.connect(self._on_running)
        ctl.notice.connect(self._on_notice)
        ctl.run_ended.connect(self._on_run_ended)
        window.document.changed.connect(self.update_continue)
        window.training.settings_changed.connect(lambda _c: self.update_continue())
        self.update_continue()

    # --- Continue -------------------------------------------------------------------------------------------
    @Slot()
    def update_continue(self) -> None:
        w = self.window
        if w.controller.running:
            w.training.set_continue_allowed(self.tr("Training is running."))
        else:
            reason = w.controller.can_continue(w.document.experiment)
            w.training.set_continue_allowed(self._reasons().get(reason, reason))
        w.continue_action.setEnabled(w.training.continue_.isEnabled())

    def _reasons(self) -> dict[str, str]:
        """The engine's reasons (models/engine/session.py, plain English) as the window shows them."""
        return {
            "Train first: Continue goes on from the last run's model.":
                self.tr("Train first: Continue goes on from the last run's model."),
            "The network changed since the last run: Start trains the new one from scratch.":
                self.tr("The network changed since the last run: Start trains the new one from scratch."),
            "The dataset or the family's options changed since the last run: Start trains from scratch.":
                self.tr("The dataset or the family's options changed since the last run: Start trains from scratch."),
            "The optimizer, loss, metrics or batch size changed since the last run: Start trains from scratch.":
                self.tr("The optimizer, loss, metrics or batch size changed since the last run: Start trains from "
                        "scratch."),
        }

    # --- notices and the end of a run -----------------------------------------------------------------------
    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if running:
            self.started_at = time.monotonic()
        self.update_continue()

    @Slot(object)
    def _on_notice(self, event: Any) -> None:
        self.window.show_message(event.message, "info")

    @Slot(object)
    def _on_run_ended(self, result: Any) -> None:
        self.update_continue()
        if time.monotonic() - self.started_at >= NOTIFY_AFTER_S and not self.window.isActiveWindow():
            self.notify_end(result)

    def notify_end(self, result: Any) -> None:
        """QApplication.alert (taskbar flash / dock bounce), and a tray message where the platform has a tray."""
        status = {"finished": self.tr("finished"), "stopped": self.tr("stopped"), "failed": self.tr("failed")}
        text = self.tr("Training {status} after {minutes:.1f} min.").format(
            status=status.get(result.status, result.status), minutes=result.seconds / 60)
        if result.test:
            text += " " + ", ".join(f"{k} {v:.4f}" for k, v in result.test.items())
        QApplication.alert(self.window)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.window.windowIcon(), self)
                self._tray.show()
            self._tray.showMessage("Layerwise", text)
        self.notified += 1

    # --- interrupted runs -----------------------------------------------------------------------------------
    def offer_interrupted(self) -> list[RunInfo]:
        """On the window's start: runs a crash or a kill left unfinished, with Resume (the newest) and Dismiss
        (no longer offered). Non-blocking (the dialog is window-modal); returns what was listed."""
        runs = interrupted_runs()
        if not runs:
            return []
        lines = []
        for info in runs[:8]:
            done = int(info.status.get("checkpoint_epoch", 0) or 0)
            planned = int(info.status.get("epochs_planned", 0) or 0)
            lines.append(self.tr("{project} / {run}: {done} of {planned} epochs saved").format(
                project=info.path.parent.name, run=info.path.name, done=done, planned=planned))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Interrupted runs"),
                          self.tr("These runs ended before they finished (the app was closed by a crash, a kill or "
                                  "a power loss):"), parent=self.window if isinstance(self.window, QWidget) else None)
        box.setInformativeText("\n".join(lines) + ("\n…" if len(runs) > 8 else ""))
        resume = box.addButton(self.tr("Resume the newest"), QMessageBox.ButtonRole.AcceptRole)
        dismiss = box.addButton(self.tr("Dismiss all"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        if not any(int(r.status.get("checkpoint_epoch", 0) or 0) > 0 for r in runs[:1]):
            resume.setEnabled(False)
            resume.setToolTip(self.tr("The newest run ended before its first epoch: nothing to resume from."))

        def done(_code: int) -> None:
            clicked = box.clickedButton()
            if clicked is resume:
                self.resume(runs[0])
            elif clicked is dismiss:
                for info in runs:
                    try:
                        mark_abandoned(info.path)
                    except OSError:
                        pass
        box.finished.connect(done)
        box.open()
        self.prompt = box
        return runs

    def resume(self, info: RunInfo) -> bool:
        """Resume an interrupted run: its experiment opens in the editor and trains on from its last checkpoint."""
        try:
            experiment = info.experiment()
        except ValueError as exc:
            self.window.show_message(self.tr("Could not read {path}: {error}").format(path=info.path, error=exc))
            return False
        done = int(info.status.get("checkpoint_epoch", 0) or 0)
        planned = int(info.status.get("epochs_planned", experiment.training.epochs) or experiment.training.epochs)
        self.window.document.replace(experiment, self.tr("Resume run"))
        run_exp = experiment.copy()
        run_exp.training.epochs = max(1, planned - done)
        if not self.window.start_runs([Run(run_exp, resume=str(info.path))]):
            return False
        for row in info.rows[:done]:  # the resumed run's curves join the old ones
            metrics = {k: v for k, v in row.items() if k != "epoch"}
            self.window.plots.add_epoch(EpochEnd(int(row["epoch"]), 0.0, 0, metrics))
        return True
