"""GAN, WGAN and conditional GAN: who updates what, clipping, labels, fixed-noise grids, export and the CLI."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.families.gan.joins import conditioned_networks, join_error
from models.families.gan.options import resolve_options
from models.families.gan.snapshots import SnapshotStrip
from models.generators import fixed_noise
from models.images import read_png_size
from models.spec.build import validate_network
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.options import OptionError
from models.spec.presets import get_preset

import keras  # noqa: E402  (a dependency: its absence is a failure, not a skip)


LATENT = 8


def tiny_experiment(family: str = "gan", **options: object) -> Experiment:
    """Small dense players on 256 offline digits: seconds, not minutes."""
    gen = NetworkSpec((LATENT,), [LayerSpec("Dense", {"units": 32, "activation": "leaky_relu"}),
                                  LayerSpec("Dense", {"units": 784, "activation": "tanh"}),
                                  LayerSpec("Reshape", {"target_shape": [28, 28, 1]})])
    disc = NetworkSpec((28, 28, 1), [LayerSpec("Flatten"), LayerSpec("Dense", {"units": 16,
                                                                              "activation": "leaky_relu"}),
                                     LayerSpec("Dense", {"units": 1, "activation": "linear"})])
    opts = {"quality_check": False, "grid_rows": 2, "grid_columns": 3}
    opts.update(options)
    cfg = TrainingConfig(optimizer="rmsprop" if family == "wgan" else "adam", learning_rate=1e-3, batch_size=32,
                         epochs=1, metrics=[], seed=0)
    return Experiment(family, {"generator": gen, "discriminator": disc}, "mnist-offline", cfg,
                      dataset_options={"limit": 128}, options=opts)


def weights(model) -> list[np.ndarray]:
    return [np.array(w) for w in model.trainable_weights]


def same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


# --- who updates what --------------------------------------------------------------------------------------
@pytest.mark.parametrize("family", ["gan", "wgan", "cgan"])
def test_each_step_updates_only_its_own_player(family: str, prepare) -> None:
    import tensorflow as tf

    prep = prepare(tiny_experiment(family))
    model = prep.model
    real = tf.constant(prep.x[:16])
    labels = tf.constant(prep.y[:16].reshape(-1, 1)) if family == "cgan" else None
    g0, d0 = weights(model.generator), weights(model.discriminator)
    model.g_step(tf.constant(16))
    g1, d1 = weights(model.generator), weights(model.discriminator)
    assert same(d0, d1), "the generator step changed the discriminator"
    assert not same(g0, g1), "the generator step did not change the generator"
    model.d_step(real, labels)
    g2, d2 = weights(model.generator), weights(model.discriminator)
    assert same(g1, g2), "the discriminator step changed the generator"
    assert not same(d1, d2), "the discriminator step did not change the discriminator"


def test_k_discriminator_steps_per_generator_step_each_on_its_own_images(prepare) -> None:
    prep = prepare(tiny_experiment("gan", d_steps=3))
    assert prep.fit_kwargs["batch_size"] == 3 * 32
    steps = prep.fit_kwargs["steps_per_epoch"]
    assert len(prep.x) == steps * 96 and steps == (128 + 750) // 96  # 128 train + 750 validation digits
    model = prep.model
    model.fit(prep.x, prep.y, epochs=1, verbose=0, **prep.fit_kwargs)
    assert int(model.g_optimizer.iterations.numpy()) == steps
    assert int(model.d_optimizer.iterations.numpy()) == 3 * steps


def test_wgan_clipping_holds_after_every_step(prepare) -> None:
    prep = prepare(tiny_experiment("wgan", n_critic=2, clip=0.02))
    model = prep.model
    assert max(float(np.abs(w).max()) for w in weights(model.discriminator)) > 0.02  # init is outside [-c, c]
    worst: list[float] = []
    at_limit: list[float] = []

    class Check(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            ws = weights(model.discriminator)
            worst.append(max(float(np.abs(w).max()) for w in ws))
            at_limit.append(np.mean([np.mean(np.isclose(np.abs(w), 0.02)) for w in ws]))

    hist = model.fit(prep.x, None, epochs=1, verbose=0, callbacks=[Check()], **prep.fit_kwargs)
    assert len(worst) == prep.fit_kwargs["steps_per_epoch"] > 1
    assert max(worst) <= 0.02 + 1e-7
    assert min(at_limit) > 0.05  # clipping really bites
    assert set(hist.history) == {"d_loss", "g_loss", "wasserstein"}
    assert hist.history["wasserstein"][0] == pytest.approx(-hist.history["d_loss"][0], rel=1e-5)
    assert int(model.d_optimizer.iterations.numpy()) == 2 * int(model.g_optimizer.iterations.numpy())


# --- conditioning ------------------------------------------------------------------------------------------
def test_cgan_players_take_labels_and_use_them(prepare) -> None:
    prep = prepare(tiny_experiment("cgan"))
    model = prep.model
    g, d = model.generator, model.discriminator
    assert [tuple(t.shape) for t in g.inputs] == [(None, LATENT), (None, 1)]
    assert [tuple(t.shape) for t in d.inputs] == [(None, 28, 28, 1), (None, 1)]
    z = np.repeat(fixed_noise(1, LATENT), 10, axis=0)
    digits = np.arange(10, dtype="int32").reshape(-1, 1)
    out = np.asarray(g.predict_on_batch([z, digits]))
    assert out.shape == (10, 28, 28, 1)
    assert np.abs(out[0] - out[7]).max() > 1e-4  # same noise, different label, different image
    score = np.asarray(d.predict_on_batch([prep.x[:10], digits]))
    assert score.shape == (10, 1)
    # The user's stacks are built with room for the label: noise + one-hot, image + one label plane.
    specs = conditioned_networks(tiny_experiment("cgan"))
    assert specs["generator"].input_shape == (LATENT + 10,)
    assert specs["discriminator"].input_shape == (28, 28, 2)
    assert prep.y.dtype == np.int32 and prep.y.shape == (len(prep.x),)


# --- probes ------------------------------------------------------------------------------------------------
def test_fixed_noise_grid_stays_fixed_until_the_weights_change(prepare) -> None:
    import tensorflow as tf

    prep = prepare(tiny_experiment("gan"))
    probe = next(p for p in prep.probes if p.name == "sample_grid")
    first, second = probe.compute(prep.model), probe.compute(prep.model)
    assert first["grid"].shape == (2 * 29 + 1, 3 * 29 + 1) and first["images"].shape == (6, 28, 28)
    assert np.array_equal(first["grid"], second["grid"])
    assert 0.0 <= first["grid"].min() and first["grid"].max() <= 1.0
    prep.model.g_step(tf.constant(8))
    third = probe.compute(prep.model)
    assert not np.array_equal(first["grid"], third["grid"])
    assert third["step"] == 1 and not first["epoch_end"]
    assert third["epoch_done"] == 0 and third["epoch_grid"] is None
    # Curves get the mean over the batches since the previous grid, not Keras' running mean of the epoch.
    assert set(third["metrics"]) == {"g_loss"} and first["metrics"] == {}
    g2 = float(prep.model.g_step(tf.constant(8))["g_loss"])
    assert probe.compute(prep.model)["metrics"]["g_loss"] == pytest.approx(g2, rel=1e-5)


def test_cgan_grid_has_one_row_per_digit(prepare) -> None:
    prep = prepare(tiny_experiment("cgan"))
    payload = next(p for p in prep.probes if p.name == "sample_grid").compute(prep.model)
    assert payload["rows"] == 10 and payload["columns"] == 3
    assert payload["labels"].tolist() == [d for d in range(10) for _ in range(3)]
    assert payload["grid"].shape == (10 * 29 + 1, 3 * 29 + 1)


def test_snapshot_strip_keeps_one_grid_per_epoch() -> None:
    strip = SnapshotStrip()
    grid = np.zeros((5, 7), "float32")
    assert not strip.add({"grid": grid, "epoch": 0.5, "epoch_end": False})
    assert strip.add({"grid": grid, "epoch": 1.0, "epoch_end": True})
    assert not strip.add({"grid": grid + 1, "epoch": 1.0, "epoch_end": True})
    assert strip.add({"grid": grid + 0.5, "epoch": 2.0, "epoch_end": True})
    assert strip.epochs == [1, 2] and strip.image(pad=2).shape == (5, 16)
    # A payload from the middle of epoch 4 still brings epoch 3's end grid, if the GUI missed that payload.
    assert strip.add({"grid": grid, "epoch": 3.5, "epoch_end": False, "epoch_done": 3, "epoch_grid": grid + 3})
    assert not strip.add({"grid": grid, "epoch": 3.7, "epoch_end": False, "epoch_done": 3, "epoch_grid": grid})
    assert strip.epochs == [1, 2, 3] and strip.grids[-1][0, 0] == 3


def test_grid_probe_curve_points_are_each_epochs_mean_across_epoch_starts(prepare) -> None:
    """Keras resets its trackers at each epoch start; a probe call in the next epoch after as many batches as
    before (epoch end after epoch end) once found no new batches and dropped the point."""
    import tensorflow as tf

    prep = prepare(tiny_experiment("gan"))
    probe = next(p for p in prep.probes if p.name == "sample_grid")
    assert probe.compute(prep.model)["metrics"] == {}
    for epoch in (1, 2, 3):
        prep.model.reset_metrics()  # what fit does at every epoch start
        losses = [float(prep.model.g_step(tf.constant(8))["g_loss"]) for _ in range(probe.steps_per_epoch)]
        payload = probe.compute(prep.model)
        assert payload["epoch_end"] and payload["epoch"] == epoch
        assert payload["metrics"]["g_loss"] == pytest.approx(np.mean(losses), rel=1e-5), epoch


# --- export, reload, generate, CLI -------------------------------------------------------------------------
def run_session(exp: Experiment, tmp_path: Path):
    from models.engine.events import EpochEnd, RecordingReporter
    from models.engine.session import TrainingSession

    session = TrainingSession()
    reporter = RecordingReporter()
    try:
        result = session.start(exp, reporter).result(timeout=120)
        path = session.export_keras(str(tmp_path / f"{exp.family}.keras")).result(timeout=60)
    finally:
        session.shutdown(timeout=10)
    return result, reporter.of(EpochEnd), path


def test_cgan_export_reload_generate_roundtrip_and_cli(tmp_path: Path) -> None:
    import main
    from models.generators import class_rows, generate, generator_info, interpolate

    result, epochs, path = run_session(tiny_experiment("cgan"), tmp_path)
    assert result.status == "finished"
    assert set(epochs[0].metrics) == {"d_loss", "g_loss", "d_real", "d_fake", "learning_rate"}  # lr: plotted
    assert all(np.isfinite(v) for v in epochs[0].metrics.values())
    model = keras.saving.load_model(path, safe_mode=True)  # no custom objects of ours needed
    info = generator_info(model)
    assert (info.latent_dim, info.num_classes, info.image_shape) == (LATENT, 10, (28, 28, 1))
    sevens = generate(model, 5, seed=3, labels=7)
    assert sevens.shape == (5, 28, 28) and 0.0 <= sevens.min() and sevens.max() <= 1.0
    assert np.array_equal(sevens, generate(model, 5, seed=3, labels=7))  # seeded noise: reproducible
    assert not np.allclose(sevens, generate(model, 5, seed=3, labels=1))
    assert class_rows(model, 2).shape == (20, 28, 28)
    z0, z1 = fixed_noise(2, LATENT, 9)
    path_images = interpolate(model, z0, z1, steps=4, label=2)
    assert np.allclose(path_images[0], generate(model, 1, labels=2, noise=z0[None])[0], atol=1e-5)
    assert np.allclose(path_images[-1], generate(model, 1, labels=2, noise=z1[None])[0], atol=1e-5)

    out = tmp_path / "grid.png"
    assert main.main(["generate", path, "--out", str(out), "--label", "3", "--count", "6", "--scale", "1"]) == 0
    assert read_png_size(out) == (3 * 29 + 1, 2 * 29 + 1)
    rows = tmp_path / "rows.png"
    assert main.main(["generate", path, "--out", str(rows), "--count", "20", "--scale", "1"]) == 0
    assert read_png_size(rows) == (2 * 29 + 1, 10 * 29 + 1)
    assert main.main(["generate", path, "--out", str(out), "--label", "10"]) == 2
    assert main.main(["generate", str(tmp_path / "missing.keras"), "--out", str(out)]) == 2
    assert main.main(["generate", path, "--out", str(tmp_path / "grid.jpg")]) == 2


def test_gan_export_is_plain_generator_and_cli_rejects_label(tmp_path: Path) -> None:
    import main
    from models.generators import generate

    result, epochs, path = run_session(tiny_experiment("gan", label_smoothing=0.1), tmp_path)
    assert result.status == "finished" and len(epochs) == 1
    model = keras.saving.load_model(path, safe_mode=True)
    assert len(model.inputs) == 1 and tuple(model.outputs[0].shape) == (None, 28, 28, 1)
    assert "to_pixels" in [layer.name for layer in model.layers]
    assert generate(model, 4).shape == (4, 28, 28)
    with pytest.raises(ValueError, match="not conditioned"):
        generate(model, 4, labels=3)
    out = tmp_path / "g.png"
    assert main.main(["generate", path, "--out", str(out), "--count", "4", "--seed", "2"]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and read_png_size(out) == (2 * 2 * 29 + 2, 2 * 2 * 29 + 2)
    assert main.main(["generate", path, "--out", str(out), "--label", "3"]) == 2


# --- checks and options --------------------------------------------------------------------------------------
def test_join_errors_are_located() -> None:
    exp = tiny_experiment("gan")
    exp.networks["generator"].layers[-1] = LayerSpec("Reshape", {"target_shape": [784]})
    err = join_error(exp)
    assert err is not None and err.role == "generator" and err.index == 2
    assert "Reshape to 28×28×1" in err.reason

    exp = tiny_experiment("gan")
    exp.networks["discriminator"].layers[-1] = LayerSpec("Dense", {"units": 10, "activation": "softmax"})
    err = join_error(exp)
    assert err is not None and err.role == "discriminator" and err.index == 2 and "one number" in err.reason

    exp = tiny_experiment("wgan")
    exp.networks["discriminator"].layers[-1] = LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})
    err = join_error(exp)
    assert err is not None and "linear" in err.reason and err.role == "discriminator"

    exp = tiny_experiment("gan")
    exp.networks["generator"].input_shape = (4, 2)
    err = join_error(exp, {r: validate_network(n, r) for r, n in exp.networks.items()})
    assert err is not None and err.index == -1 and "noise" in err.reason
    assert join_error(tiny_experiment("cgan")) is None


def test_recipe_refuses_bad_options_and_join_with_clear_messages(prepare) -> None:
    from models.engine.recipe import RecipeError
    from models.spec.build import BuildFailed

    with pytest.raises(OptionError, match="d_steps"):
        resolve_options(tiny_experiment("gan", d_steps=0))
    with pytest.raises(OptionError, match="not used by gan"):
        resolve_options(tiny_experiment("gan", clip=0.1))
    with pytest.raises(RecipeError, match="n_critic"):
        prepare(tiny_experiment("wgan", n_critic="five"))
    bad = tiny_experiment("gan")
    bad.networks["generator"].layers.pop()  # outputs (784,) instead of an image
    with pytest.raises(BuildFailed, match="generator: layer 2"):
        prepare(bad)
    opts = resolve_options(tiny_experiment("gan", g_learning_rate=1e-4))
    assert opts["g_learning_rate"] == 1e-4 and opts["d_learning_rate"] == 1e-3 and opts["d_optimizer"] == "adam"


@pytest.mark.parametrize("name", ["gan", "dcgan", "wgan", "cgan"])
def test_presets_build_and_join(name: str) -> None:
    exp = get_preset(name).make()
    assert exp.family in ("gan", "wgan", "cgan") and set(exp.networks) == {"generator", "discriminator"}
    nets = conditioned_networks(exp) if exp.family == "cgan" else exp.networks
    reports = {role: validate_network(net, role) for role, net in nets.items()}
    assert all(r.ok for r in reports.values()), [str(r.error) for r in reports.values()]
    assert join_error(exp, reports) is None
    assert Experiment.from_json(exp.to_json()).to_dict() == exp.to_dict()


def test_nan_guard_watches_both_losses() -> None:
    from models.engine.events import Failed, RecordingReporter
    from models.engine.session import TrainingSession

    exp = tiny_experiment("gan", label_smoothing=0.0)
    exp.training.optimizer = "sgd"
    exp.training.learning_rate = 1e6  # wildly too large: the losses overflow within a few steps
    exp.training.epochs = 20
    for role in ("generator", "discriminator"):
        for layer in exp.networks[role].layers:
            if layer.type == "Dense":
                layer.params["activation"] = "linear"
    session = TrainingSession()
    reporter = RecordingReporter()
    try:
        result = session.start(exp, reporter).result(timeout=120)
    finally:
        session.shutdown(timeout=10)
    failed = reporter.of(Failed)
    assert result.status == "failed" and failed and failed[0].kind == "nan", failed
    assert "d_loss" in failed[0].message or "g_loss" in failed[0].message


@pytest.mark.parametrize("family", ["gan", "wgan", "cgan"])
def test_the_pair_saves_as_a_checkpoint_and_its_config_rebuilds_it(family: str, prepare, tmp_path: Path) -> None:
    """The run folder's last.keras is model.save of the training pair: without a get_config it raised, and every
    GAN run said 'Checkpoints are off'."""
    model = prepare(tiny_experiment(family)).model
    model.save(tmp_path / "last.keras")
    config = model.get_config()
    twin = type(model).from_config(model.get_config())
    assert twin.get_config() == config  # every constructor argument survives, the subclass's own included
    assert {"gan": set(), "wgan": {"clip"}, "cgan": {"num_classes"}}[family] <= set(config)
    twin.load_weights(tmp_path / "last.keras")  # how a resumed run reads it
    assert same(weights(twin.generator), weights(model.generator))
