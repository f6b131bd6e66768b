"""`memory-N` (many-to-one, long range): a key token ("A" or "B") followed by N-1 random digits; the label is
the key. Everything between is noise, so the network must carry one bit across N steps. Validation and test
sequences have length N; training sequences have lengths from N/4 to N (option `min_length`).
"""
from __future__ import annotations

import numpy as np

from .base import PREVIEW_SAMPLES, Dataset, DatasetError, DatasetInfo, Shape, check_size, register, split_order
from .vocabulary import PAD, PAD_ID, UNK, UNK_ID, Vocabulary

MEMORY_DEFAULT_N = 50
MEMORY_MIN_N, MEMORY_MAX_N = 2, 1000


def _shorten(tokens: list[str], keep: int) -> str:
    if len(tokens) <= keep:
        return " ".join(tokens)
    return " ".join(tokens[:keep]) + f" … ({len(tokens)} tokens)"


MEMORY_KEYS = ("A", "B")
MEMORY_DISTRACTORS = tuple(str(d) for d in range(10))


def memory_vocabulary(n: int) -> Vocabulary:
    return Vocabulary((PAD, UNK) + MEMORY_KEYS + MEMORY_DISTRACTORS, n, "token")


def memory_length(arg: str | int | None) -> int:
    """N from 'memory-N' (50 when absent); DatasetError when N is not a whole number in range."""
    if arg is None:
        return MEMORY_DEFAULT_N
    try:
        n = int(arg)
    except (TypeError, ValueError):
        raise DatasetError(f"memory-N needs a whole number N (the sequence length), e.g. memory-50; got "
                           f"'{arg}'") from None
    if not MEMORY_MIN_N <= n <= MEMORY_MAX_N:
        raise DatasetError(f"memory-N: N must be between {MEMORY_MIN_N} and {MEMORY_MAX_N}, got {n}")
    return n


def memory_sequences(n: int, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """`count` sequences of length n: a key id (A or B) then n-1 random digit ids; labels 0 for A, 1 for B."""
    vocab = memory_vocabulary(n)
    labels = rng.integers(0, 2, count)
    x = np.empty((count, n), dtype="int32")
    x[:, 0] = [vocab.id_of(MEMORY_KEYS[k]) for k in labels]
    first_digit = vocab.id_of(MEMORY_DISTRACTORS[0])
    x[:, 1:] = first_digit + rng.integers(0, len(MEMORY_DISTRACTORS), (count, n - 1))
    return x, labels.astype("float32").reshape(-1, 1)


def load_memory(seed: int = 0, arg: str | None = None, size: int = 3000, min_length: int | None = None) -> Dataset:
    """Validation and test sequences all have length N. Training sequences have lengths drawn between
    `min_length` (default N/4) and N, padded at the end: the shorter ones give gated networks a gradient they
    can learn the "keep the first token" mechanism from, which then carries over to length N. Even the shortest
    keeps the key N/4 steps from the end, far enough for a plain RNN's gradient to fade (measured: a textbook
    Glorot-initialised SimpleRNN learned memory-50 for seeds 0-3 and stayed at chance for seed 4; with
    min_length=N/2 it stayed at chance for seeds 0 and 1, but so did the GRU for seed 0). With
    min_length=N every training sequence is full length too (the gated networks then often stay at chance for
    many epochs: their gates start half closed, so the first token's gradient has faded after 49 steps)."""
    n = memory_length(arg)
    size = check_size(size)
    low = max(MEMORY_MIN_N, n // 4) if min_length is None else min_length
    if isinstance(low, bool) or not isinstance(low, int) or not MEMORY_MIN_N <= low <= n:
        raise DatasetError(f"memory-{n}: min_length must be a whole number between {MEMORY_MIN_N} and {n}, "
                           f"got {min_length!r}")
    rng = np.random.default_rng(seed)
    x, y = memory_sequences(n, size, rng)
    tr, va, te = split_order(size, seed)
    if low < n:
        lengths = rng.integers(low, n + 1, len(tr))
        x[tr] = np.where(np.arange(n)[None, :] < lengths[:, None], x[tr], PAD_ID)
    vocab = memory_vocabulary(n)
    example = " ".join(vocab.decode(x[te[0]]))  # a full-length test sequence
    info = DatasetInfo(
        f"memory-{n}", f"Long-range memory, N = {n}", f"generated ({size} sequences of length {n}, seed {seed})",
        "binary", (n,), "int32", list(MEMORY_KEYS),
        notes=f"The first token (A or B) is the label; the digits after it are noise. The network must still "
              f"remember the first token at the end of the sequence. Validation and test sequences have length "
              f"{n}; training sequences have lengths from {low} to {n} (padded at the end).",
        extras={"vocabulary": vocab, "level": "token", "max_len": n, "pad_id": PAD_ID, "unk_id": UNK_ID,
                "examples": [example], "mode": "many-to-one", "keys": list(MEMORY_KEYS),
                "samples": [f"label {MEMORY_KEYS[int(y[i, 0])]}:  " + _shorten(vocab.decode(x[i]), 16)
                            for i in te[:PREVIEW_SAMPLES]]})
    return Dataset(x[tr], y[tr], x[va], y[va], x[te], y[te], info)




register("memory", "A or B, then N-1 random digits; the label is the first token (options: size, min_length)",
         prefix=True, shape=lambda arg: Shape((memory_length(arg),), "binary", 2, "int32",
                                              memory_vocabulary(memory_length(arg)).size))(load_memory)
