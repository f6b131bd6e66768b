"""Inside a recurrent network: type a sequence and see the prediction, the hidden state over time, the LSTM/GRU
gates, the gradients through time, text generation (chars), and a side-by-side RNN / LSTM / GRU comparison.

Live views come from the recurrent family's probes (HiddenStateProbe, GradientThroughTimeProbe), computed on
the training thread; after training, predictions and generation run on the worker with the trained model
(`ctx.with_trained_model`). The comparison trains rnn, lstm and gru as one series of runs through the window's
run controls (ctx.start_runs); its events, named after each preset, fill a ComparisonTable.
"""
from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton,
                               QSlider, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from models.data import is_text_dataset
from models.engine.events import Failed, Finished, Started
from models.families.recurrent.comparison import COMPARED, ComparisonTable, comparison_runs, memory_n
from models.families.recurrent.presets import RECURRENT_PRESETS
from models.spec.experiment import Experiment

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext

KIND_COLOURS = {"SimpleRNN": theme.SERIES[0], "LSTM": theme.SERIES[1], "GRU": theme.SERIES[2]}
# English here, translated where shown (context "SequencePanel", the one the panel's self.tr uses).
GATE_HELP = {
    "input": QT_TRANSLATE_NOOP("SequencePanel", "Input gate i_t: how much of the new candidate is written into the "
                               "memory cell (1 = write all)."),
    "forget": QT_TRANSLATE_NOOP("SequencePanel", "Forget gate f_t: how much of the memory cell is kept from the "
                                "previous step (1 = keep all). A unit that holds the first token of memory-N keeps "
                                "this near 1 for the whole sequence."),
    "output": QT_TRANSLATE_NOOP("SequencePanel", "Output gate o_t: how much of the (squashed) memory cell is shown "
                                "as the hidden state h_t."),
    "cell": QT_TRANSLATE_NOOP("SequencePanel", "The memory cell c_t = f_t * c_(t-1) + i_t * g_t. It is not "
                              "squashed, so it can grow beyond ±1."),
    "update": QT_TRANSLATE_NOOP("SequencePanel", "Update gate z_t (Keras' convention): h_t = z_t * h_(t-1) + "
                                "(1 - z_t) * candidate, so near 1 the unit keeps its old state and near 0 it takes "
                                "the new candidate."),
    "reset": QT_TRANSLATE_NOOP("SequencePanel", "Reset gate r_t: how much of the old state the candidate may look "
                               "at (0 = start afresh)."),
}
# The gate heatmaps' titles (the payload's keys, shown translated).
GATE_TITLES = {
    "input": QT_TRANSLATE_NOOP("SequencePanel", "input"),
    "forget": QT_TRANSLATE_NOOP("SequencePanel", "forget"),
    "output": QT_TRANSLATE_NOOP("SequencePanel", "output"),
    "update": QT_TRANSLATE_NOOP("SequencePanel", "update"),
    "reset": QT_TRANSLATE_NOOP("SequencePanel", "reset"),
}
GRADIENT_HELP = QT_TRANSLATE_NOOP(
    "SequencePanel", "‖∂loss/∂x_t‖ is the size of the gradient of the loss with respect to the input vector at "
    "step t (the Embedding output), averaged over a fixed batch, on a log axis. Backpropagation "
    "through time multiplies it by one Jacobian per step between t and the end, so it shrinks "
    "geometrically when those factors are below 1. Refreshed during training; the last curve of "
    "each earlier run stays (dashed): train rnn, lstm and gru on the same task to compare them.")
TAGS_PER_ROW = 4  # tagged words per line under the text box
MAX_TICKS = 40  # token labels under the heatmap; longer sequences get every k-th step


def _shown(text: str) -> str:
    """One of the module's marked strings above, in the window's language."""
    return QCoreApplication.translate("SequencePanel", text) if text else text


def recurrent_kind(experiment: Experiment) -> str:
    """'SimpleRNN', 'LSTM' or 'GRU' of the first recurrent layer of the main network, '' when there is none."""
    net = experiment.networks.get("main")
    for layer in (net.layers if net else []):
        if layer.type in ("SimpleRNN", "LSTM", "GRU"):
            return layer.type
    return ""


def applies(experiment: Experiment) -> bool:
    return (experiment.family == "supervised" and bool(recurrent_kind(experiment))
            and is_text_dataset(experiment.dataset))


def diverging_cmap() -> pg.ColorMap:
    """Negative blue, zero white, positive orange: the sign of a hidden unit at a glance."""
    return pg.ColorMap([0.0, 0.5, 1.0], [pg.mkColor(lw.BLUE), pg.mkColor("#ffffff"), pg.mkColor(lw.ORANGE)])


def _info_for(experiment: Experiment) -> Any:
    """The dataset's DatasetInfo (vocabulary, classes) from a tiny load: a few milliseconds for text tasks."""
    from models.data import load_dataset

    options = dict(experiment.dataset_options)
    options["size"] = 100
    return load_dataset(experiment.dataset, options, experiment.training.seed).info


def _heatmap_plot(title: str, tip: str) -> tuple[pg.PlotWidget, pg.ImageItem, pg.ColorBarItem]:
    """A heatmap with its colour scale beside it (the bar follows the levels each picture is drawn with)."""
    plot = lw.plot("", QCoreApplication.translate("SequencePanel", "unit"), tip)
    plot.setTitle(title, size="9pt")
    plot.invertY(True)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    item = pg.ImageItem()
    plot.addItem(item)
    bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=diverging_cmap(), interactive=False, width=10)
    bar.setImageItem(item, insert_in=plot.getPlotItem())
    return plot, item, bar


def symmetric_limit(values: np.ndarray, floor: float = 0.05, ceiling: float = 1.0) -> float:
    """The colour range ±limit for signed values: their largest magnitude, so states of a few tenths are not
    drawn as near-white on a ±1 scale; at least `floor` so noise around 0 stays pale."""
    largest = float(np.max(np.abs(values))) if values.size else 0.0
    return min(max(largest, floor), ceiling)


def shown_token(token: str) -> str:
    """Whitespace made visible: a space as ␣, a newline as ⏎, a tab as ⇥."""
    return token.replace(" ", "␣").replace("\n", "⏎").replace("\t", "⇥") or "·"


def _token_ticks(tokens: list[str], steps: int) -> list[tuple[float, str]]:
    every = max(1, math.ceil(steps / MAX_TICKS))
    names = tokens if len(tokens) == steps else [str(i + 1) for i in range(steps)]
    return [(i + 0.5, shown_token(names[i])) for i in range(0, steps, every)]


class SequencePanel(Panel):
    """Live and after-training views of an RNN, LSTM or GRU on a text task."""

    title = QT_TRANSLATE_NOOP("Panels", "Inside the RNN")
    area = "bottom"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.info: Any = None
        self._info_key: tuple[Any, ...] | None = None
        self.hidden_probe: Any = None
        self.trained = False
        self.kind = ""
        self.live_curve: np.ndarray | None = None
        self.kept_curves: dict[str, np.ndarray] = {}  # layer kind -> last finished run's gradient curve
        self.comparison: ComparisonTable | None = None  # the comparison series while it trains, and after
        self.comparing = False

        # --- left: type a sequence, prediction, generation ---
        side = QVBoxLayout()
        side.setSpacing(theme.SPACING - 2)
        side.addWidget(lw.heading(self.tr("Read a sequence"), self.tr("Type a sentence (or tokens) to see what the "
                                                                      "network makes of it. During training the "
                                                                      "heatmaps follow the typed text live.")))
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setToolTip(self.tr("Encoded with the dataset's own vocabulary: unknown words become <unk> (id 1) "
                                     "and the sequence is padded at the end to the network's input length."))
        self.text.textChanged.connect(self._text_changed)
        self.text.returnPressed.connect(self.read_text)
        side.addWidget(self.text)
        self.read_button = QPushButton(self.tr("Read it"))
        self.read_button.setToolTip(self.tr("Run the trained network on the typed text: its prediction, and the "
                                            "hidden state and gates at every step."))
        self.read_button.clicked.connect(self.read_text)
        self.read_button.setEnabled(False)
        side.addWidget(self.read_button)
        self.result = lw.muted(self.tr("Train the network, then type a sequence and press Read it."))
        self.result.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.result)

        self.gen_box = QWidget()
        gen = QVBoxLayout(self.gen_box)
        gen.setContentsMargins(0, theme.SPACING, 0, 0)
        gen.setSpacing(theme.SPACING - 2)
        gen.addWidget(lw.heading(self.tr("Generate text"), self.tr("The chars network predicts the next character; "
                                                                   "feeding each sampled character back in writes "
                                                                   "text one character at a time.")))
        self.prompt = QLineEdit("The keeper")
        self.prompt.setToolTip(self.tr("The text the network continues (its last 40 characters are read)."))
        gen.addWidget(self.prompt)
        row = QHBoxLayout()
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(1, 30)
        self.temperature.setValue(8)
        self.temperature.setToolTip(self.tr("Temperature T: characters are drawn with probability ∝ p^(1/T). Low T "
                                            "(0.2) picks the likeliest characters and repeats itself; T = 1 samples "
                                            "the model's own distribution; high T (2) is adventurous and "
                                            "misspells."))
        self.temperature_label = lw.muted("")
        self.temperature.valueChanged.connect(self._temperature_changed)
        row.addWidget(lw.muted(self.tr("temperature")))
        row.addWidget(self.temperature, 1)
        row.addWidget(self.temperature_label)
        gen.addLayout(row)
        row2 = QHBoxLayout()
        self.length = lw.spin(10, 2000, 200, self.tr("How many characters to write."), self.tr(" chars"))
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setToolTip(self.tr("Write text with the trained network (needs a finished or stopped "
                                                "run)."))
        self.generate_button.clicked.connect(self.generate)
        self.generate_button.setEnabled(False)
        row2.addWidget(self.length)
        row2.addWidget(self.generate_button)
        gen.addLayout(row2)
        self.generated = QPlainTextEdit()
        self.generated.setReadOnly(True)
        self.generated.setMinimumHeight(70)
        self.generated.setToolTip(self.tr("The prompt (plain) followed by what the network wrote."))
        gen.addWidget(self.generated)
        side.addWidget(self.gen_box)
        side.addStretch(1)
        self._temperature_changed(self.temperature.value())

        # --- right: tabs ---
        self.tabs = QTabWidget()
        # hidden state
        hidden_tab = QWidget()
        hl = QVBoxLayout(hidden_tab)
        hl.setContentsMargins(4, 4, 4, 4)
        self.hidden_caption = lw.muted(self.tr("The hidden state h_t of every unit (rows) after each step (columns) "
                                               "appears here for the typed text."))
        hl.addWidget(self.hidden_caption)
        self.hidden_plot, self.hidden_image, self.hidden_bar = _heatmap_plot(
            self.tr("hidden state"), self.tr("Each column is the hidden state after reading that token; each row "
                                             "one unit. Orange positive, blue negative, white zero (tanh keeps them "
                                             "in −1 … 1). Units that keep their colour across many steps are "
                                             "carrying information forward."))
        hl.addWidget(self.hidden_plot, 1)
        self.tabs.addTab(hidden_tab, self.tr("Hidden state"))
        # gates
        gates_tab = QWidget()
        gl = QVBoxLayout(gates_tab)
        gl.setContentsMargins(4, 4, 4, 4)
        self.gates_caption = lw.muted("")
        gl.addWidget(self.gates_caption)
        grid = QGridLayout()
        grid.setSpacing(theme.SPACING)
        self.gate_plots: list[tuple[pg.PlotWidget, pg.ImageItem]] = []
        self.gate_bars: list[pg.ColorBarItem] = []
        for i in range(4):
            plot, item, bar = _heatmap_plot("", "")
            if i:
                plot.setLabel("left", "")
            grid.addWidget(plot, 0, i)
            self.gate_plots.append((plot, item))
            self.gate_bars.append(bar)
        gl.addLayout(grid, 1)
        self.tabs.addTab(gates_tab, self.tr("Gates"))
        # gradients through time
        grad_tab = QWidget()
        gr = QVBoxLayout(grad_tab)
        gr.setContentsMargins(4, 4, 4, 4)
        self.grad_caption = lw.muted(
            self.tr("How much the input at step t can still change the loss; a steep fall towards step 1 is a "
                    "vanishing gradient."), _shown(GRADIENT_HELP))
        gr.addWidget(self.grad_caption)
        self.grad_plot = lw.plot(self.tr("time step t"), "‖∂loss/∂x_t‖", _shown(GRADIENT_HELP), legend=True)
        self.grad_plot.setLogMode(y=True)
        gr.addWidget(self.grad_plot, 1)
        self.tabs.addTab(grad_tab, self.tr("Gradients"))
        # comparison
        cmp_tab = QWidget()
        cl = QVBoxLayout(cmp_tab)
        cl.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.compare_epochs = lw.spin(1, 200, 20, self.tr("Epochs per network. All three use the same data, seed "
                                                          "and settings (this project's learning rate and batch "
                                                          "size)."), self.tr(" epochs"))
        self.compare_button = QPushButton(self.tr("Compare RNN, LSTM, GRU"))
        self.compare_button.setObjectName("primary")
        self.compare_button.setToolTip(self.tr("Train the rnn, lstm and gru presets one after another on this "
                                               "dataset with the same seed; report test accuracy and seconds per "
                                               "epoch. Uses the training thread, so it cannot run during "
                                               "training."))
        self.compare_button.clicked.connect(self.start_comparison)
        self.compare_stop = QPushButton(self.tr("Stop"))
        self.compare_stop.setEnabled(False)
        self.compare_stop.setToolTip(self.tr("Stop after the current batch; networks already finished keep their "
                                             "row."))
        self.compare_stop.clicked.connect(self.stop_comparison)
        top.addWidget(self.compare_epochs)
        top.addWidget(self.compare_button)
        top.addWidget(self.compare_stop)
        top.addStretch(1)
        cl.addLayout(top)
        self.compare_status = lw.muted(self.tr("Same task, same seed, same settings; only the recurrent layer "
                                               "changes."))
        cl.addWidget(self.compare_status)
        body = QHBoxLayout()
        self.table = QTableWidget(3, 4)
        self.table.setHorizontalHeaderLabels([self.tr("network"), self.tr("test acc."), self.tr("s/epoch"),
                                              self.tr("params")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setToolTip(self.tr("Test accuracy after the last epoch, the mean training time per epoch on "
                                      "this machine (validation excluded) and the number of weights. While a "
                                      "network trains its row shows the latest validation accuracy and epoch."))
        for r, name in enumerate(COMPARED):
            self._set_row(r, [RECURRENT_PRESETS[name], "–", "–", "–"])
        self.table.resizeColumnsToContents()
        self.table.setFixedWidth(270)
        body.addWidget(self.table)
        self.compare_plot = lw.plot(self.tr("time step t"), "‖∂loss/∂x_t‖",
                                    self.tr("Gradient through time of each network before training (dashed) and "
                                            "after (solid), on the same fixed memory batch; colours as in the "
                                            "table."))
        self.compare_plot.setLogMode(y=True)
        body.addWidget(self.compare_plot, 1)
        cl.addLayout(body, 1)
        self.tabs.addTab(cmp_tab, self.tr("Compare"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.MARGIN, theme.MARGIN // 2, theme.MARGIN, theme.MARGIN // 2)
        layout.setSpacing(theme.SPACING * 2)
        layout.addWidget(lw.scroll(side, 250))
        layout.addWidget(self.tabs, 1)

        self._show_gates(None)
        self.on_experiment_changed(ctx.experiment())

    # --- window hooks ------------------------------------------------------------------------------------
    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return applies(experiment)

    def on_experiment_changed(self, experiment: Experiment) -> None:
        if not applies(experiment):
            return
        key = (experiment.dataset, tuple(sorted((k, str(v)) for k, v in experiment.dataset_options.items())))
        if key != self._info_key:
            try:
                self.info = _info_for(experiment)
            except Exception as exc:  # noqa: BLE001 - a bad file or option is shown, never raised
                self.info = None
                self.result.setText(html.escape(self.tr("Dataset: {error}").format(error=exc)))
            self._info_key = key
            self.trained = False
            examples = self.info.extras.get("examples", []) if self.info is not None else []
            self.text.blockSignals(True)
            self.text.setText(examples[0] if examples else "")
            self.text.blockSignals(False)
        self.kind = recurrent_kind(experiment)
        chars = experiment.dataset == "chars"
        self.gen_box.setVisible(chars)
        self.compare_epochs.setValue(experiment.training.epochs)
        self._update_buttons()

    def probes(self, experiment: Experiment) -> list[Any]:
        from models.families.recurrent.probes import GradientThroughTimeProbe, HiddenStateProbe

        self.on_experiment_changed(experiment)
        probes: list[Any] = []
        self.hidden_probe = None
        if self.info is not None and self.text.text().strip():
            try:
                self.hidden_probe = HiddenStateProbe(self.info, self.text.text())
                probes.append(self.hidden_probe)
            except ValueError:
                pass
        batch = self._gradient_batch(experiment)
        if batch is not None:
            probes.append(GradientThroughTimeProbe(*batch))
        return probes

    def on_run_started(self, event: Any) -> None:
        if self._comparison_event(event):
            return
        self.trained = False
        self.live_curve = None
        self._update_buttons()
        self._draw_gradients()

    def on_epoch(self, event: Any) -> None:
        self._comparison_event(event)

    def on_finished(self, event: Any) -> None:
        self._comparison_event(event)

    def on_failed(self, event: Any) -> None:
        self._comparison_event(event)

    def on_probe(self, event: Any) -> None:
        if self._comparison_event(event):
            return
        if event.name == "hidden_state":
            self.show_hidden(event.payload)
        elif event.name == "gradients_through_time":
            payload = event.payload
            if "error" in payload:
                self.grad_caption.setText(html.escape(payload["error"]))
                return
            self.live_curve = np.asarray(payload["grad_norm"], dtype=float)
            self.kind = payload.get("layer", self.kind)
            self._draw_gradients()

    def on_run_ended(self, result: Any) -> None:
        if self.comparing:  # the comparison's runs leave the project's trained network as it was
            self._comparison_done()
            return
        self.trained = result.status in ("finished", "stopped") and self.ctx.controller.has_model
        if self.live_curve is not None and self.kind:
            self.kept_curves[self.kind] = self.live_curve
        self._update_buttons()
        if self.trained and self.text.text().strip():
            self.read_text()

    # --- reading typed text --------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.read_button.setEnabled(self.trained and self.info is not None)
        self.generate_button.setEnabled(self.trained and self.info is not None)
        self.compare_button.setEnabled(not self.comparing)

    def _text_changed(self, text: str) -> None:
        if self.hidden_probe is not None and text.strip():
            try:
                self.hidden_probe.set_text(text)  # read by the probe at its next run
            except ValueError:
                pass

    def read_text(self) -> None:
        """Prediction, hidden state and gates for the typed text, with the trained network (on the worker)."""
        if not self.trained or self.info is None:
            return
        text, info = self.text.text(), self.info

        def job(model: Any) -> dict[str, Any]:
            from models.families.recurrent.analysis import SequenceError, hidden_states_for_text, predict_text
            try:
                return {"prediction": predict_text(model, info, text),
                        "hidden": hidden_states_for_text(model, info, text)}
            except SequenceError as exc:
                return {"error": str(exc)}

        self.ctx.with_trained_model(job, self._show_reading, which="train")

    def _show_reading(self, out: dict[str, Any]) -> None:
        if "error" in out:
            self.result.setText(f"<span style='color:{theme.ERROR}'>{html.escape(out['error'])}</span>")
            return
        self.show_prediction(out["prediction"])
        self.show_hidden(out["hidden"])

    def show_prediction(self, pred: dict[str, Any]) -> None:
        unknown = pred.get("unknown") or []
        note = (f"<br><span style='color:{theme.ERROR}'>"
                + self.tr("unknown: {words} (read as &lt;unk&gt;)").format(words=html.escape(', '.join(unknown)))
                + "</span>" if unknown else "")
        if pred.get("truncated"):
            note += "<br>" + self.tr("Only the part that fits the input length was read.")
        if pred["kind"] == "tags":
            cells = [f"<td style='padding:0 6px 4px 0'>{html.escape(tok)}<br><b>{html.escape(tag)}</b><br>"
                     f"<span style='color:{theme.MUTED}'>{conf:.0%}</span></td>"
                     for tok, tag, conf in zip(pred["tokens"], pred["tags"], pred["confidence"])]
            rows = "".join("<tr>" + "".join(cells[i:i + TAGS_PER_ROW]) + "</tr>"
                           for i in range(0, len(cells), TAGS_PER_ROW))
            self.result.setText(f"<table>{rows}</table>{note}")
            return
        rows = "".join(f"<tr><td>{html.escape(shown_token(name))}</td>"
                       f"<td style='padding-left:8px'><b>{p:.1%}</b></td></tr>" for name, p in pred["top"])
        label = html.escape(shown_token(pred['label']))
        what = (self.tr("Next character: <b>{label}</b>") if self.info is not None and self.info.name == "chars"
                else self.tr("Prediction: <b>{label}</b>")).format(label=label)
        self.result.setText(f"{what}<table>{rows}</table>{note}")

    def show_hidden(self, payload: dict[str, Any]) -> None:
        """Draw one `hidden_state` payload (see models.families.recurrent.probes.HiddenStateProbe)."""
        if "error" in payload:
            self.hidden_caption.setText(html.escape(payload["error"]))
            return
        hidden = np.asarray(payload["hidden"], dtype=float)
        units, steps = hidden.shape
        tokens = list(payload.get("tokens", []))
        limit = symmetric_limit(hidden)
        lw.set_image(self.hidden_image, hidden, (-limit, limit), diverging_cmap(), rect=(0, 0, steps, units))
        self.hidden_bar.setLevels((-limit, limit))
        self.hidden_plot.getAxis("bottom").setTicks([_token_ticks(tokens, steps)])
        self.hidden_plot.setXRange(0, steps, padding=0)
        self.hidden_plot.setYRange(0, units, padding=0)
        shape = (self.tr("<b>{layer}</b> '{name}': {units} units (forward units, then backward) × {steps} steps.")
                 if payload.get("bidirectional") else
                 self.tr("<b>{layer}</b> '{name}': {units} units × {steps} steps."))
        self.hidden_caption.setText(shape.format(layer=payload['layer'], name=payload['layer_name'], units=units,
                                                 steps=steps) + " "
                                    + self.tr("Orange positive, blue negative; the colour scale spans ±{limit:.2g} "
                                              "(tanh bounds them to ±1).").format(limit=limit))
        self._show_gates(payload)

    def _show_gates(self, payload: dict[str, Any] | None) -> None:
        gates = dict(payload.get("gates", {})) if payload else {}
        if payload and "cell" in payload:
            gates["cell"] = payload["cell"]
        for i, (plot, item) in enumerate(self.gate_plots):
            plot.setVisible(i < len(gates))
        if not payload:
            self.gates_caption.setText(self.tr("LSTM and GRU gates over the same steps appear here."))
            return
        if not gates:
            self.gates_caption.setText(self.tr("A plain RNN has no gates: every step overwrites the state through "
                                               "tanh(W x_t + U h_(t-1) + b). Train an LSTM or GRU to see gates "
                                               "here."))
            return
        self.gates_caption.setText(self.tr("Gates from 0 (closed, dark) to 1 (open, bright) per unit (rows) and "
                                           "step (columns, numbered as in the hidden-state tab); hover a plot for "
                                           "its job."))
        for (plot, item), bar, (name, values) in zip(self.gate_plots, self.gate_bars, gates.items()):
            arr = np.asarray(values, dtype=float)
            units, steps = arr.shape
            if name == "cell":
                limit = max(float(np.abs(arr).max()), 1e-6)
                bar.setColorMap(diverging_cmap())
                lw.set_image(item, arr, (-limit, limit), diverging_cmap(), rect=(0, 0, steps, units))
                bar.setLevels((-limit, limit))
                plot.setTitle(self.tr("cell ±{limit:.2g}").format(limit=limit), size="9pt")
            else:
                bar.setColorMap(pg.colormap.get("viridis"))
                lw.set_image(item, arr, (0.0, 1.0), "viridis", rect=(0, 0, steps, units))
                bar.setLevels((0.0, 1.0))
                plot.setTitle(_shown(GATE_TITLES.get(name, name)), size="9pt")
            plot.setToolTip(_shown(GATE_HELP.get(name, "")) + "\n"
                            + self.tr("Mean over units and steps: {mean:.2f}.").format(mean=arr.mean()))
            every = max(1, math.ceil(steps / 4))  # narrow plots: a few step numbers, the tokens are on the left
            plot.getAxis("bottom").setTicks([[(i + 0.5, str(i + 1)) for i in range(0, steps, every)]])
            plot.setXRange(0, steps, padding=0)
            plot.setYRange(0, units, padding=0)

    # --- gradients through time ----------------------------------------------------------------------------
    def _gradient_batch(self, experiment: Experiment) -> tuple[np.ndarray, np.ndarray] | None:
        from models.data import load_dataset
        from models.families.recurrent.analysis import memory_batch

        name = experiment.dataset
        try:
            n = memory_n(name)
            if n:
                return memory_batch(n, 64)
            data = load_dataset(name, {**experiment.dataset_options, "size": 300}, experiment.training.seed)
            return data.x_test[:64], data.y_test[:64]
        except Exception:  # noqa: BLE001 - no batch, no curve; the run itself reports dataset errors
            return None

    def _draw_gradients(self) -> None:
        self.grad_plot.clear()
        legend = self.grad_plot.plotItem.legend
        if legend is not None:
            legend.clear()
        for kind, curve in self.kept_curves.items():
            if kind == self.kind and self.live_curve is not None:
                continue
            self._curve(self.grad_plot, curve, kind, self.tr("{kind} (last run)").format(kind=kind), dashed=True)
        if self.live_curve is not None:
            self._curve(self.grad_plot, self.live_curve, self.kind,
                        self.tr("{kind} (this run)").format(kind=self.kind))

    @staticmethod
    def _curve(plot: pg.PlotWidget, curve: np.ndarray, kind: str, name: str, dashed: bool = False) -> None:
        y = np.asarray(curve, dtype=float)
        x = np.arange(1, len(y) + 1)
        keep = np.isfinite(y) & (y > 0)  # a log axis cannot show zero (e.g. steps that are padding everywhere)
        x, y = x[keep], y[keep]
        pen = pg.mkPen(KIND_COLOURS.get(kind, theme.SERIES[3]), width=1.5 if dashed else 2.5,
                       style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        plot.plot(x, y, pen=pen, name=name)

    # --- generation ------------------------------------------------------------------------------------------
    def _temperature_changed(self, value: int) -> None:
        self.temperature_label.setText(f"{value / 10:.1f}")

    def generate(self) -> None:
        if not self.trained or self.info is None:
            return
        prompt, info = self.prompt.text(), self.info
        length, temperature = self.length.value(), self.temperature.value() / 10

        def job(model: Any) -> str:
            from models.families.recurrent.analysis import SequenceError, generate_text
            try:
                return generate_text(model, info, prompt, length, temperature)
            except SequenceError as exc:
                return f"\u0000{exc}"

        def done(text: str) -> None:
            if text.startswith("\u0000"):
                self.ctx.show_error(text[1:])
                return
            self.generated.setPlainText(prompt + text)

        self.generate_button.setEnabled(False)
        self.ctx.with_trained_model(job, lambda text: (done(text), self._update_buttons()), which="train")

    # --- comparison ------------------------------------------------------------------------------------------
    def _set_row(self, row: int, values: list[str]) -> None:
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setForeground(pg.mkColor(KIND_COLOURS.get(value, theme.MUTED)))
            self.table.setItem(row, col, item)

    def start_comparison(self) -> None:
        if self.comparing:
            return
        if self.ctx.controller.running:
            self.ctx.show_error(self.tr("Training is running: compare when it has finished."))
            return
        exp = self.ctx.experiment()
        if not is_text_dataset(exp.dataset):
            self.ctx.show_error(self.tr("The comparison needs a text dataset (sentiment, tagging, memory-N or "
                                        "chars)."))
            return
        dataset, seed, epochs = exp.dataset, exp.training.seed, self.compare_epochs.value()
        runs = comparison_runs(dataset, seed, epochs, dict(exp.dataset_options))
        self.comparison = ComparisonTable()
        if not self.ctx.start_runs(runs, self):
            self.comparison = None
            return
        self.comparing = True
        self.compare_plot.clear()
        for r, name in enumerate(COMPARED):
            self._set_row(r, [RECURRENT_PRESETS[name], self.tr("waiting"), "–", "–"])
        self.compare_status.setText(self.tr("Training rnn, lstm and gru on {dataset} ({epochs} epochs each, seed "
                                            "{seed}) …").format(dataset=dataset, epochs=epochs, seed=seed))
        self._update_buttons()
        self.compare_stop.setEnabled(True)

    def stop_comparison(self) -> None:
        if self.comparing:
            self.ctx.controller.stop()
            self.compare_status.setText(self.tr("Stopping after the current batch …"))

    def _comparison_event(self, event: Any) -> bool:
        """True when the event belongs to a comparison run (it then updates that network's row, not the live
        views of this project's own network)."""
        run = getattr(event, "run", "")
        if not run or self.comparison is None or run not in self.comparison.rows:
            return False
        name = self.comparison.add(event)
        if name is not None:
            self._show_row(self.comparison.rows[name])
            if isinstance(event, (Started, Finished, Failed)):
                self._draw_comparison()
        return True

    def _draw_comparison(self) -> None:
        """Each network's gradient curve before (dashed) and after training, for those that have finished."""
        self.compare_plot.clear()
        for row in self.comparison.rows.values() if self.comparison is not None else []:
            if row.status not in ("finished", "stopped"):
                continue
            self.compare_plot.setTitle(self.tr("dashed before, solid after training"), size="8pt")
            if row.gradients_start is not None:
                self._curve(self.compare_plot, row.gradients_start, row.layer,
                            self.tr("{layer} before").format(layer=row.layer), dashed=True)
            if row.gradients_end is not None:
                self._curve(self.compare_plot, row.gradients_end, row.layer,
                            self.tr("{layer} after").format(layer=row.layer))

    def _show_row(self, row: Any) -> None:
        index = COMPARED.index(row.preset)
        if row.status == "training":
            acc = row.latest.get("val_accuracy", math.nan)
            self._set_row(index, [row.layer,
                                  self.tr("val {acc:.0%}").format(acc=acc) if row.latest else self.tr("training"),
                                  f"{row.epoch_seconds[-1]:.2f}" if row.epoch_seconds else "–",
                                  self.tr("epoch {n}").format(n=row.epochs) if row.epochs else "–"])
            return
        acc = row.test.get("accuracy", math.nan)
        statuses = {"waiting": self.tr("waiting"), "training": self.tr("training"), "finished": self.tr("finished"),
                    "stopped": self.tr("stopped"), "failed": self.tr("failed")}
        result = f"{acc:.1%}" if row.test else statuses.get(row.status, row.status)
        self._set_row(index, [row.layer, result, f"{row.seconds_per_epoch:.2f}" if row.epochs else "–",
                              f"{row.params:,}"])
        self.table.resizeColumnsToContents()

    def _comparison_done(self) -> None:
        self.comparing = False
        self._draw_comparison()  # with each network's last gradient curve, which may arrive after its end
        self.compare_stop.setEnabled(False)
        self._update_buttons()
        done = self.comparison.done() if self.comparison is not None else []
        failed = [r for r in self.comparison.rows.values() if r.status == "failed"] if self.comparison else []
        if done:
            best = max(done, key=lambda r: r.test.get("accuracy", 0.0))
            fastest = min(done, key=lambda r: r.seconds_per_epoch)
            self.compare_status.setText(self.tr("Best test accuracy: <b>{best}</b> ({accuracy:.1%}); fastest per "
                                                "epoch: <b>{fastest}</b> ({seconds:.2f} s).").format(
                best=best.layer, accuracy=best.test.get('accuracy', 0.0), fastest=fastest.layer,
                seconds=fastest.seconds_per_epoch))
        elif failed:
            self.compare_status.setText(f"<span style='color:{theme.ERROR}'>"
                                        + self.tr("Comparison failed: {message}").format(
                                            message=html.escape(failed[0].message)) + "</span>")
        else:
            self.compare_status.setText(self.tr("Stopped before any network finished."))


PANELS = [SequencePanel]
