"""The word2vec recipe: pairs (skip-gram) or windows (CBOW) from the corpus, a Word2Vec model to fit them."""
from __future__ import annotations

import numpy as np

from models.data import Dataset
from models.data.corpus import Corpus, cbow_examples, skipgram_pairs, subsample
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.spec.experiment import Experiment
from models.spec.options import checked_options

from .options import FAMILY
from .presets import embedding_size
from .probes import EmbeddingMapProbe
from .vectors import neighbour_group_share


def training_examples(corpus: Corpus, mode: str, window: int, threshold: float,
                      rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Subsample frequent words once, then build skip-gram pairs or CBOW windows as fit() inputs."""
    tokens, sentences = subsample(corpus.tokens, corpus.sentence_ids, corpus.counts, threshold, rng)
    if mode == "skipgram":
        target, context = skipgram_pairs(tokens, sentences, window)
    else:
        context, target = cbow_examples(tokens, sentences, window)
    return {"target": target.astype(np.int32), "context": context.astype(np.int32)}


MAX_EXAMPLES = 30_000_000


def prepare_word2vec(experiment: Experiment, data: Dataset) -> Prepared:
    from .model import Word2Vec, noise_distribution

    corpus = data.info.extras.get("corpus")
    if data.info.task != "corpus" or not isinstance(corpus, Corpus):
        raise RecipeError(f"word2vec trains on a text corpus (corpus-groups or corpus-file), not "
                          f"'{data.info.name}'")
    try:
        opts = checked_options(FAMILY, experiment.options)
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
    export = model.export_lookup()

    def evaluate() -> dict[str, float]:
        if not corpus.groups:
            return {}
        return {"neighbour_in_group": float(neighbour_group_share(model.word_vectors(), corpus.vocab,
                                                                  corpus.groups))}

    probe = EmbeddingMapProbe(corpus.vocab, corpus.counts, corpus.groups, corpus.group_names)
    return Prepared(model=model, x=examples, y=None, evaluate=evaluate, export_model=export, probes=[probe],
                    samples_per_epoch=n)
