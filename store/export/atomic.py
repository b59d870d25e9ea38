"""Write an export all at once or not at all, with the store's atomic write (``store.storage``)."""
from __future__ import annotations

import contextlib
import io
import secrets
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from store.storage import replace_atomically


class ExportError(Exception):
    """An export could not be written; the message names the path and the reason in one line."""


def is_stdout(path: str | Path | None) -> bool:
    """``None`` and ``-`` mean standard output."""
    return path is None or str(path) == "-"


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _wrap(raw: IO[bytes]) -> IO[str]:
    """The text stream the writers write: UTF-8, line ends as written."""
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def _is_device(target: Path) -> bool:
    """An existing file that is not a regular file: /dev/null, a terminal, a named pipe."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_text(path: str | Path | None) -> Iterator[IO[str]]:
    """Yield a text stream; on success it becomes ``path``, on any failure nothing is left (the store's
    ``replace_atomically``: temp file beside it, fsync, rename, folder fsync).

    ``None`` or ``-`` writes to standard output instead, and a device or named pipe (``/dev/null``,
    ``/dev/stdout``) is written in place: it cannot be replaced. OS errors become ``ExportError``.
    """
    if is_stdout(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    try:
        if _is_device(target):
            with open(target, "w", encoding="utf-8", errors="replace", newline="") as stream:
                yield stream
            return
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        with replace_atomically(target, temp, fresh_temp=True) as raw:
            stream = _wrap(raw)
            yield stream
            stream.flush()
            stream.detach()  # the bytes file stays open for its fsync and rename
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
