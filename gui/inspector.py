"""Right panel: a form generated from the catalog's parameter schema for the selected block."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from models.catalog import CATALOG, Param

from . import theme


class Inspector(QWidget):
    param_changed = Signal(str, int, str, object)  # role, index, name, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Nothing selected")
        self.title.setObjectName("heading")
        self.help = QLabel("Select a block in the network to edit its settings.")
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
            self.title.setText("Nothing selected")
            self.help.setText("Select a block in the network to edit its settings.")
            return
        if index < 0:
            self.title.setText("Input")
            shape = "×".join(map(str, input_shape or ()))
            self.help.setText(f"One example has shape {shape}. The input follows the dataset chosen in the "
                              "Training panel.")
            return
        ltype = CATALOG.get(type_name)
        if ltype is None:
            self.title.setText(type_name)
            self.help.setText("Unknown layer type: delete this block.")
            return
        self.title.setText(f"{index + 1}. {type_name}")
        self.help.setText(ltype.help)
        for p in ltype.params:
            editor = self._editor(p, params.get(p.name, p.default))
            editor.setToolTip(p.help)
            editor.setEnabled(not self.locked)
            label = QLabel(p.name.replace("_", " "))
            label.setToolTip(p.help)
            self.form.addRow(label, editor)
            self.editors[p.name] = editor

    def _update_values(self, type_name: str | None, params: dict[str, Any]) -> None:
        ltype = CATALOG.get(type_name or "")
        if ltype is None:
            return
        for p in ltype.params:
            editor = self.editors.get(p.name)
            if editor is None:
                continue
            value = params.get(p.name, p.default)
            editor.blockSignals(True)
            try:
                if isinstance(editor, QSpinBox):
                    editor.setValue(editor.minimum() if value is None else int(value))
                elif isinstance(editor, QDoubleSpinBox):
                    editor.setValue(float(value))
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QComboBox):
                    editor.setCurrentText(str(value))
                elif isinstance(editor, QLineEdit) and not editor.hasFocus():
                    editor.setText(", ".join(str(v) for v in value))
            finally:
                editor.blockSignals(False)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for editor in self.editors.values():
            editor.setEnabled(not locked)

    def _emit(self, name: str, value: Any) -> None:
        self.param_changed.emit(self.role, self.index, name, value)

    def _editor(self, p: Param, value: Any) -> QWidget:
        if p.kind == "int":
            spin = QSpinBox()
            low = int(p.minimum if p.minimum is not None else -1_000_000)
            spin.setRange(low - 1 if p.optional else low, int(p.maximum if p.maximum is not None else 1_000_000))
            if p.optional:
                spin.setSpecialValueText("auto")
            spin.setValue(spin.minimum() if value is None else int(value))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(
                lambda v, n=p.name, s=spin, opt=p.optional: self._emit(n, None if opt and v == s.minimum() else v))
            return spin
        if p.kind == "float":
            spin = QDoubleSpinBox()
            spin.setDecimals(4)
            spin.setRange(p.minimum if p.minimum is not None else -1e9, p.maximum if p.maximum is not None else 1e9)
            spin.setSingleStep(0.05 if (p.maximum or 0) <= 1 else 0.5)
            spin.setValue(float(value))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, n=p.name: self._emit(n, float(v)))
            return spin
        if p.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda v, n=p.name: self._emit(n, bool(v)))
            return box
        if p.kind == "choice":
            combo = QComboBox()
            combo.addItems(list(p.choices))
            combo.setCurrentText(str(value))
            combo.currentTextChanged.connect(lambda v, n=p.name: self._emit(n, v))
            return combo
        # shape: comma-separated whole numbers, -1 allowed; the validator refuses anything else as you type
        line = QLineEdit(", ".join(str(v) for v in value))
        line.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\s*(-1|[1-9]\d*)(\s*,\s*(-1|[1-9]\d*))*\s*$")))
        line.setPlaceholderText("e.g. 7, 7, 64")
        line.editingFinished.connect(lambda n=p.name, w=line: self._emit_shape(n, w.text()))
        return line

    def _emit_shape(self, name: str, text: str) -> None:
        try:
            dims = [int(t) for t in text.split(",") if t.strip()]
        except ValueError:
            return
        if dims:
            self._emit(name, dims)
