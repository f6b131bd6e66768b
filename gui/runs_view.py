"""The Runs view: the project's past runs (from their run folders) as a table; tick runs to overlay their curves
on the live plots (dashed, own colours, legend naming what differs: "dropout 0.5", "lr 0.01"); open a run's
experiment in the editor; delete; export the table as CSV. Reads folders only: no TensorFlow, no Keras.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSizePolicy, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from models.engine.run_folder import DEFAULT_KEEP, RunInfo, delete_run, differences, list_runs, project_slug, runs_root
from models.files import atomic_write_text

from . import theme

OVERLAY_COLOURS = theme.SERIES[2:] + theme.SERIES[:2]


class RunsView(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.runs: list[RunInfo] = []
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([self.tr("Overlay"), self.tr("When"), self.tr("Status"),
                                              self.tr("Differs from this project"), self.tr("Epochs"),
                                              self.tr("Final metrics"), self.tr("Device"), self.tr("Duration")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("Tick a run to draw its curves over the live plots (dashed)."))
        self.place = QLabel()
        self.place.setObjectName("muted")
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long folder path must not widen the window past a laptop screen: it is cut here, whole in the tooltip
        self.place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.open_button = QPushButton(self.tr("Open in editor"))
        self.open_button.setToolTip(self.tr("Load the selected run's experiment into the editor (undoable)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Remove the selected run's folder from disk"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.keep = QSpinBox()
        self.keep.setRange(0, 10_000)
        self.keep.setSpecialValueText(self.tr("all"))
        self.keep.setSuffix(self.tr(" runs"))
        self.keep.setToolTip(self.tr("How many runs of each project to keep on disk: when a new run starts, the "
                                     "oldest beyond this number are removed (0 keeps all)"))
        self.keep.setValue(_int_setting(window.settings.value("runs/keep", DEFAULT_KEEP), DEFAULT_KEEP))
        self.keep.valueChanged.connect(lambda n: window.settings.setValue("runs/keep", n))
        buttons = QHBoxLayout()
        for b in (self.refresh_button, self.open_button, self.delete_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        keep_label = QLabel(self.tr("Keep newest:"))
        keep_label.setBuddy(self.keep)
        place_row = QHBoxLayout()  # under the table, so the button row stays narrow enough for a laptop
        place_row.addWidget(keep_label)
        place_row.addWidget(self.keep)
        place_row.addWidget(self.place, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addLayout(place_row)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_dialog)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        window.controller.run_ended.connect(lambda _r: self.refresh())
        self._project = ""
        window.document.changed.connect(self._on_document)
        self.refresh()

    def keep_runs(self) -> int:
        """The number of runs per project to keep (0: all), as the engine's Run.keep_runs takes it."""
        return self.keep.value()

    def project_dir(self) -> Path:
        return runs_root() / project_slug(self.window.document.experiment)

    @Slot()
    def _on_document(self) -> None:
        if project_slug(self.window.document.experiment) != self._project:
            self.refresh()
        else:  # the differences are against the project as it is now
            self._fill()

    @Slot()
    def refresh(self) -> None:
        ticked = {str(r.path) for r in self.ticked()}
        self._project = project_slug(self.window.document.experiment)
        self.runs = list(reversed(list_runs(self.project_dir())))  # newest first
        self._fill(ticked)
        self.place.setText(self.tr("Run folders of this project: {path}").format(path=self.project_dir()))
        self.place.setToolTip(str(self.project_dir()))
        self._apply_overlays()

    def _fill(self, ticked: set[str] | None = None) -> None:
        if ticked is None:
            ticked = {str(r.path) for r in self.ticked()}
        base = self.window.document.experiment.to_dict()
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self.runs))
            for row, info in enumerate(self.runs):
                tick = QTableWidgetItem()
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled |
                              Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Checked if str(info.path) in ticked else Qt.CheckState.Unchecked)
                self.table.setItem(row, 0, tick)
                for col, text in enumerate(self.row_texts(info, base), start=1):
                    self.table.setItem(row, col, QTableWidgetItem(text))
        finally:
            self.table.blockSignals(False)
        self._update_buttons()

    def row_texts(self, info: RunInfo, base: dict[str, Any]) -> list[str]:
        """When, status, differences, epochs, final metrics, device, duration: the table's cells (and the CSV)."""
        started = info.status.get("started")
        when = datetime.datetime.fromtimestamp(started).strftime("%Y-%m-%d %H:%M") if started else info.path.name
        try:
            diff = ", ".join(differences(json.loads(info.experiment_json), base)) or self.tr("same")
        except ValueError:
            diff = "?"
        test = info.status.get("test") or {}
        if test:
            scores = ", ".join(f"{k} {float(v):.4f}" for k, v in test.items())
            metrics = self.tr("test {metrics}").format(metrics=scores)
        elif info.rows:
            last = info.rows[-1]
            metrics = ", ".join(f"{k} {v:.4f}" for k, v in last.items() if k not in ("epoch", "learning_rate"))
        else:
            metrics = ""
        seconds = float(info.status.get("seconds", 0) or 0)
        duration = f"{int(seconds // 60)}:{int(seconds % 60):02d}" if seconds else ""
        states = {"running": self.tr("running"), "finished": self.tr("finished"), "stopped": self.tr("stopped"),
                  "failed": self.tr("failed"), "interrupted": self.tr("interrupted"), "unknown": self.tr("unknown")}
        return [when, states.get(info.state, info.state), diff, str(len(info.rows)), metrics,
                str(info.status.get("device", "")), duration]

    def ticked(self) -> list[RunInfo]:
        out = []
        for row, info in enumerate(self.runs):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(info)
        return out

    def tick(self, row: int, on: bool = True) -> None:
        self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self._apply_overlays()

    def _apply_overlays(self) -> None:
        base = self.window.document.experiment.to_dict()
        overlays = []
        for i, info in enumerate(self.ticked()):
            try:
                diff = ", ".join(differences(json.loads(info.experiment_json), base))
            except ValueError:
                diff = ""
            label = diff or info.path.name
            overlays.append((label, info.history, info.epochs, OVERLAY_COLOURS[i % len(OVERLAY_COLOURS)]))
        self.window.plots.set_overlays(overlays)

    def selected(self) -> RunInfo | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.runs[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        running = self.window.controller.running
        self.open_button.setEnabled(chosen and not running)
        self.delete_button.setEnabled(chosen and not (running and self.selected() is self.runs[0]))
        self.export_button.setEnabled(bool(self.runs))

    @Slot()
    def open_selected(self) -> None:
        info = self.selected()
        if info is None or self.window.controller.running:
            return
        try:
            experiment = info.experiment()
        except ValueError as exc:
            self.window.show_message(self.tr("Could not read {path}: {error}").format(path=info.path, error=exc))
            return
        self.window.document.replace(experiment, self.tr("Open run"))

    @Slot()
    def delete_selected(self, confirm: bool = True) -> None:
        info = self.selected()
        if info is None:
            return
        if confirm and QMessageBox.question(
                self, self.tr("Delete run"), self.tr("Delete the run folder {path}?").format(path=info.path)
        ) != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_run(info.path)
        except (OSError, ValueError) as exc:
            self.window.show_message(self.tr("Could not delete {path}: {error}").format(path=info.path, error=exc))
        self.refresh()

    @Slot()
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export runs"), "runs.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        base = self.window.document.experiment.to_dict()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["folder", "when", "status", "differs", "epochs", "final metrics", "device", "duration"])
        for info in self.runs:
            writer.writerow([str(info.path), *self.row_texts(info, base)])
        try:
            atomic_write_text(path, out.getvalue())
        except OSError as exc:
            self.window.show_message(self.tr("Could not write {path}: {error}").format(path=path, error=exc))


def _int_setting(value: object, default: int) -> int:
    """QSettings gives back strings from INI files and whatever a hand-edited file holds: never trust it."""
    try:
        return max(0, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
