"""A corpus read in pieces (iter_user_text, stream_corpus) is the corpus read whole, and a bad file is named."""
import numpy as np
import pytest

from models.data import load_dataset
from models.data.base import DatasetError
from models.data.corpus import build_corpus, grouped_text, stream_corpus, tokenize
from models.data.textfile import iter_user_text

TEXT = grouped_text(300) + "\n\nHello world. Hello there: world\nagain on a new line! Ünïcode wörds 中文字. " * 3


@pytest.mark.parametrize("min_count,max_vocab,max_tokens", [(1, 20000, 0), (2, 30, 0), (1, 20000, 777)])
def test_pieces_of_any_size_give_the_corpus_of_the_whole_text(min_count, max_vocab, max_tokens):
    whole = build_corpus(tokenize(TEXT), min_count=min_count, max_vocab=max_vocab, max_tokens=max_tokens)
    for size in (1, 97, 10_000):  # a piece boundary inside words, sentences and lines
        pieces = [TEXT[i:i + size] for i in range(0, len(TEXT), size)]
        streamed, total = stream_corpus(pieces, min_count=min_count, max_vocab=max_vocab, max_tokens=max_tokens)
        assert streamed.vocab == whole.vocab
        assert np.array_equal(streamed.counts, whole.counts) and np.array_equal(streamed.tokens, whole.tokens)
        assert np.array_equal(streamed.sentence_ids, whole.sentence_ids)
        assert total == sum(len(s) for s in tokenize(TEXT))


def test_reading_in_pieces_names_a_bad_byte_deep_in_the_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"fine words here. " * 1000 + b"\xff" + b" more")
    with pytest.raises(DatasetError, match=r"not UTF-8.*0xff at position 17000"):
        list(iter_user_text(path, block=4096))
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def")
    with pytest.raises(DatasetError, match="binary"):
        list(iter_user_text(tmp_path / "nul.txt"))
    (tmp_path / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(DatasetError, match="empty"):
        list(iter_user_text(tmp_path / "empty.txt"))
    with pytest.raises(DatasetError, match="no such file"):
        list(iter_user_text(tmp_path / "missing.txt"))
    # a character split across two blocks is decoded whole
    (tmp_path / "split.txt").write_text("ü" * 5000, encoding="utf-8")
    assert "".join(iter_user_text(tmp_path / "split.txt", block=4097)) == "ü" * 5000


def test_the_corpus_file_dataset_has_no_size_limit_and_keeps_its_options(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    data = load_dataset("corpus-file", {"path": str(path), "min_count": 1, "max_tokens": None})
    corpus = data.info.extras["corpus"]
    assert len(corpus) == sum(len(s) for s in tokenize(TEXT))
    capped = load_dataset("corpus-file", {"path": str(path), "min_count": 1, "max_tokens": 500}).info
    assert len(capped.extras["corpus"]) == 500 and "only the first 500" in capped.notes
