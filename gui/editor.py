"""The network drawn as a vertical stack of blocks, input at the top; arrows carry the tensor shape."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPainterPath,
                           QPen, QPolygonF)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsTextItem, QGraphicsView,
                               QStyleOptionGraphicsItem, QWidget)

from models.spec.build import BuildError, LayerRow, ShapeReport, format_shape
from models.spec.catalog import CATALOG, summary_text
from models.spec.experiment import LayerSpec

from . import theme
from .i18n import model_text

LAYER_MIME = "application/x-layerwise-layer"

BLOCK_W = 380.0
BLOCK_H = 58.0
GAP = 40.0
LEFT = 20.0
TOP = 20.0


def _shape_text(shape: tuple[int | None, ...] | None) -> str:
    return format_shape(shape) if shape is not None else ""


class Block(QGraphicsObject):
    """One layer (or the input). index -1 is the input block."""

    def __init__(self, index: int, title: str, detail: str, category: str, shape: str, params: int | None,
                 error: str = "") -> None:
        super().__init__()
        self._content: tuple[Any, ...] = ()
        self.selected = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setAcceptHoverEvents(True)
        self.set_content(index, title, detail, category, shape, params, error)

    def set_content(self, index: int, title: str, detail: str, category: str, shape: str, params: int | None,
                    error: str = "") -> None:
        """Blocks are reused across edits; only a block whose text changed is repainted."""
        content = (index, title, detail, category, shape, params, error)
        if content == self._content:
            return
        if not self._content or self._content[0] != index:
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
        self._content = content
        self.index, self.title, self.detail, self.category, self.shape_label, self.params, self.error = content
        tip = (model_text(CATALOG[title].help) if title in CATALOG
               else self.tr("The input: one example's shape, set by the dataset."))
        if error:
            tip = self.tr("<b>Problem:</b> {error}<br><br>{tip}").format(error=error, tip=tip)
        self.setToolTip(f"<b>{title}</b><br>{tip}")
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-2, -2, BLOCK_W + 4, BLOCK_H + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, BLOCK_W, BLOCK_H)
        border = QColor(theme.ERROR if self.error else theme.SELECTED if self.selected else theme.BLOCK_BORDER)
        painter.setPen(QPen(border, 2.4 if (self.selected or self.error) else 1.2))
        painter.setBrush(QBrush(QColor(theme.ERROR_BG if self.error else theme.BLOCK_BG)))
        painter.drawRoundedRect(rect, 7, 7)
        strip = QPainterPath()
        strip.addRoundedRect(QRectF(0, 0, 8, BLOCK_H), 4, 4)
        painter.fillPath(strip, QColor(theme.CATEGORY_COLOURS.get(self.category, theme.MUTED)))
        title_font = QFont(painter.font())
        title_font.setPointSizeF(10.5)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#1d2430"))
        painter.drawText(QRectF(18, 6, 190, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title)
        small = QFont(painter.font())
        small.setPointSizeF(9)
        small.setBold(False)
        painter.setFont(small)
        painter.setPen(QColor(theme.MUTED))
        detail_w = BLOCK_W - 26 - (110 if self.params is not None else 0)
        painter.drawText(QRectF(18, 30, detail_w, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(self.detail, Qt.TextElideMode.ElideRight, int(detail_w)))
        right = QRectF(BLOCK_W - 150, 6, 140, 22)
        painter.setPen(QColor("#1d2430"))
        painter.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.shape_label)
        if self.params is not None:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QRectF(BLOCK_W - 110, 30, 100, 22),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("{n} params").format(n=f"{self.params:,}"))


class Arrow(QGraphicsItem):
    def __init__(self, y0: float, y1: float, label: str) -> None:
        super().__init__()
        self.y0, self.y1, self.label = y0, y1, label

    def set_label(self, label: str) -> None:
        if label != self.label:
            self.label = label
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(LEFT + BLOCK_W / 2 - 10, self.y0, 200, self.y1 - self.y0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        x = LEFT + BLOCK_W / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8a94a6"), 1.6))
        painter.drawLine(QPointF(x, self.y0 + 2), QPointF(x, self.y1 - 7))
        painter.setBrush(QColor("#8a94a6"))
        painter.drawPolygon(QPolygonF([QPointF(x - 5, self.y1 - 9), QPointF(x + 5, self.y1 - 9),
                                       QPointF(x, self.y1 - 1)]))
        if self.label:
            font = QFont(painter.font())
            font.setPointSizeF(8.5)
            painter.setFont(font)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QRectF(x + 10, self.y0, 190, self.y1 - self.y0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.label)


class NetworkEditor(QGraphicsView):
    """Shows one network; asks the window to edit through signals (the document does the edits)."""

    block_clicked = Signal(str, int)  # role, index (-1 input)
    delete_requested = Signal(str, int)
    duplicate_requested = Signal(str, int)
    move_requested = Signal(str, int, int)  # role, from, to
    insert_requested = Signal(str, int, str)  # role, index, layer type (dropped from the palette)

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QColor(theme.CANVAS_BG))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.blocks: list[Block] = []
        self.arrows: list[Arrow] = []
        self._notes: list[QGraphicsTextItem] = []  # the reason beside a red block
        self.layers: list[LayerSpec] = []
        self.input_shape: tuple[int, ...] = ()
        self.report: ShapeReport | None = None
        self.selected_index: int | None = None
        self.locked = False
        self._press: tuple[int, QPointF] | None = None
        self._drag_target: int | None = None
        self._drop_line: Any = None
        self.setToolTip("")

    # --- content ----------------------------------------------------------------------------------------
    def set_network(self, input_shape: tuple[int, ...], layers: list[LayerSpec], report: ShapeReport | None,
                    selected: int | None) -> None:
        self.input_shape = tuple(input_shape)
        self.layers = list(layers)
        self.report = report
        self.selected_index = selected
        self._rebuild()

    def set_report(self, report: ShapeReport | None) -> None:
        self.report = report
        self._rebuild()

    def set_selected(self, index: int | None) -> None:
        self.selected_index = index
        for block in self.blocks:
            block.set_selected(block.index == index)
        if index is not None:
            for block in self.blocks:
                if block.index == index:
                    self.ensureVisible(block, 10, 30)

    @property
    def error(self) -> BuildError | None:
        return self.report.error if self.report else None

    def _rows(self) -> dict[int, LayerRow]:
        return {r.index: r for r in self.report.rows} if self.report else {}

    def _rebuild(self) -> None:
        """Bring the scene up to date, reusing the items already there: an edit changes a block or two, and
        rebuilding and repainting all of them made every edit of a deep network visibly slower."""
        scene = self.scene()
        rows = self._rows()
        error = self.error
        in_shape = (None, *self.input_shape)
        dims = "×".join(map(str, self.input_shape))
        entries = [(-1, self.tr("Input"), self.tr("shape {dims}").format(dims=dims), "Input", in_shape, None)]
        for i, layer in enumerate(self.layers):
            row = rows.get(i)
            ltype = CATALOG.get(layer.type)
            detail = summary_text(layer.type, layer.params) or (model_text(ltype.category) if ltype else "")
            entries.append((i, layer.type, detail,
                            ltype.category if ltype else "", row.output_shape if row else None,
                            row.params if row else None))
        for note in self._notes:
            scene.removeItem(note)
        self._notes = []
        while len(self.blocks) > len(entries):
            scene.removeItem(self.blocks.pop())
        while len(self.arrows) > len(entries) - 1:
            scene.removeItem(self.arrows.pop())
        y = TOP
        prev_shape: tuple[int | None, ...] | None = None
        for k, (index, title, detail, category, shape, params) in enumerate(entries):
            if k > 0:
                if k - 1 < len(self.arrows):
                    self.arrows[k - 1].set_label(_shape_text(prev_shape))
                else:
                    arrow = Arrow(y - GAP, y, _shape_text(prev_shape))
                    scene.addItem(arrow)
                    self.arrows.append(arrow)
            err = error.reason if error is not None and error.index == index else ""
            if k < len(self.blocks):
                block = self.blocks[k]
                block.set_content(index, title, detail, category, _shape_text(shape), params, err)
            else:
                block = Block(index, title, detail, category, _shape_text(shape), params, err)
                block.setPos(LEFT, y)
                scene.addItem(block)
                self.blocks.append(block)
            block.set_selected(index == self.selected_index)
            if err:
                text = QGraphicsTextItem()
                text.setTextWidth(280)
                text.setDefaultTextColor(QColor(theme.ERROR))
                text.setPlainText("⚠ " + err)
                text.setPos(LEFT + BLOCK_W + 16, y - 2)
                scene.addItem(text)
                self._notes.append(text)
            prev_shape = shape
            y += BLOCK_H + GAP
        height = y - GAP + TOP
        scene.setSceneRect(QRectF(0, 0, LEFT + BLOCK_W + 320, max(height, 200)))

    # --- hit testing ------------------------------------------------------------------------------------
    def index_at(self, pos: QPointF) -> int | None:
        for block in self.blocks:
            if block.sceneBoundingRect().contains(pos):
                return block.index
        return None

    def insertion_index_at(self, pos: QPointF) -> int:
        """Where a dropped layer goes: after the block whose middle is above the pointer."""
        index = 0
        for block in self.blocks:
            if block.index >= 0 and block.sceneBoundingRect().center().y() < pos.y():
                index = block.index + 1
        return index

    def block_rect(self, index: int) -> QRectF:
        for block in self.blocks:
            if block.index == index:
                return block.sceneBoundingRect()
        return QRectF()

    # --- mouse and keyboard -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = self.mapToScene(event.position().toPoint())
        index = self.index_at(pos)
        self.setFocus()
        if index is not None:
            self.block_clicked.emit(self.role, index)
            if index >= 0 and not self.locked and event.button() == Qt.MouseButton.LeftButton:
                self._press = (index, pos)
        else:
            self.block_clicked.emit(self.role, -2)  # background: clear selection
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None:
            pos = self.mapToScene(event.position().toPoint())
            if abs(pos.y() - self._press[1].y()) > 12:
                target = self.insertion_index_at(pos)
                self._show_drop_line(target)
                self._drag_target = target
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and self._drag_target is not None:
            src = self._press[0]
            dst = self._drag_target if self._drag_target <= src else self._drag_target - 1
            dst = max(0, min(dst, len(self.layers) - 1))
            if dst != src:
                self.move_requested.emit(self.role, src, dst)
        self._press = None
        self._drag_target = None
        self._hide_drop_line()
        super().mouseReleaseEvent(event)

    def _show_drop_line(self, target: int) -> None:
        y = TOP + (target + 1) * (BLOCK_H + GAP) - GAP / 2
        if self._drop_line is None:
            self._drop_line = self.scene().addLine(LEFT - 8, y, LEFT + BLOCK_W + 8, y, QPen(QColor(theme.ACCENT), 3))
        else:
            self._drop_line.setLine(LEFT - 8, y, LEFT + BLOCK_W + 8, y)

    def _hide_drop_line(self) -> None:
        if self._drop_line is not None:
            self.scene().removeItem(self._drop_line)
            self._drop_line = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        idx = self.selected_index
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            step = -1 if key == Qt.Key.Key_Up else 1
            new = (idx if idx is not None else -1) + step
            if -1 <= new < len(self.layers):
                self.block_clicked.emit(self.role, new)
            return
        if idx is None or idx < 0 or self.locked:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(self.role, idx)
        elif alt and key == Qt.Key.Key_Up and idx > 0:
            self.move_requested.emit(self.role, idx, idx - 1)
        elif alt and key == Qt.Key.Key_Down and idx < len(self.layers) - 1:
            self.move_requested.emit(self.role, idx, idx + 1)
        elif event.matches(QKeySequence.StandardKey.Copy) or (
                key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.duplicate_requested.emit(self.role, idx)
        else:
            super().keyPressEvent(event)

    # --- drops from the palette ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME) and not self.locked:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME) and not self.locked:
            self._show_drop_line(self.insertion_index_at(self.mapToScene(event.position().toPoint())))
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self._hide_drop_line()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        self._hide_drop_line()
        if not event.mimeData().hasFormat(LAYER_MIME):
            return
        type_name = bytes(event.mimeData().data(LAYER_MIME)).decode()
        index = self.insertion_index_at(self.mapToScene(event.position().toPoint()))
        self.insert_requested.emit(self.role, index, type_name)
        event.acceptProposedAction()
