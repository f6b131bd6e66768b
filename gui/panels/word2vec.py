"""word2vec's live view: the 2-D word map, a neighbours/analogy query box, the word2vec settings, export.

The map and the query answers come from the `embedding_map` probe payload (see
models.families.word2vec.probes.EmbeddingMapProbe): coordinates are computed on the training thread, and the
query box runs numpy on the payload's vectors, so nothing here waits for the worker.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)

from models.families.word2vec.options import FAMILY
from models.families.word2vec.vectors import EmbeddingError, answer_query, parse_query
from models.spec.experiment import Experiment

from gui import theme
from gui.label_placement import place_labels
from gui.options_form import OptionsForm
from gui.panels.base import Panel, PanelContext

# Ten well-separated colours for word groups (the grouped corpus has nine); other words are grey.
GROUP_COLOURS = ["#2f6fde", "#e07b1a", "#2e9d5b", "#d64545", "#a23cc9", "#8a6d3b", "#d45fb0", "#138d90",
                 "#b5a216", "#5a6bd8"]
OTHER_COLOUR = "#8d96a3"


class WordMapPanel(Panel):
    """Where the word vectors can be seen organising, and asked questions."""

    title = QT_TRANSLATE_NOOP("Panels", "Word map")
    area = "bottom"
    latest_probe_only = True

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self._vectors: np.ndarray | None = None
        self._vocab: list[str] = []
        self._words: list[str] = []
        self._coords = np.zeros((0, 2))
        self._labels: list[pg.TextItem] = []
        self._trained = False
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(7.0, self._label_font.pointSizeF() - 1.5))

        # --- the map ---
        self.info = QLabel(self.tr("Train a cbow or skipgram network to see its word vectors here."))
        self.info.setObjectName("muted")
        self.info.setWordWrap(True)
        self.info.setToolTip(self.tr("Share of grouped words whose nearest neighbour (highest cosine similarity "
                                     "among all words) belongs to the same group. It rises as the vectors "
                                     "organise."))
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.plot.setLabel("bottom", self.tr("principal direction 1"))
        self.plot.setLabel("left", self.tr("principal direction 2"))
        self.plot.setToolTip(self.tr("Each point is a word. PCA flattens the vectors onto the two directions along "
                                     "which they differ most, so words close here have similar vectors. Words used "
                                     "in the same contexts drift together as training goes on."))
        # Every point names its word on hover; labels go only where they cover no other (see _place_labels).
        self.scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w", width=0.5), hoverable=True,
                                          tip=lambda x, y, data: str(data),
                                          hoverPen=pg.mkPen(theme.ACCENT, width=2))
        self.highlight = pg.ScatterPlotItem(size=17, brush=None, pen=pg.mkPen(theme.ACCENT, width=2))
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.highlight)
        self._order: list[int] = []  # the words by frequency, most frequent first: the first to get a label
        self.plot.getViewBox().sigRangeChanged.connect(lambda *_: self._place_labels())
        self.plot.getViewBox().sigResized.connect(lambda *_: self._place_labels())
        self.legend = QLabel("")
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.legend.setToolTip(self.tr("Word groups the corpus was written with: a good map keeps each colour "
                                       "together."))
        plot_row = QHBoxLayout()
        plot_row.setSpacing(theme.SPACING)
        plot_row.addWidget(self.plot, 1)
        plot_row.addWidget(self.legend)
        map_box = QVBoxLayout()
        map_box.setSpacing(4)
        map_box.addWidget(self.info)
        map_box.addLayout(plot_row, 1)

        # --- the query box ---
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("cat   or   king - man + woman"))
        self.query.setClearButtonEnabled(True)
        self.query.setToolTip(self.tr("One word: its nearest neighbours by cosine similarity (the cosine of the "
                                      "angle between two vectors, 1 = same direction).\n'a - b + c': the words "
                                      "closest to the vector a - b + c, read 'c is to ? as b is to a' (king - man + "
                                      "woman ≈ queen on a big corpus)."))
        self.results = QListWidget()
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.results.setFont(mono)
        self.results.setToolTip(self.tr("Best matches first, with their cosine similarity to the query vector. "
                                        "Answers update live while the network trains."))
        self.query_note = QLabel("")
        self.query_note.setObjectName("muted")
        self.query_note.setWordWrap(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_query)
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self.run_query)
        query_box = QVBoxLayout()
        query_box.setContentsMargins(6, 6, 6, 6)
        query_box.setSpacing(4)
        query_box.addWidget(self.query)
        query_box.addWidget(self.results, 1)
        query_box.addWidget(self.query_note)

        # --- settings and export ---
        self.options = OptionsForm((FAMILY,), ("mode", "window", "negatives", "subsample"),
                                   {"mode": self.tr("Model"), "window": self.tr("Window"),
                                    "negatives": self.tr("Negatives"), "subsample": self.tr("Subsample")})
        self.options.changed.connect(self._set_option)
        self.mode, self.window_size = self.options.editors["mode"], self.options.editors["window"]
        self.negatives, self.subsample = self.options.editors["negatives"], self.options.editors["subsample"]
        size_note = QLabel(self.tr("Vector length: the Embedding block's output dim."))
        size_note.setObjectName("muted")
        size_note.setWordWrap(True)
        size_note.setToolTip(self.tr("Select the Embedding block in the editor to change it. Its input dim is "
                                     "replaced by the corpus' vocabulary size when training starts."))
        self.export_button = QPushButton(self.tr("Export for Projector…"))
        self.export_button.setEnabled(False)
        self.export_button.setToolTip(self.tr("Write vectors.tsv and metadata.tsv (word, count, group) into a "
                                              "folder; load both at projector.tensorflow.org to explore the vectors "
                                              "in 3-D."))
        self.export_button.clicked.connect(self._export_dialog)
        settings_box = QVBoxLayout()
        settings_box.setContentsMargins(6, 6, 6, 6)
        settings_box.setSpacing(4)
        settings_box.addWidget(self.options)
        settings_box.addWidget(size_note)
        settings_box.addStretch(1)
        settings_box.addWidget(self.export_button)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN // 2, theme.MARGIN, theme.MARGIN // 2)
        layout.setSpacing(theme.SPACING * 2)
        layout.addLayout(map_box, 1)
        query_widget = QWidget()
        query_widget.setLayout(query_box)
        settings_widget = QWidget()
        settings_widget.setLayout(settings_box)
        self.side = QTabWidget()
        self.side.addTab(query_widget, self.tr("Ask the vectors"))
        self.side.addTab(settings_widget, self.tr("word2vec settings"))
        self.side.setFixedWidth(270)
        layout.addWidget(self.side)
        self._show_query_note()

    # --- window hooks ------------------------------------------------------------------------------------
    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return experiment.family == FAMILY

    def on_experiment_changed(self, experiment: Experiment) -> None:
        if experiment.family != FAMILY:
            return
        self.options.show_options(FAMILY, experiment.options)

    def on_run_started(self, event: Any) -> None:
        self._trained = False
        self.export_button.setEnabled(False)
        if getattr(event, "family", "") == "word2vec":
            self.info.setText(self.tr("Waiting for the first map …"))

    def on_probe(self, event: Any) -> None:
        if event.name == "embedding_map":
            self.show_map(event.payload)

    def on_run_ended(self, result: Any) -> None:
        self._trained = result.status in ("finished", "stopped") and self._vectors is not None
        self.export_button.setEnabled(self._trained)

    # --- drawing -----------------------------------------------------------------------------------------
    def show_map(self, payload: dict[str, Any]) -> None:
        """Draw one `embedding_map` payload and refresh the query answers from its vectors."""
        coords = np.asarray(payload["coords"], dtype=float)
        words = list(payload["words"])
        groups = list(payload["groups"])
        names = list(payload.get("group_names", []))
        colour_of = {g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(names)}
        colours = [colour_of.get(g, OTHER_COLOUR) for g in groups]
        brushes = [pg.mkBrush(c) for c in colours]
        self.scatter.setData(pos=coords, brush=brushes, data=words)
        while len(self._labels) < len(words):
            label = pg.TextItem(anchor=(0.5, 0.5))
            label.setFont(self._label_font)
            self.plot.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i < len(words):
                label.setText(words[i], color=pg.mkColor(colours[i]).darker(130) if groups[i] else OTHER_COLOUR)
            else:
                label.hide()
        counts = np.asarray(payload.get("counts", np.zeros(len(words))), dtype=float)
        if counts.shape != (len(words),):
            counts = np.zeros(len(words))
        self._order = [int(i) for i in np.argsort(-counts, kind="stable")]
        self._words, self._coords = words, coords
        self._place_labels()
        explained = np.asarray(payload.get("explained", [0, 0]), dtype=float)
        self.plot.setLabel("bottom", self.tr("principal direction 1 ({share:.0%} of the variance)").format(
            share=explained[0]))
        self.plot.setLabel("left", self.tr("direction 2 ({share:.0%})").format(share=explained[1]))
        share = float(payload.get("group_share", math.nan))
        text = self.tr("{n} words, PCA of their vectors.").format(n=len(words))
        if math.isfinite(share):
            text += " " + self.tr("Nearest neighbour in the word's own group: <b>{share:.0%}</b> (chance: under "
                                  "10%).").format(share=share)
        self.info.setText(text)
        rows = [f"<span style='color:{colour_of[g]}'>●</span> {g}" for g in names]
        self.legend.setText("<br>".join(rows + [f"<span style='color:{OTHER_COLOUR}'>●</span> "
                                                + self.tr("other words")]) if rows else "")
        self._vectors = np.asarray(payload["vectors"])
        self._vocab = list(payload["vocab"])
        if self.query.text().strip():
            self.run_query()
        else:
            self._show_query_note()

    def _place_labels(self) -> None:
        """Labels where they cover no other label, the most frequent words first, at the current zoom."""
        n = len(self._words)
        if n == 0:
            return
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        box = vb.sceneBoundingRect()
        if box.width() <= 1 or box.height() <= 1 or x1 <= x0 or y1 <= y0:
            return
        sx, sy = box.width() / (x1 - x0), box.height() / (y1 - y0)
        pixels = np.column_stack([(self._coords[:, 0] - x0) * sx, (y1 - self._coords[:, 1]) * sy])
        sizes = [(label.boundingRect().width(), label.boundingRect().height()) for label in self._labels[:n]]
        spots = place_labels(pixels, sizes, self._order, (0.0, 0.0, box.width(), box.height()))
        for label, spot in zip(self._labels, spots):
            if spot is None:
                label.hide()
            else:
                label.setPos(x0 + spot[0] / sx, y1 - spot[1] / sy)
                label.show()

    def labelled_words(self) -> list[str]:
        return [w for w, label in zip(self._words, self._labels) if label.isVisible()]

    def run_query(self) -> None:
        """Answer the query box from the latest vectors (numpy on the GUI thread: at most 5,000 words)."""
        text = self.query.text()
        self.results.clear()
        self.highlight.setData(pos=np.zeros((0, 2)))
        if not text.strip():
            self._show_query_note()
            return
        if self._vectors is None:
            self.query_note.setText(self.tr("No vectors yet: start training, the answers follow it live."))
            return
        try:
            kind, words = parse_query(text)
            answers = answer_query(self._vectors, self._vocab, text, k=8)
        except EmbeddingError as exc:
            self.query_note.setText(f"<span style='color:{theme.ERROR}'>{exc}</span>")
            return
        for word, sim in answers:
            self.results.addItem(f"{word:<14} {sim:+.2f}")
        if kind == "analogy":
            self.query_note.setText(self.tr("{c} is to … as {b} is to {a}: nearest to {a} − {b} + {c}.").format(
                a=words[0], b=words[1], c=words[2]))
        else:
            self.query_note.setText(self.tr("Nearest to '{word}' by cosine similarity.").format(word=words[0]))
        marked = [w for w in words + [a for a, _ in answers[:3]] if w in self._words]
        if marked:
            idx = [self._words.index(w) for w in marked]
            self.highlight.setData(pos=self._coords[idx])

    def _show_query_note(self) -> None:
        size = (" " + self.tr("Searches the {n:,} most frequent words.").format(n=len(self._vocab))
                if self._vocab else "")
        self.query_note.setText(self.tr("Type a word for its neighbours, or 'a - b + c' for an analogy.") + size)

    # --- settings and export -------------------------------------------------------------------------------
    def _set_option(self, name: str, value: Any) -> None:
        """The settings are part of the project: an edit is undoable and used by the next run."""
        exp = self.ctx.experiment()
        if exp.family != FAMILY or exp.options.get(name) == value:
            return
        exp.options[name] = value
        self.ctx.load_experiment(exp, self.tr("Set word2vec {name} to {value}").format(name=name, value=value))

    def _export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, self.tr("Folder for vectors.tsv and metadata.tsv"))
        if directory:
            self.export_to(directory)

    def export_to(self, directory: str) -> None:
        """Write the Projector files of the last run into `directory` (on the worker; status when done)."""
        from models.families.word2vec.projector import export_model_embeddings

        self.ctx.with_trained_model(lambda model: export_model_embeddings(model, directory),
                                    lambda written: self.ctx.status(self.tr("Wrote {path}").format(path=written)),
                                    which="train")


PANELS = [WordMapPanel]
