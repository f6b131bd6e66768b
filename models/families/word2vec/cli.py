"""`train cbow|skipgram --corpus FILE --export-embeddings DIR`: the word2vec options of the command line."""
from __future__ import annotations

from pathlib import Path

from models.data.textfile import iter_user_text
from models.spec.experiment import Experiment

from .presets import PRESETS


def apply_cli_options(experiment: Experiment, corpus: str | None, export_dir: str | None) -> None:
    """`train cbow|skipgram --corpus FILE --export-embeddings DIR`: check before any TensorFlow loads.

    Raises ValueError (or DatasetError) with a message for stderr.
    """
    if experiment.family != "word2vec":
        flag = "--corpus" if corpus else "--export-embeddings"
        raise ValueError(f"{flag} is for word2vec experiments (presets cbow and skipgram), not "
                         f"'{experiment.family}'")
    if export_dir and Path(export_dir).exists() and not Path(export_dir).is_dir():
        raise ValueError(f"--export-embeddings needs a folder, but {export_dir} is a file")
    if corpus:
        for _piece in iter_user_text(corpus):  # a binary or non-UTF-8 file fails here with a clear DatasetError
            pass  # (read in pieces: a corpus may be hundreds of MB)
        preset = next((p for p in PRESETS if p.name == experiment.preset), None)
        if preset is not None:
            if experiment.training == preset.make(experiment.dataset).training:  # untouched: use file defaults
                experiment.training = preset.make("corpus-file").training
        experiment.dataset = "corpus-file"
        experiment.dataset_options = {**experiment.dataset_options, "path": str(corpus)}
