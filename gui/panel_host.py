"""The window's plug-in panels and labs: which are shown, which events reach them, and their mistakes kept in.

The host creates the panels (gui/panels) and labs (gui/labs) when they are first needed, a live panel when it first
applies to the project and a lab when it is first opened (building all twenty up front was most of the window's
start, see bench/startup.py), gives each a dock through the window, shows a live panel only while it applies to
the project and a lab while it is open, routes the run's events to them, holds
the newest probe result for a panel out of sight (and pauses its probes) until it comes into view, and turns an
exception escaping a panel's hook into a status message instead of a crash.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from models.engine.events import PROBE_ERROR
from models.spec.experiment import Experiment

from .panels.base import Panel, PanelContext

DockFactory = Callable[[str, str, Panel, Qt.DockWidgetArea], QDockWidget]


class PanelHost:
    def __init__(self, window: QMainWindow, ctx: PanelContext, classes: list[type[Panel]], add_dock: DockFactory,
                 anchors: dict[str, QDockWidget]) -> None:
        """`add_dock(key, title, widget, area)` makes a dock in the window; `anchors` are the docks live panels
        are tabbed with ("bottom": the past runs under the plots, "right": the model summary)."""
        self.window = window
        self.shows: Callable[[QDockWidget], bool] = lambda dock: True  # the window's mode shows this dock now
        self.front: QDockWidget | None = None  # the live panel to bring to the front when the Train mode shows
        self.switching: Callable[[], bool] = lambda: False  # the window's mode is hiding and showing docks now
        self.closing = False  # the window is closing: its docks are hidden as they go, not closed by the user
        self.anchors = anchors
        self.ctx = ctx
        self.add_dock = add_dock
        self.classes = list(classes)
        self.built: list[Panel] = []  # the panels and labs made so far, in the order of `classes`
        self.docks: dict[Panel, QDockWidget] = {}
        self._broken: set[type[Panel]] = set()  # classes whose constructor raised: not tried again
        self._held: dict[Panel, dict[tuple[str, str], Any]] = {}  # newest result per probe for panels out of sight
        self._run_probes: dict[Panel, list[Any]] = {}  # the probes each panel asked for in the current run
        self.series_owner: Panel | None = None  # the panel or lab that started the running series, if one did

    def build(self, cls: type[Panel]) -> Panel | None:
        """The panel of this class, made (with its dock, out of the layout) if it was not yet; None if it fails."""
        panel = self.made(cls)
        if panel is not None or cls in self._broken:
            return panel
        try:
            panel = cls(self.ctx)
        except Exception as exc:  # noqa: BLE001 - a broken panel must not take the app down
            self._broken.add(cls)
            # in the message bar, which stays: made later than the status bar's start-up line, it was overwritten
            self.window.show_message(QCoreApplication.translate(
                "PanelHost", "{0}: this panel could not be opened ({1}: {2})").format(
                cls.shown_title(), type(exc).__name__, exc), "error")
            return None
        area = Qt.DockWidgetArea.RightDockWidgetArea if panel.area == "right" else \
            Qt.DockWidgetArea.BottomDockWidgetArea
        dock = self.add_dock(self.dock_key(cls), panel.shown_title(), panel, area)
        dock.visibilityChanged.connect(lambda visible, p=panel, d=dock: self._seen(p, d, visible))
        # Panels join the layout only while they apply (see update_visibility): hidden tabified docks leave stray
        # tab bars behind.
        self.window.removeDockWidget(dock)
        self.docks[panel] = dock
        order = {c: i for i, c in enumerate(self.classes)}
        self.built.append(panel)
        self.built.sort(key=lambda p: order.get(type(p), len(order)))
        return panel

    def made(self, cls: type[Panel]) -> Panel | None:
        """The panel of this class if it has been made."""
        return next((panel for panel in self.built if type(panel) is cls), None)

    @staticmethod
    def dock_key(cls: type[Panel]) -> str:
        return f"panel_{cls.__name__}"

    @property
    def panels(self) -> list[Panel]:
        """Every panel and lab, made now if they were not yet (tests, screenshots: the window uses `built`)."""
        for cls in self.classes:
            self.build(cls)
        return list(self.built)

    @property
    def lab_classes(self) -> list[type[Panel]]:
        return [cls for cls in self.classes if cls.area == "lab"]

    @property
    def labs(self) -> list[Panel]:
        """Every lab, made now if it was not yet."""
        return [lab for lab in (self.build(cls) for cls in self.lab_classes) if lab is not None]

    def lab(self, title: str) -> Panel | None:
        """The lab with this title, made if it was not yet."""
        cls = next((c for c in self.lab_classes if c.title == title), None)
        return self.build(cls) if cls is not None else None

    # --- error isolation ----------------------------------------------------------------------------------
    def call(self, panel: Panel, method: str, *args: Any) -> Any:
        """panel.method(*args); an exception becomes a status message naming the panel."""
        try:
            return getattr(panel, method)(*args)
        except Exception as exc:  # noqa: BLE001 - a panel's bug shows as a message, not a crash
            self.window.statusBar().showMessage(f"{panel.shown_title()}: {type(exc).__name__}: {exc}", 8000)
            return None

    def _applies(self, panel: Panel | type[Panel], experiment: Experiment) -> bool:
        try:
            return bool(panel.applies_to(experiment))
        except Exception:  # noqa: BLE001 - a panel that cannot tell does not apply
            return False

    # --- which panels are shown ----------------------------------------------------------------------------
    def lab_open(self, panel: Panel) -> bool:
        dock = self.docks[panel]
        return self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea and not dock.isHidden()

    def active(self, experiment: Experiment) -> list[Panel]:
        """Labs while they are open and live panels while they apply to the current experiment; while a panel's
        own series trains (a comparison, a demo), only that panel, wherever it is: the runs are not the
        project's."""
        if self.series_owner is not None:
            return [self.series_owner]
        return [p for p in self.built if (self.lab_open(p) if p.area == "lab" else self._applies(p, experiment))]

    def update_visibility(self, experiment: Experiment) -> None:
        """Live panels join the layout when they start to apply and leave it when they stop; the first to join
        is the tab in front (not the past runs' table)."""
        joined: list[Panel] = []
        for cls in self.classes:
            if cls.area == "lab" or (self.made(cls) is None and not self._applies(cls, experiment)):
                continue  # a panel that never applied is not made
            panel = self.build(cls)
            if panel is None:
                continue
            dock = self.docks[panel]
            relevant = self._applies(panel, experiment)
            dock.toggleViewAction().setEnabled(relevant)
            placed = self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
            if relevant and not placed:
                self.place(panel)
                joined.append(panel)
            elif not relevant and placed:
                self.window.removeDockWidget(dock)
        if joined:
            # The past runs' table is the group's anchor; it moves to the last tab, and the first panel to join
            # is in front (raised now or, in another mode, when the Train mode shows it).
            runs = self.anchors["bottom"]
            bottom = [d for d in self.placed_docks(labs=False) if self._panel(d).area != "right"]
            if bottom:
                self.window.removeDockWidget(runs)
                self.window.tabifyDockWidget(bottom[-1], runs)
                runs.setVisible(self.shows(runs))
            self.front = self.docks[joined[0]]
            if self.shows(self.front):
                self.front.raise_()

    def _panel(self, dock: QDockWidget) -> Panel:
        return next(p for p, d in self.docks.items() if d is dock)

    def placed_docks(self, labs: bool) -> list[QDockWidget]:
        """The docks of the labs (or of the live panels) that are in the window's layout now."""
        return [dock for panel, dock in self.docks.items() if (panel.area == "lab") == labs and
                self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea]

    def placed(self) -> list[str]:
        """The dock names of the panels and labs in the window's layout now; saved with it, see `restored`."""
        return [dock.objectName() for dock in self.docks.values()
                if self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea]

    def restored(self, placed: Any, experiment: Experiment) -> None:
        """After QMainWindow.restoreState: only the docks in `placed` (from `placed()` when the layout was saved)
        keep their restored place; live panels then join by what applies, tabbed as on a first start.

        A dock taken out of the layout leaves a placeholder in saveState, and restoreState puts back every dock
        the state names, side by side: all ten labs came back under the editor on the second start (a window
        over 6,000 px wide) and after View > Reset layout (10,000 px, live panels untabbed).
        """
        keep = {placed} if isinstance(placed, str) else set(placed or ())  # QSettings gives one item as a str
        for cls in self.lab_classes:  # a lab that was open: made now, and put where restoreState has its place
            if f"dock_{self.dock_key(cls)}" in keep and self.made(cls) is None:
                lab = self.build(cls)
                if lab is not None:
                    self.window.restoreDockWidget(self.docks[lab])
        for dock in self.docks.values():
            if dock.objectName() not in keep and \
                    self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea:
                self.window.removeDockWidget(dock)
        self.update_visibility(experiment)

    def place(self, panel: Panel) -> None:
        """Live panels are tabbed with their anchor, labs with the labs already open (the first lab gets the
        bottom area, which the Labs mode gives the whole window); shown if the window's mode shows it."""
        dock = self.docks[panel]
        if panel.area == "lab":
            others = [d for d in self.placed_docks(labs=True) if d is not dock]
            if others:
                self.window.tabifyDockWidget(others[-1], dock)
            else:
                self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        else:
            self.window.tabifyDockWidget(self.anchors["right" if panel.area == "right" else "bottom"], dock)
        dock.setVisible(self.shows(dock))

    def open_lab(self, panel: Panel, experiment: Experiment) -> None:
        dock = self.docks[panel]
        if not self.lab_open(panel):  # closed labs skip edits: bring this one up to date
            self.call(panel, "on_experiment_changed", experiment.copy())
        if self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea:
            self.place(panel)
        dock.show()
        dock.raise_()

    def labs_shown(self, experiment: Experiment) -> None:
        """The Labs mode came back: its labs skipped the edits made while they were hidden."""
        for panel in self.built:
            if panel.area == "lab" and self.lab_open(panel):
                self.call(panel, "on_experiment_changed", experiment.copy())

    def experiment_changed(self, experiment: Experiment) -> None:
        self.update_visibility(experiment)
        for panel in self.active(experiment):
            self.call(panel, "on_experiment_changed", experiment.copy())

    # --- a run's events --------------------------------------------------------------------------------------
    def probes_for_run(self, experiment: Experiment) -> list[Any]:
        """The probes every applicable live panel asks for; those of panels out of sight start paused."""
        self._run_probes = {}
        probes: list[Any] = []
        for panel in self.built:
            if panel.area != "lab" and self._applies(panel, experiment):
                mine = self.call(panel, "probes", experiment) or []
                for probe in mine:
                    probe.paused = self.out_of_sight(panel)
                self._run_probes[panel] = mine
                probes.extend(mine)
        return probes

    def run_started(self, event: Any, experiment: Experiment) -> None:
        self._held.clear()  # the last run's pictures
        for panel in self.active(experiment):
            self.call(panel, "on_run_started", event)

    def dispatch(self, hook: str, event: Any, experiment: Experiment) -> None:
        """Hand an event to every active panel's hook (on_epoch, on_finished, on_failed)."""
        for panel in self.active(experiment):
            self.call(panel, hook, event)

    def probe(self, event: Any, experiment: Experiment) -> None:
        if PROBE_ERROR in event.payload:  # the probe raised: the run goes on, and the window says whose view stopped
            owners = [p for p, probes in self._run_probes.items() if any(q.name == event.name for q in probes)]
            title = owners[0].shown_title() if owners else event.name
            self.window.statusBar().showMessage(
                QCoreApplication.translate("PanelHost", "{0}: this view could not be updated ({1})").format(
                    title, event.payload[PROBE_ERROR]), 15000)
            return
        for panel in self.active(experiment):
            if self.out_of_sight(panel):
                # Out of sight (a tab behind another, a closed dock): keep only the newest result; it is drawn
                # when the panel is shown. Drawing feature maps nobody saw cost the training speed.
                self._held.setdefault(panel, {})[(event.run, event.name)] = event
            else:
                self.call(panel, "on_probe", event)

    def run_ended(self, result: Any, experiment: Experiment) -> None:
        for panel in list(self._held):  # the run's final pictures, so every panel ends up current
            self._release(panel)
        for panel in self.active(experiment):
            self.call(panel, "on_run_ended", result)
        self.series_owner = None

    @staticmethod
    def out_of_sight(panel: Panel) -> bool:
        """A panel that would only redraw its latest picture and cannot be seen now (a tab behind another)."""
        return panel.latest_probe_only and panel.visibleRegion().isEmpty()

    def _seen(self, panel: Panel, dock: QDockWidget, visible: bool) -> None:
        """A panel's dock came into sight or went out of it (its tab was raised or covered, it was closed)."""
        if panel.latest_probe_only:
            for probe in self._run_probes.get(panel, []):
                probe.paused = not visible  # read by the training thread before each scheduled run
        if visible:
            self._release(panel)
        elif panel.area == "lab" and not self.closing and not self.switching() and dock.isHidden():
            QTimer.singleShot(0, lambda: self._closed(dock))

    def _closed(self, dock: QDockWidget) -> None:
        """A lab's close button takes it out of the layout: hidden only, it would come back with the Labs mode."""
        if not self.closing and dock.isHidden() and self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea:
            self.window.removeDockWidget(dock)

    def _release(self, panel: Panel) -> None:
        for event in self._held.pop(panel, {}).values():
            self.call(panel, "on_probe", event)
