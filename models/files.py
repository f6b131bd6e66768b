"""Writing files so that a crash, a full disk or a kill never leaves half a file where a good one was.

Every file the app writes (projects, exports, PNGs, Projector files, cached helpers) goes through
`atomic_write_bytes`: write to a temporary file beside the target, then rename it into place.
"""
from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path
from typing import Any, Callable

_TMP_TAG = "-lw"  # temporary names are .<stem>-lw<pid>-<random><suffix>: the pid says whose write it was
_LIVE: set[str] = set()  # this process's temporary files that a write is still filling
_LIVE_LOCK = threading.Lock()


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Delete temporary files an earlier, killed write of `path` left beside it (ours only: the name carries our
    tag and the pid of the writer, which is no longer running, or is this process and not writing now)."""
    path = Path(path)
    removed: list[Path] = []
    prefix = f".{path.stem}{_TMP_TAG}"
    try:
        candidates = [c for c in path.parent.iterdir() if c.name.startswith(prefix) and c.name.endswith(path.suffix)]
    except OSError:
        return removed
    for candidate in candidates:
        pid_text = candidate.name[len(prefix):].split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        pid = int(pid_text)
        with _LIVE_LOCK:
            live = str(candidate) in _LIVE
        if live or (pid != os.getpid() and _pid_alive(pid)):
            continue
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass
    return removed


def fsync_path(path: str | Path) -> None:
    """Flush a file (or, where the system allows it, a folder's entries) to the disk."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if os.path.isdir(path) else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        if os.path.isdir(path):
            return  # Windows cannot open a folder; its rename is durable without it
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not os.path.isdir(path):
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | Path, writer: Callable[[str], Any], suffix: str = "") -> Path:
    """Call writer(tmp_path), flush it to the disk, then rename it into place and flush the folder: a crash, a
    kill or a full disk leaves either the old file or the new one, never half a file (and, after a power cut,
    not an empty one). Temporary files a killed earlier write left behind are removed first."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    suffix = suffix or path.suffix
    while True:
        tmp = str(path.parent / f".{path.stem}{_TMP_TAG}{os.getpid()}-{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any file
            break
        except FileExistsError:
            continue
    os.close(fd)
    with _LIVE_LOCK:
        _LIVE.add(tmp)
    try:
        writer(tmp)
        fsync_path(tmp)
        os.replace(tmp, path)
        fsync_path(path.parent)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        with _LIVE_LOCK:
            _LIVE.discard(tmp)
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
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



def data_dir() -> Path:
    """Where the app keeps what a user made (run folders): $LAYERWISE_DATA, else $XDG_DATA_HOME/layerwise, else
    ~/.local/share/layerwise (the freedesktop default, what QStandardPaths.AppDataLocation gives on Linux)."""
    if os.environ.get("LAYERWISE_DATA"):
        return Path(os.environ["LAYERWISE_DATA"])
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if not base or not os.path.isabs(base):
        base = str(Path.home() / ".local" / "share")
    return Path(base) / "layerwise"
