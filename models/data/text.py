"""Text tasks for recurrent networks, all generated or shipped, so they work offline and have known answers.

- `sentiment` (many-to-one): review-like sentences from a small grammar with negation ("not good", "never
  boring"), intensifiers ("very", "really") and contrast ("X but Y": the clause after "but" decides), so a
  bag of words is not enough and word order matters. Binary label.
- `tagging` (many-to-many): the same sentences with a tag per word (DET, NOUN, VERB, ...). A few words
  ("play", "show", "work", "love", "act") are nouns after "the" and verbs after a subject, so the tagger must
  read the context. Per-token accuracy, padding masked.
- `memory-N` (many-to-one, long range): a key token ("A" or "B") followed by N-1 random digits; the label is
  the key. Everything between is noise, so the network must carry one bit across N steps. Validation and
  test sequences have length N; training sequences have lengths from N/4 to N (option `min_length`).
- `chars` (next-character prediction, for generation): windows of 40 characters from the text we ship in
  resources/ (or a user's UTF-8 file, option `path`); the label is the character that follows.

Every token sequence is integer ids padded at the end with 0 (`<pad>`); 1 is `<unk>` for unknown words. The
`Vocabulary` in `DatasetInfo.extras["vocabulary"]` encodes typed text the same way the data was encoded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register
from .textfile import read_user_text

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SHIPPED_TEXT = RESOURCES / "chars_text.txt"

PAD, UNK = "<pad>", "<unk>"
PAD_ID, UNK_ID = 0, 1

SENTENCE_LEN = 20  # sentiment and tagging sequences (the longest generated sentence is exactly 20 words)
CHAR_WINDOW = 40  # characters the `chars` model reads before predicting the next one
MAX_CHARS = 96  # character vocabulary cap (pad, unk and the 94 most frequent characters)
MEMORY_DEFAULT_N = 50
MEMORY_MIN_N, MEMORY_MAX_N = 2, 1000


# --- vocabulary ----------------------------------------------------------------------------------------------
_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]|[A-Z]")
_CONTRACTIONS = {"can't": ["can", "not"], "won't": ["will", "not"], "don't": ["do", "not"],
                 "didn't": ["did", "not"], "wasn't": ["was", "not"], "isn't": ["is", "not"],
                 "doesn't": ["does", "not"], "weren't": ["were", "not"], "aren't": ["are", "not"]}


@dataclass(frozen=True)
class Vocabulary:
    """Token <-> id mapping with the padding rules the data was made with.

    level "word": text is lower-cased and split into words ("didn't" becomes "did not"); level "token":
    split on spaces, case kept (memory task); level "char": one token per character. Sequences are padded at
    the end with `<pad>` (id 0) to `max_len`; a longer text keeps its first `max_len` tokens, except at char
    level, where the last `max_len` characters are kept (generation continues from the end).
    """

    tokens: tuple[str, ...]
    max_len: int
    level: str = "word"
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.tokens[:2] != (PAD, UNK):
            raise ValueError("a vocabulary starts with <pad> and <unk>")
        object.__setattr__(self, "_index", {t: i for i, t in enumerate(self.tokens)})

    @property
    def size(self) -> int:
        """Number of ids, i.e. the Embedding's input_dim."""
        return len(self.tokens)

    def id_of(self, token: str) -> int:
        return self._index.get(token, UNK_ID)

    def tokenize(self, text: str) -> list[str]:
        if self.level == "char":
            return list(text)
        if self.level == "token":
            return text.split()
        out: list[str] = []
        for word in _WORD_RE.findall(text.lower().replace("\u2019", "'")):
            out.extend(_CONTRACTIONS.get(word, [word]))
        return out

    def unknown(self, text: str) -> list[str]:
        """Tokens of `text` that the vocabulary does not know (they are encoded as <unk>)."""
        return [t for t in self.tokenize(text) if t not in self._index or t in (PAD, UNK)]

    def encode_tokens(self, tokens: list[str]) -> np.ndarray:
        """Ids padded/truncated to max_len (int32, shape (max_len,))."""
        ids = [self.id_of(t) for t in tokens]
        ids = ids[-self.max_len:] if self.level == "char" else ids[:self.max_len]
        out = np.zeros(self.max_len, dtype="int32")
        out[:len(ids)] = ids
        return out

    def encode(self, text: str) -> np.ndarray:
        """What the model reads for a typed text: int32 ids of shape (max_len,), padded with 0 at the end."""
        return self.encode_tokens(self.tokenize(text))

    def encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.encode(t) for t in texts]) if texts else np.zeros((0, self.max_len), "int32")

    def visible_tokens(self, text: str) -> list[str]:
        """The tokens that actually reach the model (after truncation), unknown ones shown as typed."""
        tokens = self.tokenize(text)
        return tokens[-self.max_len:] if self.level == "char" else tokens[:self.max_len]

    def decode(self, ids: Any) -> list[str]:
        """Tokens for ids, padding dropped."""
        return [self.tokens[i] if 0 <= i < len(self.tokens) else UNK for i in np.asarray(ids).ravel().tolist()
                if i != PAD_ID]

    def decode_text(self, ids: Any) -> str:
        return ("" if self.level == "char" else " ").join(self.decode(ids))


# --- the review grammar --------------------------------------------------------------------------------------
TAGS: tuple[str, ...] = (PAD, "DET", "NOUN", "PRON", "VERB", "ADJ", "ADV", "NEG", "CONJ", "PREP")
TAG_HELP = {"DET": "determiner (the, this)", "NOUN": "noun", "PRON": "pronoun (i, it, we)",
            "VERB": "verb (including was, did)", "ADJ": "adjective", "ADV": "adverb (very, well, honestly)",
            "NEG": "negation (not, never, hardly)", "CONJ": "conjunction (but, and, although)",
            "PREP": "preposition (in, to)"}

_POSITIVE = ("good", "great", "funny", "moving", "clever", "brilliant", "charming", "exciting", "beautiful",
             "fresh", "wonderful", "gripping")
_NEGATIVE = ("bad", "boring", "dull", "awful", "silly", "slow", "weak", "predictable", "terrible", "messy",
             "bland", "tedious")
_INTENSIFIERS = ("very", "really", "truly", "so", "extremely", "quite")
_NEGATIONS = ("not", "never", "hardly")
_THINGS = ("movie", "film", "story", "plot", "acting", "ending", "music", "script", "dialogue", "soundtrack",
           "camera", "pacing")
# Words that are nouns after a determiner and verbs after a subject: the tagger has to look at the context.
_AMBIGUOUS_NOUNS = ("play", "show", "work")
_PEOPLE = ("actors", "cast", "leads", "players")
_DETS = ("the", "this", "that")
_BE = ("was", "is", "felt", "seemed")
_SUBJECTS = ("i", "we", "you", "they")
_LIKE_POS = ("loved", "liked", "enjoyed", "adored")
_LIKE_NEG = ("hated", "disliked", "loathed")
_MANNER_POS = ("well", "beautifully", "brilliantly")
_MANNER_NEG = ("badly", "poorly", "terribly")
_OPENERS = ((("honestly",), ("ADV",)), (("overall",), ("ADV",)), (("in", "the", "end"), ("PREP", "DET", "NOUN")),
            (("to", "be", "fair"), ("PREP", "VERB", "ADJ")))


def _pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


Tagged = tuple[list[str], list[str], int]  # words, tags, polarity (+1 positive, -1 negative)


def _clause(rng: np.random.Generator, want: int | None = None) -> Tagged:
    """One clause with a known polarity; `want` forces the polarity (+1/-1) when given."""
    negate = bool(rng.random() < 0.4)
    sign = int(want) if want is not None else (1 if rng.random() < 0.5 else -1)
    base = -sign if negate else sign  # the polarity of the word before negation
    words: list[str] = []
    tags: list[str] = []

    def add(word: str, tag: str) -> None:
        words.append(word)
        tags.append(tag)

    form = int(rng.integers(5))
    intensify = bool(rng.random() < 0.4)
    if form == 0:  # the plot was (not) (very) clever
        add(_pick(rng, _DETS), "DET")
        if rng.random() < 0.25:
            add("love", "NOUN")  # "the love story": noun used as a modifier
            add("story", "NOUN")
        else:
            add(_pick(rng, _THINGS + _AMBIGUOUS_NOUNS), "NOUN")
        add(_pick(rng, _BE), "VERB")
        if negate:
            add(_pick(rng, _NEGATIONS), "NEG")
        if intensify:
            add(_pick(rng, _INTENSIFIERS), "ADV")
        add(_pick(rng, _POSITIVE if base > 0 else _NEGATIVE), "ADJ")
    elif form == 1:  # i (did not) found/find it (really) dull
        add(_pick(rng, _SUBJECTS), "PRON")
        if negate:
            neg = _pick(rng, ("not", "never"))
            if neg == "not":
                add("did", "VERB")
                add("not", "NEG")
                add("find", "VERB")
            else:
                add("never", "NEG")
                add("found", "VERB")
        else:
            add("found", "VERB")
        add("it", "PRON")
        if intensify:
            add(_pick(rng, _INTENSIFIERS), "ADV")
        add(_pick(rng, _POSITIVE if base > 0 else _NEGATIVE), "ADJ")
    elif form == 2:  # we (really) loved the music / they did not like the ending
        add(_pick(rng, _SUBJECTS), "PRON")
        if negate:
            add("did", "VERB")
            add("not", "NEG")
            add("like" if base > 0 else "hate", "VERB")
        else:
            if intensify:
                add(_pick(rng, ("really", "truly")), "ADV")
            add(_pick(rng, _LIKE_POS if base > 0 else _LIKE_NEG), "VERB")
        add(_pick(rng, _DETS), "DET")
        add(_pick(rng, _THINGS + _AMBIGUOUS_NOUNS), "NOUN")
    elif form == 3:  # the actors play (very) well / the cast did not act badly
        add("the", "DET")
        add(_pick(rng, _PEOPLE), "NOUN")
        verb = _pick(rng, ("play", "work", "act", "show"))
        if verb == "show":
            if negate:
                add("did", "VERB")
                add("not", "NEG")
            add("show", "VERB")
            if intensify:
                add(_pick(rng, _INTENSIFIERS), "ADV")
            add(_pick(rng, ("real", "great") if base > 0 else ("little", "no")), "ADJ")
            add("talent", "NOUN")
        else:
            if negate:
                add("did", "VERB")
                add("not", "NEG")
            add(verb, "VERB")
            if intensify:
                add(_pick(rng, _INTENSIFIERS), "ADV")
            add(_pick(rng, _MANNER_POS if base > 0 else _MANNER_NEG), "ADV")
    else:  # it was (not) a (truly) wonderful film
        add("it", "PRON")
        add(_pick(rng, ("was", "is")), "VERB")
        if negate:
            add("not", "NEG")
        add("a", "DET")
        if intensify:
            add(_pick(rng, _INTENSIFIERS), "ADV")
        add(_pick(rng, _POSITIVE if base > 0 else _NEGATIVE), "ADJ")
        add(_pick(rng, _THINGS[:2] + ("show", "play")), "NOUN")
        at = words.index("a")
        if words[at + 1][0] in "aeiou":
            words[at] = "an"
    return words, tags, sign


def review(rng: np.random.Generator) -> Tagged:
    """One review sentence: (words, tags, polarity). With a contrast, the last clause decides."""
    words: list[str] = []
    tags: list[str] = []
    if rng.random() < 0.2:
        ow, ot = _OPENERS[int(rng.integers(len(_OPENERS)))]
        words += list(ow)
        tags += list(ot)
    first_w, first_t, first_s = _clause(rng)
    kind = rng.random()
    if kind < 0.45:  # one clause
        return words + first_w, tags + first_t, first_s
    if kind < 0.6:  # "and" joins clauses that agree
        w2, t2, s2 = _clause(rng, want=first_s)
        return words + first_w + ["and"] + w2, tags + first_t + ["CONJ"] + t2, s2
    # a contrast: "X but Y" or "although X , Y": the second clause wins
    w2, t2, s2 = _clause(rng, want=-first_s)
    if rng.random() < 0.7:
        return words + first_w + ["but"] + w2, tags + first_t + ["CONJ"] + t2, s2
    return words + ["although"] + first_w + w2, tags + ["CONJ"] + first_t + t2, s2


def _review_words() -> tuple[str, ...]:
    words = set(_POSITIVE + _NEGATIVE + _INTENSIFIERS + _NEGATIONS + _THINGS + _AMBIGUOUS_NOUNS + _PEOPLE + _DETS
                + _BE + _SUBJECTS + _LIKE_POS + _LIKE_NEG + _MANNER_POS + _MANNER_NEG)
    words |= {"love", "story", "did", "find", "found", "it", "like", "hate", "play", "work", "act", "show",
              "real", "great", "little", "no", "talent", "a", "an", "and", "but", "although"}
    for ow, _ in _OPENERS:
        words |= set(ow)
    return tuple(sorted(words))


def review_vocabulary() -> Vocabulary:
    """The fixed word vocabulary of `sentiment` and `tagging` (same grammar, same ids)."""
    return Vocabulary((PAD, UNK) + _review_words(), SENTENCE_LEN, "word")


SAMPLES = 12  # readable examples in DatasetInfo.extras["samples"] (the GUI's dataset preview)


def _shorten(tokens: list[str], keep: int) -> str:
    if len(tokens) <= keep:
        return " ".join(tokens)
    return " ".join(tokens[:keep]) + f" … ({len(tokens)} tokens)"


def _visible(text: str) -> str:
    """Whitespace made visible for previews: newline as ⏎, space kept."""
    return "'" + text.replace("\n", "⏎") + "'"


def _check_size(size: Any, low: int = 50, high: int = 200_000) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not low <= size <= high:
        raise DatasetError(f"size must be a whole number between {low:,} and {high:,}, got {size!r}")
    return size


def _generate_reviews(size: int, seed: int) -> list[Tagged]:
    """`size` distinct sentences (duplicates dropped so test sentences are new to the model)."""
    rng = np.random.default_rng(seed)
    seen: set[tuple[str, ...]] = set()
    out: list[Tagged] = []
    tries = 0
    while len(out) < size and tries < size * 20:
        tries += 1
        words, tags, sign = review(rng)
        key = tuple(words)
        if key in seen:
            continue
        seen.add(key)
        out.append((words, tags, sign))
    return out


def _split(n: int, seed: int, fractions: tuple[float, float] = (0.7, 0.15)) -> tuple[np.ndarray, ...]:
    idx = np.random.default_rng(seed + 1).permutation(n)
    a, b = int(n * fractions[0]), int(n * (fractions[0] + fractions[1]))
    return idx[:a], idx[a:b], idx[b:]


_REVIEW_EXAMPLES = ["the plot was not very clever", "i never found it boring",
                    "the acting was great but the ending was dull", "the actors play really well",
                    "although the music was bad , the story was moving", "we did not like the show"]


def load_sentiment(seed: int = 0, size: int = 4000) -> Dataset:
    size = _check_size(size)
    vocab = review_vocabulary()
    rows = _generate_reviews(size, seed)
    x = np.stack([vocab.encode_tokens(w) for w, _, _ in rows])
    y = np.array([[1.0 if s > 0 else 0.0] for _, _, s in rows], dtype="float32")
    tr, va, te = _split(len(rows), seed)
    info = DatasetInfo(
        "sentiment", "Review sentiment (generated)", f"generated from our review grammar ({len(rows)} distinct "
        f"sentences, seed {seed})", "binary", (SENTENCE_LEN,), "int32", ["negative", "positive"],
        notes="Negation flips a clause ('not good' is negative, 'never boring' positive), intensifiers keep its "
              "sign, and in 'X but Y' or 'although X, Y' the second clause decides. Shorter sentences are "
              "padded at the end with the padding token (id 0).",
        extras={"vocabulary": vocab, "level": "word", "max_len": SENTENCE_LEN, "pad_id": PAD_ID,
                "unk_id": UNK_ID, "examples": list(_REVIEW_EXAMPLES), "mode": "many-to-one",
                "samples": [f"{'positive' if y[i, 0] else 'negative'}: {' '.join(rows[i][0])}"
                            for i in tr[:SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)


def load_tagging(seed: int = 0, size: int = 4000) -> Dataset:
    size = _check_size(size)
    vocab = review_vocabulary()
    rows = _generate_reviews(size, seed)
    x = np.stack([vocab.encode_tokens(w) for w, _, _ in rows])
    tag_index = {t: i for i, t in enumerate(TAGS)}
    y = np.zeros((len(rows), SENTENCE_LEN), dtype="int32")
    for i, (_, tags, _) in enumerate(rows):
        y[i, :len(tags)] = [tag_index[t] for t in tags[:SENTENCE_LEN]]
    tr, va, te = _split(len(rows), seed)
    info = DatasetInfo(
        "tagging", "Word tags (generated)", f"generated from our review grammar ({len(rows)} distinct sentences, "
        f"seed {seed})", "tagging", (SENTENCE_LEN,), "int32", list(TAGS),
        notes="One tag per word. 'play', 'show', 'work' are nouns after 'the' and verbs after a subject, so the "
              "tag depends on the words before. Padding (id 0, tag 0) is masked out of loss and accuracy "
              "when the Embedding has mask_zero on.",
        extras={"vocabulary": vocab, "level": "word", "max_len": SENTENCE_LEN, "pad_id": PAD_ID, "unk_id": UNK_ID,
                "tags": list(TAGS), "tag_help": dict(TAG_HELP), "examples": list(_REVIEW_EXAMPLES),
                "mode": "many-to-many",
                "samples": [" ".join(f"{w}/{t}" for w, t in zip(rows[i][0], rows[i][1])) for i in tr[:SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)


# --- memory-N ------------------------------------------------------------------------------------------------
MEMORY_KEYS = ("A", "B")
MEMORY_DISTRACTORS = tuple(str(d) for d in range(10))


def memory_vocabulary(n: int) -> Vocabulary:
    return Vocabulary((PAD, UNK) + MEMORY_KEYS + MEMORY_DISTRACTORS, n, "token")


def memory_length(arg: str | int | None) -> int:
    """N from 'memory-N' (50 when absent); DatasetError when N is not a whole number in range."""
    if arg is None:
        return MEMORY_DEFAULT_N
    try:
        n = int(arg)
    except (TypeError, ValueError):
        raise DatasetError(f"memory-N needs a whole number N (the sequence length), e.g. memory-50; got "
                           f"'{arg}'") from None
    if not MEMORY_MIN_N <= n <= MEMORY_MAX_N:
        raise DatasetError(f"memory-N: N must be between {MEMORY_MIN_N} and {MEMORY_MAX_N}, got {n}")
    return n


def memory_sequences(n: int, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """`count` sequences of length n: a key id (A or B) then n-1 random digit ids; labels 0 for A, 1 for B."""
    vocab = memory_vocabulary(n)
    labels = rng.integers(0, 2, count)
    x = np.empty((count, n), dtype="int32")
    x[:, 0] = [vocab.id_of(MEMORY_KEYS[k]) for k in labels]
    first_digit = vocab.id_of(MEMORY_DISTRACTORS[0])
    x[:, 1:] = first_digit + rng.integers(0, len(MEMORY_DISTRACTORS), (count, n - 1))
    return x, labels.astype("float32").reshape(-1, 1)


def load_memory(seed: int = 0, arg: str | None = None, size: int = 3000, min_length: int | None = None) -> Dataset:
    """Validation and test sequences all have length N. Training sequences have lengths drawn between
    `min_length` (default N/4) and N, padded at the end: the shorter ones give gated networks a gradient they
    can learn the "keep the first token" mechanism from, which then carries over to length N. Even the shortest
    keeps the key N/4 steps from the end, far enough for a plain RNN's gradient to fade (measured: a textbook
    Glorot-initialised SimpleRNN learned memory-50 for seeds 0-3 and stayed at chance for seed 4; with
    min_length=N/2 it stayed at chance for seeds 0 and 1, but so did the GRU for seed 0). With
    min_length=N every training sequence is full length too (the gated networks then often stay at chance for
    many epochs: their gates start half closed, so the first token's gradient has faded after 49 steps)."""
    n = memory_length(arg)
    size = _check_size(size)
    low = max(MEMORY_MIN_N, n // 4) if min_length is None else min_length
    if isinstance(low, bool) or not isinstance(low, int) or not MEMORY_MIN_N <= low <= n:
        raise DatasetError(f"memory-{n}: min_length must be a whole number between {MEMORY_MIN_N} and {n}, "
                           f"got {min_length!r}")
    rng = np.random.default_rng(seed)
    x, y = memory_sequences(n, size, rng)
    tr, va, te = _split(size, seed)
    if low < n:
        lengths = rng.integers(low, n + 1, len(tr))
        x[tr] = np.where(np.arange(n)[None, :] < lengths[:, None], x[tr], PAD_ID)
    vocab = memory_vocabulary(n)
    example = " ".join(vocab.decode(x[te[0]]))  # a full-length test sequence
    info = DatasetInfo(
        f"memory-{n}", f"Long-range memory, N = {n}", f"generated ({size} sequences of length {n}, seed {seed})",
        "binary", (n,), "int32", list(MEMORY_KEYS),
        notes=f"The first token (A or B) is the label; the digits after it are noise. The network must still "
              f"remember the first token at the end of the sequence. Validation and test sequences have length "
              f"{n}; training sequences have lengths from {low} to {n} (padded at the end).",
        extras={"vocabulary": vocab, "level": "token", "max_len": n, "pad_id": PAD_ID, "unk_id": UNK_ID,
                "examples": [example], "mode": "many-to-one", "keys": list(MEMORY_KEYS),
                "samples": [f"label {MEMORY_KEYS[int(y[i, 0])]}:  " + _shorten(vocab.decode(x[i]), 16)
                            for i in te[:SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)


# --- chars ---------------------------------------------------------------------------------------------------
def shipped_text() -> str:
    """The short text we wrote for `chars` (also usable as a small corpus)."""
    return read_user_text(SHIPPED_TEXT)


def char_vocabulary(text: str, cap: int = MAX_CHARS) -> Vocabulary:
    """<pad>, <unk>, then the text's characters, most frequent first, up to `cap` ids in all."""
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    chars = sorted(counts, key=lambda c: (-counts[c], c))[:cap - 2]
    return Vocabulary((PAD, UNK) + tuple(chars), CHAR_WINDOW, "char")


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return re.sub(r"[ ]{2,}", " ", text)


def load_chars(seed: int = 0, path: str | None = None, size: int = 20000) -> Dataset:
    """Windows of CHAR_WINDOW characters -> the next character. The text is split by position (first 80 %
    train, next 10 % validation, last 10 % test), so test windows come from text the model never read."""
    size = _check_size(size, 100, 2_000_000)
    text = _normalise_text(read_user_text(path) if path else shipped_text())
    if len(text) < CHAR_WINDOW * 20:
        raise DatasetError(f"the text is too short ({len(text)} characters); `chars` needs at least "
                           f"{CHAR_WINDOW * 20} characters")
    vocab = char_vocabulary(text)
    ids = np.array([vocab.id_of(c) for c in text], dtype="int32")
    starts = np.arange(len(ids) - CHAR_WINDOW)
    cut1, cut2 = int(len(starts) * 0.8), int(len(starts) * 0.9)
    # keep windows of different parts from overlapping, so validation and test text is unseen
    parts = [starts[:cut1 - CHAR_WINDOW], starts[cut1:cut2 - CHAR_WINDOW], starts[cut2:]]
    rng = np.random.default_rng(seed)
    shares = (0.8, 0.1, 0.1)
    arrays: list[np.ndarray] = []
    for part, share in zip(parts, shares):
        keep = max(1, int(size * share))
        if len(part) > keep:
            part = np.sort(rng.choice(part, keep, replace=False))
        part = rng.permutation(part)
        windows = ids[part[:, None] + np.arange(CHAR_WINDOW)[None, :]]
        arrays += [windows, ids[part + CHAR_WINDOW]]
    source = f"user file {Path(path).name}" if path else f"shipped text ({SHIPPED_TEXT.name}, written by us)"
    n_unk = int((ids == UNK_ID).sum())
    notes = f"{len(text):,} characters, {vocab.size - 2} distinct kept."
    if n_unk:
        notes += f" {n_unk:,} rare characters are read as <unk>."
    info = DatasetInfo(
        "chars", "Next character", source, "generation", (CHAR_WINDOW,), "int32", list(vocab.tokens),
        notes=notes + " Each example is 40 characters; the label is the character after them.",
        extras={"vocabulary": vocab, "level": "char", "max_len": CHAR_WINDOW, "pad_id": PAD_ID, "unk_id": UNK_ID,
                "examples": [text[:CHAR_WINDOW]], "mode": "many-to-one (generation)",
                "text_chars": len(text),
                "samples": [f"{_visible(vocab.decode_text(w))} → {_visible(vocab.tokens[t])}"
                            for w, t in zip(arrays[0][:SAMPLES], arrays[1][:SAMPLES])]})
    return Dataset(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5], info)


def vocabulary_for(name: str) -> Vocabulary:
    """The vocabulary a text dataset uses, without generating it (for Embedding sizes).

    For `chars` the characters depend on the file, so this gives a placeholder vocabulary of MAX_CHARS ids:
    the cap every `chars` vocabulary stays under.
    """
    if name in ("sentiment", "tagging"):
        return review_vocabulary()
    if name == "memory" or name.startswith("memory-"):
        return memory_vocabulary(memory_length(name[7:] or None))
    if name == "chars":
        return Vocabulary((PAD, UNK) + tuple(f"<c{i}>" for i in range(MAX_CHARS - 2)), CHAR_WINDOW, "char")
    raise DatasetError(f"'{name}' is not a text dataset (text datasets: sentiment, tagging, memory-N, chars)")


def is_text_dataset(name: str) -> bool:
    return name in ("sentiment", "tagging", "chars", "memory") or name.startswith("memory-")


register("sentiment", "Review sentences with negation and contrast: binary sentiment (many-to-one; option size)",
         shape=Shape((SENTENCE_LEN,), "binary", 2, "int32"))(load_sentiment)
register("tagging", "The review sentences with a tag per word: part of speech (many-to-many; option size)",
         shape=Shape((SENTENCE_LEN,), "tagging", len(TAGS), "int32"))(load_tagging)
register("memory", "A or B, then N-1 random digits; the label is the first token (options: size, min_length)",
         prefix=True, shape=lambda arg: Shape((memory_length(arg),), "binary", 2, "int32"))(load_memory)
register("chars", "Next character after 40 characters of the shipped text or a UTF-8 file (options: path, size)",
         shape=Shape((CHAR_WINDOW,), "generation", MAX_CHARS, "int32"))(load_chars)
