"""The recurrent panel: follows the network, draws probe payloads, reads typed text and generates after a real
tiny run, and runs the RNN / LSTM / GRU comparison."""
import numpy as np
import pytest

from gui.app import wait_until
from gui.panels.recurrent import SequencePanel, shown_token
from models.spec.presets import get_preset
from models.engine.events import ProbeResult


def _panel(win) -> SequencePanel:
    return next(p for p in win.panels if isinstance(p, SequencePanel))


def _hidden_payload(layer: str, steps: int = 5, gates=("input", "forget", "output")) -> dict:
    rng = np.random.default_rng(0)
    payload = {"layer": layer, "layer_name": "L01_x", "bidirectional": False, "steps": steps, "units": 8,
               "tokens": ["the", "plot", "was", "not", "good"][:steps],
               "hidden": rng.uniform(-1, 1, (8, steps)).astype("float32"),
               "gates": {g: rng.uniform(0, 1, (8, steps)).astype("float32") for g in gates}}
    if layer == "LSTM":
        payload["cell"] = rng.normal(0, 2, (8, steps)).astype("float32")
    return payload


def test_panel_follows_the_network_and_draws_payloads(make_window):
    win = make_window("lstm")
    panel = _panel(win)
    assert panel.applies_to(win.document.experiment)
    dock = win.docks["panel_SequencePanel"]
    assert dock.isHidden() and dock in win.workspaces.members("train")  # Design shows the network
    win.workspaces.switch("train")
    assert not dock.isHidden()
    assert panel.text.text() == "the plot was not very clever"  # the dataset's first example
    assert not panel.gen_box.isVisibleTo(panel)  # generation only for chars

    panel.on_probe(ProbeResult("hidden_state", 3, _hidden_payload("LSTM")))
    assert panel.hidden_image.image.shape == (5, 8)  # pyqtgraph: (x = steps, y = units)
    ticks = panel.hidden_plot.getAxis("bottom")._tickLevels[0]
    assert [t for _, t in ticks] == ["the", "plot", "was", "not", "good"]
    assert [not p.isHidden() for p, _ in panel.gate_plots] == [True, True, True, True]  # 3 gates + cell
    assert "LSTM" in panel.hidden_caption.text()
    # Small states get a colour range that fits them, shown on the colour bar: a state of ±0.2 on a fixed ±1
    # scale was drawn nearly white.
    quiet = _hidden_payload("LSTM")
    quiet["hidden"] = quiet["hidden"] * 0.2
    panel.on_probe(ProbeResult("hidden_state", 3, quiet))
    limit = float(np.abs(quiet["hidden"]).max())
    assert panel.hidden_image.levels == pytest.approx([-limit, limit]) and 0.15 < limit <= 0.2
    assert panel.hidden_bar.levels() == pytest.approx((-limit, limit)) and "±0.2" in panel.hidden_caption.text()
    assert [bar.levels() for bar in panel.gate_bars[:3]] == [(0.0, 1.0)] * 3  # gates keep their 0..1 scale
    panel.on_probe(ProbeResult("hidden_state", 4, _hidden_payload("GRU", gates=("update", "reset"))))
    assert [not p.isHidden() for p, _ in panel.gate_plots] == [True, True, False, False]
    panel.on_probe(ProbeResult("hidden_state", 5, _hidden_payload("SimpleRNN", gates=())))
    assert "no gates" in panel.gates_caption.text()
    panel.on_probe(ProbeResult("hidden_state", 6, {"error": "the network has no recurrent layer"}))
    assert "no recurrent layer" in panel.hidden_caption.text()

    panel.on_run_started(None)
    panel.on_probe(ProbeResult("gradients_through_time", 7, {"steps": np.arange(1, 6),
                                                              "grad_norm": np.array([1e-6, 1e-4, 1e-3, 0.0, 0.1]),
                                                              "loss": 0.6, "layer": "LSTM"}))
    curves = panel.grad_plot.plotItem.listDataItems()
    xs, ys = curves[0].getData()
    assert len(curves) == 1 and list(xs) == [1, 2, 3, 5] and np.isfinite(ys).all()  # the zero is left out

    mlp = make_window("mlp")
    assert not _panel(mlp).applies_to(mlp.document.experiment)
    assert shown_token(" ") == "␣" and shown_token("\n") == "⏎"


def test_real_run_reads_text_generates_and_compares(make_window, qtbot):
    win = make_window("gru")
    exp = get_preset("gru").make("chars")
    exp.dataset_options = {"size": 300}
    exp.training.epochs = 1
    win.document.new(exp)
    assert wait_until(lambda: not win.validation_pending, 60)
    panel = _panel(win)
    assert panel.gen_box.isVisibleTo(panel)
    panel.text.setText("the light went out across the water")
    seen = []
    win.controller.probe.connect(lambda event: seen.append(event.name))
    win.start_training()
    assert wait_until(lambda: panel.trained, 120)  # set by on_run_ended
    assert {"hidden_state", "gradients_through_time"} <= set(seen)
    assert panel.read_button.isEnabled() and panel.generate_button.isEnabled()
    # the run's end reads the typed text with the trained network
    assert wait_until(lambda: "Next character" in panel.result.text(), 30)
    assert panel.hidden_image.image.shape == (35, 128)
    panel.length.setValue(30)
    panel.generate()
    assert wait_until(lambda: panel.generated.toPlainText() != "", 30)
    assert panel.generated.toPlainText().startswith(panel.prompt.text())
    assert len(panel.generated.toPlainText()) == len(panel.prompt.text()) + 30

    mem = get_preset("lstm").make("memory-8")
    mem.dataset_options = {"size": 120}
    win.document.new(mem)
    assert wait_until(lambda: not win.validation_pending, 60)
    panel.compare_epochs.setValue(1)
    panel.start_comparison()
    assert not panel.compare_button.isEnabled() and panel.compare_stop.isEnabled()
    assert wait_until(lambda: not panel.comparing, 120)
    assert [panel.table.item(r, 0).text() for r in range(3)] == ["SimpleRNN", "LSTM", "GRU"]
    assert all(panel.table.item(r, 1).text().endswith("%") for r in range(3))
    assert len(panel.compare_plot.plotItem.listDataItems()) == 6  # before and after for each network
    assert "Best test accuracy" in panel.compare_status.text() and panel.compare_button.isEnabled()
