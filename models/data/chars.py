"""`chars` (next-character prediction, for generation): windows of 40 characters from the text we ship in
resources/ (or a user's UTF-8 file, option `path`); the label is the character that follows."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .base import PREVIEW_SAMPLES, RESOURCES, Dataset, DatasetError, DatasetInfo, Shape, check_size, register
from .textfile import read_user_text
from .vocabulary import PAD, PAD_ID, UNK, UNK_ID, Vocabulary

SHIPPED_TEXT = RESOURCES / "chars_text.txt"
CHAR_WINDOW = 40  # characters the `chars` model reads before predicting the next one
MAX_CHARS = 96  # character vocabulary cap (pad, unk and the 94 most frequent characters)


def _visible(text: str) -> str:
    """Whitespace made visible for previews: newline as ⏎, space kept."""
    return "'" + text.replace("\n", "⏎") + "'"


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
    size = check_size(size, 100, 2_000_000)
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
                            for w, t in zip(arrays[0][:PREVIEW_SAMPLES], arrays[1][:PREVIEW_SAMPLES])]})
    return Dataset(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5], info)




register("chars", "Next character after 40 characters of the shipped text or a UTF-8 file (options: path, size)",
         shape=Shape((CHAR_WINDOW,), "generation", MAX_CHARS, "int32", MAX_CHARS))(load_chars)
