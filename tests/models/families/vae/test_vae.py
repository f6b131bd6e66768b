"""The variational autoencoder: the loss terms, the encoder/decoder join check, the probes, a run through the
session, and the exported decoder round trip (save, safe-mode load, generate, CLI)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from models.spec.presets import get_preset
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.families.vae.joins import join_error
from models.families.vae.options import resolve_options
from models.families.vae.probes import manifold_codes
from models.pca import pca_2d
from models.spec.options import OptionError

import keras  # noqa: E402  (a dependency: its absence is a failure, not a skip)

LATENT = 2


def tiny_experiment(latent: int = LATENT, **options: object) -> Experiment:
    """Small dense halves on 128 offline digits: seconds, not minutes."""
    enc = NetworkSpec((28, 28, 1), [LayerSpec("Flatten"), LayerSpec("Dense", {"units": 32, "activation": "relu"}),
                                    LayerSpec("Dense", {"units": 2 * latent, "activation": "linear"})])
    dec = NetworkSpec((latent,), [LayerSpec("Dense", {"units": 32, "activation": "relu"}),
                                  LayerSpec("Dense", {"units": 784, "activation": "sigmoid"}),
                                  LayerSpec("Reshape", {"target_shape": [28, 28, 1]})])
    opts: dict[str, object] = {"quality_check": False, "grid_rows": 2, "grid_columns": 3, "latent_points": 100,
                               "manifold_size": 5}
    opts.update(options)
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=32, epochs=1, metrics=[], seed=0)
    return Experiment("vae", {"encoder": enc, "decoder": dec}, "mnist-offline", cfg,
                      dataset_options={"limit": 128}, options=opts)


# --- the loss ----------------------------------------------------------------------------------------------
def test_kl_term_matches_the_closed_form() -> None:
    from models.families.vae.model import kl_divergence

    mean = np.array([[0.0, 0.0], [1.0, 2.0]], dtype="float32")
    log_var = np.array([[0.0, 0.0], [0.0, math.log(4.0)]], dtype="float32")
    kl = np.asarray(kl_divergence(mean, log_var))
    # 0.5 * sum(sigma^2 + mu^2 - 1 - log sigma^2): (1+1-1-0) + (4+4-1-ln 4)
    assert kl[0] == pytest.approx(0.0, abs=1e-6)
    assert kl[1] == pytest.approx(0.5 * (1.0 + 7.0 - math.log(4.0)), rel=1e-5)
    # and a Monte Carlo estimate of E_q[log q(z) - log p(z)] agrees
    rng = np.random.default_rng(0)
    mu, sd = mean[1].astype("float64"), np.exp(0.5 * log_var[1].astype("float64"))
    z = mu + sd * rng.standard_normal((200_000, 2))
    log_q = -0.5 * (((z - mu) / sd) ** 2 + 2 * np.log(sd) + math.log(2 * math.pi)).sum(axis=1)
    log_p = -0.5 * (z ** 2 + math.log(2 * math.pi)).sum(axis=1)
    assert float(np.mean(log_q - log_p)) == pytest.approx(float(kl[1]), rel=0.02)


def test_reconstruction_term_is_bce_summed_over_pixels() -> None:
    from models.families.vae.model import reconstruction_loss

    x = np.zeros((2, 28, 28, 1), dtype="float32")
    x[1] = 1.0
    p = np.full((2, 28, 28, 1), 0.5, dtype="float32")
    assert np.asarray(reconstruction_loss(x, p)) == pytest.approx([784 * math.log(2.0)] * 2, rel=1e-5)


def test_train_step_reduces_the_loss_on_a_small_batch_and_reports_each_term(prepare) -> None:
    import tensorflow as tf

    prep = prepare(tiny_experiment())
    model = prep.model
    batch = tf.constant(prep.x[:32])
    first = model.train_step((batch,))
    assert set(first) == {"loss", "reconstruction_loss", "kl_loss"}
    start = float(model.losses_for(batch, training=False)[1])
    for _ in range(40):
        model.train_step((batch,))
    total, rec, kl = (float(t) for t in model.losses_for(batch, training=False))
    assert rec < 0.8 * start, (start, rec)
    assert total == pytest.approx(rec + kl, rel=1e-5)  # beta defaults to 1


# --- the join between encoder and decoder ------------------------------------------------------------------
def test_join_error_is_located_and_plain() -> None:
    from models.spec import joins

    exp = tiny_experiment()
    assert join_error(exp) is None and joins.join_error(exp, {}) is None
    exp.networks["encoder"].layers[-1].params["units"] = 3
    error = join_error(exp)
    assert error is not None and error.role == "encoder" and error.index == 2 and error.layer_type == "Dense"
    assert "2 × 2 = 4" in error.reason and "log-variance" in error.reason
    assert str(error).startswith("encoder: layer 3 (Dense)")
    from models.spec.build import validate_network
    reports = {role: validate_network(exp.networks[role], role) for role in ("encoder", "decoder")}
    assert str(joins.join_error(exp, reports)) == str(error)  # the editor's mechanism finds it too

    exp = tiny_experiment()
    exp.networks["decoder"].layers[1].params["activation"] = "tanh"
    error = join_error(exp)
    assert error is not None and error.role == "decoder" and "sigmoid" in error.reason
    exp = tiny_experiment()
    exp.networks["decoder"].layers[-1].params["target_shape"] = [28, 28]
    error = join_error(exp)
    assert error is not None and error.role == "decoder" and error.index == 2 and "Reshape to 28×28×1" in str(error)
    exp = tiny_experiment()
    exp.networks["decoder"].input_shape = (2, 2)
    assert join_error(exp).role == "decoder"
    del exp.networks["encoder"]
    assert "role 'encoder'" in str(join_error(exp))


def test_options_are_checked_by_name() -> None:
    exp = tiny_experiment(beta=-1.0)
    with pytest.raises(OptionError, match="beta"):
        resolve_options(exp)
    with pytest.raises(OptionError, match="not used by a VAE"):
        resolve_options(tiny_experiment(d_steps=2))
    assert resolve_options(tiny_experiment())["beta"] == 1.0


def test_presets_are_valid_and_registered() -> None:
    for name in ("vae", "convvae"):
        exp = get_preset(name).make("mnist-offline")
        assert exp.family == "vae" and get_preset(name).group == "Generative"
        assert join_error(exp) is None, name
    assert get_preset("vae").make().networks["decoder"].input_shape == (2,)


# --- probes ------------------------------------------------------------------------------------------------
def test_latent_probe_payload_shapes(prepare) -> None:
    from models.families.vae.probes import LatentMapProbe, VAESampleProbe, latent_batch
    from models.data import load_dataset

    prep = prepare(tiny_experiment())
    names = [p.name for p in prep.probes]
    assert names == ["vae_samples", "vae_latent"]
    grid = prep.probes[0].compute(prep.model)
    assert grid["grid"].shape == (2 * 29 + 1, 3 * 29 + 1) and grid["images"].shape == (6, 28, 28)
    latent = prep.probes[1].compute(prep.model)
    assert latent["points"].shape == (100, 2) and latent["labels"].shape == (100,)
    assert not latent["projected"] and latent["manifold"].shape == (5 * 28, 5 * 28)
    assert 0.0 <= latent["manifold"].min() and latent["manifold"].max() <= 1.0
    assert set(np.unique(latent["labels"])) <= set(range(10))

    data = load_dataset("mnist-offline", {"limit": 128}, seed=0)
    x, y = latent_batch(data, 1000)
    assert len(x) == len(y) == 1000  # test then validation digits (750 + 750 offline)
    prep3 = prepare(tiny_experiment(latent=3))
    probe = next(p for p in prep3.probes if isinstance(p, LatentMapProbe))
    payload = probe.compute(prep3.model)
    assert payload["projected"] and payload["manifold"] is None and payload["points"].shape == (100, 2)
    assert payload["explained"].shape == (2,) and payload["explained"].sum() <= 1.0 + 1e-6
    assert isinstance(prep3.probes[0], VAESampleProbe)


def test_pca_and_manifold_layout() -> None:
    rng = np.random.default_rng(0)
    pts = rng.standard_normal((500, 5)) * np.array([5.0, 1.0, 0.1, 0.1, 0.1])
    proj, share = pca_2d(pts)
    assert proj.shape == (500, 2) and share[0] > 0.9
    codes = manifold_codes(3)
    assert codes[0].tolist() == [-3.0, 3.0] and codes[-1].tolist() == [3.0, -3.0]  # top-left = high z2
    with pytest.raises(ValueError):
        pca_2d(np.zeros((0, 3)))


# --- a run, the export and the CLI -------------------------------------------------------------------------
class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []

    def report(self, event: object) -> None:
        self.events.append(event)


def test_session_run_then_export_reload_generate_round_trip(tmp_path) -> None:
    from main import cli_generate
    from models.generators import generate, generator_info
    from models.images import read_png_size
    from models.engine.events import EpochEnd, Finished, ProbeResult
    from models.engine.session import TrainingSession

    session = TrainingSession()
    try:
        rec = Recorder()
        result = session.start(tiny_experiment(), rec).result(timeout=120)
        assert result.status == "finished", result.message
        epoch = next(e for e in rec.events if isinstance(e, EpochEnd))
        for key in ("loss", "reconstruction_loss", "kl_loss", "val_loss", "val_kl_loss"):
            assert math.isfinite(epoch.metrics[key]), key
        finished = next(e for e in rec.events if isinstance(e, Finished))
        assert {"loss", "reconstruction_loss", "kl_loss"} <= set(finished.test)
        assert {e.name for e in rec.events if isinstance(e, ProbeResult)} == {"vae_samples", "vae_latent"}

        path = tmp_path / "decoder.keras"
        session.export_keras(str(path)).result(timeout=60)
        expected = session.with_model(lambda m: generate(m, 8, seed=3)).result(timeout=60)
    finally:
        session.shutdown(timeout=10)
    model = keras.saving.load_model(str(path), safe_mode=True)
    info = generator_info(model)
    assert info.latent_dim == LATENT and info.num_classes == 0 and info.image_shape == (28, 28, 1)
    images = generate(model, 8, seed=3)
    assert images.shape == (8, 28, 28) and 0.0 <= images.min() and images.max() <= 1.0
    np.testing.assert_allclose(images, expected, atol=1e-5)
    code, message = cli_generate(str(path), str(tmp_path / "grid.png"), count=16, columns=4)
    assert code == 0, message
    assert read_png_size(tmp_path / "grid.png") == (2 * (4 * 29 + 1), 2 * (4 * 29 + 1))


def test_bad_experiments_fail_with_a_message(prepare) -> None:
    from models.spec.build import BuildFailed
    from models.engine.recipe import RecipeError

    exp = tiny_experiment()
    exp.networks["encoder"].layers[-1].params["units"] = 3
    with pytest.raises(BuildFailed, match="2 × 2 = 4"):
        prepare(exp)
    with pytest.raises(RecipeError, match="beta"):
        prepare(tiny_experiment(beta="big"))


def test_the_vae_saves_as_a_checkpoint_and_its_config_rebuilds_it(prepare, tmp_path) -> None:
    """The run folder's last.keras is model.save of the VAE: without a get_config it raised ('Checkpoints are
    off' after every VAE run)."""
    model = prepare(tiny_experiment()).model
    model.save(tmp_path / "last.keras")
    twin = type(model).from_config(model.get_config())
    assert twin.get_config() == model.get_config()
    twin.load_weights(tmp_path / "last.keras")
    assert all(np.array_equal(a, b) for a, b in zip(twin.decoder.get_weights(), model.decoder.get_weights(),
                                                    strict=True))
