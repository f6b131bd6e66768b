"""One editor widget per schema kind (int, float, bool, choice, shape), built from a catalog `Param`: the layer
inspector and every family's options form use these, so a parameter looks and checks the same everywhere."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from models.spec.catalog import Param

from .i18n import model_text

_SHAPE = QRegularExpression(r"^\s*(-1|[1-9]\d*)(\s*,\s*(-1|[1-9]\d*))*\s*$")


def make_editor(p: Param, value: Any, changed: Callable[[Any], None]) -> QWidget:
    """An editor for `p` showing `value`; `changed(new_value)` is called with the value in the schema's kind."""
    editor: QWidget
    if p.suggested:  # a few values to pick from (a project file may hold another: it is offered too)
        combo = QComboBox()
        for number in p.suggested:
            combo.addItem(f"{number:g}" if number else QCoreApplication.translate("ParamEditors", "0 (off)"), number)
        combo.currentIndexChanged.connect(lambda _i: changed(combo.currentData()))
        editor = combo
    elif p.kind == "int":
        spin = QSpinBox()
        low = int(p.minimum if p.minimum is not None else -1_000_000)
        spin.setRange(low - 1 if p.optional else low, int(p.maximum if p.maximum is not None else 1_000_000))
        if p.optional:
            spin.setSpecialValueText(QCoreApplication.translate("ParamEditors", "auto"))
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v: changed(None if p.optional and v == spin.minimum() else int(v)))
        editor = spin
    elif p.kind == "float":
        dspin = QDoubleSpinBox()
        small = p.maximum is not None and p.maximum <= 1
        dspin.setDecimals(5 if small else 4)
        low = p.minimum if p.minimum is not None else -1e9
        if p.optional:  # one step below the minimum reads "auto" (None)
            dspin.setSpecialValueText(QCoreApplication.translate("ParamEditors", "auto"))
            low = low - (1e-5 if small else 1e-4)
        dspin.setRange(low, p.maximum if p.maximum is not None else 1e9)
        dspin.setSingleStep(0.05 if (p.maximum or 0) <= 1 else 0.5)
        dspin.setKeyboardTracking(False)
        dspin.valueChanged.connect(lambda v: changed(None if p.optional and v == dspin.minimum() else float(v)))
        editor = dspin
    elif p.kind == "bool":
        box = QCheckBox()
        box.toggled.connect(lambda v: changed(bool(v)))
        editor = box
    elif p.kind == "choice":
        combo = QComboBox()
        if p.optional:
            combo.addItem(QCoreApplication.translate("ParamEditors", "auto"), None)
        for choice in p.choices:
            combo.addItem(choice, choice)
        combo.currentIndexChanged.connect(lambda _i: changed(combo.currentData()))
        editor = combo
    else:  # shape: comma-separated whole numbers, -1 allowed; the validator refuses anything else as you type
        line = QLineEdit()
        line.setValidator(QRegularExpressionValidator(_SHAPE))
        line.setPlaceholderText(QCoreApplication.translate("ParamEditors", "e.g. 7, 7, 64"))
        line.editingFinished.connect(lambda: _emit_shape(line.text(), changed))
        editor = line
    set_editor_value(editor, value)
    editor.setToolTip(model_text(p.help))
    return editor


def set_editor_value(editor: QWidget, value: Any) -> None:
    """Show `value` without emitting a change (and without disturbing a line the user is typing in)."""
    editor.blockSignals(True)
    try:
        if isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.minimum() if value is None else float(value))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0 and value is not None:  # a value typed into a project file: offer it too
                editor.addItem(f"{value:g}" if isinstance(value, float) else str(value), value)
                index = editor.count() - 1
            editor.setCurrentIndex(max(0, index))
        elif isinstance(editor, QLineEdit) and not editor.hasFocus():
            editor.setText(", ".join(str(v) for v in value))
    finally:
        editor.blockSignals(False)


def _emit_shape(text: str, changed: Callable[[Any], None]) -> None:
    try:
        dims = [int(t) for t in text.split(",") if t.strip()]
    except ValueError:
        return
    if dims:
        changed(dims)
