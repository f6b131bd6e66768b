"""Adversarial training as keras.Model subclasses with their own `train_step` (GAN, WGAN, conditional GAN).

They train through `model.fit` like every other family, so pause, stop, progress, the NaN guard and the
probes work unchanged. Each fit batch holds k batches of real images (k = d_steps, or n_critic for WGAN);
`train_step` gives each of the k discriminator (critic) updates its own slice of real images and fresh
noise, then makes one generator update. One epoch is therefore one pass of the discriminator over the data.

This module runs on the training thread only (it imports keras at top level).
"""
from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from models.engine.distribute import replica_share


# --- the models --------------------------------------------------------------------------------------------
class GAN(keras.Model):
    """Generator G and discriminator D trained against each other (Goodfellow et al., 2014).

    D learns to output high for real images and low for G's fakes: it minimises
    d_loss = -[log D(x) + log(1 - D(G(z)))] (two binary cross-entropies; the real target is 1 - s with label
    smoothing s). G then updates once. With the non-saturating loss it minimises g_loss = -log D(G(z)):
    the same fixed point as the original minimax loss log(1 - D(G(z))), but with a strong gradient early in
    training when D rejects every fake. At the balance point D outputs 0.5 everywhere, where
    d_loss = 2 ln 2 ≈ 1.39 and g_loss = ln 2 ≈ 0.69.

    Logs (epoch means): d_loss, g_loss, d_real = mean D(x), d_fake = mean D(G(z)) (probabilities).
    `d_step` and `g_step` are public so tests and demos can take one step of either player.
    """

    def __init__(self, generator: keras.Model, discriminator: keras.Model, latent_dim: int, d_steps: int = 1,
                 label_smoothing: float = 0.0, d_logits: bool = True, generator_loss: str = "non_saturating",
                 output_range: tuple[float, float] = (-1.0, 1.0), seed: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.generator = generator
        self.discriminator = discriminator
        self.latent_dim = int(latent_dim)
        self.d_steps = int(d_steps)
        self.label_smoothing = float(label_smoothing)
        self.d_logits = bool(d_logits)
        self.generator_loss = generator_loss
        self.output_range = (float(output_range[0]), float(output_range[1]))
        self.num_classes = 0
        self.noise_seed = keras.random.SeedGenerator(seed)
        self._config: dict[str, Any] = {"latent_dim": self.latent_dim, "d_steps": self.d_steps,
                                        "label_smoothing": self.label_smoothing, "d_logits": self.d_logits,
                                        "generator_loss": generator_loss, "output_range": list(self.output_range),
                                        "seed": int(seed)}
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")
        self.d_real_tracker = keras.metrics.Mean(name="d_real")
        self.d_fake_tracker = keras.metrics.Mean(name="d_fake")
        self.built = True  # both players are built already; lets count_params() and fit() skip a symbolic build

    @property
    def metrics(self) -> list[Any]:
        """Listed here so Keras resets them at the start of every epoch."""
        return [self.d_loss_tracker, self.g_loss_tracker, self.d_real_tracker, self.d_fake_tracker]

    def get_config(self) -> dict[str, Any]:
        """The constructor's arguments (the players as nested configs), so model.save works: the run folder's
        checkpoints need it, and without it every GAN run ended with 'Checkpoints are off'."""
        return {**super().get_config(), "generator": keras.saving.serialize_keras_object(self.generator),
                "discriminator": keras.saving.serialize_keras_object(self.discriminator), **self._config}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "GAN":
        config = dict(config)
        for role in ("generator", "discriminator"):
            config[role] = keras.saving.deserialize_keras_object(config[role])  # consumes the nested config
        config["output_range"] = tuple(config.get("output_range", (-1.0, 1.0)))
        return cls(**config)

    def compile(self, d_optimizer: Any, g_optimizer: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        # Build the optimizer slots now, outside any traced function.
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)

    def call(self, inputs: Any, training: bool = False) -> Any:
        """Calling the pair means generating: the discriminator is only a training aid."""
        return self.generator(inputs, training=training)

    # --- conditioning hooks (CGAN overrides) -----------------------------------------------------------------
    def _generate(self, z: Any, labels: Any, training: bool = True) -> Any:
        return self.generator(z, training=training)

    def _discriminate(self, x: Any, labels: Any, training: bool = True) -> Any:
        return self.discriminator(x, training=training)

    def _fake_labels(self, n: Any) -> Any:
        return None

    def _noise(self, n: Any) -> Any:
        return keras.random.normal(tf.stack([n, self.latent_dim]), seed=self.noise_seed)

    # --- one step of each player -------------------------------------------------------------------------
    def _bce(self, target: float, out: Any) -> Any:
        return tf.reduce_mean(keras.losses.binary_crossentropy(tf.fill(tf.shape(out), target), out,
                                                               from_logits=self.d_logits))

    def _prob(self, out: Any) -> Any:
        return tf.reduce_mean(tf.sigmoid(out) if self.d_logits else out)

    def d_step(self, real: Any, labels: Any = None) -> dict[str, Any]:
        """One discriminator update on a batch of real images and as many fresh fakes; G is not changed."""
        n = tf.shape(real)[0]
        z = self._noise(n)
        fake_labels = self._fake_labels(n)
        fake = self._generate(z, fake_labels)
        with tf.GradientTape() as tape:
            real_out = self._discriminate(real, labels)
            fake_out = self._discriminate(fake, fake_labels)
            d_loss = self._bce(1.0 - self.label_smoothing, real_out) + self._bce(0.0, fake_out)
            share = replica_share(d_loss)  # under tf.distribute the summed gradients are the global batch's
        weights = self.discriminator.trainable_variables
        grads = tape.gradient(share, weights)
        self.d_optimizer.apply_gradients(zip(grads, weights))
        d_real, d_fake = self._prob(real_out), self._prob(fake_out)
        self.d_loss_tracker.update_state(d_loss)
        self.d_real_tracker.update_state(d_real)
        self.d_fake_tracker.update_state(d_fake)
        return {"d_loss": d_loss, "d_real": d_real, "d_fake": d_fake}

    def g_step(self, n: Any) -> dict[str, Any]:
        """One generator update through a frozen D: only G's weights receive gradients."""
        z = self._noise(n)
        fake_labels = self._fake_labels(n)
        with tf.GradientTape() as tape:
            fake_out = self._discriminate(self._generate(z, fake_labels), fake_labels)
            if self.generator_loss == "minimax":
                g_loss = -self._bce(0.0, fake_out)  # = mean log(1 - D(G(z))), minimised
            else:
                g_loss = self._bce(1.0, fake_out)  # = -mean log D(G(z))
            share = replica_share(g_loss)
        weights = self.generator.trainable_variables
        grads = tape.gradient(share, weights)
        self.g_optimizer.apply_gradients(zip(grads, weights))
        self.g_loss_tracker.update_state(g_loss)
        return {"g_loss": g_loss}

    def train_step(self, data: Any) -> dict[str, Any]:
        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        k = self.d_steps
        n = tf.shape(x)[0] // k
        for i in range(k):
            self.d_step(x[i * n:(i + 1) * n], None if y is None else y[i * n:(i + 1) * n])
        self.g_step(n)
        return {m.name: m.result() for m in self.metrics}

    # --- looking at it -----------------------------------------------------------------------------------
    def sample_pixels(self, z: np.ndarray, labels: np.ndarray | None = None) -> np.ndarray:
        """G(z) in inference mode as numpy images with pixels mapped to [0, 1]."""
        lab = None if labels is None else tf.constant(np.asarray(labels, dtype="int32").reshape(-1, 1))
        out = np.asarray(self._generate(tf.constant(z, dtype="float32"), lab, training=False))
        lo, hi = self.output_range
        return np.clip((out - lo) / (hi - lo), 0.0, 1.0)

    def export_generator(self) -> keras.Model:
        """The generator with a final `to_pixels` rescaling to [0, 1]; only built-in layers, so it loads with
        keras.saving.load_model(path, safe_mode=True) and no code of ours."""
        lo, hi = self.output_range
        inputs = [keras.Input(tuple(t.shape[1:]), dtype=t.dtype, name="noise" if i == 0 else "label")
                  for i, t in enumerate(self.generator.inputs)]
        out = self.generator(inputs if len(inputs) > 1 else inputs[0])
        out = keras.layers.Rescaling(1.0 / (hi - lo), offset=-lo / (hi - lo), name="to_pixels")(out)
        return keras.Model(inputs if len(inputs) > 1 else inputs[0], out, name="generator_export")


class CGAN(GAN):
    """A GAN whose players both see the digit's label (Mirza & Osindero, 2014).

    `generator` takes [noise, label] and `discriminator` takes [image, label] (labels are int32 of shape
    (n, 1)); `conditional_pair` builds them around the user's stacks. Fakes are made for random labels, and
    D learns to reject an image that does not fit its label, so G must draw the requested digit.
    """

    def __init__(self, *args: Any, num_classes: int = 10, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.num_classes = int(num_classes)
        self._config["num_classes"] = self.num_classes

    def _generate(self, z: Any, labels: Any, training: bool = True) -> Any:
        return self.generator([z, labels], training=training)

    def _discriminate(self, x: Any, labels: Any, training: bool = True) -> Any:
        return self.discriminator([x, labels], training=training)

    def _fake_labels(self, n: Any) -> Any:
        return keras.random.randint(tf.stack([n, 1]), 0, self.num_classes, seed=self.noise_seed, dtype="int32")

    def train_step(self, data: Any) -> dict[str, Any]:
        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        if y is None:
            raise ValueError("a conditional GAN trains on (images, labels)")
        y = tf.reshape(tf.cast(y, "int32"), (-1, 1))
        return super().train_step((x, y))


class WGAN(GAN):
    """Wasserstein GAN with weight clipping (Arjovsky et al., 2017).

    The critic f outputs an unbounded score (no sigmoid, no log). It minimises d_loss = mean f(G(z)) -
    mean f(x), i.e. it widens the gap between real and fake scores; after every critic update each critic
    weight is clipped to [-clip, clip], which keeps f roughly 1-Lipschitz. The generator minimises
    g_loss = -mean f(G(z)). The gap `wasserstein` = mean f(x) - mean f(G(z)) estimates (up to a constant
    factor) the Wasserstein-1 distance between real and generated images, so it falls as samples improve.

    Logs (epoch means): d_loss, g_loss, wasserstein.
    """

    def __init__(self, *args: Any, clip: float = 0.01, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clip = float(clip)
        self._config["clip"] = self.clip
        self.w_tracker = keras.metrics.Mean(name="wasserstein")
        # The clipping is a weight constraint, which the optimizer applies after each of its updates: under
        # tf.distribute that is an update every replica makes alike, where an assign of our own inside the step
        # is refused by mirrored variables.
        for w in self.discriminator.trainable_variables:
            w.constraint = ClipWeights(self.clip)

    @property
    def metrics(self) -> list[Any]:
        return [self.d_loss_tracker, self.g_loss_tracker, self.w_tracker]

    def d_step(self, real: Any, labels: Any = None) -> dict[str, Any]:
        n = tf.shape(real)[0]
        fake = self._generate(self._noise(n), None)
        with tf.GradientTape() as tape:
            real_score = tf.reduce_mean(self._discriminate(real, None))
            fake_score = tf.reduce_mean(self._discriminate(fake, None))
            d_loss = fake_score - real_score
            share = replica_share(d_loss)  # the gradient must be taken of a value the tape saw
        weights = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(tape.gradient(share, weights), weights))
        self.d_loss_tracker.update_state(d_loss)
        self.w_tracker.update_state(-d_loss)
        return {"d_loss": d_loss, "wasserstein": -d_loss}

    def g_step(self, n: Any) -> dict[str, Any]:
        z = self._noise(n)
        with tf.GradientTape() as tape:
            g_loss = -tf.reduce_mean(self._discriminate(self._generate(z, None), None))
            share = replica_share(g_loss)
        weights = self.generator.trainable_variables
        self.g_optimizer.apply_gradients(zip(tape.gradient(share, weights), weights))
        self.g_loss_tracker.update_state(g_loss)
        return {"g_loss": g_loss}


class ClipWeights(keras.constraints.Constraint):
    """WGAN's weight clipping: each weight into [-c, c]."""

    def __init__(self, c: float) -> None:
        self.c = float(c)

    def __call__(self, w: Any) -> Any:
        return keras.ops.clip(w, -self.c, self.c)

    def get_config(self) -> dict[str, Any]:
        return {"c": self.c}


# --- conditioning around the user's stacks -----------------------------------------------------------------
def conditional_pair(generator: keras.Model, discriminator: keras.Model, latent_dim: int,
                     image_shape: tuple[int, ...], num_classes: int) -> tuple[keras.Model, keras.Model]:
    """Wrap stacks built by `conditioned_networks` specs into [noise, label] and [image, label] models.

    Generator: the label becomes a one-hot code (CategoryEncoding) appended to the noise. Discriminator: for
    an image input, an Embedding turns the label into one learned value per pixel, reshaped to an extra
    channel ('label plane'); for a flat input, the one-hot code is appended. Only built-in layers are used, so
    the exported generator loads in safe mode.
    """
    noise = keras.Input((latent_dim,), name="noise")
    label = keras.Input((1,), dtype="int32", name="label")
    onehot = keras.layers.CategoryEncoding(num_classes, output_mode="one_hot", name="label_one_hot")(label)
    joined = keras.layers.Concatenate(name="noise_and_label")([noise, onehot])
    cond_g = keras.Model([noise, label], generator(joined), name="conditional_generator")

    image = keras.Input(image_shape, name="image")
    d_label = keras.Input((1,), dtype="int32", name="label")
    if len(image_shape) == 3:
        h, w, _ = image_shape
        # Started at unit scale, like the pixels, so the label is visible to D from the first step.
        plane = keras.layers.Embedding(num_classes, h * w, embeddings_initializer=keras.initializers.RandomNormal(
            stddev=1.0, seed=0), name="label_plane")(d_label)
        plane = keras.layers.Reshape((h, w, 1), name="label_plane_image")(plane)
        d_joined = keras.layers.Concatenate(axis=-1, name="image_and_label")([image, plane])
    else:
        d_onehot = keras.layers.CategoryEncoding(num_classes, output_mode="one_hot", name="label_one_hot")(d_label)
        d_joined = keras.layers.Concatenate(name="image_and_label")([image, d_onehot])
    cond_d = keras.Model([image, d_label], discriminator(d_joined), name="conditional_discriminator")
    return cond_g, cond_d
