"""The labs in the window: MCP neuron, activation, softmax, loss, gradient-descent, backprop, convolution and receptive-field labs (offscreen)."""
import numpy as np
import pytest
from PySide6.QtGui import QImage

from gui.labs.activations import ActivationsLab
from gui.labs.backprop import BackpropLab, involved
from gui.labs.convolution import ConvolutionLab
from gui.labs.gradient_descent import GradientDescentLab
from gui.labs.losses import LossesLab
from gui.labs.mcp import McpLab
from gui.labs.receptive_field import ReceptiveFieldLab
from gui.labs.softmax import SoftmaxLab
from models.labs import mcp
from models.spec.presets import get_preset


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
    assert involved("dL/dW2[3,1]") == (set(), {("h1", "o3")})  # a weight: its edge, h1 -> o3, and no node
    assert involved("net_h2")[0] == {"h2"}
    assert ("h1", "o2") in involved("dL/dh1")[1]


def test_convolution_and_receptive_field_labs(window, tmp_path):
    lab = _panel(window, ConvolutionLab)
    window.open_lab(lab)
    # Its default shows a lesson: an edge kernel (not identity, whose output is its input) on a sample that is
    # named by the digit it shows (the shipped digits are sorted, so sample 7 is a 0).
    assert lab.kernel.currentData() == "sobel_x" and lab.result is not None
    out, img = lab.result.output, lab.image()[1:-1, 1:-1]
    assert out.min() < -0.5 and out.max() > 0.5 and not np.allclose(out, img)  # edges of both signs
    assert "a 7" in lab.views["input"][0].text()
    lab.digit.setValue(7)
    assert "a 0" in lab.views["input"][0].text()
    lab.kernel.setCurrentIndex(lab.kernel.findData("gaussian"))
    lab.padding.setCurrentIndex(lab.padding.findData("same"))
    lab.stride.setValue(2)
    assert lab.result.output.shape == (14, 14)
    assert "⌈28 / 2⌉ = 14" in lab.formula.text()
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
    # Pixels are counted in whole numbers: ticks at pixel centres, labelled 0, 1, 2 ... (never 0.5, 1.5).
    for plot, n in ((rf.output_plot, rf.chain.layers[1].out_size[1]), (rf.input_plot, 28)):
        ticks = plot.getAxis("bottom")._tickLevels[0]
        assert all(label.isdigit() and pos == int(label) + 0.5 for pos, label in ticks) and 2 <= len(ticks) <= 8
        assert int(ticks[-1][1]) < n
    rect = rf.rect.rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (9, 9, 4, 4)
    assert "4×4 region" in rf.info.text()


def test_hebb_lab_shows_runaway_growth_and_the_bounded_rules(window):
    from gui.labs.hebb import Y_TOP, HebbLab
    lab = _panel(window, HebbLab)
    text = lab.readout.text()
    assert "after 300 trials" in text  # on its defaults the plain rule is still counted, and far above the rest:
    finals = {rule: traj.final for rule, traj in lab.result.items()}
    assert finals["hebb"] > 100 and max(finals["decay"], finals["oja"]) < 1.0  # runaway growth vs bounded rules
    assert text.count("the bell alone fires it") == 3
    x, y = lab.curves["hebb"].getData()
    assert y.max() > Y_TOP  # the plain rule leaves the plot through the top
    for rule in ("decay", "oja"):
        assert lab.curves[rule].getData()[1].max() < Y_TOP
    lab.pairing.setValue(0.0)
    assert lab.readout.text().count("does not fire") == 3
    lab.decay.setValue(0.001)
    assert "too small" in lab.readout.text()
