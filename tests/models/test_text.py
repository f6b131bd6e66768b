"""Text datasets: shapes, seeds, the grammar's labels (negation, contrast), vocabulary, user files. No TensorFlow."""
import numpy as np
import pytest

from models.data import DatasetError, dataset_shape, load_dataset
from models.data.text import (CHAR_WINDOW, MAX_CHARS, PAD_ID, SENTENCE_LEN, TAGS, UNK_ID, review_vocabulary,
                              vocabulary_for)

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


def test_shapes_dtypes_and_declared_shapes():
    for name in ("sentiment", "tagging", "memory-30", "chars"):
        data = load_dataset(name, {"size": 400} if name != "chars" else None, seed=0)
        shape = dataset_shape(name)
        assert data.x_train.dtype == np.int32 and data.info.input_dtype == "int32" == shape.input_dtype
        assert tuple(data.info.input_shape) == shape.input_shape == data.x_train.shape[1:]
        assert data.info.task == shape.task
        assert data.x_train.min() >= 0 and data.x_train.max() < data.info.extras["vocabulary"].size
        assert min(data.sizes.values()) > 0
    assert dataset_shape("memory-80").input_shape == (80,)
    assert dataset_shape("tagging").num_classes == len(TAGS)
    assert dataset_shape("chars").num_classes == MAX_CHARS


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


def test_memory_label_is_the_first_token_and_training_lengths_vary():
    data = load_dataset("memory-40", {"size": 600}, seed=0)
    vocab = data.info.extras["vocabulary"]
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        first = [vocab.tokens[i] for i in x[:, 0]]
        assert [{"A": 0.0, "B": 1.0}[t] for t in first] == y[:, 0].tolist()
        assert set(np.unique(x[:, 1:])) - {PAD_ID} <= {vocab.id_of(str(d)) for d in range(10)}
    assert (data.x_test != PAD_ID).all() and (data.x_val != PAD_ID).all()  # full length N
    lengths = (data.x_train != PAD_ID).sum(axis=1)
    assert lengths.min() >= 4 and lengths.max() == 40 and len(np.unique(lengths)) > 10
    full = load_dataset("memory-40", {"size": 600, "min_length": 40}, seed=0)
    assert (full.x_train != PAD_ID).all()


@pytest.mark.parametrize("name,needle", [("memory-abc", "whole number"), ("memory-1", "between"),
                                         ("memory-5000", "between")])
def test_memory_bad_n(name, needle):
    with pytest.raises(DatasetError, match=needle):
        load_dataset(name)
    with pytest.raises(DatasetError):
        dataset_shape(name)


def test_bad_options_are_dataset_errors():
    with pytest.raises(DatasetError, match="size"):
        load_dataset("sentiment", {"size": 3})
    with pytest.raises(DatasetError, match="min_length"):
        load_dataset("memory-20", {"min_length": 30})
    with pytest.raises(DatasetError, match="bad option"):
        load_dataset("tagging", {"path": "x.txt"})


def test_vocabulary_encode_unknown_padding_and_contractions():
    vocab = review_vocabulary()
    ids = vocab.encode("The movie WASN'T boring, zorgy!")
    assert ids.shape == (SENTENCE_LEN,) and ids.dtype == np.int32
    assert vocab.decode(ids) == ["the", "movie", "was", "not", "boring", "<unk>"]
    assert ids[5] == UNK_ID and (ids[6:] == PAD_ID).all()
    assert vocab.unknown("the movie was zorgy and blorp") == ["zorgy", "blorp"]
    assert vocab.unknown("<pad> good") == ["pad"]  # markup is just unknown text, never the padding id
    long = vocab.encode(" ".join(["good"] * 50))
    assert (long == vocab.id_of("good")).all()  # truncated to the first SENTENCE_LEN words
    assert vocab.size == vocabulary_for("sentiment").size == vocabulary_for("tagging").size
    assert vocabulary_for("memory-30").max_len == 30


def test_chars_shipped_text_windows_and_vocabulary():
    data = load_dataset("chars", seed=0)
    vocab = data.info.extras["vocabulary"]
    assert data.x_train.shape[1] == CHAR_WINDOW and data.y_train.ndim == 1
    assert vocab.size <= MAX_CHARS and data.info.num_classes == vocab.size
    text = vocab.decode_text(data.x_train[0])
    assert len(text) == CHAR_WINDOW
    from models.data.text import shipped_text
    assert text + vocab.tokens[data.y_train[0]] in shipped_text().replace("\r\n", "\n")
    assert vocab.encode("ab")[:2].tolist() == [vocab.id_of("a"), vocab.id_of("b")]
    assert vocab.encode("x" * 100).shape == (CHAR_WINDOW,)  # keeps the last 40 characters


def test_chars_user_files(tmp_path):
    good = tmp_path / "story.txt"
    good.write_text(("Once upon a time — café, naïve, 你好. " * 60), encoding="utf-8")
    data = load_dataset("chars", {"path": str(good)}, seed=0)
    assert "user file story.txt" in data.info.source and "é" in data.info.extras["vocabulary"].tokens

    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(("caf\u00e9 au lait " * 200).encode("latin-1"))
    with pytest.raises(DatasetError, match="not UTF-8"):
        load_dataset("chars", {"path": str(latin1)})
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DatasetError, match="binary"):
        load_dataset("chars", {"path": str(binary)})
    short = tmp_path / "short.txt"
    short.write_text("too short", encoding="utf-8")
    with pytest.raises(DatasetError, match="too short"):
        load_dataset("chars", {"path": str(short)})
    with pytest.raises(DatasetError, match="no such file"):
        load_dataset("chars", {"path": str(tmp_path / "missing.txt")})


def test_many_distinct_characters_are_capped_with_unk(tmp_path):
    text = "".join(chr(0x4E00 + (i * 7) % 400) for i in range(3000))
    path = tmp_path / "han.txt"
    path.write_text(text, encoding="utf-8")
    data = load_dataset("chars", {"path": str(path)}, seed=0)
    vocab = data.info.extras["vocabulary"]
    assert vocab.size == MAX_CHARS
    assert (data.x_train == UNK_ID).any() and "<unk>" in data.info.notes


def test_text_presets_fit_their_datasets():
    from models.presets import get_preset

    for preset in ("rnn", "lstm", "gru"):
        for name in ("sentiment", "tagging", "memory-50", "chars"):
            exp = get_preset(preset).make(name)
            net = exp.networks["main"]
            assert net.input_shape == dataset_shape(name).input_shape and net.input_dtype == "int32"
            emb, rec, out = net.layers
            assert emb.type == "Embedding" and emb.params["mask_zero"] is True
            assert emb.params["input_dim"] == vocabulary_for(name).size
            assert rec.params["return_sequences"] is (name == "tagging")
            assert out.params["units"] == (1 if dataset_shape(name).task == "binary" else
                                           dataset_shape(name).num_classes)
    assert get_preset("lstm").make("memory-50").training.epochs == 20
