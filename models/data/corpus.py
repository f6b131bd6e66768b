"""Corpora for word2vec: a generated corpus with known word groups, or a user's UTF-8 text file.

A corpus here is a flat array of token ids plus, for every token, the id of the sentence it belongs to, so
context windows never reach across a sentence boundary. The vocabulary is sorted by frequency (id 0 is the
most frequent word), which lets the live map and the query box take "the first N words" as the most
common ones.

The grouped corpus is generated from a small grammar we wrote. Words of one group (animals, foods, ...) fill
the same slots of the same sentence templates and are drawn uniformly, so they share their contexts and a
working word2vec must put them close together; that is what makes its neighbours checkable.
"""
from __future__ import annotations

import random
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from .base import RESOURCES, Dataset, DatasetError, DatasetInfo, Shape, register
from .textfile import iter_user_text, read_user_text

# --- the grammar -----------------------------------------------------------------------------------------
WORD_GROUPS: dict[str, tuple[str, ...]] = {
    "animals": ("cat", "dog", "horse", "rabbit", "fox", "bear", "mouse", "wolf"),
    "foods": ("bread", "apple", "cheese", "rice", "soup", "cake", "pear", "carrot"),
    "colours": ("red", "blue", "green", "yellow", "black", "white", "purple", "grey"),
    "places": ("garden", "forest", "river", "village", "market", "kitchen", "mountain", "beach"),
    "motion verbs": ("runs", "walks", "jumps", "swims", "climbs", "wanders", "hurries", "crawls"),
    "people": ("mother", "father", "teacher", "doctor", "farmer", "baker", "sister", "uncle"),
    "food verbs": ("eats", "cooks", "buys", "sells", "tastes", "slices", "shares", "wants"),
    "days": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "numbers": ("two", "three", "four", "five", "six", "seven", "eight", "nine"),
}

# Each template is a list of literal words and {group} slots. Every group fills at least two templates, and
# no two groups share all their contexts, so the groups are what the text itself distinguishes.
_TEMPLATES: tuple[str, ...] = (
    "the {animals} {motion verbs} to the {places}",
    "the {colours} {animals} sleeps in the {places}",
    "the {animals} hides from the {people}",
    "the {people} {food verbs} the {foods}",
    "the {people} {food verbs} {numbers} {colours} {foods}",
    "on {days} the {people} {motion verbs} to the {places}",
    "the {foods} is {colours} and fresh",
    "we saw {numbers} {animals} near the {places} on {days}",
    "the {people} lives near the {places}",
    "every {days} the {people} {food verbs} some {foods}",
    "the {people} paints the door {colours}",
    "{numbers} {foods} cost {numbers} coins",
)

GROUPED_SENTENCES = 4000
GROUPED_SEED = 20240  # the grouped corpus is the same text on every run, like a shipped file


def grouped_text(sentences: int = GROUPED_SENTENCES, seed: int = GROUPED_SEED) -> str:
    """The generated corpus as plain text, one sentence per line (deterministic for a given seed)."""
    rng = random.Random(seed)
    slot = re.compile(r"\{([^}]+)\}")
    lines = []
    for _ in range(sentences):
        template = rng.choice(_TEMPLATES)
        lines.append(slot.sub(lambda m: rng.choice(WORD_GROUPS[m.group(1)]), template) + " .")
    return "\n".join(lines) + "\n"


def grouped_vocabulary() -> list[str]:
    """Every word the grammar can produce (the grouped corpus' vocabulary once it is long enough)."""
    words: set[str] = set()
    for template in _TEMPLATES:
        words.update(w for w in re.sub(r"\{[^}]+\}", " ", template).split())
    for group in WORD_GROUPS.values():
        words.update(group)
    return sorted(words)


def word_groups() -> dict[str, str]:
    """word -> group name for every grouped word."""
    return {w: g for g, words in WORD_GROUPS.items() for w in words}


# --- tokenising and the vocabulary ----------------------------------------------------------------------
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+(?:['’][^\W\d_{_CJK}]+)*|\d+")
_SENTENCE_END = re.compile(r"[.!?;:。！？]+|\n[ \t\r]*\n")


def tokenize(text: str) -> list[list[str]]:
    """Lower-cased words (letters in any script, inner apostrophes kept, or digit runs) per sentence.

    Chinese characters, written without spaces, count as one word each.

    Sentences end at . ! ? ; : and blank lines (a single line break is just a space, as in wrapped prose);
    punctuation itself is dropped.
    """
    out = []
    for chunk in _SENTENCE_END.split(text.lower()):
        words = _WORD.findall(chunk)
        if words:
            out.append(words)
    return out


@dataclass
class Corpus:
    """Token ids in reading order; `sentence_ids[i]` says which sentence token i belongs to."""

    vocab: list[str]  # sorted by count, most frequent first
    counts: np.ndarray  # int64, counts[i] = occurrences of vocab[i] (after min_count filtering)
    tokens: np.ndarray  # int32 ids
    sentence_ids: np.ndarray  # int32, non-decreasing
    groups: dict[str, str] = field(default_factory=dict)  # word -> group, for the words whose group is known
    group_names: list[str] = field(default_factory=list)
    dropped_rare: int = 0  # distinct words removed by min_count / max_vocab

    @property
    def index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.vocab)}

    def __len__(self) -> int:
        return int(len(self.tokens))


def _check_vocabulary_limits(min_count: int, max_vocab: int) -> None:
    if min_count < 1:
        raise DatasetError(f"min_count must be at least 1, got {min_count}")
    if max_vocab < 2:
        raise DatasetError(f"max_vocab must be at least 2, got {max_vocab}")


def _check_kept(distinct: int, kept: int, min_count: int) -> None:
    if kept < 2:
        raise DatasetError(f"the text has {distinct} distinct word(s) and {kept} seen at least {min_count} time(s); "
                           "word2vec needs at least 2 (use a longer text or a lower min_count)")


def build_corpus(sentences: list[list[str]], min_count: int = 1, max_vocab: int = 20000,
                 max_tokens: int = 0, groups: dict[str, str] | None = None) -> Corpus:
    """Count words, keep those seen at least `min_count` times (at most `max_vocab` of them), encode.

    Rare words are removed from the text before windows are formed (as the original word2vec does), so
    their neighbours become each other's context. `max_tokens` > 0 keeps only the first that many tokens.
    """
    _check_vocabulary_limits(min_count, max_vocab)
    if max_tokens > 0:
        kept: list[list[str]] = []
        total = 0
        for sentence in sentences:
            if total >= max_tokens:
                break
            kept.append(sentence[:max_tokens - total])
            total += len(kept[-1])
        sentences = kept
    counter: dict[str, int] = {}
    for sentence in sentences:
        for w in sentence:
            counter[w] = counter.get(w, 0) + 1
    ranked = sorted(((c, w) for w, c in counter.items() if c >= min_count), key=lambda cw: (-cw[0], cw[1]))
    ranked = ranked[:max_vocab]
    _check_kept(len(counter), len(ranked), min_count)
    vocab = [w for _, w in ranked]
    index = {w: i for i, w in enumerate(vocab)}
    tokens: list[int] = []
    sent_ids: list[int] = []
    n_sent = 0
    for sentence in sentences:
        ids = [index[w] for w in sentence if w in index]
        if ids:
            tokens.extend(ids)
            sent_ids.extend([n_sent] * len(ids))
            n_sent += 1
    counts = np.zeros(len(vocab), dtype=np.int64)
    tok = np.asarray(tokens, dtype=np.int32)
    np.add.at(counts, tok, 1)
    groups = {w: g for w, g in (groups or {}).items() if w in index}
    names = list(dict.fromkeys(g for g in (groups or {}).values()))
    return Corpus(vocab, counts, tok, np.asarray(sent_ids, dtype=np.int32), groups, names,
                  dropped_rare=len(counter) - len(vocab))


def stream_corpus(pieces: Iterable[str], min_count: int = 1, max_vocab: int = 20000, max_tokens: int = 0
                  ) -> tuple[Corpus, int]:
    """build_corpus(tokenize(text)) for a text given in pieces (iter_user_text), and how many words it had.

    One pass: words get ids as they are first seen, the text is kept as those ids (4 bytes a word, with 4 more
    for its sentence), and the ids are renumbered by count at the end, the rare ones dropped. A 200 MB file
    as one string, its sentences as lists of words, took several GB; this holds the distinct words and the ids.
    A piece is cut at its last sentence end, the rest carried into the next, so no sentence is split.
    """
    _check_vocabulary_limits(min_count, max_vocab)
    first_seen: dict[str, int] = {}
    ids = array("i")
    sentence_of = array("i")
    n_sent = 0
    total = 0

    def take(text: str) -> None:
        """Encode `text`'s sentences (words past max_tokens are counted in `total` only)."""
        nonlocal n_sent, total
        for sentence in tokenize(text):
            total += len(sentence)
            if max_tokens > 0:
                room = max_tokens - len(ids)
                if room <= 0:
                    continue  # still counted in `total`
                sentence = sentence[:room]
            ids.extend(first_seen.setdefault(w, len(first_seen)) for w in sentence)
            sentence_of.extend([n_sent] * len(sentence))
            n_sent += 1

    carry = ""
    for piece in pieces:
        text = carry + piece
        cut = None
        for cut in _SENTENCE_END.finditer(text):
            pass
        if cut is None:
            carry = text
            continue
        take(text[:cut.end()])
        carry = text[cut.end():]
    if carry:
        take(carry)
    raw = np.frombuffer(ids, dtype=np.int32) if len(ids) else np.zeros(0, np.int32)
    counts = np.bincount(raw, minlength=len(first_seen)).astype(np.int64)
    words = list(first_seen)
    order = sorted((i for i in range(len(words)) if counts[i] >= min_count), key=lambda i: (-counts[i], words[i]))
    order = order[:max_vocab]
    _check_kept(len(words), len(order), min_count)
    new_id = np.full(len(words), -1, dtype=np.int32)
    new_id[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
    mapped = new_id[raw]
    del raw, ids  # each copy of the text's ids is 4 bytes a word: 140 MB for a 200 MB file
    kept = mapped >= 0
    tokens = mapped[kept]
    del mapped
    sentences = np.frombuffer(sentence_of, dtype=np.int32)[kept] if len(sentence_of) else np.zeros(0, np.int32)
    del sentence_of, kept
    # sentences left with no word disappear: renumber the rest 0, 1, 2, ... as build_corpus does
    if len(sentences):
        starts = np.empty(len(sentences), dtype=np.int32)
        starts[0] = 0
        np.not_equal(sentences[1:], sentences[:-1], out=starts[1:], casting="unsafe")
        sentences = np.cumsum(starts, dtype=np.int32)
    vocab = [words[i] for i in order]
    return Corpus(vocab, counts[np.asarray(order, dtype=np.int64)], tokens, sentences,
                  dropped_rare=len(words) - len(vocab)), total


# --- what word2vec trains on ----------------------------------------------------------------------------
def keep_probabilities(counts: np.ndarray, threshold: float) -> np.ndarray:
    """Chance of keeping each occurrence of a word: min(1, sqrt(t/f) + t/f), f its share of all tokens.

    This is the formula of the original word2vec code: words rarer than about t are always kept, very
    frequent ones ("the") mostly dropped, which speeds training and lets content words meet more often.
    threshold <= 0 keeps everything.
    """
    counts = np.asarray(counts, dtype=np.float64)
    if threshold <= 0 or counts.sum() <= 0:
        return np.ones(len(counts))
    freq = counts / counts.sum()
    ratio = threshold / np.maximum(freq, 1e-12)
    return np.minimum(1.0, np.sqrt(ratio) + ratio)


def subsample(tokens: np.ndarray, sentence_ids: np.ndarray, counts: np.ndarray, threshold: float,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Drop frequent-word occurrences at random (see keep_probabilities); returns (tokens, sentence_ids).

    This and skipgram_pairs / cbow_examples build a whole corpus' examples in numpy: the reference the training
    stream (models/families/word2vec/stream.py) is tested against, and arrays for tests of the model itself."""
    if threshold <= 0:
        return tokens, sentence_ids
    keep = rng.random(len(tokens)) < keep_probabilities(counts, threshold)[tokens]
    return tokens[keep], sentence_ids[keep]


def skipgram_pairs(tokens: np.ndarray, sentence_ids: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """(target, context) id pairs: every word paired with each word up to `window` positions away.

    Both directions are produced; a position is never its own context and pairs never cross sentences.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    tokens = np.asarray(tokens, dtype=np.int32)
    sentence_ids = np.asarray(sentence_ids)
    targets, contexts = [], []
    for d in range(1, window + 1):
        if d >= len(tokens):
            break
        same = sentence_ids[:-d] == sentence_ids[d:]
        left, right = tokens[:-d][same], tokens[d:][same]
        targets += [left, right]
        contexts += [right, left]
    if not targets:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(targets), np.concatenate(contexts)


def cbow_examples(tokens: np.ndarray, sentence_ids: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """(contexts, targets): for each word, the ids of up to 2*window words around it, -1 where none.

    Positions whose sentence has no other word are left out (they have no context to predict from).
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    tokens = np.asarray(tokens, dtype=np.int32)
    sentence_ids = np.asarray(sentence_ids)
    n = len(tokens)
    ctx = np.full((n, 2 * window), -1, dtype=np.int32)
    col = 0
    for d in list(range(-window, 0)) + list(range(1, window + 1)):
        src = np.arange(n) + d
        ok = (src >= 0) & (src < n)
        idx = np.flatnonzero(ok)
        same = sentence_ids[src[ok]] == sentence_ids[idx]
        ctx[idx[same], col] = tokens[src[ok][same]]
        col += 1
    has = (ctx >= 0).any(axis=1)
    return ctx[has], tokens[has]


# --- datasets ---------------------------------------------------------------------------------------------
def preview_lines(corpus: Corpus, sentences: int = 6) -> list[str]:
    """A few sentences as the model sees them (rare words already removed), then the known groups."""
    ends = np.flatnonzero(np.diff(corpus.sentence_ids)) + 1
    bounds = np.concatenate([[0], ends, [len(corpus.tokens)]])[:sentences + 1]
    lines = [" ".join(corpus.vocab[t] for t in corpus.tokens[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    by_group: dict[str, list[str]] = {}
    for word, group in corpus.groups.items():
        by_group.setdefault(group, []).append(word)
    lines += [f"{g}: {', '.join(by_group[g][:4])} …" for g in corpus.group_names]
    return lines


def _dataset(corpus: Corpus, name: str, title: str, source: str, notes: str) -> Dataset:
    info = DatasetInfo(name=name, title=title, source=source, task="corpus", input_shape=(1,), input_dtype="int32",
                       notes=notes, extras={"corpus": corpus, "vocab": corpus.vocab, "counts": corpus.counts,
                                            "groups": corpus.groups, "group_names": corpus.group_names,
                                            "samples": preview_lines(corpus, 3 if corpus.groups else 10)})
    return Dataset(corpus.tokens, None, None, None, None, None, info)


def _int_option(value: Any, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value or value < low:
        raise DatasetError(f"option '{name}' must be a whole number >= {low}, got {value!r}")
    return int(value)


_CORPUS_SHAPE = Shape((1,), "corpus", 0, "int32")


@register("corpus-groups", "generated sentences with known word groups (animals, foods, colours, ...), for "
          "word2vec", shape=_CORPUS_SHAPE)
def load_grouped(seed: int = 0, sentences: int = GROUPED_SENTENCES, min_count: int = 1) -> Dataset:
    """The grammar corpus. It ignores the training seed on purpose: the text is fixed, like a shipped file."""
    n = _int_option(sentences, "sentences", 10)
    corpus = build_corpus(tokenize(grouped_text(n)), min_count=_int_option(min_count, "min_count", 1),
                          groups=word_groups())
    return _dataset(corpus, "corpus-groups", "Grouped corpus", f"generated: {n:,} sentences from our grammar",
                    f"{len(corpus):,} tokens, {len(corpus.vocab)} words in {len(corpus.group_names)} groups")


@register("corpus-file", "word2vec on your own UTF-8 text file (option 'path')", shape=_CORPUS_SHAPE)
def load_file(seed: int = 0, path: str | None = None, min_count: int = 2, max_vocab: int = 20000,
              max_tokens: int | None = 2_000_000) -> Dataset:
    """A user's text: UTF-8 only (iter_user_text explains anything else), rare words dropped. Read in pieces
    (stream_corpus), so a text of hundreds of MB trains in a few hundred MB of memory; max_tokens None reads it
    all."""
    if not path:
        raise DatasetError("corpus-file needs the option 'path' (a UTF-8 text file); on the command line use "
                           "--corpus FILE")
    tokens_cap = 0 if max_tokens is None else _int_option(max_tokens, "max_tokens", 1)
    min_count = _int_option(min_count, "min_count", 1)
    corpus, total = stream_corpus(iter_user_text(path), min_count=min_count,
                                  max_vocab=_int_option(max_vocab, "max_vocab", 2), max_tokens=tokens_cap)
    if total == 0:
        raise DatasetError(f"{Path(path).name} contains no words")
    notes = f"{len(corpus):,} tokens, {len(corpus.vocab):,} words seen at least {min_count} times"
    if tokens_cap and total > tokens_cap:
        notes += f"; only the first {tokens_cap:,} of {total:,} words are used"
    return _dataset(corpus, "corpus-file", Path(path).name, f"file: {path}", notes)


SHIPPED_STORY = RESOURCES / "chars_text.txt"


@register("corpus-chars", "word2vec on the short story shipped for the chars task (no known groups)",
          shape=_CORPUS_SHAPE)
def load_story(seed: int = 0, min_count: int = 2, max_vocab: int = 20000) -> Dataset:
    """The `chars` task's story read as words: a real text, small, so expect rough neighbours."""
    if not SHIPPED_STORY.is_file():
        raise DatasetError(f"the shipped story {SHIPPED_STORY.name} is missing from {SHIPPED_STORY.parent}")
    return _text_dataset(read_user_text(SHIPPED_STORY), "corpus-chars", "The Keeper of the Lamp (story)",
                         f"shipped: resources/{SHIPPED_STORY.name}", min_count, max_vocab, 0)


def _text_dataset(text: str, name: str, title: str, source: str, min_count: int, max_vocab: int,
                  max_tokens: int) -> Dataset:
    tokens_cap = _int_option(max_tokens, "max_tokens", 0)
    sentences = tokenize(text)
    if not sentences:
        raise DatasetError(f"{title} contains no words")
    total = sum(len(s) for s in sentences)
    corpus = build_corpus(sentences, min_count=_int_option(min_count, "min_count", 1),
                          max_vocab=_int_option(max_vocab, "max_vocab", 2), max_tokens=tokens_cap)
    notes = f"{len(corpus):,} tokens, {len(corpus.vocab):,} words seen at least {min_count} times"
    if tokens_cap and total > tokens_cap:
        notes += f"; only the first {tokens_cap:,} of {total:,} words are used"
    return _dataset(corpus, name, title, source, notes)
