"""Token <-> id mappings shared by the text tasks: every sequence is integer ids padded at the end with 0
(`<pad>`); 1 is `<unk>` for unknown tokens. The `Vocabulary` in `DatasetInfo.extras["vocabulary"]` encodes typed
text the same way the data was encoded."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

PAD, UNK = "<pad>", "<unk>"
PAD_ID, UNK_ID = 0, 1


_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]|[A-Z]")
_CONTRACTIONS = {"can't": ["can", "not"], "won't": ["will", "not"], "don't": ["do", "not"],
                 "didn't": ["did", "not"], "wasn't": ["was", "not"], "isn't": ["is", "not"],
                 "doesn't": ["does", "not"], "weren't": ["were", "not"], "aren't": ["are", "not"]}


@dataclass(frozen=True)
class Vocabulary:
    """Token <-> id mapping with the padding rules the data was made with.

    level "word": text is lower-cased and split into words ("didn't" becomes "did not"); level "token":
    split on spaces, case kept (memory task); level "char": one token per character. Sequences are padded at
    the end with `<pad>` (id 0) to `max_len`; a longer text keeps its first `max_len` tokens, except at char
    level, where the last `max_len` characters are kept (generation continues from the end).
    """

    tokens: tuple[str, ...]
    max_len: int
    level: str = "word"
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.tokens[:2] != (PAD, UNK):
            raise ValueError("a vocabulary starts with <pad> and <unk>")
        object.__setattr__(self, "_index", {t: i for i, t in enumerate(self.tokens)})

    @property
    def size(self) -> int:
        """Number of ids, i.e. the Embedding's input_dim."""
        return len(self.tokens)

    def id_of(self, token: str) -> int:
        return self._index.get(token, UNK_ID)

    def tokenize(self, text: str) -> list[str]:
        if self.level == "char":
            return list(text)
        if self.level == "token":
            return text.split()
        out: list[str] = []
        for word in _WORD_RE.findall(text.lower().replace("\u2019", "'")):
            out.extend(_CONTRACTIONS.get(word, [word]))
        return out

    def unknown(self, text: str) -> list[str]:
        """Tokens of `text` that the vocabulary does not know (they are encoded as <unk>)."""
        return [t for t in self.tokenize(text) if t not in self._index or t in (PAD, UNK)]

    def encode_tokens(self, tokens: list[str]) -> np.ndarray:
        """Ids padded/truncated to max_len (int32, shape (max_len,))."""
        ids = [self.id_of(t) for t in tokens]
        ids = ids[-self.max_len:] if self.level == "char" else ids[:self.max_len]
        out = np.zeros(self.max_len, dtype="int32")
        out[:len(ids)] = ids
        return out

    def encode(self, text: str) -> np.ndarray:
        """What the model reads for a typed text: int32 ids of shape (max_len,), padded with 0 at the end."""
        return self.encode_tokens(self.tokenize(text))

    def encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.encode(t) for t in texts]) if texts else np.zeros((0, self.max_len), "int32")

    def visible_tokens(self, text: str) -> list[str]:
        """The tokens that actually reach the model (after truncation), unknown ones shown as typed."""
        tokens = self.tokenize(text)
        return tokens[-self.max_len:] if self.level == "char" else tokens[:self.max_len]

    def decode(self, ids: Any) -> list[str]:
        """Tokens for ids, padding dropped."""
        return [self.tokens[i] if 0 <= i < len(self.tokens) else UNK for i in np.asarray(ids).ravel().tolist()
                if i != PAD_ID]

    def decode_text(self, ids: Any) -> str:
        return ("" if self.level == "char" else " ").join(self.decode(ids))
