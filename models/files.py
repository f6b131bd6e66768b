"""Writing files so that a crash, a full disk or a kill never leaves half a file where a good one was.

Every file the app writes (projects, exports, PNGs, Projector files, cached helpers) goes through
`atomic_write_bytes`: write to a temporary file beside the target, then rename it into place.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Callable


def atomic_write_bytes(path: str | Path, writer: Callable[[str], Any], suffix: str = "") -> Path:
    """Call writer(tmp_path) then move the file into place, so a crash or full disk never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix or path.suffix, dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a saved file should get the usual permissions
    try:
        writer(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    return atomic_write_bytes(path, write)


def save_keras(model: Any, path: str | Path) -> str:
    """model.save to a .keras file, atomically."""
    path = Path(path)
    if path.suffix != ".keras":
        raise ValueError(f"a Keras model file must end in .keras, got {path.name}")
    atomic_write_bytes(path, lambda tmp: model.save(tmp), ".keras")
    return str(path)


def load_keras(path: str | Path) -> Any:
    """Load with safe_mode=True: a .keras file runs its config, so no arbitrary code is allowed."""
    import keras
    return keras.saving.load_model(str(path), safe_mode=True)


def cache_dir() -> Path:
    """Where trained helpers are cached: $LAYERWISE_CACHE, else $XDG_CACHE_HOME/layerwise, else ~/.cache."""
    if os.environ.get("LAYERWISE_CACHE"):
        return Path(os.environ["LAYERWISE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layerwise"


def data_dir() -> Path:
    """Where the app keeps what a user made (run folders): $LAYERWISE_DATA, else $XDG_DATA_HOME/layerwise, else
    ~/.local/share/layerwise (the freedesktop default, what QStandardPaths.AppDataLocation gives on Linux)."""
    if os.environ.get("LAYERWISE_DATA"):
        return Path(os.environ["LAYERWISE_DATA"])
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if not base or not os.path.isabs(base):
        base = str(Path.home() / ".local" / "share")
    return Path(base) / "layerwise"
