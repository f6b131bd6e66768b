"""The word2vec settings: which of the two models, how wide the context, how many noise words, how much of the
frequent words to drop."""
from __future__ import annotations

from models.spec.catalog import Param

FAMILY = "word2vec"

OPTIONS: tuple[Param, ...] = (
    Param("mode", "choice", "skipgram", "Skip-gram predicts each context word from the centre word; CBOW "
          "predicts the centre word from the average of its context.", choices=("skipgram", "cbow"), key=True),
    Param("window", "int", 2, "How many words on each side count as context. A wider window mixes in looser, "
          "more topical neighbours; a narrow one finds words that can replace each other.", 1, 20),
    Param("negatives", "int", 5, "Random 'noise' words per real pair; the model learns to tell them apart from "
          "the real context. Noise words are drawn in proportion to count^0.75, so frequent words are drawn "
          "often but less than their share.", 1, 50),
    Param("subsample", "float", 1e-3, "Frequent words are dropped at random above this share of the text "
          "(0 keeps every word). Lower drops more: each occurrence of a word with share f of the text is kept "
          "with probability √(t/f) + t/f, t being this threshold.", 0.0, 1.0,
          suggested=(0.0, 1e-2, 1e-3, 1e-4, 1e-5)),
)
