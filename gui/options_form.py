"""A family's options as a form, built from the schema the family registered (models.spec.options): the GAN,
VAE and word2vec panels each show the settings they teach with this one form."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from models.spec.options import options_of

from . import theme
from .i18n import model_text
from .param_editors import make_editor, set_editor_value


class OptionsForm(QWidget):
    """Editors for the named options of the families given; rows of options a family does not have are hidden.

    `changed(name, value)` fires when the user edits a value; the owner writes it into the project (undoably).
    """

    changed = Signal(str, object)

    def __init__(self, families: Sequence[str], names: Sequence[str], labels: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.families = tuple(families)
        schema = {p.name: p for family in self.families for p in options_of(family).params}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSpacing(theme.SPACING - 2)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for name in names:
            p = schema[name]
            editor = make_editor(p, p.default, lambda v, n=name: self.changed.emit(n, v))
            label = QLabel((labels or {}).get(name, name.replace("_", " ")))
            label.setToolTip(model_text(p.help))
            self.form.addRow(label, editor)
            self.editors[name], self.labels[name] = editor, label

    def show_options(self, family: str, options: dict[str, Any]) -> None:
        """Show the family's rows with the project's values (defaults where the project has none)."""
        known = {p.name: p for p in options_of(family).params}
        for name, editor in self.editors.items():
            visible = name in known
            editor.setVisible(visible)
            self.labels[name].setVisible(visible)
            if visible:
                set_editor_value(editor, options.get(name, known[name].default))

    def set_locked(self, locked: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(not locked)
