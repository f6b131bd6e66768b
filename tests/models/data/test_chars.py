"""`chars`: windows of the shipped text or a user file, the character vocabulary and its cap."""
import pytest

from models.data import DatasetError, load_dataset
from models.data.chars import CHAR_WINDOW, MAX_CHARS
from models.data.vocabulary import UNK_ID


def test_chars_shipped_text_windows_and_vocabulary():
    data = load_dataset("chars", seed=0)
    vocab = data.info.extras["vocabulary"]
    assert data.x_train.shape[1] == CHAR_WINDOW and data.y_train.ndim == 1
    assert vocab.size <= MAX_CHARS and data.info.num_classes == vocab.size
    text = vocab.decode_text(data.x_train[0])
    assert len(text) == CHAR_WINDOW
    from models.data.chars import shipped_text
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
