"""Atomic writes under faults: a full disk, a read-only folder, a writer that fails half-way, a process killed
mid-write. Each leaves the old file intact and no temporary file of ours; every write is flushed to the disk."""
import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models import files
from models.files import atomic_write_bytes, atomic_write_text, remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]


def _ours(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".")]


def _half_then_fail(error: OSError):
    def writer(tmp: str) -> None:
        with open(tmp, "w") as fh:
            fh.write("half of the new")  # something really reached the temporary file
        raise error
    return writer


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   OSError(errno.EIO, "Input/output error")])
def test_a_write_that_fails_half_way_keeps_the_old_file(tmp_path, error):
    target = tmp_path / "p.json"
    target.write_text("old")
    with pytest.raises(OSError) as info:
        atomic_write_bytes(target, _half_then_fail(error))
    assert info.value.errno == error.errno
    assert target.read_text() == "old" and _ours(tmp_path) == []


def test_disk_full_at_the_flush_keeps_the_old_file(tmp_path, monkeypatch):
    """A full disk often shows only when the data is flushed: fsync raising ENOSPC must not reach the target."""
    target = tmp_path / "p.json"
    target.write_text("old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as info:
        atomic_write_text(target, "new")
    assert info.value.errno == errno.ENOSPC
    assert target.read_text() == "old" and _ours(tmp_path) == []


@pytest.mark.parametrize("fault", [errno.EROFS, errno.EACCES])
def test_read_only_folder_is_refused_and_changes_nothing(tmp_path, monkeypatch, fault):
    """A fake read-only folder (the tests may run as root, who writes anywhere): creating a file there fails."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "p.json").write_text("old")
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise OSError(fault, os.strerror(fault), str(path))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OSError) as info:
        atomic_write_text(folder / "p.json", "new")
    assert info.value.errno == fault
    monkeypatch.undo()
    assert (folder / "p.json").read_text() == "old" and _ours(folder) == []


def test_every_write_flushes_the_file_and_its_folder(tmp_path, monkeypatch):
    synced: list[str] = []
    real = files.fsync_path
    monkeypatch.setattr(files, "fsync_path", lambda p: (synced.append(os.path.basename(str(p))), real(p)))

    def binary(tmp: str) -> None:  # like model.save or np.savez: the writer opens the file itself
        Path(tmp).write_bytes(b"\x00\x01")
    atomic_write_bytes(tmp_path / "m.keras", binary)
    assert synced[0].startswith(".m-lw") and synced[1] == tmp_path.name
    assert (tmp_path / "m.keras").read_bytes() == b"\x00\x01"


_KILLED_WRITER = """
import sys, time
from models.files import atomic_write_bytes

def slow(tmp):
    with open(tmp, "wb") as fh:
        fh.write(b"partial")
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)

atomic_write_bytes(sys.argv[1], slow)
"""


def test_kill_9_mid_write_keeps_the_old_file_and_the_next_write_cleans_up(tmp_path):
    target = tmp_path / "m.keras"
    target.write_bytes(b"old model")
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "writing"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        proc.kill()
    left = _ours(tmp_path)
    assert target.read_bytes() == b"old model" and len(left) == 1 and f"-lw{proc.pid}-" in left[0].name
    other = tmp_path / "other.keras"  # a write of another file leaves this one's temporaries alone
    atomic_write_bytes(other, lambda tmp: Path(tmp).write_bytes(b"x"))
    assert left[0].exists()
    atomic_write_bytes(target, lambda tmp: Path(tmp).write_bytes(b"new model"))
    assert target.read_bytes() == b"new model" and _ours(tmp_path) == []


def test_stale_cleanup_spares_live_writes_and_other_files(tmp_path):
    target = tmp_path / "m.keras"
    live_other = tmp_path / f".m-lw{os.getppid()}-abcd1234.keras"  # our parent is running: its write may be live
    live_other.write_bytes(b"")
    foreign = tmp_path / ".m-notes.keras"  # not our naming: never touched
    foreign.write_bytes(b"")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".m-lw{int(dead.stdout)}-deadbeef.keras"
    stale.write_bytes(b"")
    time.sleep(0.05)
    assert remove_stale_temporaries(target) == [stale]
    assert live_other.exists() and foreign.exists()

    seen: list[bool] = []

    def writer(tmp: str) -> None:  # our own write in progress is never removed from under us
        remove_stale_temporaries(target)
        seen.append(os.path.exists(tmp))
        Path(tmp).write_bytes(b"ok")
    atomic_write_bytes(target, writer)
    assert seen == [True] and target.read_bytes() == b"ok"
