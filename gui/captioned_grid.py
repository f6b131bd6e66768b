"""Small pictures in rows, each with its caption directly under it.

The Results panel showed its most confidently wrong images as one tiled picture and their captions as a numbered
list below the fold ("1: 5→3 (23%)  2: ..."): the student had to count tiles to match a caption to an image.
Painted by hand (not a grid of QLabels) so that replacing 24 pictures is one repaint, not 48 layout passes.
`row_labelled_pixmap` does the same for a tiled grid whose rows are classes (the conditional GAN's).
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui import theme
from gui.training_panel import grey_pixmap


class CaptionedGrid(QWidget):
    GAP = 6
    MAX_CELL = 84  # px: a 28x28 digit at 3x; larger only spreads the grid without showing more
    LINES = 2  # caption lines under each picture

    def __init__(self, columns: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._pixmaps: list[QPixmap] = []
        self._captions: list[tuple[str, ...]] = []
        self._tips: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(160, 40)

    # --- content ------------------------------------------------------------------------------------------
    def set_items(self, pixmaps: Sequence[QPixmap], captions: Sequence[Sequence[str]],
                  tips: Sequence[str] | None = None) -> None:
        """One picture per item; `captions[i]`: up to LINES short lines under picture i; `tips[i]`: its tooltip."""
        self._pixmaps = list(pixmaps)
        self._captions = [tuple(c)[: self.LINES] for c in captions]
        self._tips = list(tips) if tips is not None else [" ".join(c) for c in self._captions]
        self._claim_height()
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_items([], [])

    @property
    def count(self) -> int:
        return len(self._pixmaps)

    def captions(self) -> list[str]:
        return [" ".join(c) for c in self._captions]

    # --- geometry -------------------------------------------------------------------------------------------
    def _cell(self, width: int) -> int:
        columns = max(1, min(self.columns, len(self._pixmaps) or self.columns))
        return int(max(16, min(self.MAX_CELL, (width - (columns - 1) * self.GAP) / columns)))

    def _text_height(self) -> int:
        return self.fontMetrics().height() * self.LINES

    def _rows(self) -> int:
        return (len(self._pixmaps) + self.columns - 1) // self.columns

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if not self._pixmaps:
            return 40
        return self._rows() * (self._cell(width) + self._text_height() + self.GAP)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.columns * (self.MAX_CELL + self.GAP)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._claim_height()

    def _claim_height(self) -> None:
        """At least the rows' height at this width, so the surrounding layout makes room for the captions."""
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def _cell_rect(self, i: int) -> QRect:
        cell = self._cell(self.width())
        row, col = divmod(i, self.columns)
        return QRect(col * (cell + self.GAP), row * (cell + self._text_height() + self.GAP), cell,
                     cell + self._text_height())

    # --- painting and tips ---------------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:  # noqa: N802
        if not self._pixmaps:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        metrics = self.fontMetrics()
        line = metrics.height()
        painter.setPen(QColor(theme.MUTED))
        for i, pixmap in enumerate(self._pixmaps):
            rect = self._cell_rect(i)
            cell = rect.width()
            painter.drawPixmap(QRect(rect.x(), rect.y(), cell, cell), pixmap)
            for j, text in enumerate(self._captions[i] if i < len(self._captions) else ()):
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, cell + self.GAP - 1)
                painter.drawText(QRect(rect.x() - self.GAP // 2, rect.y() + cell + j * line, cell + self.GAP, line),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), shown)

    def index_at(self, x: int, y: int) -> int:
        for i in range(len(self._pixmaps)):
            if self._cell_rect(i).contains(x, y):
                return i
        return -1

    def event(self, event: Any) -> bool:
        if event.type() == event.Type.ToolTip:
            i = self.index_at(event.pos().x(), event.pos().y())
            if 0 <= i < len(self._tips):
                QToolTip.showText(event.globalPos(), self._tips[i], self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


def row_labelled_pixmap(grid: np.ndarray, labels: Sequence[str], pad: int = 1, scale: int = 3) -> QPixmap:
    """A tiled uint8 grid (from models.images.tile_grid, `pad` pixels between tiles) with each row's label at its
    left, drawn into the picture so the labels scale with it and stay beside their rows at any size: a
    conditional GAN's grid has one row per class, and without the labels the student has to count rows."""
    h, w = np.shape(grid)
    rows = max(1, len(labels))
    tile = max(1.0, (h - (rows + 1) * pad) / rows)
    image = grey_pixmap(grid, scale)
    font = QFont()
    font.setPixelSize(max(8, int(tile * scale * 0.5)))
    margin = QFontMetrics(font).horizontalAdvance("0" * max(len(t) for t in labels) if labels else "0") \
        + font.pixelSize() // 2
    out = QPixmap(w * scale + margin, h * scale)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawPixmap(margin, 0, image)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    for i, text in enumerate(labels):
        top = int((pad + i * (tile + pad)) * scale)
        painter.drawText(QRect(0, top, margin - font.pixelSize() // 4, int(tile * scale)),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
    painter.end()
    return out
