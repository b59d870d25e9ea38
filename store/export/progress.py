"""Report export progress to a ``progress(done, total)`` callback without flooding it."""
from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], object]


class Progress:
    """Counts written records; calls back about a hundred times per export, and at the end."""

    def __init__(self, total: int, callback: ProgressCallback | None = None) -> None:
        self.done = 0
        self.total = max(total, 0)
        self._callback = callback
        self._step = max(1, self.total // 100)
        self._last = -1

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done - self._last >= self._step or self.done >= self.total:
            self._report()

    def set_total(self, total: int) -> None:
        self.total = max(total, 0)
        self._step = max(1, self.total // 100)

    def finish(self) -> None:
        self.total = max(self.total, self.done)
        if self._last != self.done:
            self._report()

    def _report(self) -> None:
        self._last = self.done
        if self._callback is not None:
            self._callback(self.done, max(self.total, self.done))
