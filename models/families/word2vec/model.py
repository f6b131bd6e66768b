"""word2vec: skip-gram and CBOW with negative sampling, as keras.Model subclasses trained by `model.fit`.

Each real (word, context) example is scored against `negatives` noise words drawn from the unigram
distribution raised to the 3/4 power (as in Mikolov et al. 2013). The loss per example is
    -log sigma(u_pos . h) - sum_k log sigma(-u_neg_k . h)
where h is the input vector (skip-gram: the centre word's; CBOW: the mean of the context words') and u are
output vectors. Noise words are drawn inside `train_step`, so every epoch sees fresh negatives, and the
session's callbacks (pause, stop, NaN guard, probes, reporting) work exactly as for every other family.
"""
from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf

from models.engine.distribute import replica_share


def noise_distribution(counts: np.ndarray, power: float = 0.75) -> np.ndarray:
    """P(noise word) proportional to count**power: flatter than the word frequencies, so rare words get drawn."""
    weights = np.asarray(counts, dtype=np.float64) ** power
    return weights / weights.sum()


class Word2Vec(keras.Model):
    """Input vectors (`embedding`, the ones we keep) and output vectors (`context_embedding`).

    Args:
        vocabulary: words in id order (most frequent first).
        embedding_dim: vector length.
        noise: probabilities of drawing each word as a negative (see noise_distribution).
        negatives: noise words per real example.
        mode: "skipgram" (inputs: target, context ids) or "cbow" (inputs: contexts (batch, 2*window) with -1
            padding, target ids).
    """

    def __init__(self, vocabulary: list[str], embedding_dim: int, noise: np.ndarray, negatives: int = 5,
                 mode: str = "skipgram", seed: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if mode not in ("skipgram", "cbow"):
            raise ValueError(f"mode must be 'skipgram' or 'cbow', got {mode!r}")
        size = len(vocabulary)
        self.mode = mode
        self.negatives = int(negatives)
        self.vocab_size = size
        # Input vectors start small and random, output vectors at zero, as in the original word2vec code.
        self.embedding = keras.layers.Embedding(
            size, embedding_dim, name="embedding",
            embeddings_initializer=keras.initializers.RandomUniform(-0.5 / embedding_dim, 0.5 / embedding_dim,
                                                                    seed=seed))
        self.context_embedding = keras.layers.Embedding(size, embedding_dim, name="context_embedding",
                                                        embeddings_initializer="zeros")
        self.embedding.build((None,))
        self.context_embedding.build((None,))
        self.built = True  # both tables exist now, so count_params() works before fit
        self._config = {"vocabulary": list(vocabulary), "embedding_dim": int(embedding_dim),
                        "noise": [float(v) for v in np.asarray(noise, dtype=np.float64)], "negatives": self.negatives,
                        "mode": mode, "seed": int(seed)}
        cdf = np.cumsum(np.asarray(noise, dtype=np.float64))
        self._noise_cdf = tf.constant((cdf / cdf[-1]).astype(np.float32))
        self._seed = keras.random.SeedGenerator(seed)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        # Plain metadata kept beside the weights (for export and queries); not trainable state.
        self._meta = {"vocabulary": list(vocabulary), "groups": {}, "counts": None}

    def get_config(self) -> dict[str, Any]:
        """The constructor's arguments, so model.save works (the run folder's checkpoints: without it, word2vec
        runs had none and the window said so after every run)."""
        return {**super().get_config(), **self._config}

    @property
    def vocabulary(self) -> list[str]:
        return self._meta["vocabulary"]

    @property
    def word_groups(self) -> dict[str, str]:
        return self._meta["groups"]

    @property
    def word_counts(self) -> np.ndarray | None:
        return self._meta["counts"]

    def set_metadata(self, groups: dict[str, str], counts: np.ndarray) -> None:
        self._meta["groups"] = dict(groups)
        self._meta["counts"] = np.asarray(counts)

    @property
    def metrics(self) -> list[Any]:
        return [self.loss_tracker]

    def word_vectors(self) -> np.ndarray:
        """The learned input vectors, one row per vocabulary word (numpy, on the training thread)."""
        return keras.ops.convert_to_numpy(self.embedding.embeddings)

    def call(self, ids: Any) -> Any:
        return self.embedding(ids)

    def export_lookup(self) -> keras.Model:
        """What `--export` writes: a word id in, its vector out (built-in layers only, loads in safe mode)."""
        word = keras.Input(shape=(1,), dtype="int32", name="word")
        return keras.Model(word, self.embedding(word), name="word_vectors")

    def sample_noise(self, n: int) -> Any:
        """n word ids drawn from the noise distribution (inverse CDF: O(n log V), fine for big vocabularies)."""
        u = keras.random.uniform((n,), seed=self._seed)
        ids = tf.searchsorted(self._noise_cdf, u, side="right")
        return tf.minimum(ids, self.vocab_size - 1)

    def _inputs(self, data: Any) -> tuple[Any, Any]:
        x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
        return x["context"], x["target"]

    def _loss(self, context: Any, target: Any) -> Any:
        batch = tf.shape(target)[0]
        if self.mode == "skipgram":
            h = self.embedding(target)  # (b, d): the centre word predicts its context word
            positive = context
        else:
            vecs = self.embedding(tf.maximum(context, 0))  # (b, 2w, d); -1 marks a missing context word
            mask = tf.cast(context >= 0, vecs.dtype)
            h = tf.reduce_sum(vecs * mask[..., None], axis=1) / tf.maximum(
                tf.reduce_sum(mask, axis=1, keepdims=True), 1.0)
            positive = target  # the context's average predicts the centre word
        u_pos = self.context_embedding(positive)  # (b, d)
        noise = tf.reshape(self.sample_noise(batch * self.negatives), (batch, self.negatives))
        u_neg = self.context_embedding(noise)  # (b, k, d)
        pos_logit = tf.reduce_sum(h * u_pos, axis=-1)
        neg_logit = tf.einsum("bd,bkd->bk", h, u_neg)
        # -log sigma(x) = softplus(-x); -log sigma(-x) = softplus(x): stable for large |x|.
        loss = tf.nn.softplus(-pos_logit) + tf.reduce_sum(tf.nn.softplus(neg_logit), axis=-1)
        return tf.reduce_mean(loss)

    def train_step(self, data: Any) -> dict[str, Any]:
        context, target = self._inputs(data)
        with tf.GradientTape() as tape:
            loss = self._loss(context, target)
            share = replica_share(loss)  # under tf.distribute the summed gradients are the global batch's
        grads = tape.gradient(share, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    def test_step(self, data: Any) -> dict[str, Any]:
        context, target = self._inputs(data)
        self.loss_tracker.update_state(self._loss(context, target))
        return {"loss": self.loss_tracker.result()}
