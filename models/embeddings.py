"""Word vectors after (or during) word2vec training: neighbours, analogies, a 2-D map, Projector export.

Everything here is numpy only, so the GUI can answer a query from the latest probe payload without a
round trip to the training thread. The word2vec presets (`cbow`, `skipgram`) and the options they read are
defined here too, because this module is safe to import before TensorFlow loads.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .presets import Preset, register
from .specs import Experiment, LayerSpec, NetworkSpec, TrainingConfig


class EmbeddingError(ValueError):
    """A query that cannot be answered (unknown word, too few words); the message says why."""


# --- geometry --------------------------------------------------------------------------------------------
def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero), so a dot product is the cosine similarity."""
    vectors = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _lookup(vocab: Sequence[str], word: str) -> int:
    key = word.strip().lower()
    try:
        return list(vocab).index(key)
    except ValueError:
        raise EmbeddingError(f"'{word.strip()}' is not in the vocabulary ({len(vocab):,} words)") from None


def _ranked(sims: np.ndarray, vocab: Sequence[str], exclude: set[int], k: int) -> list[tuple[str, float]]:
    sims = sims.astype(np.float64).copy()
    if exclude:
        sims[list(exclude)] = -np.inf
    order = np.argsort(-sims, kind="stable")[:max(0, k)]
    return [(vocab[i], float(sims[i])) for i in order if np.isfinite(sims[i])]


def nearest_neighbours(vectors: np.ndarray, vocab: Sequence[str], word: str, k: int = 10) -> list[tuple[str, float]]:
    """The k words whose vectors point most nearly the same way as `word`'s (cosine similarity), best first."""
    if len(vocab) != len(vectors):
        raise EmbeddingError(f"{len(vocab)} words but {len(vectors)} vectors")
    i = _lookup(vocab, word)
    unit = unit_rows(vectors)
    return _ranked(unit @ unit[i], vocab, {i}, k)


def analogy(vectors: np.ndarray, vocab: Sequence[str], a: str, b: str, c: str, k: int = 5) -> list[tuple[str, float]]:
    """Words closest to a - b + c ("king - man + woman"), using unit vectors; a, b and c themselves are left out.

    Read it as: c is to the answer what b is to a.
    """
    ia, ib, ic = (_lookup(vocab, w) for w in (a, b, c))
    unit = unit_rows(vectors)
    query = unit[ia] - unit[ib] + unit[ic]
    norm = np.linalg.norm(query)
    if norm == 0:
        raise EmbeddingError("a - b + c is the zero vector here; pick three different words")
    return _ranked(unit @ (query / norm), vocab, {ia, ib, ic}, k)


def parse_query(text: str) -> tuple[str, list[str]]:
    """'cat' -> ('neighbours', ['cat']); 'king - man + woman' -> ('analogy', ['king', 'man', 'woman'])."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise EmbeddingError("type a word, or an analogy like 'king - man + woman'")
    if "-" in cleaned or "+" in cleaned:
        parts = cleaned.replace("+", " + ").replace("-", " - ").split()
        if len(parts) == 5 and parts[1] == "-" and parts[3] == "+":
            return "analogy", [parts[0], parts[2], parts[4]]
        raise EmbeddingError("write an analogy as 'a - b + c', e.g. 'king - man + woman'")
    words = cleaned.split()
    if len(words) != 1:
        raise EmbeddingError("type one word (or an analogy like 'king - man + woman')")
    return "neighbours", words


def answer_query(vectors: np.ndarray, vocab: Sequence[str], text: str, k: int = 8) -> list[tuple[str, float]]:
    """What the query box shows: neighbours of one word, or the answers of an analogy."""
    kind, words = parse_query(text)
    if kind == "analogy":
        return analogy(vectors, vocab, *words, k=k)
    return nearest_neighbours(vectors, vocab, words[0], k=k)


def pca_2d(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(coords (n, 2), share of variance each axis explains), via the SVD of the centred vectors."""
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or len(x) == 0:
        raise EmbeddingError("PCA needs a non-empty 2-D array of vectors")
    x = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    comps = np.zeros((2, x.shape[1]))
    comps[:min(2, len(vt))] = vt[:2]
    coords = x @ comps.T
    var = s ** 2
    total = var.sum()
    explained = np.zeros(2)
    if total > 0:
        explained[:min(2, len(var))] = var[:2] / total
    return coords, explained


def align_signs(coords: np.ndarray, previous: np.ndarray | None) -> np.ndarray:
    """Flip each axis to agree with the previous frame: PCA's signs are arbitrary and would make the map jump."""
    if previous is None or previous.shape != coords.shape:
        return coords
    out = coords.copy()
    for axis in range(coords.shape[1]):
        if float(np.dot(coords[:, axis], previous[:, axis])) < 0:
            out[:, axis] = -out[:, axis]
    return out


def neighbour_group_share(vectors: np.ndarray, vocab: Sequence[str], groups: dict[str, str]) -> float:
    """Share of grouped words whose nearest neighbour (among the whole vocabulary) is in their own group.

    NaN when no word has a group. With g groups of equal size among V words, chance is about (size-1)/V.
    """
    ids = [i for i, w in enumerate(vocab) if w in groups]
    if not ids:
        return float("nan")
    unit = unit_rows(vectors)
    sims = unit[ids] @ unit.T
    sims[np.arange(len(ids)), ids] = -np.inf
    best = np.argmax(sims, axis=1)
    hits = sum(groups.get(vocab[j]) == groups[vocab[i]] for i, j in zip(ids, best))
    return hits / len(ids)


# --- TensorBoard Projector files -------------------------------------------------------------------------
def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_projector(directory: str | Path, vectors: np.ndarray, vocab: Sequence[str],
                    groups: dict[str, str] | None = None, counts: Sequence[int] | None = None) -> tuple[Path, Path]:
    """Write vectors.tsv (one row of tab-separated numbers per word) and metadata.tsv (the labels, same order).

    This is the format https://projector.tensorflow.org loads. metadata.tsv has a header row only when it has
    more than one column (word, count, group), as the Projector expects.
    """
    from .export import atomic_write_text

    vectors = np.asarray(vectors, dtype=np.float64)
    if vectors.ndim != 2 or len(vectors) != len(vocab):
        raise EmbeddingError(f"{len(vocab)} words but vectors of shape {vectors.shape}")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise EmbeddingError(f"{directory} is a file; --export-embeddings needs a folder")
    rows = ["\t".join(f"{v:.6g}" for v in row) for row in vectors]
    columns = ["word"] + (["count"] if counts is not None else []) + (["group"] if groups else [])
    if len(columns) == 1:
        meta = [_clean(w) for w in vocab]
    else:
        meta = ["\t".join(columns)]
        for i, w in enumerate(vocab):
            cells = [_clean(w)]
            if counts is not None:
                cells.append(str(int(counts[i])))
            if groups:
                cells.append(_clean(groups.get(w, "")) or "-")
            meta.append("\t".join(cells))
    vec_path = atomic_write_text(directory / "vectors.tsv", "\n".join(rows) + "\n")
    meta_path = atomic_write_text(directory / "metadata.tsv", "\n".join(meta) + "\n")
    return vec_path, meta_path


# --- working with a trained model on the training thread ------------------------------------------------
def model_vectors(model: Any) -> np.ndarray:
    """The word vectors of a trained word2vec model (call on the training thread)."""
    if not hasattr(model, "word_vectors"):
        raise EmbeddingError("this model has no word vectors: only the cbow and skipgram presets make them")
    return np.asarray(model.word_vectors(), dtype=np.float32)


def export_model_embeddings(model: Any, directory: str | Path) -> str:
    """What `--export-embeddings DIR` runs (on the training thread) after a word2vec run."""
    vectors = model_vectors(model)
    vec_path, meta_path = write_projector(directory, vectors, model.vocabulary, model.word_groups,
                                          model.word_counts)
    return f"{vec_path} and {meta_path}"


def apply_cli_options(experiment: Experiment, corpus: str | None, export_dir: str | None) -> None:
    """`train cbow|skipgram --corpus FILE --export-embeddings DIR`: check before any TensorFlow loads.

    Raises ValueError (or DatasetError) with a message for stderr.
    """
    from .data.textfile import read_user_text

    if experiment.family != "word2vec":
        flag = "--corpus" if corpus else "--export-embeddings"
        raise ValueError(f"{flag} is for word2vec experiments (presets cbow and skipgram), not "
                         f"'{experiment.family}'")
    if export_dir and Path(export_dir).exists() and not Path(export_dir).is_dir():
        raise ValueError(f"--export-embeddings needs a folder, but {export_dir} is a file")
    if corpus:
        read_user_text(corpus)  # a binary or non-UTF-8 file fails here with a clear DatasetError
        if experiment.preset in ("cbow", "skipgram"):
            from .presets import get_preset

            preset = get_preset(experiment.preset)
            if experiment.training == preset.make(experiment.dataset).training:  # untouched: use file defaults
                experiment.training = preset.make("corpus-file").training
        experiment.dataset = "corpus-file"
        experiment.dataset_options = {**experiment.dataset_options, "path": str(corpus)}


# --- settings and presets -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    """One word2vec setting in Experiment.options: what a settings form needs to show and check it."""

    name: str
    kind: str  # "int", "float", "choice"
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


WORD2VEC_OPTIONS: tuple[Option, ...] = (
    Option("mode", "choice", "skipgram", "Skip-gram predicts each context word from the centre word; CBOW "
           "predicts the centre word from the average of its context.", choices=("skipgram", "cbow")),
    Option("window", "int", 2, "How many words on each side count as context.", 1, 20),
    Option("negatives", "int", 5, "Random 'noise' words per real pair; the model learns to tell them apart "
           "from the real context.", 1, 50),
    Option("subsample", "float", 1e-3, "Frequent words are dropped at random above this share of the text "
           "(0 keeps every word). Lower drops more.", 0.0, 1.0),
)


def word2vec_options(options: dict[str, Any]) -> dict[str, Any]:
    """Options with defaults filled in, each checked; raises ValueError naming the bad one."""
    known = {o.name: o for o in WORD2VEC_OPTIONS}
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise ValueError(f"unknown word2vec option(s) {', '.join(unknown)} (known: {', '.join(known)})")
    out: dict[str, Any] = {}
    for opt in WORD2VEC_OPTIONS:
        value = options.get(opt.name, opt.default)
        if opt.kind == "choice":
            if value not in opt.choices:
                raise ValueError(f"option '{opt.name}' must be one of {', '.join(opt.choices)}, got {value!r}")
        else:
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if opt.kind == "int" and not (is_number and float(value).is_integer()):
                raise ValueError(f"option '{opt.name}' must be a whole number, got {value!r}")
            if not is_number or not math.isfinite(value) or not (opt.low <= value <= opt.high):
                raise ValueError(f"option '{opt.name}' must be between {opt.low:g} and {opt.high:g}, got {value!r}")
            value = int(value) if opt.kind == "int" else float(value)
        out[opt.name] = value
    return out


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
    from .catalog import ParamError, checked_params

    net = experiment.networks.get("main")
    if net is None or [layer.type for layer in net.layers] != ["Embedding"]:
        raise ValueError("a word2vec network is a single Embedding layer (its rows are the word vectors); "
                         "remove the other layers or load the cbow/skipgram preset again")
    try:
        return int(checked_params("Embedding", net.layers[0].params)["output_dim"])
    except ParamError as exc:
        raise ValueError(f"Embedding: {exc}") from None


def _word2vec(mode: str, dataset: str) -> Experiment:
    from .data.corpus import grouped_vocabulary

    dim = 32
    options = word2vec_options({"mode": mode})
    if dataset == "corpus-groups":
        # Small text: small batches, so the live map organises over several seconds instead of one.
        vocab = len(grouped_vocabulary())
        cfg = TrainingConfig(optimizer="adam", learning_rate=0.005, batch_size=128, epochs=8, metrics=[], seed=0)
    else:
        # A real text has far more pairs: big batches keep an epoch short.
        vocab = 1000
        cfg = TrainingConfig(optimizer="adam", learning_rate=0.005, batch_size=1024, epochs=5, metrics=[], seed=0)
    title = "Skip-gram word2vec" if mode == "skipgram" else "CBOW word2vec"
    return Experiment("word2vec", {"main": word2vec_network(vocab, dim)}, dataset, cfg, options=options,
                      name=title)


def skipgram(dataset: str) -> Experiment:
    return _word2vec("skipgram", dataset)


def cbow(dataset: str) -> Experiment:
    return _word2vec("cbow", dataset)


register(Preset(
    "cbow", "CBOW (word2vec)", "Embeddings",
    "Continuous bag of words: average the vectors of the words around a gap and learn to pick the word that "
    "fills it out of a few random impostors (negative sampling). Words that fill the same gaps end up with "
    "similar vectors, so the map groups animals with animals and days with days. Fast, and smooth for "
    "frequent words.",
    "corpus-groups", cbow, ("corpus-groups", "corpus-chars", "corpus-file")))
register(Preset(
    "skipgram", "Skip-gram (word2vec)", "Embeddings",
    "The reverse of CBOW: from one word, score each real neighbour above a few random impostors (negative "
    "sampling). Every (word, neighbour) pair is a training example, so it is slower than CBOW per epoch but "
    "learns good vectors for rarer words too. Similar contexts give similar vectors.",
    "corpus-groups", skipgram, ("corpus-groups", "corpus-chars", "corpus-file")))


def export_embeddings_job(session: Any, directory: str | Path) -> Any:
    """A future (from TrainingSession) that writes the last word2vec run's Projector files into `directory`."""
    return session.with_model(lambda model: export_model_embeddings(model, directory), which="train")
