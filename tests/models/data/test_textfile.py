"""Reading a user's text file: a wrong encoding is a clear error."""
import pytest

from models.data import DatasetError


def test_text_file_reader_refuses_wrong_encoding(tmp_path):
    from models.data.textfile import read_user_text

    good = tmp_path / "a.txt"
    good.write_text("héllo wörld", encoding="utf-8")
    assert read_user_text(good) == "héllo wörld"
    latin = tmp_path / "b.txt"
    latin.write_bytes("héllo".encode("latin-1"))
    with pytest.raises(DatasetError, match="not UTF-8"):
        read_user_text(latin)
    binary = tmp_path / "c.bin"
    binary.write_bytes(b"\x00\x01\x02abc")
    with pytest.raises(DatasetError, match="binary"):
        read_user_text(binary)
