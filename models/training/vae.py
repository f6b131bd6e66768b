"""The variational autoencoder as a keras.Model subclass with its own `train_step` (Kingma & Welling, 2014).

It trains through `model.fit` like every other family, so pause, stop, progress, the NaN guard, validation
curves and probes work unchanged. The probes (`VAESampleProbe`, `LatentMapProbe`) send numpy payloads only.

This module runs on the training thread only (it imports keras at top level).
"""
from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..build import BuildFailed, build_network
from ..data import Dataset
from ..generative import OptionError, fixed_noise, quality_judge, quality_report, tile_grid
from ..specs import Experiment
from ..vae import MANIFOLD_RANGE, join_error, manifold_codes, pca_2d, resolve_options
from . import feed
from .callbacks import Probe
from .recipe import Prepared, RecipeError, make_optimizer, recipe

_EPS = 1e-7  # pixel probabilities are clipped to [eps, 1 - eps] before the logs, as Keras' own BCE does


def kl_divergence(mean: Any, log_var: Any) -> Any:
    """KL(N(mean, exp(log_var)) || N(0, I)) per example, in closed form: -½ Σ (1 + log σ² − μ² − σ²)."""
    return -0.5 * tf.reduce_sum(1.0 + log_var - tf.square(mean) - tf.exp(log_var), axis=-1)


def reconstruction_loss(x: Any, probs: Any) -> Any:
    """Binary cross-entropy summed over every pixel, per example (the Bernoulli negative log-likelihood)."""
    n = tf.shape(x)[0]
    x = tf.reshape(tf.cast(x, probs.dtype), (n, -1))
    p = tf.clip_by_value(tf.reshape(probs, (n, -1)), _EPS, 1.0 - _EPS)
    return -tf.reduce_sum(x * tf.math.log(p) + (1.0 - x) * tf.math.log(1.0 - p), axis=-1)


class VAE(keras.Model):
    """Encoder q(z|x) and decoder p(x|z) trained together on the negative evidence lower bound.

    The encoder's 2·L outputs are split into the mean μ (first L) and the log-variance log σ² (last L).
    A code z = μ + exp(½ log σ²)·ε with ε ~ N(0, I) (the reparameterisation trick: the randomness is an
    input, so gradients reach μ and σ). loss = reconstruction + β·KL, both summed over pixels / latent
    dimensions and averaged over the batch. Logs: loss, reconstruction_loss, kl_loss (epoch means).
    """

    def __init__(self, encoder: keras.Model, decoder: keras.Model, latent_dim: int, beta: float = 1.0,
                 seed: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder
        self.latent_dim = int(latent_dim)
        self.beta = float(beta)
        self.noise_seed = keras.random.SeedGenerator(seed)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.rec_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_tracker = keras.metrics.Mean(name="kl_loss")
        self.built = True  # both halves are built already; lets count_params() and fit() skip a symbolic build

    @property
    def metrics(self) -> list[Any]:
        """Listed here so Keras resets them at the start of every epoch (and of every evaluation)."""
        return [self.loss_tracker, self.rec_tracker, self.kl_tracker]

    def compile(self, optimizer: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().compile(optimizer=optimizer, **kwargs)
        self.optimizer.build(self.trainable_variables)  # slots now, outside any traced function

    def encode(self, x: Any, training: bool = False) -> tuple[Any, Any]:
        """(mean, log_var) of q(z|x), each (n, latent_dim)."""
        h = self.encoder(x, training=training)
        return h[:, :self.latent_dim], h[:, self.latent_dim:]

    def sample_z(self, mean: Any, log_var: Any) -> Any:
        eps = keras.random.normal(tf.shape(mean), seed=self.noise_seed)
        return mean + tf.exp(0.5 * log_var) * eps

    def call(self, inputs: Any, training: bool = False) -> Any:
        """The reconstruction: a sampled code while training, the mean code otherwise."""
        mean, log_var = self.encode(inputs, training=training)
        z = self.sample_z(mean, log_var) if training else mean
        return self.decoder(z, training=training)

    def losses_for(self, x: Any, training: bool) -> tuple[Any, Any, Any]:
        """(total, reconstruction, kl), each already averaged over the batch."""
        mean, log_var = self.encode(x, training=training)
        probs = self.decoder(self.sample_z(mean, log_var), training=training)
        rec = tf.reduce_mean(reconstruction_loss(x, probs))
        kl = tf.reduce_mean(kl_divergence(mean, log_var))
        return rec + self.beta * kl, rec, kl

    def _record(self, total: Any, rec: Any, kl: Any) -> dict[str, Any]:
        self.loss_tracker.update_state(total)
        self.rec_tracker.update_state(rec)
        self.kl_tracker.update_state(kl)
        return {m.name: m.result() for m in self.metrics}

    def train_step(self, data: Any) -> dict[str, Any]:
        x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            total, rec, kl = self.losses_for(x, training=True)
        weights = self.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(total, weights), weights))
        return self._record(total, rec, kl)

    def test_step(self, data: Any) -> dict[str, Any]:
        """The same loss on held-out images (one sampled code each), for val_* curves and the test metrics."""
        x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
        return self._record(*self.losses_for(x, training=False))

    # --- looking at it -----------------------------------------------------------------------------------
    def decode_pixels(self, z: np.ndarray) -> np.ndarray:
        """Decoder outputs in inference mode as numpy, clipped to [0, 1]."""
        out = np.asarray(self.decoder(tf.constant(np.asarray(z, dtype="float32")), training=False))
        return np.clip(out, 0.0, 1.0)

    def latent_means(self, x: np.ndarray, batch: int = 500) -> np.ndarray:
        """The encoder's means for numpy images, (n, latent_dim)."""
        parts = [np.asarray(self.encode(tf.constant(x[i:i + batch]), training=False)[0])
                 for i in range(0, len(x), batch)]
        return np.concatenate(parts) if parts else np.zeros((0, self.latent_dim), "float32")

    def export_decoder(self) -> keras.Model:
        """The decoder behind an input named 'noise': a generator of images in [0, 1] from z ~ N(0, I). Only
        built-in layers, so it loads with keras.saving.load_model(path, safe_mode=True) and no code of ours."""
        noise = keras.Input((self.latent_dim,), name="noise")
        return keras.Model(noise, self.decoder(noise), name="vae_decoder")


# --- probes ------------------------------------------------------------------------------------------------
def _step(model: Any) -> int:
    opt = getattr(model, "optimizer", None)
    return int(opt.iterations.numpy()) if opt is not None else 0


class VAESampleProbe(Probe):
    """Decoded images of one FIXED batch of z ~ N(0, I), so the same samples can be watched forming.

    Payload: grid (float32 (H', W') in [0, 1], tiles with 1-pixel gaps), images (float32 (n, H, W)),
    rows, columns, step (optimizer updates so far), epoch (float: step / steps_per_epoch).
    """

    name = "vae_samples"
    interval_s = 0.5

    def __init__(self, latent_dim: int, rows: int = 8, columns: int = 8, steps_per_epoch: int = 1,
                 seed: int = 1234) -> None:
        self.rows, self.columns = rows, columns
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.noise = fixed_noise(rows * columns, latent_dim, seed)

    def compute(self, model: Any) -> dict[str, Any]:
        from ..generative import as_images

        images = as_images(model.decode_pixels(self.noise))
        step = _step(model)
        return {"grid": tile_grid(images, self.columns), "images": images.astype("float32"), "rows": self.rows,
                "columns": self.columns, "step": step, "epoch": step / self.steps_per_epoch}


class LatentMapProbe(Probe):
    """Where a fixed batch of held-out digits lands in latent space, and what the plane decodes to.

    Payload: points (float32 (n, 2): the encoder's means; for latent_dim > 2 projected onto their two main
    axes with PCA), labels (int64 (n,)), latent_dim, projected (bool), explained (float64 (2,): the variance
    share of each PCA axis; ones when not projected), manifold (float32 (size·H, size·W) in [0, 1] or None:
    decoder outputs over z in [-r, r]², z₂ growing upwards; latent_dim 2 only), manifold_size, manifold_range
    (r), step, epoch.
    """

    name = "vae_latent"
    interval_s = 1.0

    def __init__(self, images: np.ndarray, labels: np.ndarray, latent_dim: int, manifold_size: int = 15,
                 steps_per_epoch: int = 1) -> None:
        self.images = np.asarray(images, dtype="float32")
        self.labels = np.asarray(labels, dtype="int64")
        self.latent_dim = int(latent_dim)
        self.manifold_size = int(manifold_size)
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.codes = manifold_codes(self.manifold_size) if self.latent_dim == 2 else None

    def compute(self, model: Any) -> dict[str, Any]:
        means = model.latent_means(self.images)
        points, explained = pca_2d(np.nan_to_num(means))
        manifold = None
        if self.codes is not None:
            manifold = tile_grid(model.decode_pixels(self.codes), self.manifold_size, pad=0)
        step = _step(model)
        return {"points": points, "labels": self.labels.copy(), "latent_dim": self.latent_dim,
                "projected": self.latent_dim > 2, "explained": np.asarray(explained, dtype="float64"),
                "manifold": manifold, "manifold_size": self.manifold_size, "manifold_range": MANIFOLD_RANGE,
                "step": step, "epoch": step / self.steps_per_epoch}


def latent_batch(data: Dataset, count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Up to `count` held-out digits (test first, then validation) with their labels, a fixed choice."""
    xs = [a for a in (data.x_test, data.x_val) if a is not None and len(a)]
    ys = [a for a in (data.y_test, data.y_val) if a is not None and len(a)]
    if not xs:
        return np.asarray(data.x_train[:count], "float32"), np.asarray(data.y_train[:count], "int64")
    x, y = np.concatenate(xs), np.concatenate(ys)
    if len(x) > count:
        keep = np.sort(np.random.default_rng(seed).choice(len(x), count, replace=False))
        x, y = x[keep], y[keep]
    return np.asarray(x, "float32"), np.asarray(y, "int64")


# --- recipe ------------------------------------------------------------------------------------------------
@recipe("vae")
def prepare_vae(experiment: Experiment, data: Dataset) -> Prepared:
    """Variational autoencoder: trains on the training images, validates on the validation images; the
    exported model is the decoder (a generator of digits from z ~ N(0, I))."""
    try:
        opts = resolve_options(experiment)
    except OptionError as exc:
        raise RecipeError(str(exc)) from None
    image_shape = tuple(data.info.input_shape)
    if data.info.input_dtype != "float32" or data.x_train is None or len(image_shape) not in (1, 3):
        raise RecipeError(f"a VAE learns to redraw images; dataset '{data.info.name}' does not hold images")
    for role in ("encoder", "decoder"):
        if role not in experiment.networks:
            raise RecipeError(f"a VAE needs a network with the role '{role}'")
    cfg = experiment.training
    try:
        classifier = quality_judge(opts, image_shape, cfg.seed)
    except ValueError as exc:
        raise RecipeError(str(exc)) from None

    encoder, e_report = build_network(experiment.networks["encoder"], "encoder")
    decoder, d_report = build_network(experiment.networks["decoder"], "decoder")
    error = join_error(experiment, {"encoder": e_report, "decoder": d_report})
    if error is not None:
        raise BuildFailed(error)
    latent = int(experiment.networks["decoder"].input_shape[0])
    x = np.asarray(data.x_train, dtype="float32")
    if x.size and (float(x.min()) < 0.0 or float(x.max()) > 1.0):
        raise RecipeError(f"a VAE's binary cross-entropy needs pixels in [0, 1]; '{data.info.name}' has values "
                          f"from {float(x.min()):.3g} to {float(x.max()):.3g}")
    if len(x) < cfg.batch_size:
        raise RecipeError(f"one update needs a batch of {cfg.batch_size} images but '{data.info.name}' has "
                          f"{len(x)}: lower the batch size")

    model = VAE(encoder, decoder, latent, beta=opts["beta"], seed=cfg.seed, name="vae")
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate), jit_compile=False)
    export = model.export_decoder()
    steps = -(-len(x) // cfg.batch_size)

    validation = None
    if data.x_val is not None and len(data.x_val):
        x_val = np.asarray(data.x_val, dtype="float32")
        validation = (x_val, x_val)
    lx, ly = latent_batch(data, opts["latent_points"], cfg.seed)
    probes: list[Probe] = [VAESampleProbe(latent, opts["grid_rows"], opts["grid_columns"], steps),
                           LatentMapProbe(lx, ly, latent, opts["manifold_size"], steps)]

    def evaluate() -> dict[str, float]:
        out: dict[str, float] = {}
        if data.x_test is not None and len(data.x_test):
            x_test = np.asarray(data.x_test, dtype="float32")
            out.update(feed.evaluate(model, x_test, x_test, cfg.batch_size))
        if classifier is not None:
            report = quality_report(export, classifier, 1000)
            out.update({k: float(v) for k, v in report.items() if k not in ("histogram", "count")})
        return out

    # y = x: the targets are the images themselves (train_step reads x only; it keeps every data adapter happy)
    return Prepared(model=model, x=x, y=x, validation_data=validation, evaluate=evaluate, export_model=export,
                    probes=probes, samples_per_epoch=len(x), watch=("loss",))
