"""Guarding a store's public methods: the read/write guard for the app's threads, and a write turn per commit."""
from __future__ import annotations

import functools
from collections.abc import Callable


def guard_public_methods(cls: type, *, writes: set[str], turns: set[str], unguarded: set[str]) -> None:
    """Wrap every public method of ``cls`` but ``unguarded``: reads hold ``self.guard`` for reading, ``writes``
    for writing, and ``turns`` also take the store's lock for their one commit (``self._write_turn``) unless
    the caller already holds it (a write inside a write keeps its turn)."""
    for name in [n for n in dir(cls) if not n.startswith("_") and n not in unguarded]:
        method = getattr(cls, name)
        if callable(method):
            setattr(cls, name, _guarded(method, name in writes, name in turns))


def _guarded(method: Callable, write: bool, turn: bool) -> Callable:
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with (self.guard.writing() if write else self.guard.reading()):
            if not turn or (self._lock and self._lock.held):
                return method(self, *args, **kwargs)
            with self._write_turn():
                return method(self, *args, **kwargs)

    return run
