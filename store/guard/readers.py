"""Readers announce themselves, so a writer never deletes a file a reader may still open.

A process reading a store's files (opening it, reading what another writer committed, checking it) holds a
shared OS lock on ``.readers.lock`` while it reads. A writer removes the files its commit replaced only
when it can take that lock exclusively, that is when nobody is reading; otherwise it leaves them, named in
its journal, for a later writer. The lock is released by the OS when a reader dies.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

READERS = ".readers.lock"


def _open(folder: Path) -> int | None:
    try:
        return os.open(folder / READERS, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError:
        return None  # a read-only folder: no writer can delete anything there either


@contextmanager
def reading(folder: Path):
    """Hold the readers' lock (shared) while reading the store's files."""
    fd = _open(folder)
    try:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        if fd is not None:
            os.close(fd)


def nobody_reading(folder: Path) -> bool:
    """True when no process holds the readers' lock (taken and released at once)."""
    fd = _open(folder)
    if fd is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
