"""The generative panel: live grid, snapshot strip, histogram and curves from probe payloads; game settings in
the project; a real tiny run that unlocks generate, the latent walk and PNG saving."""
import numpy as np

from gui.app import wait_until
from gui.panels.gan import GenerativePanel
from models.images import read_png_size
from models.spec.presets import get_preset
from models.spec.experiment import LayerSpec, NetworkSpec
from models.engine.events import EpochEnd, ProbeResult


def _panel(win) -> GenerativePanel:
    return next(p for p in win.panels if isinstance(p, GenerativePanel))


def _grid_payload(value: float, epoch: float, end: bool) -> dict:
    grid = np.full((59, 88), value, dtype="float32")
    return {"grid": grid, "images": np.zeros((6, 28, 28), "float32"), "rows": 2, "columns": 3,
            "labels": np.zeros(0, "int32"), "step": int(epoch * 10), "epoch": epoch, "epoch_end": end,
            "metrics": {"d_loss": 1.2, "g_loss": 0.8, "d_real": 0.6, "d_fake": 0.4}}


def test_panel_follows_the_family_and_draws_probe_payloads(make_window):
    win = make_window("gan")
    panel = _panel(win)
    assert panel.applies_to(win.document.experiment)
    dock = win.docks["panel_GenerativePanel"]
    assert dock.isHidden() and dock in win.workspaces.members("train")  # Design shows the network
    win.workspaces.switch("train")
    assert not dock.isHidden()
    assert panel.options.editors["d_steps"].isVisibleTo(panel)
    assert not panel.options.editors["clip"].isVisibleTo(panel)

    panel.on_run_started(None)
    panel.on_probe(ProbeResult("sample_grid", 5, _grid_payload(0.2, 0.5, False)))
    assert np.array_equal(panel.shown_grid, np.full((59, 88), 0.2, "float32"))
    panel.on_probe(ProbeResult("sample_grid", 10, _grid_payload(0.4, 1.0, True)))
    panel.on_probe(ProbeResult("sample_grid", 10, _grid_payload(0.4, 1.0, True)))  # the same epoch end twice
    panel.on_probe(ProbeResult("sample_grid", 15, _grid_payload(0.6, 1.5, False)))
    assert panel.snap_slider.maximum() == 1 and panel.snap_slider.value() == 1  # one snapshot, still live
    assert panel.shown_grid[0, 0] == np.float32(0.6)
    panel.snap_slider.setValue(0)  # scroll back to the end of epoch 1
    assert panel.shown_grid[0, 0] == np.float32(0.4) and panel.snap_label.text() == "epoch 1"
    panel.on_probe(ProbeResult("sample_grid", 20, _grid_payload(0.8, 2.0, True)))
    assert panel.shown_grid[0, 0] == np.float32(0.4)  # a user looking back is not yanked to live
    panel.snap_slider.setValue(panel.snap_slider.maximum())
    assert panel.snap_label.text() == "live" and panel.shown_grid[0, 0] == np.float32(0.8)

    panel.on_epoch(EpochEnd(2, 1.0, 100, {"d_loss": 1.1, "g_loss": 0.9, "d_real": 0.55, "d_fake": 0.45}))
    xs, ys = panel.items["g_loss"].getData()
    assert list(xs) == [0.5, 1.0, 1.5, 2.0] and ys[-1] == 0.8  # probe points only (epoch means skipped), one per x
    assert "G loss" in panel.loss_plot.titleLabel.text
    panel.on_probe(ProbeResult("sample_grid", 25, _grid_payload(0.9, 2.5, False)))
    assert panel.snap_label.text() == "live · epoch 2.5"

    hist = np.array([0, 50, 0, 0, 0, 0, 0, 0, 150, 0])
    panel.on_probe(ProbeResult("class_histogram", 20, {"histogram": hist, "mean_confidence": 0.5,
                                                       "confident_share": 0.25, "distinct_confident": 2,
                                                       "count": 200}))
    assert list(panel.bars.opts["height"]) == hist.tolist()
    assert "25%" in panel.hist_text.text() and "2 digits" in panel.hist_text.text()

    mlp = make_window("mlp")
    assert not _panel(mlp).applies_to(mlp.document.experiment)


def test_game_settings_edit_the_project_with_undo(make_window):
    win = make_window("wgan")
    panel = _panel(win)
    assert panel.options.editors["clip"].isVisibleTo(panel) and panel.options.editors["clip"].value() == 0.01
    assert not panel.options.editors["d_steps"].isVisibleTo(panel)
    panel.options.editors["clip"].setValue(0.05)
    panel.options.editors["n_critic"].setValue(3)
    assert win.document.experiment.options["clip"] == 0.05 and win.document.experiment.options["n_critic"] == 3
    win.document.undo_stack.undo()
    assert win.document.experiment.options["n_critic"] == 5
    assert panel.options.editors["n_critic"].value() == 5


def _tiny(preset: str):
    exp = get_preset(preset).make("mnist-offline")
    exp.networks["generator"] = NetworkSpec((8,), [LayerSpec("Dense", {"units": 784, "activation": "tanh"}),
                                                   LayerSpec("Reshape", {"target_shape": [28, 28, 1]})])
    exp.networks["discriminator"] = NetworkSpec((28, 28, 1), [LayerSpec("Flatten"),
                                                              LayerSpec("Dense", {"units": 1,
                                                                                  "activation": "linear"})])
    exp.dataset_options = {"limit": 64}
    exp.options.update({"quality_check": False, "grid_columns": 4})
    exp.training.epochs = 2
    exp.training.batch_size = 32
    return exp


def test_tiny_cgan_run_then_generate_walk_and_save(make_window, qtbot, tmp_path):
    win = make_window("cgan")
    panel = _panel(win)
    panel.ctx.load_experiment(_tiny("cgan"), "tiny cgan")
    assert wait_until(lambda: not win.validation_pending, 30)
    assert not panel.generate_btn.isEnabled()
    with qtbot.waitSignal(win.controller.run_ended, timeout=90000) as ended:
        win.start_training()
    assert ended.args[0].status == "finished"
    assert wait_until(lambda: panel.shown_grid is not None, 10)
    assert panel.shown_grid.shape == (10 * 29 + 1, 4 * 29 + 1)  # one row per digit
    assert panel.row_labels == [str(d) for d in range(10)]  # each row names its digit, at its left
    shown = panel.grid_image.pixmap()
    assert shown.height() == 3 * (10 * 29 + 1) and shown.width() > 3 * (4 * 29 + 1)
    # A snapshot per finished epoch (the window keeps only the newest payload per 33 ms, so on a run this
    # fast the first epoch's may be skipped; the model tests check that none is lost otherwise).
    assert panel.strip.epochs[-1] == 2 and panel.snap_slider.maximum() == len(panel.strip.epochs)
    xs, ys = panel.items["d_loss"].getData()
    assert xs is not None and len(xs) >= 2 and np.all(np.diff(xs) > 0)  # one point per report, in order
    assert 0 < xs[-1] <= 2  # x is in epochs: the run had two
    assert np.all(np.isfinite(ys)) and np.all(ys > 0)  # a cross-entropy loss
    assert wait_until(lambda: panel.path_images is not None, 30)
    assert panel.path_images.shape == (21, 28, 28)
    assert panel.generate_btn.isEnabled() and panel.digit.isVisibleTo(panel)

    panel.digit.setCurrentIndex(panel.digit.findData(7))
    panel.generate_btn.click()
    assert wait_until(lambda: panel.grid_title.text().startswith("Generated"), 30)
    assert "digit 7" in panel.snap_label.text() and panel.shown_grid.shape == (8 * 29 + 1, 8 * 29 + 1)
    assert panel.seed == 1 and "seed 0" in panel.snap_label.text()
    assert panel.row_labels == []  # every row is a 7: the title says so
    panel.walk_slider.setValue(10)
    assert panel.walk_image.pixmap() is not None and not panel.walk_image.pixmap().isNull()

    out = tmp_path / "grid.png"
    assert panel.save_png(str(out))
    assert read_png_size(out) == (3 * (8 * 29 + 1), 3 * (8 * 29 + 1))
    (tmp_path / "a-file").write_text("x")
    assert not panel.save_png(str(tmp_path / "a-file" / "grid.png"))  # its folder is a file: message, no raise
    assert "Could not save" in win.message_bar.text

    panel.digit.setCurrentIndex(panel.digit.findData(None))  # all digits: one labelled row each
    panel.generate_btn.click()
    assert wait_until(lambda: panel.seed == 2 and panel.row_labels == [str(d) for d in range(10)], 30)


def test_editor_reports_a_broken_join_between_generator_and_discriminator(make_window):
    win = make_window("gan")
    assert win.join_error == ""
    reshape = len(win.document.layers("generator")) - 1
    win.document.set_param("generator", reshape, "target_shape", [28, 28, 1, 1])
    assert wait_until(lambda: not win.validation_pending, 30)
    assert f"generator: layer {reshape + 1} (Reshape)" in win.join_error and "discriminator reads" in win.join_error
    win.document.undo_stack.undo()
    assert wait_until(lambda: not win.validation_pending and win.join_error == "", 30)
