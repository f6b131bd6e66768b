"""Right panel: a form generated from the catalog's parameter schema for the selected block."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from models.spec.catalog import CATALOG

from . import theme
from .i18n import model_text
from .param_editors import make_editor, set_editor_value


class Inspector(QWidget):
    param_changed = Signal(str, int, str, object)  # role, index, name, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Nothing selected"))
        self.title.setObjectName("heading")
        self.help = QLabel(self.tr("Select a block in the network to edit its settings."))
        self.help.setWordWrap(True)
        self.help.setObjectName("muted")
        self.form = QFormLayout()
        self.form.setSpacing(theme.SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN, theme.MARGIN, theme.MARGIN)
        layout.setSpacing(theme.SPACING)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.role = ""
        self.index = -1
        self.type_name: str | None = None
        self.editors: dict[str, QWidget] = {}
        self.locked = False

    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}

    def show_layer(self, role: str, index: int, type_name: str | None, params: dict[str, Any],
                   input_shape: tuple[int, ...] | None = None) -> None:
        if (role, index, type_name) == (self.role, self.index, getattr(self, "type_name", None)) and self.editors:
            self._update_values(type_name, params)  # same block: keep the widgets (and the focus)
            return
        self.type_name = type_name
        self._clear()
        self.role, self.index = role, index
        if type_name is None:
            self.title.setText(self.tr("Nothing selected"))
            self.help.setText(self.tr("Select a block in the network to edit its settings."))
            return
        if index < 0:
            self.title.setText(self.tr("Input"))
            shape = "×".join(map(str, input_shape or ()))
            self.help.setText(self.tr("One example has shape {shape}. The input follows the dataset chosen in the "
                                      "Training panel.").format(shape=shape))
            return
        ltype = CATALOG.get(type_name)
        if ltype is None:
            self.title.setText(type_name)
            self.help.setText(self.tr("Unknown layer type: delete this block."))
            return
        self.title.setText(f"{index + 1}. {type_name}")
        self.help.setText(model_text(ltype.help))
        for p in ltype.params:
            editor = make_editor(p, params.get(p.name, p.default), lambda v, n=p.name: self._emit(n, v))
            editor.setEnabled(not self.locked)
            label = QLabel(p.name.replace("_", " "))
            label.setToolTip(model_text(p.help))
            self.form.addRow(label, editor)
            self.editors[p.name] = editor

    def _update_values(self, type_name: str | None, params: dict[str, Any]) -> None:
        ltype = CATALOG.get(type_name or "")
        if ltype is None:
            return
        for p in ltype.params:
            editor = self.editors.get(p.name)
            if editor is not None:
                set_editor_value(editor, params.get(p.name, p.default))

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for editor in self.editors.values():
            editor.setEnabled(not locked)

    def _emit(self, name: str, value: Any) -> None:
        self.param_changed.emit(self.role, self.index, name, value)
