"""The model summary table: layer, output shape, parameters, total — from Keras' own report."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from models.spec.build import ShapeReport, format_shape

from . import theme

_RED = Qt.ItemDataRole.UserRole + 1  # marks error rows, so a reused item is recoloured only on change


class SummaryTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["#", self.tr("Layer"), self.tr("Output shape"), self.tr("Parameters")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.total = QLabel("")
        self.total.setObjectName("heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN, theme.MARGIN, theme.MARGIN)
        layout.addWidget(self.table)
        layout.addWidget(self.total)

    def show_reports(self, reports: dict[str, ShapeReport]) -> None:
        rows = []
        for role, report in reports.items():
            prefix = f"{role}: " if len(reports) > 1 else ""
            for r in report.rows:
                rows.append((self.tr("in") if r.index < 0 else str(r.index + 1), prefix + r.layer_type,
                             format_shape(r.output_shape), r.params))
            if report.error is not None:
                rows.append(("!", prefix + report.error.layer_type,
                             self.tr("error: {reason}").format(reason=report.error.reason), None))
        # Rows are rewritten in place and only where the text changed: an edit usually changes a row or two,
        # and every setItem makes the resize-to-contents header measure its whole column again.
        table = self.table
        table.setUpdatesEnabled(False)
        try:
            table.setRowCount(len(rows))
            for i, (idx, name, shape, params) in enumerate(rows):
                for j, text in enumerate((idx, name, shape, "" if params is None else f"{params:,}")):
                    item = table.item(i, j)
                    if item is None:
                        item = QTableWidgetItem(text)
                        if j == 3:
                            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        table.setItem(i, j, item)
                    elif item.text() != text:
                        item.setText(text)
                    red = idx == "!"
                    if item.data(_RED) != red:
                        item.setData(_RED, red)
                        item.setForeground(Qt.GlobalColor.red if red else self.palette().text())
        finally:
            table.setUpdatesEnabled(True)
        total = sum(r.total_params for r in reports.values())
        self.total.setText(self.tr("Total parameters: {total}").format(total=f"{total:,}"))
