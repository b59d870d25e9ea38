"""Run Python's cyclic garbage collector between keystrokes, not in the middle of one.

With a large store loaded, an automatic collection can pause the app for tens of milliseconds at
a random keystroke (measured: gen-0 passes of 17 ms on average, a gen-1 pass of 178 ms, at 100k
articles). Once the store is loaded, automatic collection is turned off and a timer collects when
the user has not pressed a key or moved the mouse for a moment. Reference counting still frees
almost everything at once; only reference cycles wait for the next idle moment.

The biggest source of cycles was Textual's drawing: ``Strip.divide(cuts)`` caches its answer on the
strip, and when the only cut is the strip's end that answer is ``[self]``, a list holding the strip
that holds it. The compositor divides every line of every frame so, and each such strip (with its
seven caches, their dicts and its segments, about 14 objects) could only be freed by the collector:
60,000 objects after 40 keys on the demo store, and at 100k articles passes of 100–250 ms that held
keys arriving meanwhile. ``break_strip_cycles`` answers ``[self]`` without caching it (the same
result), so reference counting frees those strips at once.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence

from textual.strip import Strip

IDLE_AFTER = 0.4  # seconds without input before collecting
CHECK_EVERY = 0.5  # seconds between checks
FULL_EVERY = 30.0  # seconds between full collections (the oldest generation)
MIN_PENDING = 2000  # allocations since the last pass worth a collection

_divide = Strip.divide


def _divide_without_cycle(self: Strip, cuts: Iterable[int]) -> Sequence[Strip]:
    cuts = [cut for cut in cuts if cut <= self.cell_length]
    if cuts == [self.cell_length]:
        return [self]
    return _divide(self, cuts)


def break_strip_cycles() -> None:
    """Patch ``Strip.divide`` (once; harmless should Textual stop caching ``[self]``)."""
    if Strip.divide is not _divide_without_cycle:
        Strip.divide = _divide_without_cycle  # type: ignore[method-assign]


class IdleCollector:
    """Owns the GC settings while the app runs; ``touch`` on every input event."""

    def __init__(self) -> None:
        self._last_input = time.monotonic()
        self._last_full = time.monotonic()
        self._was_enabled = gc.isenabled()
        self._timer = None
        self.passes = 0
        break_strip_cycles()

    def start(self, app) -> None:
        """Take over collection (call once the store is loaded)."""
        if self._timer is None:
            gc.disable()
            self._timer = app.set_interval(CHECK_EVERY, self.collect_if_idle, name="idle-gc")

    def stop(self) -> None:
        """Give collection back as it was (tests run many apps in one process)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._was_enabled:
            gc.enable()

    def touch(self) -> None:
        self._last_input = time.monotonic()

    def collect_if_idle(self) -> None:
        now = time.monotonic()
        if now - self._last_input < IDLE_AFTER:
            return
        if now - self._last_full >= FULL_EVERY:
            gc.collect()
            self._last_full = now
            self.passes += 1
        elif gc.get_count()[0] >= MIN_PENDING:
            gc.collect(1)
            self.passes += 1
