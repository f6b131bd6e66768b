"""The Layerwise window: palette, network editor, inspector, training panel, plots and plug-in panels."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QProcess, QSettings, QSize, Qt, QTimer,
                            Slot)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QMenu,
                               QMessageBox, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QToolBar, QVBoxLayout,
                               QWidget)

import models.families  # noqa: F401  (registers every family's presets, datasets and recipes; no TensorFlow)
from models.engine.loop import Run
from models.spec.experiment import Experiment, LayerSpec, SpecError
from models.spec.presets import get_preset

from . import i18n, screen_fit, theme
from .i18n import model_text
from .controller import TrainingController
from .document import ProjectDocument
from .editor import NetworkEditor
from .inspector import Inspector
from .labs import lab_classes
from .palette import Palette
from .panel_host import PanelHost
from .panels import Panel, PanelContext, panel_classes
from .plots import PlotsPanel
from .run_companion import RunCompanion
from .runs_view import RunsView
from .summary import SummaryTable
from .training_panel import TrainingPanel
from .workspaces import DESIGN, LABS, MODES, TRAIN, Workspaces

APP_NAME = "Layerwise"
DEFAULT_PRESET = "cnn"
MAX_RECENT = 8
# The editor's tab of each network (a project with one network shows no tabs); the role itself stays English.
ROLE_NAMES = {"main": QT_TRANSLATE_NOOP("MainWindow", "Network"),
              "generator": QT_TRANSLATE_NOOP("MainWindow", "Generator"),
              "discriminator": QT_TRANSLATE_NOOP("MainWindow", "Discriminator"),
              "encoder": QT_TRANSLATE_NOOP("MainWindow", "Encoder"),
              "decoder": QT_TRANSLATE_NOOP("MainWindow", "Decoder")}


def role_name(role: str) -> str:
    """A network's role as its editor tab shows it, in the window's language."""
    known = ROLE_NAMES.get(role)
    return QCoreApplication.translate("MainWindow", known) if known else role.capitalize()


def _first_sentence(text: str) -> str:
    """The first sentence of a preset's explanation, with its full stop (English or Chinese)."""
    head, dot, _rest = text.partition("。")
    if dot and len(head) < len(text.split(". ")[0]):
        return head + dot
    return text.split(". ")[0] + "."


class MessageBar(QFrame):
    """A non-modal message at the top of the editor: errors stay visible, the app stays usable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # the window's width
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Dismiss"))
        close.setFlat(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)

    container: QWidget | None = None  # the row that holds the bar: shown and hidden instead of the bar

    # Python-level show/hide, not a setVisible override: Qt calls setVisible while destroying the window, when
    # the container may be gone already. A widget in a tool bar cannot be shown again once hidden itself.
    def show(self) -> None:
        (self.container or super()).show()

    def hide(self) -> None:
        (self.container or super()).hide()

    def show_message(self, text: str, level: str = "error") -> None:
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self._fit_height()
        self.show()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped text at this width: a tool bar sizes a widget by its size hint, which for wrapped
        text is the height at a narrow width (a two-line message took 160 px of the window)."""
        margins = self.layout().contentsMargins()
        height = max(self.label.heightForWidth(max(200, self.label.width())), self.fontMetrics().height())
        height = max(height + margins.top() + margins.bottom() + 2, self.layout().minimumSize().height())
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, preset: str = DEFAULT_PRESET,
                 experiment: Experiment | None = None, paint_first: bool = False) -> None:
        """`paint_first`: TensorFlow is loaded only once the window's first frame is painted (the app's start;
        see TrainingController's `hold`). Tests and `shot` build windows they never paint, so it is off there."""
        super().__init__()
        self.settings = settings or QSettings(APP_NAME, APP_NAME)
        self.setWindowTitle(APP_NAME)
        screen_fit.place_new(self, QSize(1480, 920))  # or less, centred, on a smaller screen
        self.setDockNestingEnabled(True)
        self.controller = TrainingController(self, hold=paint_first)
        # `experiment` opens the window on that project directly (the preset's default dataset, e.g. mnist with
        # its download attempt, is then never loaded).
        self.document = ProjectDocument(experiment if experiment is not None else get_preset(preset).make(), self)
        self.reports: dict[str, Any] = {}
        self.join_error = ""
        self.validation_pending = True
        self.trained = False
        self._closing = False
        self.exits_process = False  # run_app: the process ends when this window closes (see closeEvent)
        self._sized_on_show = False

        # centre: message bar + one editor tab per network
        self.message_bar = MessageBar()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumHeight(200)
        self.editors: dict[str, NetworkEditor] = {}
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 0)
        centre_layout.setSpacing(6)
        centre_layout.addWidget(self.tabs)
        self.setCentralWidget(centre)

        self.palette = Palette()
        self.inspector = Inspector()
        self.summary = SummaryTable()
        self.training = TrainingPanel()
        self.plots = PlotsPanel()
        self.docks: dict[str, QDockWidget] = {}
        self._dock("palette", self.tr("Palette"), self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("inspector", self.tr("Inspector"), self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        training_scroll = QScrollArea()
        training_scroll.setWidget(self.training)
        training_scroll.setWidgetResizable(True)
        training_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # never a sideways scroll bar: the column is at least as wide as the form and the vertical bar
        training_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        training_scroll.setMinimumWidth(self.training.minimumSizeHint().width() +
                                        training_scroll.verticalScrollBar().sizeHint().width() + 2)
        self._dock("training", self.tr("Training"), training_scroll, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.docks["inspector"], self.docks["training"], Qt.Orientation.Vertical)
        self._dock("summary", self.tr("Model summary"), self.summary, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["inspector"], self.docks["summary"])
        self.docks["inspector"].raise_()
        self._dock("plots", self.tr("Loss and metrics"), self.plots, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.runs_view = RunsView(self)  # past runs: table, overlays, open, delete, CSV (issue 17)
        self._dock("runs", self.tr("Runs"), self.runs_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        # Train: the curves above, the live panels below them, tabbed with the past runs (see PanelHost.place)
        self.splitDockWidget(self.docks["plots"], self.docks["runs"], Qt.Orientation.Vertical)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.ctx = PanelContext(self)
        self.host = PanelHost(self, self.ctx, panel_classes() + lab_classes(), self._dock,
                              {"bottom": self.docks["runs"], "right": self.docks["summary"]})
        self.workspaces = Workspaces(self, self.docks, centre, self._mode_docks)
        self.host.shows = self.workspaces.shows
        self.host.switching = lambda: self.workspaces.switching
        self.workspaces.changed.connect(self._on_mode)
        self.workspaces.actions[LABS].triggered.connect(self._labs_chosen)
        self.run_bar = QToolBar(self.tr("Run"))
        self.run_bar.setObjectName("run_bar")
        self.run_bar.setMovable(False)
        self.run_bar.setFloatable(False)
        self.run_bar.toggleViewAction().setEnabled(False)  # the run controls cannot be put out of sight
        for mode in MODES:
            self.run_bar.addAction(self.workspaces.actions[mode])
        self.run_bar.addSeparator()
        self.run_bar.addWidget(self.training.controls)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.run_bar)
        # Messages under the run controls, over every mode (an error while training must not sit in a hidden
        # editor); the row is there only while a message is.
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        message_row = QToolBar(self.tr("Messages"))
        message_row.setObjectName("message_row")
        message_row.setMovable(False)
        message_row.setFloatable(False)
        message_row.toggleViewAction().setEnabled(False)
        message_row.addWidget(self.message_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, message_row)
        self.message_bar.container = message_row
        self.message_bar.hide()
        self._run_experiments: dict[str, Experiment] = {}  # the runs of a series, by name
        self._create_actions()
        self._connect()
        self.runs = RunCompanion(self)  # Continue, notices, end-of-run notification, interrupted runs (issue 17)
        self.workspaces.apply()
        self._default_state = self.saveState()
        self._restore_settings()
        self._reload_from_document()
        self.statusBar().showMessage(self.tr("Ready. Pick an architecture in the palette or edit the network."), 8000)

    # --- construction ---------------------------------------------------------------------------------------
    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                         QDockWidget.DockWidgetFeature.DockWidgetClosable |
                         QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New"), self.new_project, QKeySequence.StandardKey.New,
                                         self.tr("Start a new project from the default network")))
        file_menu.addAction(self._action(self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open,
                                         self.tr("Open a project file (.json)")))
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addAction(self._action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save))
        file_menu.addAction(self._action(self.tr("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.edit_actions = [
            self._action(self.tr("&Delete layer"), self.delete_selected, QKeySequence.StandardKey.Delete,
                         self.tr("Remove the selected block")),
            self._action(self.tr("D&uplicate layer"), self.duplicate_selected, "Ctrl+D",
                         self.tr("Copy the selected block below it")),
            self._action(self.tr("Move layer &up"), lambda: self.move_selected(-1), "Alt+Up"),
            self._action(self.tr("Move layer &down"), lambda: self.move_selected(1), "Alt+Down"),
        ]
        for a in self.edit_actions:
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            edit.addAction(a)

        data = bar.addMenu(self.tr("&Data"))
        self.data_actions = [
            self._action(self.tr("Your &images…"), self.own_images_dialog, tip=self.tr(
                "Train on a folder with one sub-folder of images per class (PNG, JPEG, BMP; any size: each is "
                "resized to the network's input)")),
            self._action(self.tr("Your &table (CSV)…"), self.own_table_dialog, tip=self.tr(
                "Train on a CSV file: numeric feature columns and one column that holds the class")),
            self._action(self.tr("Your te&xt file…"), self.own_text_dialog, tip=self.tr(
                "A UTF-8 text file for the next-character model (rnn, lstm, gru) or word2vec (cbow, skipgram)")),
        ]
        for a in self.data_actions:
            data.addAction(a)

        train = bar.addMenu(self.tr("&Training"))
        self.start_action = self._action(self.tr("&Start"), self.start_training, "F5", self.tr("Train the network"))
        self.pause_action = self._action(self.tr("&Pause / resume"), self.toggle_pause, "F6")
        self.stop_action = self._action(self.tr("S&top"), self.stop_training, "Shift+F5")
        self.continue_action = self._action(self.tr("&Continue training"), self.continue_training, "Ctrl+F5",
                                            self.tr("Train the same model further for 'Epochs' more epochs"))
        for a in (self.start_action, self.continue_action, self.pause_action, self.stop_action):
            train.addAction(a)

        export = bar.addMenu(self.tr("E&xport"))
        self.export_keras_action = self._action(self.tr("&Keras model (.keras)…"), self.export_keras_dialog,
                                                tip=self.tr("Save the trained model; reload with "
                                                            "keras.saving.load_model"))
        self.export_script_action = self._action(self.tr("&Python script (.py)…"), self.export_script_dialog,
                                                 tip=self.tr("A standalone Keras script that rebuilds and trains "
                                                             "this network"))
        # Deployment formats: each export is run in its own runtime and compared with Keras (models/deploy.py).
        self.export_onnx_action = self._action(self.tr("&ONNX (.onnx)…"), lambda: self.export_deploy_dialog("ONNX"),
                                               tip=self.tr("For onnxruntime and the many tools that read ONNX; the "
                                                           "export is checked on 32 samples in onnxruntime"))
        self.export_litert_action = self._action(self.tr("&LiteRT / TensorFlow Lite (.tflite)…"),
                                                 lambda: self.export_deploy_dialog("LiteRT"),
                                                 tip=self.tr("For phones and small devices; checked on 32 samples in "
                                                             "the LiteRT interpreter"))
        self.export_saved_action = self._action(self.tr("&SavedModel (folder)…"),
                                                lambda: self.export_deploy_dialog("SavedModel"),
                                                tip=self.tr("For TensorFlow Serving and TF.js converters; checked on "
                                                            "32 samples with tf.saved_model.load"))
        export.addAction(self.export_keras_action)
        export.addAction(self.export_script_action)
        export.addSeparator()
        for action in (self.export_onnx_action, self.export_litert_action, self.export_saved_action):
            export.addAction(action)

        view = bar.addMenu(self.tr("&View"))
        for mode in MODES:
            view.addAction(self.workspaces.actions[mode])
        view.addSeparator()
        self._dock_toggles = view.addSeparator()  # the docks' show/hide entries go above it (_list_docks)
        view.addAction(self._action(self.tr("&Reset layout"), self.reset_layout))
        language = view.addMenu(self.tr("&Language"))
        self.language_actions = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():  # each in its own language: found whatever the window speaks
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.setData(code)
            self.language_actions.addAction(action)
        self.language_actions.triggered.connect(lambda action: self.choose_language(str(action.data())))
        # Live panels get their docks when they first apply (PanelHost.build): listed when the menu opens.
        view.aboutToShow.connect(lambda: self._list_docks(view))
        self._list_docks(view)

        labs = self.host.lab_classes
        if labs:
            lab_menu = bar.addMenu(self.tr("&Labs"))
            for cls in labs:
                if not cls.in_lab_menu:
                    continue
                lab_menu.addAction(self._action(cls.shown_title(),
                                                lambda _=False, c=cls: self.open_lab_titled(c.title),
                                                cls.shortcut or None))
        help_menu = bar.addMenu(self.tr("&Help"))
        for cls in labs:
            if not cls.in_lab_menu:  # the Course: the guided path through the notes
                help_menu.addAction(self._action(self.tr("&Course through the notes"),
                                                 lambda _=False, c=cls: self.open_lab_titled(c.title),
                                                 cls.shortcut or None,
                                                 self.tr("The notes' chapters in order, each opening its demo, "
                                                         "with a history timeline and a bilingual glossary.")))
        help_menu.addAction(self._action(self.tr("&About Layerwise"), self.about))
        self._update_actions()

    def _panel_for(self, dock: QDockWidget) -> Panel:
        return dock.widget()  # type: ignore[return-value]

    def _list_docks(self, view: QMenu) -> None:
        """The View menu's show/hide entry of every dock but the labs' (the Labs menu opens those)."""
        listed = {a for a in view.actions()}
        for dock in self.docks.values():
            action = dock.toggleViewAction()
            if action not in listed and (not dock.objectName().startswith("dock_panel_")
                                         or self._panel_for(dock).area != "lab"):
                view.insertAction(self._dock_toggles, action)

    def _connect(self) -> None:
        doc, ctl = self.document, self.controller
        doc.changed.connect(self._reload_from_document)
        doc.selection_changed.connect(self._on_selection)
        doc.dirty_changed.connect(lambda _d: self._update_title())
        doc.path_changed.connect(lambda _p: self._update_title())
        self.palette.preset_chosen.connect(self.load_preset)
        self.palette.layer_chosen.connect(self.add_layer)
        self.inspector.param_changed.connect(self._on_param)
        self.training.start_clicked.connect(self.start_training)
        self.training.pause_clicked.connect(self.toggle_pause)
        self.training.stop_clicked.connect(self.stop_training)
        self.training.continue_clicked.connect(self.continue_training)
        self.training.settings_changed.connect(self._on_training_setting)
        ctl.validated.connect(self._on_validated)
        ctl.device_known.connect(lambda d: self.training.show_device(d))
        ctl.started.connect(self._on_started)
        ctl.batches.connect(self._on_batches)
        ctl.epoch_ended.connect(self._on_epoch)
        ctl.probe.connect(self._on_probe)
        ctl.paused_changed.connect(self._on_paused)
        ctl.failed.connect(self._on_failed)
        ctl.finished.connect(self._on_finished)
        ctl.run_ended.connect(self._on_run_ended)

    # --- settings -------------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            screen_fit.fit_restored(self)  # saved on a larger screen?
        if isinstance(state, QByteArray):
            self.restoreState(state)
            self.host.restored(self.settings.value("window/panels", []), self.document.experiment)
        mode = self.settings.value("window/mode", DESIGN)
        self.workspaces.switch(mode if isinstance(mode, str) else DESIGN)
        if self.workspaces.mode == LABS:
            self._labs_chosen()
        self._update_recent_menu()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/panels", self.host.placed())
        self.settings.setValue("window/mode", self.workspaces.mode)
        self.settings.sync()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.host.restored([], self.document.experiment)
        self.workspaces.reset()

    # --- modes ----------------------------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.controller.held:
            QTimer.singleShot(0, self.controller.release)  # after this paint pass: the whole frame is drawn

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.workspaces.window_resized()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized_on_show:
            self._sized_on_show = True
            if not isinstance(self.settings.value("window/state"), QByteArray):
                self.workspaces.apply()  # the first start's sizes, against the window's real size

    def _mode_docks(self, mode: str) -> list[QDockWidget]:
        """The plug-in docks a mode shows: the live panels in the layout (they apply) in Train, the open labs in
        Labs."""
        if mode == TRAIN:
            return self.host.placed_docks(labs=False)
        if mode == LABS:
            return self.host.placed_docks(labs=True)
        return []

    def _labs_chosen(self) -> None:
        """The Labs mode with no lab open yet opens the guided path through them, the Course."""
        if not self.host.placed_docks(labs=True):
            course = [c for c in self.host.lab_classes if not c.in_lab_menu] or self.host.lab_classes
            if course:
                self.open_lab_titled(course[0].title)

    def _on_mode(self, mode: str) -> None:
        if mode == LABS:
            self.host.labs_shown(self.document.experiment)
        elif mode == TRAIN and self.host.front is not None:
            self.host.front.raise_()  # the panel that joined while another mode was shown
            self.host.front = None

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def _add_recent(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recent", files[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for f in files:
            self.recent_menu.addAction(self._action(Path(f).name, lambda _=False, p=f: self.open_path(p), tip=f))
        self.recent_menu.setEnabled(bool(files))

    # --- document -> views -----------------------------------------------------------------------------------
    @Slot()
    def _reload_from_document(self) -> None:
        exp = self.document.experiment
        # Validation first: the worker checks shapes while this thread redraws the blocks and the inspector.
        self.validation_pending = True
        self.controller.validate(exp)
        roles = list(exp.networks)
        if list(self.editors) != roles:
            self.tabs.clear()
            self.editors = {}
            for role in roles:
                editor = NetworkEditor(role)
                editor.block_clicked.connect(self._on_block_clicked)
                editor.delete_requested.connect(self.document.remove_layer)
                editor.duplicate_requested.connect(self.document.duplicate_layer)
                editor.move_requested.connect(self.document.move_layer)
                editor.insert_requested.connect(
                    lambda r, i, t: self.document.insert_layer(r, i, LayerSpec(t)))
                self.editors[role] = editor
                self.tabs.addTab(editor, role_name(role))
            self.tabs.setTabBarAutoHide(len(roles) == 1)
        sel = self.document.selection
        for role, editor in self.editors.items():
            net = exp.networks[role]
            report = self.reports.get(role)
            editor.set_network(net.input_shape, net.layers, self._stale(report, role),
                               sel[1] if sel and sel[0] == role else None)
        preferred = get_preset(exp.preset).datasets if exp.preset else ()
        self.training.show_settings(exp, preferred)
        self._refresh_inspector()
        self._update_start()
        self._request_preview()
        self.host.experiment_changed(exp)
        self._update_title()

    def _stale(self, report: Any, role: str) -> Any:
        """Keep showing the last report's shapes only while the network still has the same layer count."""
        if report is None:
            return None
        n = len(self.document.experiment.networks[role].layers)
        if report.error is None and len(report.rows) != n + 1:
            return None
        return report

    @Slot(object)
    def _on_validated(self, result: dict[str, Any]) -> None:
        self.reports = result["reports"]
        self.join_error = result.get("join", "")
        self.validation_pending = False
        for role, editor in self.editors.items():
            if role in self.reports:
                editor.set_report(self.reports[role])
        self.summary.show_reports(self.reports)
        self._update_start()

    def first_error(self) -> str:
        for report in self.reports.values():
            if report.error is not None:
                return str(report.error)
        return self.join_error

    def _update_start(self) -> None:
        if self.controller.running:
            self.training.set_start_allowed(False, self.tr("Training is running."))
        elif self.validation_pending:
            self.training.set_start_allowed(False, self.tr("Checking the network …"))
        else:
            error = self.first_error()
            self.training.set_start_allowed(
                not error, self.tr("Fix the network first: {error}").format(error=error) if error else "")
        self.start_action.setEnabled(self.training.start.isEnabled())

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _update_actions(self) -> None:
        running = self.controller.running
        self.pause_action.setEnabled(running)
        self.stop_action.setEnabled(running)
        for action in (self.export_keras_action, self.export_onnx_action, self.export_litert_action,
                       self.export_saved_action):
            action.setEnabled(self.trained and not running)
        self.export_script_action.setEnabled(self.trained and not running and
                                             self.document.experiment.family == "supervised")

    def _refresh_inspector(self) -> None:
        sel = self.document.selection
        exp = self.document.experiment
        if sel is None or sel[0] not in exp.networks:
            self.inspector.show_layer("", -1, None, {})
            return
        role, index = sel
        net = exp.networks[role]
        if index < 0:
            self.inspector.show_layer(role, -1, "Input", {}, net.input_shape)
        elif index < len(net.layers):
            layer = net.layers[index]
            self.inspector.show_layer(role, index, layer.type, layer.params)

    @Slot(object)
    def _on_selection(self, sel: Any) -> None:
        for role, editor in self.editors.items():
            editor.set_selected(sel[1] if sel and sel[0] == role else None)
        self._refresh_inspector()

    @Slot(str, int)
    def _on_block_clicked(self, role: str, index: int) -> None:
        self.document.select(role, None if index < -1 else index)

    def _on_param(self, role: str, index: int, name: str, value: Any) -> None:
        if self.controller.running:
            return
        self.document.set_param(role, index, name, value)

    def _on_training_setting(self, change: dict[str, Any]) -> None:
        self.document.set_training(**change)
        if "dataset" in change:
            self._request_preview()

    def _request_preview(self) -> None:
        exp = self.document.experiment
        name, options, seed = exp.dataset, dict(exp.dataset_options), exp.training.seed
        if getattr(self, "_preview_key", None) == (name, str(options), seed):
            return
        self._preview_key = (name, str(options), seed)
        self.training.preview.show_loading(name)

        def compute() -> dict[str, Any]:
            from models.preview import dataset_preview
            return dataset_preview(name, options, seed)

        def done(preview: dict[str, Any]) -> None:
            if self._preview_key == (name, str(options), seed):
                self.training.preview.show_preview(preview)

        def failed(exc: BaseException) -> None:
            if self._preview_key == (name, str(options), seed):
                self.training.preview.show_error(self.tr("Dataset '{name}': {error}").format(name=name, error=exc))
        self.controller.call(compute, done, failed)

    # --- editing commands ---------------------------------------------------------------------------------
    def _editable(self) -> bool:
        if self.controller.running:
            self.statusBar().showMessage(self.tr("Stop training (or let it finish) to change the network."), 4000)
            return False
        return True

    def current_role(self) -> str:
        editor = self.tabs.currentWidget()
        return editor.role if isinstance(editor, NetworkEditor) else next(iter(self.document.experiment.networks))

    def add_layer(self, type_name: str) -> None:
        if not self._editable():
            return
        self.document.insert_after_selection(LayerSpec(type_name), self.current_role())
        self.statusBar().showMessage(self.tr("Added {layer}").format(layer=type_name), 3000)

    def load_preset(self, name: str) -> None:
        if not self._editable():
            return
        preset = get_preset(name)
        title = model_text(preset.title)
        self.document.replace(preset.make(), self.tr("Load preset {title}").format(title=title))
        self.statusBar().showMessage(self.tr("Loaded {title}. {sentence}").format(
            title=title, sentence=_first_sentence(model_text(preset.explanation))), 8000)

    def delete_selected(self) -> None:
        sel = self.document.selection
        if sel and sel[1] >= 0 and self._editable():
            self.document.remove_layer(*sel)

    def duplicate_selected(self) -> None:
        sel = self.document.selection
        if sel and sel[1] >= 0 and self._editable():
            self.document.duplicate_layer(*sel)

    def move_selected(self, step: int) -> None:
        sel = self.document.selection
        if sel and sel[1] >= 0 and self._editable():
            self.document.move_layer(sel[0], sel[1], sel[1] + step)

    def _lock_editing(self, locked: bool) -> None:
        for editor in self.editors.values():
            editor.locked = locked
        self.inspector.set_locked(locked)
        self.palette.set_layers_enabled(not locked)
        for a in self.edit_actions:
            a.setEnabled(not locked)
        self.undo_action.setEnabled(not locked and self.document.undo_stack.canUndo())
        self.redo_action.setEnabled(not locked and self.document.undo_stack.canRedo())

    # --- training ---------------------------------------------------------------------------------------------
    @property
    def panels(self) -> list[Panel]:
        return self.host.panels

    def start_training(self) -> None:
        if self.controller.running or not self.training.start.isEnabled():
            return
        exp = self.document.experiment.copy()
        self._begin_runs([Run(exp, tuple(self.host.probes_for_run(exp)), keep_runs=self.runs_view.keep_runs())])

    def continue_training(self) -> None:
        """Continue: the last run's model trains 'Epochs' more epochs (no rebuild, optimizer state kept); the
        epochs keep counting and the curves go on."""
        if self.controller.running:
            return
        exp = self.document.experiment.copy()
        reason = self.controller.can_continue(exp)
        if reason:
            self.show_message(reason, "info")
            return
        if self.workspaces.mode != TRAIN:
            self.workspaces.switch(TRAIN)
        self.message_bar.hide()
        self.training.message.setText("")
        self._run_experiments = {"": exp}
        self.controller.continue_training(exp, self.host.probes_for_run(exp))
        self.training.set_running(True)
        self._lock_editing(True)
        self._update_start()
        self._update_actions()

    def start_runs(self, runs: list[Run], owner: Panel | None = None) -> bool:
        """Train a series of runs made by a panel or lab (a comparison, the overfitting demo): the run controls,
        progress and plots follow each run in turn; Pause and Stop act on the whole series."""
        if self.controller.running:
            self.show_message(self.tr("A training run is in progress: wait for it to end (or stop it) first."), "info")
            return False
        self.host.series_owner = owner
        self._begin_runs(runs, watch=owner is None or owner.area != "lab")
        return True

    @staticmethod
    def _plotted_metrics(exp: Experiment) -> list[str]:
        """Supervised runs log the loss and each metric, for training and validation; other families' curves
        are made as their values arrive."""
        return ["loss", *exp.training.metrics] if exp.family == "supervised" else []

    def _begin_runs(self, runs: list[Run], watch: bool = True) -> None:
        """`watch`: show the Train mode (a lab's own series is watched in the lab)."""
        if watch and self.workspaces.mode != TRAIN:
            self.workspaces.switch(TRAIN)
        self.message_bar.hide()
        self.training.message.setText("")
        first = runs[0].experiment
        self._run_experiments = {run.name: run.experiment for run in runs}
        self.plots.prepare(self._plotted_metrics(first), first.training.epochs)
        self.training.begin(first.training.epochs, 1)
        self.controller.start_series(runs)
        self.training.set_running(True)
        self._lock_editing(True)
        self._update_start()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Training started …"), 3000)

    def toggle_pause(self) -> None:
        if not self.controller.running:
            return
        if self.controller.paused:
            self.controller.resume()
        else:
            self.controller.pause()
        self.training.set_running(True, self.controller.paused)

    def stop_training(self) -> None:
        if self.controller.running:
            self.controller.stop()
            self.statusBar().showMessage(self.tr("Stopping after the current batch …"), 3000)

    @Slot(object)
    def _on_started(self, event: Any) -> None:
        series = list(self._run_experiments)
        if event.run and event.run in series and series.index(event.run) > 0:  # the next run of a series
            self.plots.prepare(self._plotted_metrics(self._run_experiments[event.run]), event.epochs)
        self.plots.begin(event.steps_per_epoch, event.epochs)
        self.training.begin(event.epochs, event.steps_per_epoch, event.samples_per_epoch, event.unit)
        self.training.show_device(event.device, event.replicas, event.batch_size)
        self.statusBar().showMessage(self.tr("Training {params} parameters on {device}").format(
            params=f"{event.params:,}", device=event.device), 5000)
        self.host.run_started(event, self.document.experiment)

    @Slot(object)
    def _on_batches(self, events: list[Any]) -> None:
        self.plots.add_batches(events)
        last = events[-1]
        self.training.update_progress(last.epoch, last.batch, last.step)

    @Slot(object)
    def _on_epoch(self, event: Any) -> None:
        self.plots.add_epoch(event)
        self.host.dispatch("on_epoch", event, self.document.experiment)

    @Slot(object)
    def _on_probe(self, event: Any) -> None:
        self.host.probe(event, self.document.experiment)

    @Slot(bool)
    def _on_paused(self, paused: bool) -> None:
        self.training.note_paused(paused)
        self.training.set_running(True, paused)
        self.training.progress.setFormat(self.tr("paused") if paused else self.training.progress.format())
        self.statusBar().showMessage(self.tr("Paused: press Resume to continue.") if paused else self.tr("Resumed."),
                                     4000)

    @Slot(object)
    def _on_failed(self, event: Any) -> None:
        self.show_message(event.message, "error")
        self.training.message.setText(f"<span style='color:{theme.ERROR}'>{event.message}</span>")
        self.host.dispatch("on_failed", event, self.document.experiment)

    @Slot(object)
    def _on_finished(self, event: Any) -> None:
        test = ", ".join(f"{k} {v:.4f}" for k, v in event.test.items())
        seconds = f"{event.seconds:.1f}"
        text = (self.tr("Stopped after {seconds} s") if event.stopped_early else
                self.tr("Finished after {seconds} s")).format(seconds=seconds)
        if test:
            text = self.tr("{result} · test {metrics}").format(result=text, metrics=test)
        self.training.message.setText(text)
        self.statusBar().showMessage(text, 10000)
        self.host.dispatch("on_finished", event, self.document.experiment)

    @Slot(object)
    def _on_run_ended(self, result: Any) -> None:
        self.trained = self.controller.has_model
        self.plots.finish()
        self.training.set_running(False)
        self.training.end({"finished": self.tr("finished"), "stopped": self.tr("stopped"),
                           "failed": self.tr("failed")}.get(result.status, result.status))
        self._lock_editing(False)
        self._update_start()
        self._update_actions()
        self.host.run_ended(result, self.document.experiment)

    # --- messages ---------------------------------------------------------------------------------------------
    def show_message(self, text: str, level: str = "error") -> None:
        self.message_bar.show_message(text, level)
        self.statusBar().showMessage(text.splitlines()[0][:200], 8000)

    def open_lab_titled(self, title: str) -> bool:
        """Open the lab with this title (made now if it was not yet); False when there is none."""
        lab = self.host.lab(title)
        if lab is not None:
            self.open_lab(lab)
        return lab is not None

    def open_lab(self, panel: Panel) -> None:
        """Open a lab (or the Course) full size in the Labs mode, in front of the labs already open."""
        if self.workspaces.mode != LABS:  # first: shown beside the editor and docks, it would grow the window
            self.workspaces.switch(LABS)
        self.host.open_lab(panel, self.document.experiment)

    def choose_language(self, lang: str, ask: bool = True) -> bool:
        """Remember the language for the next start and offer to restart now (the texts are set when the widgets
        are made, so a restart is what changes them). Closing asks about unsaved work as always; True when the
        window restarts."""
        self.settings.setValue(i18n.SETTINGS_KEY, lang)
        self.settings.remove("course/language")  # the Course follows the window's language again
        self.settings.sync()
        if lang == i18n.current_language() or not ask:
            return False
        answer = QMessageBox.question(
            self, self.tr("Language"),
            self.tr("Layerwise will start in {language} from now on. Restart now? (You are asked about unsaved "
                    "changes first.)").format(language=i18n.LANGUAGES[lang]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes or not self.close():
            return False
        QProcess.startDetached(sys.executable, [os.path.abspath(sys.argv[0]), *sys.argv[1:]]
                               if sys.argv and sys.argv[0].endswith(".py") else ["-m", "main"])
        return True

    def font_notice(self) -> None:
        """Chinese chosen on a system without a Chinese font: say once which package to install."""
        if i18n.current_language() == "zh_CN" and i18n.missing_cjk_font():
            self.message_bar.show_message(i18n.font_notice(), "warning")

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Layerwise"),
                          self.tr("<b>Layerwise</b><br>A desktop deep-learning lab: build networks from layers, "
                                  "train them with Keras and watch them learn."))

    # --- files ------------------------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when there are no unsaved changes or the user chose to save or discard them."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("The project has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if self.controller.running or not self.confirm_discard():
            return
        self.document.new(get_preset(DEFAULT_PRESET).make())
        self.statusBar().showMessage(self.tr("New project."), 3000)

    def open_dialog(self) -> None:
        if self.controller.running or not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project or model"), str(Path.home()),
                                              self.tr("Layerwise project or Keras model (*.json *.keras);;"
                                                      "Layerwise project (*.json);;Keras model (*.keras)"))
        if path:
            self.open_path(path, confirmed=True)

    def open_path(self, path: str, confirmed: bool = False) -> bool:
        """Open a project; a corrupt or future-version file leaves everything as it was."""
        if self.controller.running:
            self.show_message(self.tr("Stop training before opening another project."), "info")
            return False
        if not confirmed and not self.confirm_discard():
            return False
        if path.endswith(".keras"):
            self.open_model(path)
            return True
        try:
            self.document.load(path)
        except SpecError as exc:
            self.show_message(self.tr("Could not open {name}: {reason}").format(name=Path(path).name, reason=exc),
                              "error")
            return False
        except OSError as exc:
            self.show_message(self.tr("Could not open {name}: {reason}").format(name=Path(path).name,
                                                                                 reason=exc.strerror or exc), "error")
            return False
        self.message_bar.hide()
        self._add_recent(Path(path))
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 4000)
        return True

    def open_model(self, path: str) -> None:
        """A saved .keras classifier as a new project: its layers in the editor, training starts from its
        weights. Read on the worker (loading Keras takes a moment); a model the editor cannot hold is refused
        with the layers it does not know, and the current project stays."""
        name = Path(path).name
        self.statusBar().showMessage(self.tr("Reading {name}…").format(name=name))

        def compute() -> Experiment:
            from models.families.supervised.opened import experiment_from_keras
            return experiment_from_keras(path)

        def done(exp: Experiment) -> None:
            self.document.new(exp)
            self.show_message(self.tr("Opened the model {name} on '{dataset}': Start trains it further from its "
                                      "weights (Training settings decide how long); save it as a project to keep "
                                      "it.").format(name=name, dataset=exp.dataset), "info")

        def failed(exc: BaseException) -> None:
            self.statusBar().clearMessage()
            self.show_message(self.tr("Could not open {name}: {reason}").format(name=name, reason=exc), "error")
        self.controller.call(compute, done, failed)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(str(self.document.path))

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), str(Path.home() / "project.json"),
                                              self.tr("Layerwise project (*.json)"))
        return self.save_to(path) if path else False

    def save_to(self, path: str) -> bool:
        try:
            written = self.document.save(path)
        except OSError as exc:
            reason = self.tr("the disk is full") if exc.errno == 28 else (exc.strerror or str(exc))
            self.show_message(self.tr("Could not save {name}: {reason}. Your project is unchanged in the window; "
                                      "try another location.").format(name=Path(path).name, reason=reason), "error")
            return False
        self._add_recent(written)
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=written), 4000)
        return True

    # --- your own data -------------------------------------------------------------------------------------
    def own_images_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Your images: the folder with one sub-folder per class"),
                                                str(Path.home()))
        if path:
            self.use_own_data(path)

    def own_table_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from models.data import DatasetError
        from models.data.table import table_columns

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your table"), str(Path.home()),
                                              self.tr("CSV table (*.csv *.tsv *.txt)"))
        if not path:
            return
        try:
            columns = table_columns(path)
        except DatasetError as exc:
            self.show_message(self.tr("Your table: {error}").format(error=exc), "error")
            return
        label, ok = QInputDialog.getItem(self, self.tr("Your table"), self.tr("Which column holds the class?"), columns,
                                         len(columns) - 1, False)
        if ok and label:
            self.use_own_data(path, label)

    def use_own_data(self, path: str, label: str | None = None) -> bool:
        """Point the project at a folder of images or a CSV table; the network's ends are fitted and said."""
        if not self._editable():
            return False
        from models.data import DatasetError
        from models.data.user_data import experiment_for, user_dataset
        from models.spec.presets import PRESETS

        exp = self.document.experiment
        try:
            dataset, options = user_dataset(path, label)
            fitted, changes = experiment_for(exp, dataset, options, PRESETS.get(exp.preset or ""))
        except DatasetError as exc:
            self.show_message(self.tr("Your data: {error}").format(error=exc), "error")
            return False
        self.document.replace(fitted, self.tr("Use your data"))
        self.document.set_training()  # the dataset is saved with the project
        said = "; ".join(changes) if changes else self.tr("the network already fits")
        self.show_message(self.tr("Training on {name}: {changes}. Hover the data summary for the full report.")
                          .format(name=Path(path).name, changes=said), "info")
        return True

    def own_text_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your text file (UTF-8)"), str(Path.home()),
                                              self.tr("Text (*.txt *.md);;All files (*)"))
        if path:
            self.use_text_file(path)

    def use_text_file(self, path: str) -> bool:
        """A text file for the experiment that reads one: word2vec's corpus, or the next-character task."""
        if not self._editable():
            return False
        import copy

        from models.data import DatasetError
        from models.data.textfile import read_user_text

        try:
            read_user_text(path)
        except DatasetError as exc:
            self.show_message(self.tr("Your text: {error}").format(error=exc), "error")
            return False
        exp = copy.deepcopy(self.document.experiment)
        if exp.family == "word2vec":
            exp.dataset = "corpus-file"
        elif exp.preset in ("rnn", "lstm", "gru") or exp.dataset == "chars":
            if exp.dataset != "chars":
                exp = get_preset(exp.preset).make("chars")
        else:
            self.show_message(self.tr("A text file trains the next-character model (rnn, lstm or gru on 'chars') "
                                      "or word2vec (cbow, skipgram): load one of those presets first."), "info")
            return False
        exp.dataset_options = {"path": str(path)}
        self.document.replace(exp, self.tr("Use your text"))
        self.document.set_training()
        self.show_message(self.tr("Training on {name} ({dataset}).").format(name=Path(path).name, dataset=exp.dataset),
                          "info")
        return True

    # --- export ---------------------------------------------------------------------------------------------
    def export_keras_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Keras model"), str(Path.home() / "model.keras"),
                                              self.tr("Keras model (*.keras)"))
        if path:
            self.export_keras(path if path.endswith(".keras") else path + ".keras")

    def export_script_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Python script"),
                                              str(Path.home() / "train_model.py"), self.tr("Python script (*.py)"))
        if path:
            self.export_script(path if path.endswith(".py") else path + ".py")

    _DEPLOY_FILES = {"ONNX": (".onnx", QT_TRANSLATE_NOOP("MainWindow", "ONNX model (*.onnx)")),
                     "LiteRT": (".tflite", QT_TRANSLATE_NOOP("MainWindow", "LiteRT model (*.tflite)")),
                     "SavedModel": ("", QT_TRANSLATE_NOOP("MainWindow", "SavedModel folder (*)"))}

    def export_deploy_dialog(self, fmt: str) -> None:
        suffix, pattern = self._DEPLOY_FILES[fmt]
        default = str(Path.home() / ("model" + (suffix or "_savedmodel")))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export {format}").format(format=fmt), default,
                                              QCoreApplication.translate("MainWindow", pattern))
        if path:
            self.export_model(path if not suffix or path.endswith(suffix) else path + suffix)

    def export_model(self, path: str) -> None:
        """Any format by its path; the status bar says how far the exported model is from Keras."""
        self.controller.export_model(path, lambda result: self.statusBar().showMessage(
            result.text()[0].upper() + result.text()[1:], 10000),
            lambda exc: self.show_message(self.tr("Export failed: {error}").format(error=exc), "error"))

    def export_keras(self, path: str) -> None:
        self.controller.export_keras(path, lambda p: self.statusBar().showMessage(
            self.tr("Exported {path}").format(path=p), 6000),
            lambda exc: self.show_message(self.tr("Export failed: {error}").format(error=exc), "error"))

    def export_script(self, path: str) -> None:
        self.controller.export_script(path, lambda p: self.statusBar().showMessage(
            self.tr("Wrote {path}").format(path=p), 6000),
            lambda exc: self.show_message(self.tr("Export failed: {error}").format(error=exc), "error"))

    # --- closing --------------------------------------------------------------------------------------------
    def close_without_asking(self) -> None:
        """Close even with unsaved changes (headless rendering, tests, benchmarks)."""
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing and not self.confirm_discard():
            event.ignore()
            return
        self._closing = True
        self.host.closing = True
        self._save_settings()
        self.controller.shutdown(timeout=3.0, collect=not self.exits_process)
        event.accept()

