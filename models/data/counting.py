"""`count` (one-to-many): one input, a sequence out. The network reads a start digit d once, at the first step,
and must then say d+1, d+2, ... (mod 10) for the next steps while its input is only the "go on" token `>`.

Everything it says after the first step comes from its hidden state: the one input is carried forward and
unrolled into a sequence, the recurrent pattern behind captioning and music generation. As with the logic
gates, there are only ten inputs, so the test set is the same ten: the task is to learn the mechanism, not to
generalise to unseen starts.
"""
from __future__ import annotations

import numpy as np

from .base import Dataset, DatasetError, DatasetInfo, Shape, register
from .vocabulary import PAD, UNK, Vocabulary

STEPS = 8  # outputs per input
GO = ">"
DIGITS = tuple(str(d) for d in range(10))


def count_vocabulary() -> Vocabulary:
    return Vocabulary((PAD, UNK, GO) + DIGITS, STEPS, "token")


def count_sequences() -> tuple[np.ndarray, np.ndarray]:
    """The ten examples: x = [d, >, >, ...] (ids), y[t] = (d + t + 1) mod 10 (class = the digit said)."""
    vocab = count_vocabulary()
    x = np.full((10, STEPS), vocab.id_of(GO), dtype="int32")
    x[:, 0] = [vocab.id_of(d) for d in DIGITS]
    y = (np.arange(10)[:, None] + np.arange(1, STEPS + 1)[None, :]) % 10
    return x, y.astype("int32")


def load_count(seed: int = 0, repeat: int = 20) -> Dataset:
    if isinstance(repeat, bool) or not isinstance(repeat, int) or not 1 <= repeat <= 1000:
        raise DatasetError(f"count: repeat must be a whole number from 1 to 1000, got {repeat!r}")
    x, y = count_sequences()
    rng = np.random.default_rng(seed)
    order = rng.permutation(np.tile(np.arange(10), repeat))  # several updates per epoch, shuffled by the seed
    vocab = count_vocabulary()
    info = DatasetInfo(
        "count", "Count on from one digit (one-to-many)", "generated (the ten start digits)", "tagging",
        (STEPS,), "int32", list(DIGITS),
        notes=f"Input: a digit, then '{GO}' (go on) {STEPS - 1} times; output at every step: the next digits "
              "(7 -> 8 9 0 1 2 3 4 5). The test set is the same ten inputs, as with the logic gates.",
        extras={"vocabulary": vocab, "level": "token", "max_len": STEPS, "pad_id": 0, "unk_id": 1,
                "tags": list(DIGITS), "mode": "one-to-many",
                "examples": [" ".join(["3"] + [GO] * (STEPS - 1)), " ".join(["7"] + [GO] * (STEPS - 1))],
                "samples": [f"{d} {' '.join([GO] * (STEPS - 1))}  ->  {' '.join(str(v) for v in y[int(d)])}"
                            for d in DIGITS]})
    return Dataset(x[order], y[order], x, y, x, y, info)


register("count", "One digit in, the next 8 digits out: one-to-many (option repeat)",
         shape=Shape((STEPS,), "tagging", 10, "int32", count_vocabulary().size))(load_count)
