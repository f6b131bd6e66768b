"""The live word map of a word2vec run: the most frequent words' vectors projected to 2-D."""
from __future__ import annotations

from typing import Any

import numpy as np

from models.engine.probe import Probe
from models.pca import align_signs, pca_2d

from .vectors import neighbour_group_share


class EmbeddingMapProbe(Probe):
    """The live word map: PCA of the most frequent words' vectors, every ~0.5 s on the training thread.

    Payload (ProbeResult.payload, name "embedding_map"):
        words:       list[str], the `top` most frequent words (the points to label); with groups, the most
                     frequent of each group in turn, so every group shows
        coords:      float32 (n, 2), their PCA coordinates; each axis' sign follows the previous frame so the
                     map does not flip
        groups:      list[str], each plotted word's group ("" when unknown)
        group_names: list[str], all groups in a fixed order (for stable colours; empty without groups)
        counts:      int64 (n,), how often each plotted word occurs
        explained:   float64 (2,), share of the variance the two axes show
        group_share: float, share of grouped words whose nearest neighbour is in their group (NaN without)
        vocab:       list[str], the first `query_words` words (frequency order)
        vectors:     float32 (len(vocab), dim), their current vectors, so a query box can call
                     vectors.answer_query(vectors, vocab, text) without touching the model
    """

    name = "embedding_map"
    interval_s = 0.5

    def __init__(self, vocabulary: list[str], counts: np.ndarray, groups: dict[str, str], group_names: list[str],
                 top: int = 60, query_words: int = 5000) -> None:
        self.vocabulary = list(vocabulary)
        self.counts = np.asarray(counts)
        self.groups = dict(groups)
        self.group_names = list(group_names)
        self.top = min(top, len(self.vocabulary))
        self.rows = np.array(self._pick_rows(), dtype=np.int64)
        self.query_words = min(query_words, len(self.vocabulary))
        self._previous: np.ndarray | None = None

    def _pick_rows(self) -> list[int]:
        """The most frequent words; with groups, taken in turn from each group so every colour shows."""
        if not self.groups:
            return list(range(self.top))
        queues = {g: [i for i, w in enumerate(self.vocabulary) if self.groups.get(w) == g] for g in self.group_names}
        picked: list[int] = []
        while len(picked) < self.top and any(queues.values()):
            for g in self.group_names:
                if queues[g] and len(picked) < self.top:
                    picked.append(queues[g].pop(0))
        others = [i for i, w in enumerate(self.vocabulary) if w not in self.groups]
        picked += others[:self.top - len(picked)]
        return sorted(picked)

    def compute(self, model: Any) -> dict[str, Any]:
        vectors = model.word_vectors()
        coords, explained = pca_2d(vectors[self.rows])
        coords = align_signs(coords, self._previous)
        self._previous = coords
        words = [self.vocabulary[i] for i in self.rows]
        share = neighbour_group_share(vectors, self.vocabulary, self.groups) if self.groups else float("nan")
        return {"words": words, "coords": coords.astype(np.float32),
                "groups": [self.groups.get(w, "") for w in words], "group_names": list(self.group_names),
                "counts": self.counts[self.rows].astype(np.int64), "explained": explained,
                "group_share": float(share), "vocab": self.vocabulary[:self.query_words],
                "vectors": np.array(vectors[:self.query_words], dtype=np.float32)}
