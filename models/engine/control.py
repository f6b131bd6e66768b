"""Cooperative pause and stop, shared between the GUI thread and the training thread."""
from __future__ import annotations

import threading
import time


class RunControl:
    """Flags checked by the training loop after every batch; setting them never blocks the caller."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.paused_seconds = 0.0

    def stop(self) -> None:
        self._stop.set()
        self._running.set()  # wake a paused loop so it can see the stop

    def pause(self) -> None:
        if not self._stop.is_set():
            self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait_while_paused(self) -> None:
        """Block the training thread while paused (returns at once on stop)."""
        if self._running.is_set():
            return
        t0 = time.perf_counter()
        while not self._running.wait(0.1):
            pass
        self.paused_seconds += time.perf_counter() - t0
