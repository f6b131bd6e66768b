"""Adversarial training as keras.Model subclasses with their own `train_step` (GAN, WGAN, conditional GAN).

They train through `model.fit` like every other family, so pause, stop, progress, the NaN guard and the
probes work unchanged. Each fit batch holds k batches of real images (k = d_steps, or n_critic for WGAN);
`train_step` gives each of the k discriminator (critic) updates its own slice of real images and fresh
noise, then makes one generator update. One epoch is therefore one pass of the discriminator over the data.

This module runs on the training thread only (it imports keras at top level).
"""
from __future__ import annotations

import math
from typing import Any

import keras
import numpy as np
import tensorflow as tf

from ..build import BuildFailed, build_network
from ..data import Dataset
from ..generative import (OptionError, as_images, conditioned_networks, data_range, fixed_noise, join_error,
                          output_activation, quality_judge, quality_report, resolve_options,
                          score_images, tile_grid)
from ..specs import Experiment
from .callbacks import Probe
from .recipe import Prepared, RecipeError, make_optimizer, recipe


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
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")
        self.d_real_tracker = keras.metrics.Mean(name="d_real")
        self.d_fake_tracker = keras.metrics.Mean(name="d_fake")
        self.built = True  # both players are built already; lets count_params() and fit() skip a symbolic build

    @property
    def metrics(self) -> list[Any]:
        """Listed here so Keras resets them at the start of every epoch."""
        return [self.d_loss_tracker, self.g_loss_tracker, self.d_real_tracker, self.d_fake_tracker]

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
        weights = self.discriminator.trainable_variables
        grads = tape.gradient(d_loss, weights)
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
        weights = self.generator.trainable_variables
        grads = tape.gradient(g_loss, weights)
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
        self.w_tracker = keras.metrics.Mean(name="wasserstein")

    @property
    def metrics(self) -> list[Any]:
        return [self.d_loss_tracker, self.g_loss_tracker, self.w_tracker]

    def clip_critic(self) -> None:
        for w in self.discriminator.trainable_variables:
            w.assign(tf.clip_by_value(w, -self.clip, self.clip))

    def d_step(self, real: Any, labels: Any = None) -> dict[str, Any]:
        n = tf.shape(real)[0]
        fake = self._generate(self._noise(n), None)
        with tf.GradientTape() as tape:
            real_score = tf.reduce_mean(self._discriminate(real, None))
            fake_score = tf.reduce_mean(self._discriminate(fake, None))
            d_loss = fake_score - real_score
        weights = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))
        self.clip_critic()
        self.d_loss_tracker.update_state(d_loss)
        self.w_tracker.update_state(-d_loss)
        return {"d_loss": d_loss, "wasserstein": -d_loss}

    def g_step(self, n: Any) -> dict[str, Any]:
        z = self._noise(n)
        with tf.GradientTape() as tape:
            g_loss = -tf.reduce_mean(self._discriminate(self._generate(z, None), None))
        weights = self.generator.trainable_variables
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, weights), weights))
        self.g_loss_tracker.update_state(g_loss)
        return {"g_loss": g_loss}


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


# --- probes ------------------------------------------------------------------------------------------------
class SampleGridProbe(Probe):
    """Images from one FIXED noise batch, so the same samples can be watched turning into digits.

    For a conditional GAN each row is one class (row r shows digit r) and column j uses the same noise in
    every row. Payload:
      grid (float32 (H', W') in [0, 1], images tiled with 1-pixel gaps; show with fixed levels 0..1),
      images (float32 (n, H, W) in [0, 1]), rows, columns (ints), labels (int32 (n,); empty if unconditional),
      step (generator updates so far), epoch (float: step / steps_per_epoch),
      epoch_end (bool: this grid is from the end of an epoch),
      epoch_done (int: epochs finished so far) and epoch_grid (the grid at the end of that epoch, or None):
      repeated in every payload, so a one-per-epoch strip (see SnapshotStrip) misses no epoch even when the
      GUI only keeps the newest payload of a burst,
      metrics (dict name -> float: each log's mean over the batches since the previous grid, e.g. d_loss,
      g_loss, d_real, d_fake or wasserstein; finite values only; empty when no batch ran in between).
    """

    name = "sample_grid"
    interval_s = 0.5

    def __init__(self, latent_dim: int, rows: int = 8, columns: int = 8, num_classes: int = 0,
                 steps_per_epoch: int = 1, seed: int = 1234) -> None:
        self.columns = columns
        self.steps_per_epoch = max(1, steps_per_epoch)
        if num_classes:
            self.rows = num_classes
            self.noise = np.tile(fixed_noise(columns, latent_dim, seed), (num_classes, 1))
            self.labels = np.repeat(np.arange(num_classes, dtype="int32"), columns)
        else:
            self.rows = rows
            self.noise = fixed_noise(rows * columns, latent_dim, seed)
            self.labels = np.zeros((0,), dtype="int32")
        self._last: dict[str, tuple[float, float]] = {}
        self._epoch_grid: np.ndarray | None = None
        self._epoch_done = 0

    def _interval_means(self, model: Any) -> dict[str, float]:
        """Each log's mean over the batches since the previous call (Keras' own logs are running means
        since the start of the epoch, which jump when an epoch begins)."""
        out: dict[str, float] = {}
        for m in getattr(model, "metrics", []):
            total, count = float(m.total.numpy()), float(m.count.numpy())
            last_total, last_count = self._last.get(m.name, (0.0, 0.0))
            if count < last_count:  # a new epoch reset the tracker
                last_total, last_count = 0.0, 0.0
            if count > last_count:
                out[m.name] = (total - last_total) / (count - last_count)
            self._last[m.name] = (total, count)
        return out

    def compute(self, model: Any) -> dict[str, Any]:
        images = as_images(model.sample_pixels(self.noise, self.labels if len(self.labels) else None))
        step = int(model.g_optimizer.iterations.numpy()) if hasattr(model, "g_optimizer") else 0
        metrics = self._interval_means(model) if step else {}
        grid = tile_grid(images, self.columns)
        epoch_end = step > 0 and step % self.steps_per_epoch == 0
        if epoch_end:
            self._epoch_grid, self._epoch_done = grid, step // self.steps_per_epoch
        return {"grid": grid, "images": images.astype("float32"), "rows": self.rows, "columns": self.columns,
                "labels": self.labels.copy(), "step": step, "epoch": step / self.steps_per_epoch,
                "epoch_end": epoch_end, "epoch_done": self._epoch_done, "epoch_grid": self._epoch_grid,
                "metrics": {k: v for k, v in metrics.items() if math.isfinite(v)}}


class ClassHistogramProbe(Probe):
    """The mode-collapse indicator: what an MNIST classifier thinks a fixed batch of generated digits are.

    A healthy generator spreads its samples over all ten digits with high confidence; a collapsing one piles
    them into one or two classes. Payload: histogram (int64 (10,), predicted-class counts), mean_confidence,
    confident_share (fraction with top probability >= 0.9), distinct_confident (classes among those), count,
    label_accuracy (conditional GAN only: fraction read as the requested digit), step.
    """

    name = "class_histogram"
    interval_s = 0.5

    def __init__(self, classifier: Any, latent_dim: int, count: int = 200, num_classes: int = 0,
                 seed: int = 4321) -> None:
        self.classifier = classifier
        self.noise = fixed_noise(count, latent_dim, seed)
        self.labels = (np.arange(count) % num_classes).astype("int32") if num_classes else None

    def compute(self, model: Any) -> dict[str, Any]:
        images = model.sample_pixels(self.noise, self.labels)
        payload = score_images(images, self.classifier, self.labels)
        payload["step"] = int(model.g_optimizer.iterations.numpy()) if hasattr(model, "g_optimizer") else 0
        return payload


# --- recipes -----------------------------------------------------------------------------------------------
def _optimizer(name: str, learning_rate: float, beta_1: float) -> Any:
    if name == "adam":
        return keras.optimizers.Adam(learning_rate, beta_1=beta_1)
    return make_optimizer(name, learning_rate)


def _prepare(experiment: Experiment, data: Dataset) -> Prepared:
    family = experiment.family
    try:
        opts = resolve_options(experiment)
    except OptionError as exc:
        raise RecipeError(str(exc)) from None
    for role in ("generator", "discriminator"):
        if role not in experiment.networks:
            raise RecipeError(f"a {family} experiment needs a network with the role '{role}'")
    gen_spec, disc_spec = experiment.networks["generator"], experiment.networks["discriminator"]
    image_shape = tuple(data.info.input_shape)
    if len(image_shape) not in (1, 3) or data.info.input_dtype != "float32" or data.x_train is None:
        raise RecipeError(f"a {family} learns to draw images; dataset '{data.info.name}' does not hold images")
    num_classes = data.info.num_classes if family == "cgan" else 0
    if family == "cgan" and num_classes < 2:
        raise RecipeError(f"a conditional GAN needs labelled images; '{data.info.name}' has no classes")
    cfg = experiment.training
    try:
        classifier = quality_judge(opts, image_shape, cfg.seed)
    except ValueError as exc:
        raise RecipeError(str(exc)) from None

    # Build and check the stacks (the cgan stacks with room for the label), then the join between them.
    specs = conditioned_networks(experiment, num_classes) if num_classes else {"generator": gen_spec,
                                                                                "discriminator": disc_spec}
    generator, g_report = build_network(specs["generator"], "generator")
    discriminator, d_report = build_network(specs["discriminator"], "discriminator")
    error = join_error(experiment, {"generator": g_report, "discriminator": d_report})
    if error is not None:
        raise BuildFailed(error)
    if image_shape != tuple(disc_spec.input_shape):
        raise RecipeError(f"dataset '{data.info.name}' gives images of shape {image_shape} but the discriminator "
                          f"reads {tuple(disc_spec.input_shape)}")
    latent_dim = int(gen_spec.input_shape[0])
    if num_classes:
        generator, discriminator = conditional_pair(generator, discriminator, latent_dim, image_shape, num_classes)

    # Real images rescaled to the range the generator can draw; the discriminator sees both on the same scale.
    lo, hi = data_range(gen_spec)
    x = np.concatenate([data.x_train, data.x_val]) if data.x_val is not None and len(data.x_val) else data.x_train
    x = (lo + (hi - lo) * np.asarray(x, dtype="float32")).astype("float32")
    y = None
    if num_classes:
        y = np.concatenate([data.y_train, data.y_val]) if data.x_val is not None and len(data.x_val) \
            else data.y_train
        y = np.asarray(y, dtype="int32")
    k = opts["n_critic"] if family == "wgan" else opts["d_steps"]
    per_fit_batch = k * cfg.batch_size
    if len(x) < per_fit_batch:
        raise RecipeError(f"one generator step needs {k} x {cfg.batch_size} = {per_fit_batch} real images but "
                          f"'{data.info.name}' has {len(x)}: lower the batch size or the number of "
                          f"{'critic' if family == 'wgan' else 'discriminator'} steps")
    steps = len(x) // per_fit_batch
    keep = steps * per_fit_batch  # whole fit batches only, so every discriminator step gets batch_size images
    x = x[:keep]
    y = None if y is None else y[:keep]

    common = dict(latent_dim=latent_dim, d_steps=k, output_range=(lo, hi), seed=cfg.seed, name=family)
    d_act = output_activation(disc_spec)
    if family == "wgan":
        model: GAN = WGAN(generator, discriminator, clip=opts["clip"], **common)
    elif family == "cgan":
        model = CGAN(generator, discriminator, num_classes=num_classes, label_smoothing=opts["label_smoothing"],
                     d_logits=d_act != "sigmoid", generator_loss=opts["generator_loss"], **common)
    else:
        model = GAN(generator, discriminator, label_smoothing=opts["label_smoothing"], d_logits=d_act != "sigmoid",
                    generator_loss=opts["generator_loss"], **common)
    model.compile(d_optimizer=_optimizer(opts["d_optimizer"], opts["d_learning_rate"], opts["beta_1"]),
                  g_optimizer=_optimizer(opts["g_optimizer"], opts["g_learning_rate"], opts["beta_1"]),
                  jit_compile=False)
    export = model.export_generator()

    probes: list[Probe] = [SampleGridProbe(latent_dim, opts["grid_rows"], opts["grid_columns"], num_classes,
                                           steps)]
    evaluate = None
    if classifier is not None:
        probes.append(ClassHistogramProbe(classifier, latent_dim, 200, num_classes))

        def evaluate() -> dict[str, float]:
            report = quality_report(export, classifier, 1000)
            return {k: float(v) for k, v in report.items() if k not in ("histogram", "count")}

    watch = ("d_loss", "g_loss")
    return Prepared(model=model, x=x, y=y, fit_kwargs={"batch_size": per_fit_batch, "steps_per_epoch": steps},
                    evaluate=evaluate, export_model=export, probes=probes, samples_per_epoch=keep, watch=watch)


@recipe("gan")
def prepare_gan(experiment: Experiment, data: Dataset) -> Prepared:
    """Plain GAN (dense or convolutional stacks): non-saturating loss, k discriminator steps per G step."""
    return _prepare(experiment, data)


@recipe("wgan")
def prepare_wgan(experiment: Experiment, data: Dataset) -> Prepared:
    """Wasserstein GAN: linear critic, weight clipping, n_critic critic steps per G step."""
    return _prepare(experiment, data)


@recipe("cgan")
def prepare_cgan(experiment: Experiment, data: Dataset) -> Prepared:
    """Conditional GAN: both players see the label; the exported generator takes [noise, label]."""
    return _prepare(experiment, data)
