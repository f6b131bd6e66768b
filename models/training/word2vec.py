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

from ..data import Dataset
from ..data.corpus import Corpus, cbow_examples, skipgram_pairs, subsample
from ..embeddings import align_signs, embedding_size, neighbour_group_share, pca_2d, word2vec_options
from ..specs import Experiment
from .callbacks import Probe
from .recipe import Prepared, RecipeError, make_optimizer, recipe


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
        cdf = np.cumsum(np.asarray(noise, dtype=np.float64))
        self._noise_cdf = tf.constant((cdf / cdf[-1]).astype(np.float32))
        self._seed = keras.random.SeedGenerator(seed)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        # Plain metadata kept beside the weights (for export and queries); not trainable state.
        self._meta = {"vocabulary": list(vocabulary), "groups": {}, "counts": None}

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
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    def test_step(self, data: Any) -> dict[str, Any]:
        context, target = self._inputs(data)
        self.loss_tracker.update_state(self._loss(context, target))
        return {"loss": self.loss_tracker.result()}


def training_examples(corpus: Corpus, mode: str, window: int, threshold: float,
                      rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Subsample frequent words once, then build skip-gram pairs or CBOW windows as fit() inputs."""
    tokens, sentences = subsample(corpus.tokens, corpus.sentence_ids, corpus.counts, threshold, rng)
    if mode == "skipgram":
        target, context = skipgram_pairs(tokens, sentences, window)
    else:
        context, target = cbow_examples(tokens, sentences, window)
    return {"target": target.astype(np.int32), "context": context.astype(np.int32)}


class EmbeddingMapProbe(Probe):
    """The live word map: PCA of the most frequent words' vectors, every ~0.5 s on the training thread.

    Payload (ProbeResult.payload, name "embedding_map"):
        words:       list[str], the `top` most frequent words (the points to label); with groups, the most
                     frequent of each group in turn, so every group shows
        coords:      float32 (n, 2), their PCA coordinates; each axis' sign follows the previous frame so the
                     map does not flip
        groups:      list[str], each plotted word's group ("" when unknown)
        group_names: list[str], all groups in a fixed order (for stable colours; empty without groups)
        counts:      int64 (n,), how often each plotted word occurs
        explained:   float64 (2,), share of the variance the two axes show
        group_share: float, share of grouped words whose nearest neighbour is in their group (NaN without)
        vocab:       list[str], the first `query_words` words (frequency order)
        vectors:     float32 (len(vocab), dim), their current vectors, so a query box can call
                     models.embeddings.answer_query(vectors, vocab, text) without touching the model
    """

    name = "embedding_map"
    interval_s = 0.5

    def __init__(self, vocabulary: list[str], counts: np.ndarray, groups: dict[str, str], group_names: list[str],
                 top: int = 60, query_words: int = 5000) -> None:
        self.vocabulary = list(vocabulary)
        self.counts = np.asarray(counts)
        self.groups = dict(groups)
        self.group_names = list(group_names)
        self.top = min(top, len(self.vocabulary))
        self.rows = np.array(self._pick_rows(), dtype=np.int64)
        self.query_words = min(query_words, len(self.vocabulary))
        self._previous: np.ndarray | None = None

    def _pick_rows(self) -> list[int]:
        """The most frequent words; with groups, taken in turn from each group so every colour shows."""
        if not self.groups:
            return list(range(self.top))
        queues = {g: [i for i, w in enumerate(self.vocabulary) if self.groups.get(w) == g] for g in self.group_names}
        picked: list[int] = []
        while len(picked) < self.top and any(queues.values()):
            for g in self.group_names:
                if queues[g] and len(picked) < self.top:
                    picked.append(queues[g].pop(0))
        others = [i for i, w in enumerate(self.vocabulary) if w not in self.groups]
        picked += others[:self.top - len(picked)]
        return sorted(picked)

    def compute(self, model: Any) -> dict[str, Any]:
        vectors = model.word_vectors()
        coords, explained = pca_2d(vectors[self.rows])
        coords = align_signs(coords, self._previous)
        self._previous = coords
        words = [self.vocabulary[i] for i in self.rows]
        share = neighbour_group_share(vectors, self.vocabulary, self.groups) if self.groups else float("nan")
        return {"words": words, "coords": coords.astype(np.float32),
                "groups": [self.groups.get(w, "") for w in words], "group_names": list(self.group_names),
                "counts": self.counts[self.rows].astype(np.int64), "explained": explained,
                "group_share": float(share), "vocab": self.vocabulary[:self.query_words],
                "vectors": np.array(vectors[:self.query_words], dtype=np.float32)}


MAX_EXAMPLES = 30_000_000


@recipe("word2vec")
def prepare_word2vec(experiment: Experiment, data: Dataset) -> Prepared:
    corpus = data.info.extras.get("corpus")
    if data.info.task != "corpus" or not isinstance(corpus, Corpus):
        raise RecipeError(f"word2vec trains on a text corpus (corpus-groups or corpus-file), not "
                          f"'{data.info.name}'")
    try:
        opts = word2vec_options(experiment.options)
        dim = embedding_size(experiment)
    except ValueError as exc:
        raise RecipeError(str(exc)) from None
    cfg = experiment.training
    rng = np.random.default_rng(cfg.seed)
    examples = training_examples(corpus, opts["mode"], opts["window"], opts["subsample"], rng)
    n = len(examples["target"])
    if n == 0:
        raise RecipeError("the corpus gives no training examples: its sentences are single words (after "
                          "subsampling); use a longer text or a lower subsample setting")
    if n > MAX_EXAMPLES:
        raise RecipeError(f"{n:,} training examples is too many to hold in memory: use a smaller window or a "
                          "shorter text (dataset option max_tokens)")
    model = Word2Vec(corpus.vocab, dim, noise_distribution(corpus.counts), opts["negatives"],
                     opts["mode"], seed=cfg.seed, name=opts["mode"])
    model.set_metadata(corpus.groups, corpus.counts)
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate))
    word = keras.Input(shape=(1,), dtype="int32", name="word")
    export = keras.Model(word, model.embedding(word), name="word_vectors")

    def evaluate() -> dict[str, float]:
        if not corpus.groups:
            return {}
        return {"neighbour_in_group": float(neighbour_group_share(model.word_vectors(), corpus.vocab,
                                                                  corpus.groups))}

    probe = EmbeddingMapProbe(corpus.vocab, corpus.counts, corpus.groups, corpus.group_names)
    return Prepared(model=model, x=examples, y=None, evaluate=evaluate, export_model=export, probes=[probe],
                    samples_per_epoch=n)
