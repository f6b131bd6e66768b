"""One place for fonts, colours and spacing, so every panel looks like part of the same tool."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

SPACING = 8
MARGIN = 10

ACCENT = "#2f6fde"
ERROR = "#d64545"
ERROR_BG = "#fdecec"
OK = "#2e9d5b"
BLOCK_BG = "#ffffff"
BLOCK_BORDER = "#b9c2d0"
SELECTED = "#2f6fde"
MUTED = "#5f6b7a"
CANVAS_BG = "#f3f5f8"

# Curves: one colour per metric family, training solid, validation dashed.
SERIES = ["#2f6fde", "#e07b1a", "#2e9d5b", "#a23cc9", "#d64545", "#138d90", "#8a6d3b"]

CATEGORY_COLOURS = {
    "Core": "#2f6fde", "Convolution": "#e07b1a", "Pooling": "#c9a227", "Reshaping": "#7a869a",
    "Regularisation": "#a23cc9", "Text": "#138d90", "Recurrent": "#2e9d5b", "Input": "#5f6b7a",
}

STYLE = f"""
QMainWindow, QDockWidget {{ font-size: 10pt; }}
QDockWidget::title {{ padding: 4px 8px; background: #e6eaf0; font-weight: 600; }}
QToolTip {{ padding: 6px; background: #fffbe6; color: #222; border: 1px solid #d8cf9f; }}
QPushButton {{ padding: 5px 14px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid #2559b5; border-radius: 4px;
    font-weight: 600; }}
QPushButton#primary:disabled {{ background: #9db6e6; border-color: #9db6e6; }}
QLabel#heading {{ font-weight: 600; font-size: 11pt; }}
QLabel#muted {{ color: {MUTED}; }}
QFrame#messageBar {{ background: {ERROR_BG}; border: 1px solid #f0b4b4; border-radius: 4px; }}
QFrame#messageBar[level="info"] {{ background: #eaf2ff; border-color: #b4cbf0; }}
QTreeWidget::item {{ padding: 3px 0; }}
"""


def apply(app: QApplication) -> None:
    if app.property("layerwise_theme"):
        return  # restyling an application re-polishes every widget it has
    app.setProperty("layerwise_theme", True)
    font = QFont("DejaVu Sans", 10)
    app.setFont(font)
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE)
    pg.setConfigOptions(antialias=True, background="w", foreground="#333")


def with_alpha(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c
