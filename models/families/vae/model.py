"""The variational autoencoder as a keras.Model subclass with its own `train_step` (Kingma & Welling, 2014).

It trains through `model.fit` like every other family, so pause, stop, progress, the NaN guard, validation
curves and probes work unchanged. This module runs on the training thread only (it imports keras at top level).
"""
from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from models.engine.distribute import replica_share

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
        self.seed = int(seed)
        self.noise_seed = keras.random.SeedGenerator(seed)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.rec_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_tracker = keras.metrics.Mean(name="kl_loss")
        self.built = True  # both halves are built already; lets count_params() and fit() skip a symbolic build

    @property
    def metrics(self) -> list[Any]:
        """Listed here so Keras resets them at the start of every epoch (and of every evaluation)."""
        return [self.loss_tracker, self.rec_tracker, self.kl_tracker]

    def get_config(self) -> dict[str, Any]:
        """The constructor's arguments (both halves as nested configs), so model.save works: the run folder's
        checkpoints need it, and without it every VAE run ended with 'Checkpoints are off'."""
        return {**super().get_config(), "encoder": keras.saving.serialize_keras_object(self.encoder),
                "decoder": keras.saving.serialize_keras_object(self.decoder), "latent_dim": self.latent_dim,
                "beta": self.beta, "seed": self.seed}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "VAE":
        config = dict(config)
        for role in ("encoder", "decoder"):
            config[role] = keras.saving.deserialize_keras_object(config[role])  # consumes the nested config
        return cls(**config)

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
            share = replica_share(total)  # under tf.distribute the summed gradients are the global batch's
        weights = self.trainable_variables
        self.optimizer.apply_gradients(zip(tape.gradient(share, weights), weights))
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
