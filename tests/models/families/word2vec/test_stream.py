"""The word2vec example stream: the pairs numpy would make, subsampling drawn afresh each pass and reproducibly,
and a run that reports its speed in words."""
import json

import numpy as np
import pytest

import main
from models.data.corpus import build_corpus, cbow_examples, keep_probabilities, skipgram_pairs, tokenize
from models.families.word2vec import stream

TEXT = ("the cat sat on the mat. the dog sat on the log! a bird sang; the cat and the dog slept.\n\n"
        "one two three four five six seven. ") * 40


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(tokenize(TEXT))


def test_without_subsampling_a_pass_gives_exactly_the_numpy_pairs(corpus):
    keep = np.ones(len(corpus.vocab))
    assert len(corpus.tokens) < stream.CHUNK  # one chunk: a batch as large as the pass is the whole pass
    want_t, want_c = skipgram_pairs(corpus.tokens, corpus.sentence_ids, 2)
    ds = stream.example_stream(corpus.tokens, corpus.sentence_ids, keep, "skipgram", 2, len(want_t), seed=0)
    (b,) = next(iter(ds))
    target, context = b["target"].numpy(), b["context"].numpy()
    assert sorted(zip(target.tolist(), context.tolist())) == sorted(zip(want_t.tolist(), want_c.tolist()))
    want_ctx, want_target = cbow_examples(corpus.tokens, corpus.sentence_ids, 2)
    ds = stream.example_stream(corpus.tokens, corpus.sentence_ids, keep, "cbow", 2, len(want_target), seed=0)
    (b,) = next(iter(ds))
    got = sorted(zip(b["target"].numpy().tolist(), map(tuple, b["context"].numpy().tolist())))
    assert got == sorted(zip(want_target.tolist(), map(tuple, want_ctx.tolist())))


def test_subsampling_is_drawn_afresh_each_pass_and_the_same_for_the_same_seed(corpus):
    keep = keep_probabilities(corpus.counts, 1e-2)
    assert keep.min() < 0.9  # frequent words ("the") are dropped often
    pairs = stream.expected_examples(len(corpus.tokens), int(corpus.sentence_ids[-1]) + 1,
                                     float(keep[corpus.tokens].mean()), "skipgram", 2)
    ds = stream.example_stream(corpus.tokens, corpus.sentence_ids, keep, "skipgram", 2, pairs, seed=3)
    it = iter(ds)
    first, second = next(it)[0]["target"].numpy(), next(it)[0]["target"].numpy()
    assert not np.array_equal(first, second)  # another pass, another draw
    again = next(iter(stream.example_stream(corpus.tokens, corpus.sentence_ids, keep, "skipgram", 2, pairs,
                                            seed=3)))[0]["target"].numpy()
    assert np.array_equal(first, again)
    other = next(iter(stream.example_stream(corpus.tokens, corpus.sentence_ids, keep, "skipgram", 2, pairs,
                                            seed=4)))[0]["target"].numpy()
    assert not np.array_equal(first, other)


def test_a_run_counts_its_epochs_in_words_and_reports_words_per_second(tmp_path, capsys):
    text = tmp_path / "t.txt"
    text.write_text(TEXT, encoding="utf-8")
    code = main.main(["train", "skipgram", "--corpus", str(text), "--epochs", "2", "--json", "--no-run-folder"])
    assert code == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    epochs = [e for e in events if e["event"] == "epoch"]
    tokens = sum(len(s) for s in tokenize(TEXT))
    assert [e["words"] for e in epochs] == [tokens, tokens]  # one epoch: one pass over every word of the text
    assert all(e["words_per_second"] > 0 for e in epochs)
