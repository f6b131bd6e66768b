"""Reading a user's text file: UTF-8 only, with a clear message for anything else."""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Iterator

from .base import DatasetError

MAX_BYTES = 50 * 1024 * 1024


def read_user_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text. Raises DatasetError (never UnicodeDecodeError) for binary, non-UTF-8, empty or huge files."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # missing, unreadable: iter_user_text says which
    if size > max_bytes:
        raise DatasetError(f"{path.name} is {size / 1e6:.0f} MB; text files up to {max_bytes / 1e6:.0f} MB "
                           "are supported")
    return "".join(iter_user_text(path, block=max(size, 1)))


STREAM_BLOCK = 4 * 1024 * 1024  # bytes read at a time by iter_user_text


def iter_user_text(path: str | Path, block: int = STREAM_BLOCK) -> Iterator[str]:
    """The file's text in pieces of about `block` bytes, for files too large to hold as one string (a corpus of
    hundreds of MB). The same checks as read_user_text, made as the file is read: the first error raises
    DatasetError with the byte position, so a bad byte deep in the file is named too. Pieces end where lines
    end (the caller keeps what a sentence needs across them)."""
    path = Path(path)
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    position = 0
    seen_text = False
    try:
        with path.open("rb") as f:
            while True:
                raw = f.read(block)
                if position == 0 and b"\x00" in raw[:8192]:
                    raise DatasetError(f"{path.name} looks like a binary file, not text (it contains NUL bytes)")
                try:
                    text = decoder.decode(raw, final=not raw)
                except UnicodeDecodeError as exc:
                    at = position + exc.start
                    raise DatasetError(f"{path.name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position "
                                       f"{at} cannot be decoded). Save it as UTF-8 and try again.") from None
                position += len(raw)
                if text:
                    seen_text = seen_text or bool(text.strip())
                    yield text
                if not raw:
                    break
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DatasetError(f"{path} is a folder, not a text file") from None
    except PermissionError:
        raise DatasetError(f"{path}: permission denied") from None
    if not seen_text:
        raise DatasetError(f"{path.name} is empty")
