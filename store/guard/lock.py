"""The store's writer lock, taken for the moment of each commit.

Every Dateline process that may write a store (the app, other app windows, the command line) takes
this lock only while it commits: an ingest batch, one edit, the switch of a re-extraction. Writers
therefore take turns for milliseconds instead of shutting each other out. The lock is an OS file lock
(``filelock``), so it is released when its holder dies, even by SIGKILL. The holder writes who it is
beside the lock, in words, so a writer that has to wait can say for whom.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".writer.lock"
OWNER_NAME = ".writer.owner"
COMMANDS = {"ingest", "reextract", "repair", "fetch", "feeds", "export", "stats", "log", "check", "serve"}


class LockUnavailable(Exception):
    """The lock cannot be taken at all (a read-only folder, no permission, a folder in its place)."""


class LockBusy(Exception):
    """Another writer kept the lock for longer than this one would wait."""


def describe_this_process() -> str:
    """Who this process is, as a user would say it: "`dateline ingest` (pid 412)"."""
    program = os.path.basename(sys.argv[0] or "python")
    if program == "dateline" or sys.argv[0].endswith(("tui/cli/__main__.py", "tui/cli/cli.py")):
        command = next((a for a in sys.argv[1:] if a in COMMANDS), None)
        return f"`dateline {command}` (pid {os.getpid()})" if command else f"the Dateline app (pid {os.getpid()})"
    return f"{' '.join([program, *sys.argv[1:2]])} (pid {os.getpid()})"


class WriterLock:
    """The writer lock of one store folder (re-entrant within one process)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._lock = FileLock(str(self.folder / LOCK_NAME))

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self, wait: float | None = 0) -> bool:
        """Take the lock; ``wait`` seconds (``None``: forever). True when taken; ``LockUnavailable``
        (one line naming why) when it can never be taken here."""
        first = not self._lock.is_locked
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
        if first:
            try:  # never through a link: the note must not overwrite a file elsewhere
                fd = os.open(self.folder / OWNER_NAME, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
                with os.fdopen(fd, "w") as fh:
                    fh.write(describe_this_process())
            except OSError:
                pass
        return True

    @contextmanager
    def turn(self, wait: float, on_wait=None):
        """Hold the lock for one commit, waiting up to ``wait`` seconds for the writer before us."""
        if not self.acquire(0):
            if on_wait:
                on_wait(f"{self.folder}: waiting for {self.holder()} to finish writing…")
            if not self.acquire(wait):
                raise LockBusy(f"{self.folder}: {self.holder()} has been writing this store for over "
                               f"{wait:g} s; nothing was changed, try again when it is done")
        try:
            yield
        finally:
            self.release()

    def holder(self) -> str:
        """A short description of the process holding the lock, as it wrote it."""
        try:
            return (self.folder / OWNER_NAME).read_text().strip() or "another Dateline process"
        except OSError:
            return "another Dateline process"

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
