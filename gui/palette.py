"""Left panel: architecture presets by family, then the layer catalog by category."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from models.spec.catalog import CATALOG, CATEGORIES
from models.spec.presets import GROUPS, all_presets

from . import theme
from .i18n import model_text
from .editor import LAYER_MIME

# What each layer is called in the course's words, beside its Keras name (which stays in Latin letters)
LAYER_TERMS: dict[str, str] = {
    "Dense": QT_TRANSLATE_NOOP("LayerTerms", "fully connected layer"),
    "Activation": QT_TRANSLATE_NOOP("LayerTerms", "activation function"),
    "LeakyReLU": QT_TRANSLATE_NOOP("LayerTerms", "leaky rectified linear unit"),
    "Flatten": QT_TRANSLATE_NOOP("LayerTerms", "flattening layer"),
    "Reshape": QT_TRANSLATE_NOOP("LayerTerms", "reshaping layer"),
    "Conv2D": QT_TRANSLATE_NOOP("LayerTerms", "convolutional layer"),
    "Conv2DTranspose": QT_TRANSLATE_NOOP("LayerTerms", "transposed convolution"),
    "UpSampling2D": QT_TRANSLATE_NOOP("LayerTerms", "upsampling layer"),
    "MaxPooling2D": QT_TRANSLATE_NOOP("LayerTerms", "max pooling"),
    "AveragePooling2D": QT_TRANSLATE_NOOP("LayerTerms", "average pooling"),
    "GlobalAveragePooling2D": QT_TRANSLATE_NOOP("LayerTerms", "global average pooling"),
    "GlobalMaxPooling2D": QT_TRANSLATE_NOOP("LayerTerms", "global max pooling"),
    "Dropout": QT_TRANSLATE_NOOP("LayerTerms", "dropout (regularisation)"),
    "BatchNormalization": QT_TRANSLATE_NOOP("LayerTerms", "batch normalisation"),
    "Embedding": QT_TRANSLATE_NOOP("LayerTerms", "embedding layer (word vectors)"),
    "SimpleRNN": QT_TRANSLATE_NOOP("LayerTerms", "recurrent neural network"),
    "LSTM": QT_TRANSLATE_NOOP("LayerTerms", "long short-term memory network"),
    "GRU": QT_TRANSLATE_NOOP("LayerTerms", "gated recurrent unit"),
}

ROLE_KIND = Qt.ItemDataRole.UserRole
ROLE_NAME = Qt.ItemDataRole.UserRole + 1


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


class _Tree(QTreeWidget):
    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None or item.data(0, ROLE_KIND) != "layer":
            return
        mime = QMimeData()
        mime.setData(LAYER_MIME, item.data(0, ROLE_NAME).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)


class Palette(QWidget):
    preset_chosen = Signal(str)
    layer_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = _Tree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setMouseTracking(True)
        self.tree.setIndentation(14)
        self.explain = QTextBrowser()
        self.explain.setOpenExternalLinks(False)
        self.explain.setMinimumHeight(90)
        heading = QLabel(self.tr("Click a preset to load it; click or drag a layer to add it after the selected "
                                 "block."))
        heading.setObjectName("muted")
        heading.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.explain)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN, theme.MARGIN, theme.MARGIN)
        layout.setSpacing(theme.SPACING)
        layout.addWidget(heading)
        layout.addWidget(split)
        self.items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.populate()
        self.explain.setHtml(self.tr("<b>Palette</b><br>Architectures are ready-made networks with their data and "
                                     "settings; layers are the building blocks. Hover or select one to read what "
                                     "it does."))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._describe(cur))
        self.tree.itemEntered.connect(self._describe)

    def populate(self) -> None:
        self.tree.clear()
        self.items.clear()
        presets_root = QTreeWidgetItem([self.tr("Architectures")])
        layers_root = QTreeWidgetItem([self.tr("Layers")])
        for root in (presets_root, layers_root):
            font = root.font(0)
            font.setBold(True)
            root.setFont(0, font)
            root.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(root)
        by_group: dict[str, list] = {}
        for preset in all_presets():
            by_group.setdefault(preset.group, []).append(preset)
        for group in GROUPS:
            if group not in by_group:
                continue
            gitem = QTreeWidgetItem(presets_root, [model_text(group)])
            gitem.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for preset in by_group[group]:
                title = model_text(preset.title)
                item = QTreeWidgetItem(gitem, [title])
                item.setData(0, ROLE_KIND, "preset")
                item.setData(0, ROLE_NAME, preset.name)
                item.setToolTip(0, f"<b>{title}</b><br>{model_text(preset.explanation)}")
                self.items[("preset", preset.name)] = item
        for category in CATEGORIES:
            citem = QTreeWidgetItem(layers_root, [model_text(category)])
            citem.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for ltype in CATALOG.values():
                if ltype.category != category:
                    continue
                item = QTreeWidgetItem(citem, [ltype.name])
                item.setIcon(0, _swatch(theme.CATEGORY_COLOURS.get(category, theme.MUTED)))
                item.setData(0, ROLE_KIND, "layer")
                item.setData(0, ROLE_NAME, ltype.name)
                term = LAYER_TERMS.get(ltype.name)
                named = f"<b>{ltype.name}</b>" + (f" ({QCoreApplication.translate('LayerTerms', term)})"
                                                  if term else "")
                item.setToolTip(0, f"{named}<br>{model_text(ltype.help)}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                self.items[("layer", ltype.name)] = item
        self.tree.expandAll()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the longest name (\"Shallow learning (hand-made features)\" was cut to \"(han...\")."""
        metrics = self.tree.fontMetrics()
        widest = 0
        for item in self.items.values():
            depth, parent = 0, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            icon = 22 if not item.icon(0).isNull() else 0
            widest = max(widest, metrics.horizontalAdvance(item.text(0)) + (depth + 1) * self.tree.indentation() + icon)
        scroll_bar = self.tree.verticalScrollBar().sizeHint().width()
        return QSize(widest + scroll_bar + 2 * theme.MARGIN + 16, super().sizeHint().height())

    def _describe(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, ROLE_KIND) is None:
            return
        self.explain.setHtml(item.toolTip(0))

    def _clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        kind = item.data(0, ROLE_KIND)
        self._describe(item)
        if kind == "preset":
            self.preset_chosen.emit(item.data(0, ROLE_NAME))
        elif kind == "layer":
            self.layer_chosen.emit(item.data(0, ROLE_NAME))

    def set_layers_enabled(self, enabled: bool) -> None:
        """While training, the network is frozen: layers and presets cannot be applied."""
        self.tree.setEnabled(enabled)
        self.tree.setToolTip("" if enabled else self.tr("Stop training (or let it finish) to change the network."))
