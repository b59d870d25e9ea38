"""A readers-writer lock: many threads read at once; an edit waits for them and runs alone.

The app reads the store from worker threads (a frequent entity's connections can take a while) while
its main thread reads too and edits; readers must not queue behind each other, and no reader may see
an edit half applied. Re-entrant for the writer (an edit reads the store as it goes).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager


class ReadWriteLock:
    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer: int | None = None
        self._depth = 0

    @contextmanager
    def reading(self):
        me = threading.get_ident()
        with self._cond:
            while self._writer is not None and self._writer != me:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self):
        me = threading.get_ident()
        with self._cond:
            if self._writer == me:
                self._depth += 1
            else:
                while self._writer is not None or self._readers > 0:
                    self._cond.wait()
                self._writer, self._depth = me, 1
        try:
            yield
        finally:
            with self._cond:
                self._depth -= 1
                if self._depth == 0:
                    self._writer = None
                self._cond.notify_all()
