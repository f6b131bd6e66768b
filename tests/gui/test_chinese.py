"""The window in Simplified Chinese: every panel and lab opened, no English word left in what a person sees
(labels, buttons, menus, tabs, tooltips, table headers, plot titles, axes and legends), beyond the names that stay
in Latin letters (Keras layers, datasets, symbols, units)."""
import html
import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu,
                               QTableWidget, QTabWidget, QTextBrowser, QTreeWidget, QWidget)

from gui import i18n
from gui.app import wait_until
from gui.main_window import MainWindow

# Names that stay in Latin letters: Keras layers and arguments, optimizers, activations, datasets, formats, units,
# products. A word here is allowed anywhere; every other word of three or more Latin letters fails the test.
ALLOWED = set("""
Keras TensorFlow Layerwise Python PySide Qt MNIST Fashion CIFAR GPU CPU CUDA XLA PNG CSV JSON ONNX LiteRT
SavedModel TFLite HTML UTF NaN ReLU relu tanh sigmoid softmax Softmax softplus elu selu gelu swish linear leaky
Adam adam SGD sgd RMSprop rmsprop Adagrad adagrad Nadam nadam AdamW adamw MSE MAE KL IoU CNN RNN LSTM GRU MLP GAN
DCGAN WGAN cGAN VAE CBOW BERT LeNet AlexNet word2vec skip gram Skip Dense Conv Conv2D Conv1D MaxPooling2D
AveragePooling2D GlobalAveragePooling2D GlobalMaxPooling2D MaxPooling1D Flatten Dropout BatchNormalization
LayerNormalization Reshape Embedding SimpleRNN Bidirectional TimeDistributed Input Activation UpSampling2D
Conv2DTranspose LeakyReLU Concatenate Add RepeatVector Hebb Oja Rosenblatt McCulloch Pitts Hinton LeCun Sejnowski
Mikolov Goodfellow Wasserstein Lipschitz Zalando mlxtend gensim
batch same valid filters kernel size units pool strides padding rate activation momentum orthogonal Glorot
Sobel Rosenbrock Himmelblau BatchNorm MCP English JPEG BMP Lite Serving onnxruntime nats logit Logits dropout
log exp max sum else sigma one hot step target predicted output bell food critic loss decoder count PCA
skipgram minimax Projector
cat king man woman queen""".split())  # the last: words of the English corpora, in the word map's examples
ALLOWED |= set("""
Ctrl Shift Enter Return Esc Alt Del Tab
AND NAND XOR NOR MAJORITY NOT
mnist gates xor and nand moons circles spiral chars memory counting reviews corpus images table file
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")


LOWER = {w.lower() for w in ALLOWED}
IDENTIFIER = re.compile(r"[a-z0-9_\-]+")  # a whole item that is a name: mnist-offline, val_loss, adam


def _plain(text: str) -> str:
    text = re.sub(r"<(sub|sup)>.*?</\1>", " ", text)  # n<sub>out</sub>: part of a symbol
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"\{[a-z_0-9]*\}", " ", text)
    text = re.sub(r"(?:[A-Za-z]:)?[/\\][^\s：，）)]+", " ", text)  # paths: a run folder, a file
    text = re.sub(r"\b\w+(?:\.\w+)+\b|\.\w+\b", " ", text)  # keras.saving.load_model, .keras, .json
    text = re.sub(r"'[A-Za-z][^']*'", " ", text)  # quoted examples of the English data: 'not good'
    return re.sub(r"（[A-Za-z][A-Za-z \-]*）", " ", text)  # the English term beside the Chinese one


def _english(text: str) -> list[str]:
    if IDENTIFIER.fullmatch(text.strip()):
        return []
    return [w for w in WORD.findall(_plain(text)) if w.lower() not in LOWER
            and not re.search(r"[\d_]", w)]  # conv2d, x_t, h1: symbols and identifiers


def _texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) for everything a person can read in `root`, but the widgets in `skip` (data: the dataset
    preview's sample sentences are the corpus itself)."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        if text:
            found.append((where, text))

    data = {id(w) for w in skip}
    for w in [root, *root.findChildren(QWidget)]:
        if id(w) in data:
            continue
        name = type(w).__name__
        add(f"{name} tooltip", w.toolTip())
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QLineEdit):
            add(f"{name} placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name} item", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name} tab", w.tabText(i))
        elif isinstance(w, QDockWidget):
            add(name, w.windowTitle())
        elif isinstance(w, QTextBrowser):
            add(name, w.toPlainText())
        elif isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                add(f"{name} header", item.text() if item else "")
        elif isinstance(w, QTreeWidget):
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                add(f"{name} item", item.text(0))
                add(f"{name} item tooltip", item.toolTip(0))
                stack += [item.child(i) for i in range(item.childCount())]
        elif isinstance(w, QMenu):
            for a in w.actions():
                add(f"{name} action", a.text())
                add(f"{name} action tooltip", a.toolTip() if a.toolTip() != a.text().replace("&", "") else "")
        elif isinstance(w, pg.PlotWidget):
            item = w.getPlotItem()
            add("plot title", item.titleLabel.text)
            for axis in ("left", "bottom", "right", "top"):
                ax = item.getAxis(axis)
                if ax.isVisible():
                    add("plot axis", ax.labelText)
            if item.legend is not None:
                for _sample, label in item.legend.items:
                    add("plot legend", label.text)
    return found


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN", "resources/i18n/layerwise_zh_CN.qm is missing"
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("preset", ["cnn", "gan", "lstm", "vae", "skipgram", "mlp"])
def test_no_english_left_in_the_window(qtbot, tmp_path, chinese, preset):
    from PySide6.QtCore import QSettings
    from models.spec.presets import get_preset

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, preset=preset, experiment=get_preset(preset).make())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_until(lambda: not window.validation_pending and window.training.preview.kind != "", 60)
    if preset == "cnn":
        for cls in window.host.lab_classes:
            window.open_lab_titled(cls.title)
        wait_until(lambda: False, 0.5)
    leftovers = [(where, text, _english(text)) for where, text in _texts(window, (window.training.preview.text,))
                 if _english(text)]
    for menu in window.menuBar().findChildren(QMenu):
        leftovers += [("menu", a.text(), _english(a.text())) for a in menu.actions() if _english(a.text())]
    report = "\n".join(f"{where}: {words} in {text[:120]!r}" for where, text, words in leftovers)
    assert not leftovers, f"{len(leftovers)} texts still in English:\n{report}"
    window.close_without_asking()


def test_the_translation_is_complete_and_compiled():
    """Every message of the .ts is translated, and the committed .qm is the one lrelease makes from it."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = i18n.I18N_DIR / "layerwise_zh_CN.ts"
    unfinished = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert not unfinished, unfinished[:10]
    out = Path(QCoreApplication.applicationDirPath()).parent  # noqa: F841 - keeps the app alive for lrelease
    fresh = i18n.translation_file("zh_CN").with_suffix(".check.qm")
    try:
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), str(ts), "-qm", str(fresh)],
                       check=True, capture_output=True)
        assert fresh.read_bytes() == i18n.translation_file("zh_CN").read_bytes(), \
            "layerwise_zh_CN.qm is older than the .ts: run python -m gui.i18n"
    finally:
        fresh.unlink(missing_ok=True)
