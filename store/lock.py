"""The store's single-writer lock.

One process at a time may write a store. The lock is an OS file lock (``filelock``), so it is released
when its holder dies, even by SIGKILL. The holder writes who it is beside the lock so a second
process can say who is writing.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".writer.lock"
OWNER_NAME = ".writer.owner"


class LockUnavailable(Exception):
    """The lock cannot be taken at all (a read-only folder, no permission, a folder in its place)."""


class WriterLock:
    """Exclusive writer lock on one store folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._lock = FileLock(str(self.folder / LOCK_NAME))

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self, wait: float | None = 0) -> bool:
        """Take the lock; ``wait`` seconds (``None``: forever). True when taken; ``LockUnavailable``
        (one line naming why) when it can never be taken here."""
        try:
            self._lock.acquire(timeout=-1 if wait is None else wait)
        except Timeout:
            return False
        except IsADirectoryError:
            raise LockUnavailable(f"{self.folder / LOCK_NAME}: is a folder, not Dateline's lock file "
                                  "(remove it to write this store)") from None
        except OSError as exc:
            raise LockUnavailable(f"{self.folder}: cannot take the writer lock "
                                  f"({exc.strerror or exc}: the folder is read-only to this user)") from None
        try:
            (self.folder / OWNER_NAME).write_text(f"pid {os.getpid()} ({' '.join(sys.argv[:2])})")
        except OSError:
            pass
        return True

    def holder(self) -> str:
        """A short description of the process holding the lock, as it wrote it."""
        try:
            return (self.folder / OWNER_NAME).read_text().strip() or "another process"
        except OSError:
            return "another process"

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
