"""The VAE panel: it follows the family, receives the sample grid and the latent map during a tiny real run,
unlocks Generate and Save PNG afterwards; β edits the project with undo; the editor shows a broken join."""
import numpy as np

from gui.app import wait_until
from gui.panels.vae import VAEPanel
from models.images import read_png_size
from models.spec.presets import get_preset
from models.spec.experiment import LayerSpec, NetworkSpec


def _panel(win) -> VAEPanel:
    return next(p for p in win.panels if isinstance(p, VAEPanel))


def _tiny():
    exp = get_preset("vae").make("mnist-offline")
    exp.networks["encoder"] = NetworkSpec((28, 28, 1), [LayerSpec("Flatten"),
                                                        LayerSpec("Dense", {"units": 4, "activation": "linear"})])
    exp.networks["decoder"] = NetworkSpec((2,), [LayerSpec("Dense", {"units": 784, "activation": "sigmoid"}),
                                                 LayerSpec("Reshape", {"target_shape": [28, 28, 1]})])
    exp.dataset_options = {"limit": 64}
    exp.options.update({"quality_check": False, "grid_columns": 4, "grid_rows": 2, "latent_points": 200,
                        "manifold_size": 5})
    exp.training.epochs = 2
    exp.training.batch_size = 32
    return exp


def test_tiny_run_fills_grid_and_latent_map_then_generate_and_save(make_window, qtbot, tmp_path):
    win = make_window("vae")
    panel = _panel(win)
    assert panel.applies_to(win.document.experiment)
    dock = win.docks["panel_VAEPanel"]
    assert dock.isHidden() and dock in win.workspaces.members("train")  # Design shows the network
    win.workspaces.switch("train")
    assert not dock.isHidden()
    panel.ctx.load_experiment(_tiny(), "tiny vae")
    assert wait_until(lambda: not win.validation_pending, 30)
    assert win.join_error == ""
    assert not panel.generate_btn.isEnabled()
    with qtbot.waitSignal(win.controller.run_ended, timeout=90000) as ended:
        win.start_training()
    assert ended.args[0].status == "finished", ended.args[0].message
    assert wait_until(lambda: panel.shown_grid is not None and panel.manifold is not None, 10)
    assert panel.shown_grid.shape == (2 * 29 + 1, 4 * 29 + 1)
    assert panel.points.shape == (200, 2) and panel.labels.shape == (200,)
    assert panel.manifold.shape == (5 * 28, 5 * 28)
    assert "z₁" in panel.map_plot.getAxis("bottom").labelText
    assert len(panel.scatter.data) == 200
    # The three loss terms reach the shared Loss and metrics plots with no help from the panel.
    assert wait_until(lambda: {("reconstruction_loss", "epoch"), ("kl_loss", "val")} <= set(win.plots.curves), 10), \
        sorted(win.plots.curves)

    assert wait_until(lambda: panel.generate_btn.isEnabled(), 10)
    panel.generate_btn.click()
    assert wait_until(lambda: panel.grid_title.text().startswith("Generated"), 30)
    assert panel.shown_grid.shape == (8 * 29 + 1, 8 * 29 + 1) and panel.seed == 1
    out = tmp_path / "grid.png"
    assert panel.save_png(str(out))
    assert read_png_size(out) == (3 * (8 * 29 + 1), 3 * (8 * 29 + 1))

    mlp = make_window("mlp")
    assert not _panel(mlp).applies_to(mlp.document.experiment)


def test_latent_payload_wider_than_two_is_labelled_as_pca(make_window):
    win = make_window("vae")
    panel = _panel(win)
    payload = {"points": np.zeros((30, 2), "float32"), "labels": np.arange(30) % 10, "latent_dim": 8,
               "projected": True, "explained": np.array([0.4, 0.2]), "manifold": None, "manifold_size": 15,
               "manifold_range": 3.0, "step": 1, "epoch": 0.1}
    from models.engine.events import ProbeResult
    panel.on_probe(ProbeResult("vae_latent", 1, payload))
    assert "PCA" in panel.map_note.text() and "40%" in panel.map_plot.getAxis("bottom").labelText
    assert panel.manifold is None and "2-D latent space" in panel.manifold_note.text()


def test_beta_edits_the_project_with_undo_and_the_editor_shows_a_broken_join(make_window):
    win = make_window("vae")
    panel = _panel(win)
    assert panel.beta.value() == 1.0
    panel.beta.setValue(4.0)
    assert win.document.experiment.options["beta"] == 4.0
    win.document.undo_stack.undo()
    assert win.document.experiment.options["beta"] == 1.0 and panel.beta.value() == 1.0

    last = len(win.document.layers("encoder")) - 1
    win.document.set_param("encoder", last, "units", 3)
    assert wait_until(lambda: not win.validation_pending, 30)
    assert "encoder: layer 4 (Dense)" in win.join_error and "2 × 2 = 4" in win.join_error
    win.document.undo_stack.undo()
    assert wait_until(lambda: not win.validation_pending and win.join_error == "", 30)
