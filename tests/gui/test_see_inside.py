"""The "See inside" panels: neuron, function, backprop and convolution labs, live boundary and feature maps,
results, drawing and the overfit demo (offscreen, tiny runs)."""
import numpy as np
import pytest
from PySide6.QtGui import QImage

from gui.app import wait_until
from gui.panels.backprop import BackpropLab, involved
from gui.panels.convolution import ConvolutionLab, ReceptiveFieldLab
from gui.panels.evaluation import ResultsPanel, TryItLab, draw_boxes
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.functions import ActivationsLab, GradientDescentLab, LossesLab, SoftmaxLab
from gui.panels.neurons import DecisionBoundaryPanel, McpLab
from gui.panels.overfit import OverfitLab
from models.labs import mcp
from models.presets import get_preset
from models.training.events import ProbeResult


def _panel(win, cls):
    return next(p for p in win.panels if isinstance(p, cls))


def _outputs(lab: McpLab) -> tuple[int, ...]:
    col = lab.table.columnCount() - 1
    return tuple(int(lab.table.item(r, col).text()) for r in range(lab.table.rowCount()))


def test_neuron_function_and_backprop_labs(window):
    lab = _panel(window, McpLab)
    for gate in ("AND", "OR", "NAND"):
        lab.load_gate(gate)
        assert _outputs(lab) == mcp.GATE_TRUTH[gate] and gate in lab.gate_label.text()
        assert len(lab.line.getData()[0]) == 2
    lab.prove_xor()
    assert "0 compute XOR" in lab.xor_note.text() and "3 of 4" in lab.xor_note.text()
    lab.count_group.button(3).setChecked(True)
    assert lab.table.rowCount() == 8 and lab.plot.isHidden()
    lab.load_gate("MAJORITY")
    assert _outputs(lab) == (0, 0, 0, 1, 0, 1, 1, 1)

    act = _panel(window, ActivationsLab)
    act.layers.setValue(3)
    assert "0.0156" in act.vanishing.text()

    soft = _panel(window, SoftmaxLab)
    soft.logits.setText("1 2 3")
    heights = soft.bars.opts["height"]
    assert len(heights) == 3 and np.isclose(np.sum(heights), 1.0) and "1.000000" in soft.readout.text()
    soft.temperature.setValue(-10)  # T = 0.1: almost all mass on the largest logit
    assert soft.bars.opts["height"][2] > 0.99
    soft.logits.setText("1 two")
    assert "not a number" in soft.readout.text()

    loss = _panel(window, LossesLab)
    loss.p_slider.setValue(50)
    assert "0.6931" in loss.readout.text()  # -log(0.5)

    gd = _panel(window, GradientDescentLab)
    gd.use_step("too large")
    assert "Diverged" in gd.message.text()
    x, y = gd.path.getData()
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    gd.surface.setCurrentIndex(gd.surface.findData("valley"))
    assert "Diverged" not in gd.message.text()

    bp = _panel(window, BackpropLab)
    bp.go(0)
    assert "net_h1" in bp.step_title.text() and not bp.prev_button.isEnabled()
    bp.next_button.click()
    assert bp.index == 1 and bp.list.currentRow() == 1
    bp.go(10_000)
    assert not bp.next_button.isEnabled() and "new L" in bp.step_title.text()
    bp.seed.setValue(3)
    assert "lower" in bp.summary.text()
    assert involved("dL/dW2[3,1]") == ({"o3"}, {("h1", "o3")}) or ("h1", "o3") in involved("dL/dW2[3,1]")[1]
    assert involved("net_h2")[0] == {"h2"}
    assert ("h1", "o2") in involved("dL/dh1")[1]


def test_convolution_and_receptive_field_labs(window, tmp_path):
    lab = _panel(window, ConvolutionLab)
    lab.kernel.setCurrentIndex(lab.kernel.findData("gaussian"))
    lab.padding.setCurrentIndex(lab.padding.findData("same"))
    lab.stride.setValue(2)
    assert lab.result.output.shape == (14, 14)
    assert "ceil(28 / 2) = 14" in lab.formula.text()
    lab.pool_mode.setCurrentIndex(lab.pool_mode.findData("kmax"))
    lab.k.setValue(3)
    assert lab.pooled.output.shape == (7, 7, 3)
    lab.kernel.setCurrentIndex(lab.kernel.findData("custom"))
    lab.custom.setPlainText("1 2\n3 4")
    assert "3 or 5 rows" in lab.formula.text()
    lab.custom.setPlainText("1 0 -1\n2 0 -2\n1 0 -1")
    assert lab.result.output.shape == (14, 14)
    picture = np.zeros((300, 200), dtype=np.uint8)
    picture[100:200, 50:150] = 255
    path = tmp_path / "square.png"
    QImage(picture.data, 200, 300, 200, QImage.Format.Format_Grayscale8).copy().save(str(path))
    lab.load_file(str(path))
    assert lab.picture.shape == (160, 107) and lab.picture.max() == pytest.approx(1.0)
    lab.load_file(str(tmp_path / "missing.png"))
    assert "not an image" in lab.formula.text()

    rf = _panel(window, ReceptiveFieldLab)
    window.open_lab(rf)  # closed labs skip edits; opening one brings it up to date
    assert rf.layer.count() == 0 and "no convolution" in rf.info.text()  # the MLP has none
    window.document.new(get_preset("cnn").make("mnist-offline"))
    assert rf.layer.count() == 7
    rf.layer.setCurrentIndex(1)  # the first max-pool
    rf.select(5, 5)
    assert rf.region.rows == (9, 12) and rf.region.size == (4, 4)
    rect = rf.rect.rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (9, 9, 4, 4)
    assert "4×4 region" in rf.info.text()


def test_decision_boundary_and_overfit_demo(window):
    panel = _panel(window, DecisionBoundaryPanel)
    assert panel.applies_to(window.document.experiment)  # mlp on XOR
    exp = window.document.experiment.copy()
    exp.training.epochs = 3
    window.document.new(exp)
    window.docks["panel_DecisionBoundaryPanel"].raise_()  # in sight: it draws every result while training
    assert wait_until(lambda: not window.validation_pending and window.training.start.isEnabled(), 60)
    window.start_training()
    assert wait_until(lambda: not window.controller.running and panel.updates >= 3, 90)
    assert panel.field.image is not None and panel.field.image.shape == (80, 80)
    assert len(panel.scatter.data) == 4 and "right side" in panel.info.text()

    lab = _panel(window, OverfitLab)
    lab.run()
    assert "shrink" in lab.status.text() and not lab.running  # the four XOR points cannot be subsampled
    window.document.new(get_preset("mlp").make("moons"))
    lab.size.setValue(40)
    lab.epochs.setValue(3)
    lab.run()
    assert wait_until(lambda: lab.finished, 90), lab.status.text()
    assert len(lab.history["plain"]["val_loss"]) == 3 and len(lab.history["regularised"]["loss"]) == 3
    assert len(lab.curves[("regularised", "gap")].getData()[0]) == 3 and "Final gap" in lab.status.text()
    lab._load("regularised")
    assert any(layer.type == "Dropout" for layer in window.document.experiment.networks["main"].layers)


def test_cnn_feature_maps_results_and_drawing(make_window):
    win = make_window("lenet5")
    exp = get_preset("lenet5").make("mnist-offline")
    exp.dataset_options = {"limit": 256}
    exp.training.epochs = 2
    win.document.new(exp)
    maps, results, draw = _panel(win, FeatureMapsPanel), _panel(win, ResultsPanel), _panel(win, TryItLab)
    assert maps.applies_to(win.document.experiment) and results.applies_to(win.document.experiment)
    assert not _panel(win, DecisionBoundaryPanel).applies_to(win.document.experiment)
    draw.canvas.stroke([(100, 30), (100, 170)])
    assert wait_until(lambda: "No trained network" in draw.status.text(), 5)
    assert wait_until(lambda: not win.validation_pending and win.training.start.isEnabled(), 60)
    win.start_training()
    assert wait_until(lambda: results.results is not None, 120), results.gallery_title.text()
    # The maps' tab stayed behind the plots: none of the results sent while training was drawn, only the
    # last one, handed over when the run ended.
    assert maps.visibleRegion().isEmpty() and maps.updates == 1
    assert maps.probe.paused  # and the training thread ran its probe only at epoch ends
    win.docks["panel_FeatureMapsPanel"].raise_()
    assert wait_until(lambda: not maps.probe.paused, 5)
    captions = [c.text() for c, v in maps.columns if v.isVisible()]
    assert len(captions) == 4 and "28×28" in captions[0] and "Conv2D" in captions[0]
    assert "kernels" in maps.kernel_caption.text()
    maps.index.setValue(5)  # a new image goes straight to the probe
    assert maps.probe.image.shape == (28, 28, 1)

    # Out of sight again: a result waits (the newest per probe) and is drawn when the tab is raised.
    win.docks["plots"].raise_()
    assert wait_until(lambda: maps.visibleRegion().isEmpty(), 5)
    kernels = {"layer": "L00_conv2d", "spec_index": 0, "kernels": np.zeros((6, 5, 5), "float32"),
               "bias": np.zeros(6, "float32"), "limit": 0.25}
    win.controller.probe.emit(ProbeResult("kernels", 1, dict(kernels, limit=0.5)))
    win.controller.probe.emit(ProbeResult("kernels", 2, kernels))
    assert "0.25" not in maps.kernel_values.text()
    win.docks["panel_FeatureMapsPanel"].raise_()
    assert wait_until(lambda: "0.25" in maps.kernel_values.text(), 5), maps.kernel_values.text()

    r = results.results
    assert r["matrix"].shape == (10, 10) and r["matrix"].sum() == 750
    assert "Test accuracy" in results.summary.text()
    results.show_cell(1, 1)
    assert results.selected == (1, 1) and "correctly read" in results.gallery_title.text()

    draw.canvas.clear()
    draw.canvas.stroke([(100, 30), (100, 170)])
    assert wait_until(lambda: draw.probabilities is not None, 30)
    assert draw.probabilities.shape == (10,) and np.isclose(draw.probabilities.sum(), 1.0, atol=1e-4)
    assert "reads" in draw.status.text()


def test_draw_boxes():
    img = np.zeros((10, 10), dtype=np.uint8)
    rgb = draw_boxes(img, [(np.array([0.2, 0.2, 0.6, 0.8]), (0, 255, 0))])
    assert rgb.shape == (10, 10, 3)
    assert tuple(rgb[2, 2]) == (0, 255, 0) and tuple(rgb[5, 7]) == (0, 255, 0) and tuple(rgb[4, 4]) == (0, 0, 0)
