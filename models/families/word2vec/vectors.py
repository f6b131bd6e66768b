"""Word vectors after (or during) word2vec training: neighbours, analogies and how well words group.

Everything here is numpy only, so the GUI can answer a query from the latest probe payload without a round
trip to the training thread.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


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
