"""word2vec corpora: tokenising, vocabulary, subsampling, skip-gram pairs and CBOW windows, the grouped corpus, a wrong encoding."""
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from models.data import DatasetError, load_dataset
from models.data.corpus import (WORD_GROUPS, build_corpus, cbow_examples, grouped_text, grouped_vocabulary,
                                keep_probabilities, skipgram_pairs, subsample, tokenize)

ROOT = Path(__file__).resolve().parents[3]


# --- corpus and training examples (numpy only) -----------------------------------------------------------
def brute_force_pairs(tokens, sentences, window):
    pairs = []
    for i in range(len(tokens)):
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            if j != i and sentences[i] == sentences[j]:
                pairs.append((tokens[i], tokens[j]))
    return Counter(pairs)


def test_skipgram_pairs_follow_the_window_and_sentences():
    # Distinct ids, so every pair names its two positions.
    tokens = np.array([10, 11, 12, 13, 14, 15, 16, 17])
    sentences = np.array([0, 0, 0, 0, 0, 1, 1, 2])
    targets, contexts = skipgram_pairs(tokens, sentences, 2)
    got = Counter(zip(targets.tolist(), contexts.tolist()))
    assert got == brute_force_pairs(tokens, sentences, 2)
    assert all(t != c for t, c in got)  # a position is never its own context
    assert got[(12, 10)] == got[(12, 14)] == 1 and (12, 15) not in got  # window 2 reaches 2 words, no further
    assert (14, 15) not in got and (16, 17) not in got  # never across a sentence end
    assert not any(17 in pair for pair in got)  # a one-word sentence has no context
    t1, c1 = skipgram_pairs(tokens, sentences, 1)
    assert Counter(zip(t1.tolist(), c1.tolist())) == brute_force_pairs(tokens, sentences, 1)
    # A repeated word is still its neighbour's context, but never its own position's.
    t, c = skipgram_pairs(np.array([5, 5, 6]), np.array([0, 0, 0]), 1)
    assert sorted(zip(t.tolist(), c.tolist())) == [(5, 5), (5, 5), (5, 6), (6, 5)]
    with pytest.raises(ValueError):
        skipgram_pairs(tokens, sentences, 0)


def test_cbow_examples_hold_each_words_context():
    tokens = np.array([10, 11, 12, 13, 14, 15])
    sentences = np.array([0, 0, 0, 0, 1, 2])
    contexts, targets = cbow_examples(tokens, sentences, 2)
    assert targets.tolist() == [10, 11, 12, 13]  # 14 and 15 are alone in their sentences
    assert contexts.tolist() == [[-1, -1, 11, 12], [-1, 10, 12, 13], [10, 11, 13, -1], [11, 12, -1, -1]]
    for row, target in zip(contexts, targets):
        assert target not in row


def test_tokenize_and_vocabulary():
    text = "The cat sat. The cat\nran!\nA dog—it's 2 dogs; 我们\n\nNew paragraph"
    sents = tokenize(text)
    assert sents == [["the", "cat", "sat"], ["the", "cat", "ran"], ["a", "dog", "it's", "2", "dogs"], ["我", "们"],
                     ["new", "paragraph"]]
    corpus = build_corpus(sents, min_count=2)
    assert corpus.vocab == ["cat", "the"]  # by count, ties alphabetical; rare words dropped
    assert corpus.counts.tolist() == [2, 2]
    assert corpus.tokens.tolist() == [1, 0, 1, 0]
    assert corpus.sentence_ids.tolist() == [0, 0, 1, 1]  # sentences that lost every word are gone
    with pytest.raises(DatasetError, match="at least 2"):
        build_corpus([["one", "two"]], min_count=2)


def test_subsampling_drops_frequent_words_only():
    counts = np.array([9000, 900, 100])
    keep = keep_probabilities(counts, 1e-3)
    f = counts / counts.sum()
    assert keep[0] == pytest.approx(math.sqrt(1e-3 / f[0]) + 1e-3 / f[0])
    assert keep[0] < keep[1] < keep[2] <= 1.0
    assert np.all(keep_probabilities(counts, 0) == 1)
    tokens = np.repeat(np.arange(3), counts).astype(np.int32)
    kept, sent = subsample(tokens, np.zeros_like(tokens), counts, 1e-3, np.random.default_rng(0))
    share = np.bincount(kept, minlength=3) / counts
    assert share == pytest.approx(keep, abs=0.05)
    assert len(sent) == len(kept)


def test_grouped_corpus_is_fixed_and_covers_every_group():
    data = load_dataset("corpus-groups", seed=3)
    assert data.info.task == "corpus" and data.info.input_dtype == "int32"
    assert np.array_equal(data.x_train, load_dataset("corpus-groups", seed=7).x_train)  # the same text every run
    extras = data.info.extras
    assert sorted(extras["vocab"]) == grouped_vocabulary()
    assert extras["group_names"] == list(WORD_GROUPS)
    assert all(extras["groups"][w] == g for g, words in WORD_GROUPS.items() for w in words)
    assert grouped_text(5, seed=1) == grouped_text(5, seed=1) != grouped_text(5, seed=2)
    story = load_dataset("corpus-chars").info
    assert story.extras["vocab"][0] == "the" and story.extras["groups"] == {}
    assert min(story.extras["counts"]) >= 2  # min_count 2 by default


def test_wrong_encoding_corpus_is_a_clear_dataset_error(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("le café est chaud\n".encode("latin-1"))
    with pytest.raises(DatasetError, match="not UTF-8"):
        load_dataset("corpus-file", {"path": str(latin1)})
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DatasetError, match="binary"):
        load_dataset("corpus-file", {"path": str(binary)})
    with pytest.raises(DatasetError, match="path"):
        load_dataset("corpus-file")
    out = subprocess.run([sys.executable, "main.py", "train", "skipgram", "--corpus", str(latin1)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "latin1.txt is not UTF-8 text" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout == ""
