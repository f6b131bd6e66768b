"""The word2vec presets (`cbow`, `skipgram`) and the network the editor shows for them: one Embedding layer."""
from __future__ import annotations

from models.data.corpus import grouped_vocabulary
from models.spec.catalog import ParamError, checked_params
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import Preset

from .options import FAMILY, OPTIONS


def word2vec_network(vocab_size: int, embedding_dim: int) -> NetworkSpec:
    """The 'main' network the editor shows: a word id in, its vector out.

    The Embedding's output_dim is the vector length (edited like any layer size, in one place); its
    input_dim only previews the parameter count and is replaced by the corpus' vocabulary size at training.
    """
    return NetworkSpec((1,), [LayerSpec("Embedding", {"input_dim": max(2, vocab_size),
                                                      "output_dim": embedding_dim})], "int32")


def embedding_size(experiment: Experiment) -> int:
    """The vector length a word2vec experiment trains: its Embedding layer's output_dim.

    Raises ValueError when the 'main' network is not a single Embedding layer.
    """
    net = experiment.networks.get("main")
    if net is None or [layer.type for layer in net.layers] != ["Embedding"]:
        raise ValueError("a word2vec network is a single Embedding layer (its rows are the word vectors); "
                         "remove the other layers or load the cbow/skipgram preset again")
    try:
        return int(checked_params("Embedding", net.layers[0].params)["output_dim"])
    except ParamError as exc:
        raise ValueError(f"Embedding: {exc}") from None


def _word2vec(mode: str, dataset: str) -> Experiment:
    dim = 32
    options = {p.name: p.default for p in OPTIONS} | {"mode": mode}
    if dataset == "corpus-groups":
        # Small text: small batches, so the live map organises over several seconds instead of one.
        vocab = len(grouped_vocabulary())
        cfg = TrainingConfig(optimizer="adam", learning_rate=0.005, batch_size=128, epochs=8, metrics=[], seed=0)
    else:
        # A real text has far more pairs: big batches keep an epoch short (bench/word2vec_speed.py: 4096 pairs
        # a batch trains at ~1.1 million words per second on 2 cores, with the grouped words' neighbours as pure)
        vocab = 1000
        cfg = TrainingConfig(optimizer="adam", learning_rate=0.005, batch_size=4096, epochs=5, metrics=[], seed=0)
    title = "Skip-gram word2vec" if mode == "skipgram" else "CBOW word2vec"
    return Experiment(FAMILY, {"main": word2vec_network(vocab, dim)}, dataset, cfg, options=options,
                      name=title)


def skipgram(dataset: str) -> Experiment:
    return _word2vec("skipgram", dataset)


def cbow(dataset: str) -> Experiment:
    return _word2vec("cbow", dataset)


PRESETS: tuple[Preset, ...] = (
    Preset(
        "cbow", "CBOW (word2vec)", "Embeddings",
        "Continuous bag of words: average the vectors of the words around a gap and learn to pick the word that "
        "fills it out of a few random impostors (negative sampling). Words that fill the same gaps end up with "
        "similar vectors, so the map groups animals with animals and days with days. Fast, and smooth for "
        "frequent words.",
        "corpus-groups", cbow, ("corpus-groups", "corpus-chars", "corpus-file")),
    Preset(
        "skipgram", "Skip-gram (word2vec)", "Embeddings",
        "The reverse of CBOW: from one word, score each real neighbour above a few random impostors (negative "
        "sampling). Every (word, neighbour) pair is a training example, so it is slower than CBOW per epoch but "
        "learns good vectors for rarer words too. Similar contexts give similar vectors.",
        "corpus-groups", skipgram, ("corpus-groups", "corpus-chars", "corpus-file")),
)
