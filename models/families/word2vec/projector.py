"""Word vectors out of the app: the TensorBoard Projector's two TSV files (vectors and labels)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from models.files import atomic_write_text

from .vectors import EmbeddingError


def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_projector(directory: str | Path, vectors: np.ndarray, vocab: Sequence[str],
                    groups: dict[str, str] | None = None, counts: Sequence[int] | None = None) -> tuple[Path, Path]:
    """Write vectors.tsv (one row of tab-separated numbers per word) and metadata.tsv (the labels, same order).

    This is the format https://projector.tensorflow.org loads. metadata.tsv has a header row only when it has
    more than one column (word, count, group), as the Projector expects.
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    if vectors.ndim != 2 or len(vectors) != len(vocab):
        raise EmbeddingError(f"{len(vocab)} words but vectors of shape {vectors.shape}")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise EmbeddingError(f"{directory} is a file; --export-embeddings needs a folder")
    rows = ["\t".join(f"{v:.6g}" for v in row) for row in vectors]
    columns = ["word"] + (["count"] if counts is not None else []) + (["group"] if groups else [])
    if len(columns) == 1:
        meta = [_clean(w) for w in vocab]
    else:
        meta = ["\t".join(columns)]
        for i, w in enumerate(vocab):
            cells = [_clean(w)]
            if counts is not None:
                cells.append(str(int(counts[i])))
            if groups:
                cells.append(_clean(groups.get(w, "")) or "-")
            meta.append("\t".join(cells))
    vec_path = atomic_write_text(directory / "vectors.tsv", "\n".join(rows) + "\n")
    meta_path = atomic_write_text(directory / "metadata.tsv", "\n".join(meta) + "\n")
    return vec_path, meta_path


def model_vectors(model: Any) -> np.ndarray:
    """The word vectors of a trained word2vec model (call on the training thread)."""
    if not hasattr(model, "word_vectors"):
        raise EmbeddingError("this model has no word vectors: only the cbow and skipgram presets make them")
    return np.asarray(model.word_vectors(), dtype=np.float32)


def export_model_embeddings(model: Any, directory: str | Path) -> str:
    """What `--export-embeddings DIR` runs (on the training thread) after a word2vec run."""
    vectors = model_vectors(model)
    vec_path, meta_path = write_projector(directory, vectors, model.vocabulary, model.word_groups,
                                          model.word_counts)
    return f"{vec_path} and {meta_path}"


def export_embeddings_job(session: Any, directory: str | Path) -> Any:
    """A future (from TrainingSession) that writes the last word2vec run's Projector files into `directory`."""
    return session.with_model(lambda model: export_model_embeddings(model, directory), which="train")
