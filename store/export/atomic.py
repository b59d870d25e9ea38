"""Write an export all at once or not at all, with the store's one atomic write (``store.storage``).

Only a regular file (or a new path) is replaced that way. A device, a pipe or a terminal — ``/dev/null``,
a FIFO, ``/dev/stdout`` — is written in place, as ``cat > path`` would: renaming a temp file over it would
replace the device node with a regular file.
"""
from __future__ import annotations

import contextlib
import errno
import io
import fcntl
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import IO, Iterator

from dateline.store.disk.storage import replace_atomically

STDOUT_NAME = "standard output"


class ExportError(Exception):
    """An export could not be written; the message names the path and the reason in one line."""


class ExportPipeClosed(ExportError):
    """The reader of the output went away (``dateline export | head``); nothing more to say."""


def is_stdout(path: str | Path | None) -> bool:
    """``None`` and ``-`` mean standard output."""
    return path is None or str(path) == "-"


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _failure(where: str, exc: OSError) -> ExportError:
    if exc.errno == errno.EPIPE:
        return ExportPipeClosed(f"cannot write {where}: the reading end of the pipe was closed")
    return ExportError(f"cannot write {where}: {_reason(exc)}")


def _wrap(raw: IO[bytes]) -> IO[str]:
    """The text stream the writers write: UTF-8, line ends as written."""
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def _through_proc(path: Path) -> bool:
    """True when ``path`` is (a chain of links to) a file-descriptor alias such as ``/dev/stdout``."""
    current = str(path.absolute())
    for _ in range(40):
        if os.path.realpath(os.path.dirname(current)).startswith("/proc/"):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return True  # a link loop: not a regular file either


def in_place_target(path: Path) -> bool:
    """True when ``path`` exists and is not a plain regular file: a device, FIFO, socket or fd alias."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError:
        return False  # the atomic path reports the reason
    return not stat.S_ISREG(mode) or _through_proc(path)


def _open_in_place(target: Path) -> IO[str]:
    """Open an existing device or pipe for writing; a FIFO nobody reads is refused, not waited on."""
    fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    if stat.S_ISREG(os.fstat(fd).st_mode):
        os.ftruncate(fd, 0)  # /dev/stdout redirected to a file: overwrite it, as the shell's > would
    return os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="")


@contextlib.contextmanager
def _in_place(target: Path) -> Iterator[IO[str]]:
    try:
        stream = _open_in_place(target)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO nobody reads, or a socket (which open() cannot write)
            what = "a socket" if stat.S_ISSOCK(os.stat(target).st_mode) else "a pipe with no reader"
            raise ExportError(f"cannot write {target}: it is {what}") from exc
        raise _failure(str(target), exc) from exc
    try:
        yield stream
        stream.flush()
    except OSError as exc:
        raise _failure(str(target), exc) from exc
    finally:
        with contextlib.suppress(OSError):
            stream.close()


@contextlib.contextmanager
def _to_stdout() -> Iterator[IO[str]]:
    try:
        yield sys.stdout
        sys.stdout.flush()
    except OSError as exc:
        raise _failure(STDOUT_NAME, exc) from exc


@contextlib.contextmanager
def atomic_text(path: str | Path | None) -> Iterator[IO[str]]:
    """Yield a text stream; on success it becomes ``path``, on any failure nothing is left.

    ``None`` or ``-`` writes to standard output instead, and a device or pipe is written in place
    (see the module's docstring). OS errors become ``ExportError`` (``ExportPipeClosed`` for EPIPE).
    """
    if is_stdout(path):
        with _to_stdout() as stream:
            yield stream
        return
    assert path is not None  # None is standard output, above
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    if in_place_target(target):
        with _in_place(target) as stream:
            yield stream
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # replace the file the link names, keep the link
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with replace_atomically(target, temp, fresh_temp=True) as raw:
            stream = _wrap(raw)
            yield stream
            stream.flush()
            stream.detach()  # type: ignore[attr-defined]  # a TextIOWrapper (``_wrap``); the bytes file stays open for its fsync and rename
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
