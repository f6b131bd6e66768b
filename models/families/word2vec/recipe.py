"""The word2vec recipe: a stream of pairs (skip-gram) or windows (CBOW) from the corpus, a Word2Vec model to fit
them."""
from __future__ import annotations

from models.data import Dataset
from models.data.corpus import Corpus, keep_probabilities
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.spec.experiment import Experiment
from models.spec.options import checked_options

from .options import FAMILY
from .presets import embedding_size
from .probes import EmbeddingMapProbe
from .vectors import neighbour_group_share


# Batches run this many at a time in one call into TensorFlow when an epoch has enough of them: per-step
# overhead (the Python loop, callbacks) was most of a skip-gram step's time. The live views still see every
# execution's end (several times a second).
STEPS_PER_EXECUTION = 8


def prepare_word2vec(experiment: Experiment, data: Dataset) -> Prepared:
    from .model import Word2Vec, noise_distribution
    from .stream import example_stream, expected_examples  # TensorFlow: loaded on the worker, not with the window

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
    keep = keep_probabilities(corpus.counts, opts["subsample"])
    # the share of the text kept, from the counts (a per-word array is 8 bytes a word of the text)
    keep_share = float((corpus.counts * keep).sum() / max(1, corpus.counts.sum()))
    sentences = int(corpus.sentence_ids[-1]) + 1 if len(corpus.sentence_ids) else 0
    n = expected_examples(len(corpus.tokens), sentences, keep_share, opts["mode"], opts["window"])
    if len(corpus.tokens) < 2 or sentences >= len(corpus.tokens):
        raise RecipeError("the corpus gives no training examples: its sentences are single words; use a longer "
                          "text")
    steps = max(1, -(-n // cfg.batch_size))
    stream = example_stream(corpus.tokens, corpus.sentence_ids, keep, opts["mode"], opts["window"],
                            cfg.batch_size, seed=cfg.seed)
    model = Word2Vec(corpus.vocab, dim, noise_distribution(corpus.counts), opts["negatives"],
                     opts["mode"], seed=cfg.seed, name=opts["mode"])
    model.set_metadata(corpus.groups, corpus.counts)
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate),
                  steps_per_execution=STEPS_PER_EXECUTION if steps >= 20 * STEPS_PER_EXECUTION else 1)
    export = model.export_lookup()

    def evaluate() -> dict[str, float]:
        if not corpus.groups:
            return {}
        return {"neighbour_in_group": float(neighbour_group_share(model.word_vectors(), corpus.vocab,
                                                                  corpus.groups))}

    probe = EmbeddingMapProbe(corpus.vocab, corpus.counts, corpus.groups, corpus.group_names)
    # An epoch is one pass over the corpus: as many batches as it gives examples (about: subsampling is drawn
    # afresh each pass), counted in words, as word2vec tools report their speed.
    return Prepared(model=model, x=stream, y=None, fit_kwargs={"steps_per_epoch": steps, "shuffle": False},
                    evaluate=evaluate,
                    export_model=export, probes=[probe], samples_per_epoch=len(corpus.tokens), unit="words")
