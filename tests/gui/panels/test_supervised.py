"""The supervised panels: live decision boundary, feature maps and kernels, results after training, drawing a digit, and the overfitting demo as a series of runs (offscreen, tiny runs)."""
import numpy as np

from gui.app import wait_until
from gui.labs.overfitting import OverfitLab
from gui.labs.try_it import TryItLab
from gui.panels.supervised.decision_boundary import DecisionBoundaryPanel
from gui.panels.supervised.feature_maps import FeatureMapsPanel
from gui.panels.supervised.results import ResultsPanel, draw_boxes
from models.engine.events import ProbeResult
from models.labs.overfitting import Regularisers
from models.spec.presets import get_preset


def _panel(win, cls):
    return next(p for p in win.panels if isinstance(p, cls))


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
    # The loaded network has its own Dropout: it is compared with itself stripped, the switches do not apply.
    window.open_lab(lab)  # closed labs skip edits; opening one brings it up to date
    assert not lab.use_dropout.isEnabled() and "of its own" in lab.own_note.text()
    window.document.new(get_preset("cnn").make("mnist-offline"))
    assert lab.use_dropout.isEnabled() and lab.own_note.text() == ""
    assert lab.regularisers() == Regularisers(dropout=0.5)  # the default: Dropout alone
    lab.use_dropout.setChecked(False)
    lab.use_bn.setChecked(True)
    lab.use_l2.setChecked(True)
    assert lab.regularisers() == Regularisers(dropout=0.0, l2=0.001, batch_norm=True)
    types = [layer.type for layer in lab._make().regularised.networks["main"].layers]
    assert "Dropout" not in types and types.count("BatchNormalization") == 4


def test_decision_boundary_draws_a_neurons_whole_line_and_stretches_an_unsure_plane(window):
    from models.families.supervised.probes import DecisionBoundaryProbe
    from models.spec.build import build_model
    from models.spec.experiment import LayerSpec, NetworkSpec

    panel = _panel(window, DecisionBoundaryPanel)
    table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    probe = DecisionBoundaryProbe(table, np.array([0, 1, 1, 0]), resolution=40)
    neuron = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    # What gradient descent leaves on XOR: tiny weights, the line far below-left of the points.
    neuron.set_weights([np.array([[0.05], [0.06]], "float32"), np.array([0.14], "float32")])
    panel.on_probe(ProbeResult("decision_boundary", 7, probe.compute(neuron)))
    assert panel.line.isVisible()
    lo, hi = panel.levels
    assert 0.4 < lo < 0.5 < hi < 0.6 and abs((hi - 0.5) - (0.5 - lo)) < 1e-9  # stretched, white still at 0.5
    assert panel.colour_bar.levels() == (lo, hi)
    assert "unsure" in panel.info.text() and "every point is called class 1" in panel.info.text()
    assert "outside the data" in panel.info.text()
    (vx0, vx1), (vy0, vy1) = panel.plot.getViewBox().viewRange()
    line_point = panel.line.pos()
    assert vx0 <= line_point.x() <= vx1 and vy0 <= line_point.y() <= vy1  # the view takes the line in
    assert abs(0.05 * line_point.x() + 0.06 * line_point.y() + 0.14) < 1e-6  # a point of the line
    # A line through the data: full colour scale, the black contour and the dashed line together.
    neuron.set_weights([np.array([[6.0], [6.0]], "float32"), np.array([-9.0], "float32")])
    panel.on_probe(ProbeResult("decision_boundary", 8, probe.compute(neuron)))
    assert panel.levels == (0.0, 1.0) and "Black line" in panel.info.text() and "unsure" not in panel.info.text()
    hidden = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 4, "activation": "tanh"}),
                                            LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    panel.on_probe(ProbeResult("decision_boundary", 9, probe.compute(hidden)))
    assert not panel.line.isVisible()  # a hidden layer's boundary may bend: only the contour shows it


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
    win.workspaces.switch("train")
    win.docks["panel_ResultsPanel"].raise_()
    win.start_training()
    assert wait_until(lambda: results.results is not None, 120), results.gallery_title.text()
    # The maps' tab stayed behind Results: none of the results sent while training was drawn, only the
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
    win.docks["panel_ResultsPanel"].raise_()
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


def _fake_results(k: int, n: int = 600, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, n))
    matrix = np.zeros((k, k), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    confidence = rng.random(n)
    wrong_idx = np.flatnonzero(y_true != y_pred)[:24]
    return {"matrix": matrix, "y_true": y_true, "y_pred": y_pred, "confidence": confidence,
            "class_names": [str(i) for i in range(k)], "accuracy": float((y_true == y_pred).mean()),
            "wrong": [(int(i), int(y_true[i]), int(y_pred[i]), float(confidence[i])) for i in wrong_idx],
            "images": rng.integers(0, 255, (n, 28, 28)).astype(np.uint8)}


def test_results_counts_fit_their_cells_at_any_class_count_and_each_wrong_image_has_its_caption(make_window):
    win = make_window("cnn")
    win.workspaces.switch("train")
    results = _panel(win, ResultsPanel)
    win.docks["panel_ResultsPanel"].raise_()
    assert not results.matrix_plot.isVisible()  # no empty matrix before there are results
    for k in (2, 10, 40):
        results.show_results(_fake_results(k))
        wait_until(lambda: False, 0.2)
        assert results.matrix_plot.isVisible()
        vb = results.matrix_plot.getViewBox()
        cell = vb.width() / (vb.viewRange()[0][1] - vb.viewRange()[0][0])
        shown = [item for item in results.count_items if item.isVisible()]
        if results.counts_shown:
            assert len(shown) == k * k
            widest = max(item.boundingRect().width() - 4 for item in shown)  # TextItem pads its text by 2 px
            assert widest <= cell, (k, widest, cell)  # every count inside its cell
        else:
            assert not shown and k >= 30 and "hover" in results.matrix_plot.toolTip()
    results.show_results(_fake_results(10))
    g = results.gallery
    assert g.count == 24 and len(g.captions()) == 24
    first = results.results["wrong"][0]
    assert g.captions()[0] == f"{first[1]} → {first[2]} {first[3]:.0%}"
    top = g._cell_rect(0)
    assert g.heightForWidth(g.width()) <= g.height()  # the captions have their room under the images
    assert top.height() > top.width()  # the caption lines lie under the picture, inside its cell
