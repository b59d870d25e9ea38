"""Write an export all at once or not at all: temp file in the same folder, fsync, rename."""
from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path
from typing import IO, Iterator

from store.storage import fsync_dir


class ExportError(Exception):
    """An export could not be written; the message names the path and the reason in one line."""


def is_stdout(path: str | Path | None) -> bool:
    """``None`` and ``-`` mean standard output."""
    return path is None or str(path) == "-"


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _open_temp(target: Path) -> tuple[Path, IO[str]]:
    """A new file beside ``target``, created with the usual permissions (umask applies)."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    return temp, os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="")


@contextlib.contextmanager
def atomic_text(path: str | Path | None) -> Iterator[IO[str]]:
    """Yield a text stream; on success it becomes ``path``, on any failure nothing is left.

    ``None`` or ``-`` writes to standard output instead. OS errors become ``ExportError``.
    """
    if is_stdout(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    try:
        temp, stream = _open_temp(target)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
    try:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            stream.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
        raise
    fsync_dir(target.parent)
