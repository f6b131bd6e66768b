"""`sentiment` and `tagging`: review-like sentences from a small grammar we wrote, so they work offline and
have known answers.

- `sentiment` (many-to-one): negation ("not good", "never boring"), intensifiers ("very", "really") and
  contrast ("X but Y": the clause after "but" decides), so a bag of words is not enough and word order
  matters. Binary label.
- `tagging` (many-to-many): the same sentences with a tag per word (DET, NOUN, VERB, ...). A few words
  ("play", "show", "work", "love", "act") are nouns after "the" and verbs after a subject, so the tagger must
  read the context. Per-token accuracy, padding masked.
"""
from __future__ import annotations

import numpy as np

from .base import PREVIEW_SAMPLES, Dataset, DatasetInfo, Shape, check_size, register, split_order
from .vocabulary import PAD, PAD_ID, UNK, UNK_ID, Vocabulary

SENTENCE_LEN = 20  # sentiment and tagging sequences (the longest generated sentence is exactly 20 words)


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


def generate_reviews(size: int, seed: int) -> list[Tagged]:
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


_REVIEW_EXAMPLES = ["the plot was not very clever", "i never found it boring",
                    "the acting was great but the ending was dull", "the actors play really well",
                    "although the music was bad , the story was moving", "we did not like the show"]


def load_sentiment(seed: int = 0, size: int = 4000) -> Dataset:
    size = check_size(size)
    vocab = review_vocabulary()
    rows = generate_reviews(size, seed)
    x = np.stack([vocab.encode_tokens(w) for w, _, _ in rows])
    y = np.array([[1.0 if s > 0 else 0.0] for _, _, s in rows], dtype="float32")
    tr, va, te = split_order(len(rows), seed)
    info = DatasetInfo(
        "sentiment", "Review sentiment (generated)", f"generated from our review grammar ({len(rows)} distinct "
        f"sentences, seed {seed})", "binary", (SENTENCE_LEN,), "int32", ["negative", "positive"],
        notes="Negation flips a clause ('not good' is negative, 'never boring' positive), intensifiers keep its "
              "sign, and in 'X but Y' or 'although X, Y' the second clause decides. Shorter sentences are "
              "padded at the end with the padding token (id 0).",
        extras={"vocabulary": vocab, "level": "word", "max_len": SENTENCE_LEN, "pad_id": PAD_ID,
                "unk_id": UNK_ID, "examples": list(_REVIEW_EXAMPLES), "mode": "many-to-one",
                "samples": [f"{'positive' if y[i, 0] else 'negative'}: {' '.join(rows[i][0])}"
                            for i in tr[:PREVIEW_SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)


def load_tagging(seed: int = 0, size: int = 4000) -> Dataset:
    size = check_size(size)
    vocab = review_vocabulary()
    rows = generate_reviews(size, seed)
    x = np.stack([vocab.encode_tokens(w) for w, _, _ in rows])
    tag_index = {t: i for i, t in enumerate(TAGS)}
    y = np.zeros((len(rows), SENTENCE_LEN), dtype="int32")
    for i, (_, tags, _) in enumerate(rows):
        y[i, :len(tags)] = [tag_index[t] for t in tags[:SENTENCE_LEN]]
    tr, va, te = split_order(len(rows), seed)
    info = DatasetInfo(
        "tagging", "Word tags (generated)", f"generated from our review grammar ({len(rows)} distinct sentences, "
        f"seed {seed})", "tagging", (SENTENCE_LEN,), "int32", list(TAGS),
        notes="One tag per word. 'play', 'show', 'work' are nouns after 'the' and verbs after a subject, so the "
              "tag depends on the words before. Padding (id 0, tag 0) is masked out of loss and accuracy "
              "when the Embedding has mask_zero on.",
        extras={"vocabulary": vocab, "level": "word", "max_len": SENTENCE_LEN, "pad_id": PAD_ID, "unk_id": UNK_ID,
                "tags": list(TAGS), "tag_help": dict(TAG_HELP), "examples": list(_REVIEW_EXAMPLES),
                "mode": "many-to-many",
                "samples": [" ".join(f"{w}/{t}" for w, t in zip(rows[i][0], rows[i][1])) for i in tr[:PREVIEW_SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)




register("sentiment", "Review sentences with negation and contrast: binary sentiment (many-to-one; option size)",
         shape=Shape((SENTENCE_LEN,), "binary", 2, "int32", review_vocabulary().size))(load_sentiment)
register("tagging", "The review sentences with a tag per word: part of speech (many-to-many; option size)",
         shape=Shape((SENTENCE_LEN,), "tagging", len(TAGS), "int32", review_vocabulary().size))(load_tagging)
