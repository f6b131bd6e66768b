"""The open project: one Experiment, its file, and an undo stack of every edit made to it."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.files import atomic_write_text
from models.spec.experiment import Experiment, LayerSpec, SpecError


class _ExperimentCommand(QUndoCommand):
    """Swaps whole experiment states: simple, and always exactly reversible."""

    def __init__(self, doc: "ProjectDocument", text: str, after: Experiment, select: tuple[str, int] | None,
                 merge_id: int = -1, merge_key: Any = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.before = doc.experiment.copy()
        self.before_select = doc.selection
        self.after = after.copy()
        self.after_select = select
        self._merge_id = merge_id
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        # Consecutive edits of the same parameter (spin box steps) collapse into one undo step.
        if isinstance(other, _ExperimentCommand) and other.merge_key == self.merge_key:
            self.after = other.after
            self.after_select = other.after_select
            return True
        return False

    def redo(self) -> None:
        self.doc.restore(self.after, self.after_select)

    def undo(self) -> None:
        self.doc.restore(self.before, self.before_select)


class ProjectDocument(QObject):
    changed = Signal()  # the experiment changed (any edit, undo, load)
    selection_changed = Signal(object)  # (role, index) or None; index -1 is the input block
    path_changed = Signal(object)
    dirty_changed = Signal(bool)

    PARAM_MERGE_ID = 1

    def __init__(self, experiment: Experiment, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experiment = experiment.copy()
        self.selection: tuple[str, int] | None = None
        self.path: Path | None = None
        self._training_dirty = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.dirty_changed.emit(self.modified)

    # --- state -------------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def roles(self) -> list[str]:
        return list(self.experiment.networks)

    def layers(self, role: str) -> list[LayerSpec]:
        return self.experiment.networks[role].layers

    def restore(self, experiment: Experiment, select: tuple[str, int] | None) -> None:
        """Put a state back without recording an undo step (what undo and redo themselves call)."""
        self.experiment = experiment.copy()
        if select is not None and (select[0] not in experiment.networks or
                                   select[1] >= len(experiment.networks[select[0]].layers)):
            select = None
        self.selection = select
        self.changed.emit()
        self.selection_changed.emit(select)

    def select(self, role: str, index: int | None) -> None:
        sel = None if index is None else (role, index)
        if sel != self.selection:
            self.selection = sel
            self.selection_changed.emit(sel)

    def _push(self, text: str, after: Experiment, select: tuple[str, int] | None, merge_key: Any = None) -> None:
        merge_id = self.PARAM_MERGE_ID if merge_key is not None else -1
        self.undo_stack.push(_ExperimentCommand(self, text, after, select, merge_id, merge_key))

    # --- edits (each one undoable) ----------------------------------------------------------------------
    def insert_layer(self, role: str, index: int, layer: LayerSpec) -> None:
        exp = self.experiment.copy()
        layers = exp.networks[role].layers
        index = max(0, min(index, len(layers)))
        layers.insert(index, copy.deepcopy(layer))
        self._push(self.tr("Add {layer}").format(layer=layer.type), exp, (role, index))

    def insert_after_selection(self, layer: LayerSpec, role: str | None = None) -> None:
        if self.selection is not None and (role is None or self.selection[0] == role):
            role, idx = self.selection
            self.insert_layer(role, idx + 1, layer)
        else:
            role = role or self.roles()[0]
            self.insert_layer(role, len(self.layers(role)), layer)

    def remove_layer(self, role: str, index: int) -> None:
        exp = self.experiment.copy()
        layers = exp.networks[role].layers
        if not 0 <= index < len(layers):
            return
        removed = layers.pop(index)
        select = (role, min(index, len(layers) - 1)) if layers else None
        self._push(self.tr("Delete {layer}").format(layer=removed.type), exp, select)

    def duplicate_layer(self, role: str, index: int) -> None:
        layers = self.layers(role)
        if 0 <= index < len(layers):
            self.insert_layer(role, index + 1, layers[index])
            self.undo_stack.command(self.undo_stack.index() - 1).setText(
                self.tr("Duplicate {layer}").format(layer=layers[index].type))

    def move_layer(self, role: str, index: int, new_index: int) -> None:
        exp = self.experiment.copy()
        layers = exp.networks[role].layers
        if not (0 <= index < len(layers)) or not (0 <= new_index < len(layers)) or index == new_index:
            return
        layer = layers.pop(index)
        layers.insert(new_index, layer)
        self._push(self.tr("Move {layer}").format(layer=layer.type), exp, (role, new_index))

    def set_param(self, role: str, index: int, name: str, value: Any) -> None:
        layer = self.layers(role)[index]
        if layer.params.get(name, object()) == value:
            return
        exp = self.experiment.copy()
        exp.networks[role].layers[index].params[name] = value
        self._push(self.tr("Set {layer} {param}").format(layer=layer.type, param=name), exp, (role, index),
                   merge_key=(role, index, name))

    def replace(self, experiment: Experiment, text: str) -> None:
        """Load a preset (undoable: a preset click never loses the user's network)."""
        first = next(iter(experiment.networks))
        self._push(text, experiment, (first, 0) if experiment.networks[first].layers else None)

    def set_training(self, **changes: Any) -> None:
        """Training settings and dataset: saved with the project, not part of undo (they are not the network)."""
        for key, value in changes.items():
            if key == "dataset":
                if value != self.experiment.dataset:
                    self.experiment.dataset = value
                    self.experiment.dataset_options = {}
            else:
                setattr(self.experiment.training, key, value)
        self._training_dirty = True
        self.dirty_changed.emit(True)

    # --- files -----------------------------------------------------------------------------------------------
    def load(self, path: str | Path) -> None:
        """Read a project; raises SpecError/OSError with a clear message and changes nothing on failure."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise SpecError("", self.tr("{name} is not a UTF-8 text file, so it cannot be a Layerwise project")
                            .format(name=path.name)) from None
        self._reset(Experiment.from_json(text), path)

    def save(self, path: str | Path | None = None) -> Path:
        path = Path(path) if path else self.path
        if path is None:
            raise ValueError("no file name yet")
        if path.suffix != ".json":
            path = path.with_suffix(".json")
        atomic_write_text(path, self.experiment.to_json() + "\n")
        self.path = path
        self.undo_stack.setClean()
        self._training_dirty = False
        self.path_changed.emit(path)
        self.dirty_changed.emit(False)
        return path

    def new(self, experiment: Experiment) -> None:
        self._reset(experiment.copy(), None)

    def _reset(self, experiment: Experiment, path: Path | None) -> None:
        """A fresh document: nothing selected, no history, nothing unsaved."""
        self.experiment = experiment
        self.selection = None
        self.path = path
        self.undo_stack.clear()
        self._training_dirty = False
        self.changed.emit()
        self.selection_changed.emit(None)
        self.path_changed.emit(path)
        self.dirty_changed.emit(False)

    @property
    def modified(self) -> bool:
        """Unsaved changes: network edits or training settings."""
        return self.dirty or self._training_dirty
