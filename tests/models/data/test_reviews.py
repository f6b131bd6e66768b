"""`sentiment` and `tagging`: the grammar's labels follow negation and contrast, word order matters, tags depend on context."""
import numpy as np
import pytest

from models.data import load_dataset
from models.data.reviews import TAGS
from models.data.vocabulary import PAD_ID

POSITIVE = {"good", "great", "funny", "moving", "clever", "brilliant", "charming", "exciting", "beautiful", "fresh",
            "wonderful", "gripping", "loved", "liked", "enjoyed", "adored", "well", "beautifully", "brilliantly",
            "like", "real"}


NEGATIVE = {"bad", "boring", "dull", "awful", "silly", "slow", "weak", "predictable", "terrible", "messy", "bland",
            "tedious", "hated", "disliked", "loathed", "badly", "poorly", "terribly", "hate", "little", "no"}


NEGATIONS = {"not", "never", "hardly"}


def clause_polarity(words):
    """Our own reading of one clause: the polar word's sign, flipped once by a negation."""
    polar = [w for w in words if w in POSITIVE or w in NEGATIVE]
    assert len(polar) == 1, words
    sign = 1 if polar[0] in POSITIVE else -1
    return -sign if any(w in NEGATIONS for w in words) else sign


def expected_label(words):
    if "but" in words:
        return clause_polarity(words[words.index("but") + 1:])
    if "although" in words:
        rest = words[words.index("although") + 1:]
        # the second clause starts at its subject: the second "the/this/that/it/i/we/you/they" that opens a clause
        starts = [i for i, w in enumerate(rest) if i > 0 and w in {"the", "this", "that", "it", "i", "we", "you",
                                                                    "they"} and rest[i - 1] not in
                  {"did", "found", "find", "loved", "liked", "enjoyed", "adored", "hated", "disliked", "loathed",
                   "like", "hate", "in"}]
        return clause_polarity(rest[starts[0]:])
    if "and" in words:
        return clause_polarity(words[words.index("and") + 1:])
    return clause_polarity(words)


@pytest.fixture(scope="module")
def sentiment():
    return load_dataset("sentiment", seed=3)


def test_seeded_and_distinct():
    a, b, c = (load_dataset("sentiment", {"size": 300}, seed=s) for s in (1, 1, 2))
    assert np.array_equal(a.x_train, b.x_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, c.x_train)
    m1, m2 = load_dataset("memory-20", {"size": 300}, seed=5), load_dataset("memory-20", {"size": 300}, seed=5)
    assert np.array_equal(m1.x_train, m2.x_train)


def test_sentiment_labels_follow_negation_and_contrast(sentiment):
    vocab = sentiment.info.extras["vocabulary"]
    negated = plain = contrast = 0
    for x, y in zip(sentiment.x_train, sentiment.y_train[:, 0]):
        words = vocab.decode(x)
        assert (1 if y == 1 else -1) == expected_label(words), words
        if "but" in words or "although" in words:
            contrast += 1
        elif any(w in NEGATIONS for w in words):
            negated += 1
        else:
            plain += 1
    assert negated > 300 and plain > 300 and contrast > 300
    assert 0.4 < sentiment.y_train.mean() < 0.6


def test_negation_flips_the_same_adjective(sentiment):
    vocab = sentiment.info.extras["vocabulary"]
    rows = [(vocab.decode(x), int(y)) for x, y in zip(sentiment.x_train, sentiment.y_train[:, 0])]
    good_plain = [y for w, y in rows if "good" in w and not NEGATIONS & set(w) and len(w) <= 7]
    good_negated = [y for w, y in rows if "good" in w and "not" in w and len(w) <= 7]
    assert good_plain and good_negated
    assert all(y == 1 for y in good_plain) and all(y == 0 for y in good_negated)
    boring_never = [y for w, y in rows if "boring" in w and "never" in w and len(w) <= 7]
    assert boring_never and all(y == 1 for y in boring_never)


def test_word_order_matters(sentiment):
    """In 'X but Y' the clauses disagree and Y decides: the same words in the other order mean the opposite."""
    vocab = sentiment.info.extras["vocabulary"]
    count = 0
    for x, y in zip(sentiment.x_train, sentiment.y_train[:, 0]):
        words = vocab.decode(x)
        if "but" not in words:
            continue
        cut = words.index("but")
        first, second = clause_polarity(words[:cut]), clause_polarity(words[cut + 1:])
        assert first == -second and (1 if y == 1 else -1) == second
        swapped = words[cut + 1:] + ["but"] + words[:cut]
        assert sorted(swapped) == sorted(words) and expected_label(swapped) == -second
        count += 1
    assert count > 200


def test_tagging_targets_and_context_dependent_tags():
    data = load_dataset("tagging", {"size": 2000}, seed=0)
    vocab = data.info.extras["vocabulary"]
    assert data.y_train.shape == data.x_train.shape and data.y_train.dtype == np.int32
    assert np.array_equal(data.y_train == 0, data.x_train == PAD_ID)  # padding <=> tag <pad>
    tags = {"noun": 0, "verb": 0}
    for x, y in zip(data.x_train, data.y_train):
        words = vocab.decode(x)
        for i, w in enumerate(words):
            if w == "play":
                tag = TAGS[y[i]]
                before = words[i - 1]
                if before in ("the", "this", "that", "a", "an"):
                    assert tag == "NOUN"
                    tags["noun"] += 1
                elif before in ("actors", "cast", "leads", "players", "not"):
                    assert tag == "VERB"
                    tags["verb"] += 1
    assert tags["noun"] > 20 and tags["verb"] > 20
