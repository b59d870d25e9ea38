"""A TinyDB storage that writes atomically and reads fast.

TinyDB's ``JSONStorage`` rewrites its file in place (seek, write, truncate), so a crash mid-write can
leave an unreadable file. ``AtomicJSONStorage`` writes a temp file in the same folder, flushes, fsyncs,
``os.replace``s it over the old one and fsyncs the folder: a crash leaves the old or the new file.
Temp files carry ``TMP_MARK`` so an opener can delete the orphans a kill leaves behind.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import orjson
from tinydb.storages import Storage

from dateline.store.errors import StoreCorrupt, StoreWriteFailed

TMP_MARK = ".tmp-"


@contextlib.contextmanager
def replace_atomically(path: Path, temp: Path, *, exclusive: bool = False,
                       fresh_temp: bool = False) -> Iterator[BinaryIO]:
    """The one atomic write (store files and exports): yield a binary file at ``temp`` in ``path``'s
    folder; when the block ends without error it is flushed, fsynced and renamed over ``path`` (or, with
    ``exclusive``, hard-linked to it: ``FileExistsError`` if ``path`` exists), and the folder fsynced. On
    any failure ``temp`` is removed and ``path`` is untouched. ``fresh_temp`` creates ``temp`` with
    O_EXCL (a random name that must be new). OS errors propagate, for the caller to word."""
    fh = open(temp, "xb" if fresh_temp else "wb")  # closed below, before the rename
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        if exclusive:
            try:
                os.link(temp, path)
            finally:
                temp.unlink()
        else:
            os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            fh.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, exclusive: bool = False) -> bool:
    """Replace ``path`` with ``data`` atomically and durably. ``exclusive``: create it only if it does not
    exist yet (a hard link instead of a rename); False when it did."""
    path = Path(path)
    tmp = path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}")
    try:
        with replace_atomically(path, tmp, exclusive=exclusive) as fh:
            fh.write(data)
    except FileExistsError:
        if exclusive:
            return False
        raise StoreWriteFailed(f"{path}: could not write (it exists); nothing was changed") from None
    except OSError as exc:
        raise StoreWriteFailed(f"{path}: could not write ({exc.strerror or exc}); nothing was changed") from exc
    return True


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_json_file(path: Path) -> object:
    """Parse one JSON file, turning any failure into a ``StoreCorrupt`` naming it."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise StoreCorrupt(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreCorrupt(f"{path}: is corrupt (not valid JSON: {exc}); it was left untouched") from exc


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic replace on write, clear errors on corrupt files."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly

    def read(self) -> dict | None:
        if not self.path.exists():
            return None
        data = read_json_file(self.path)
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise StoreCorrupt(f"{self.path}: is not a Dateline table file; it was left untouched")
        return data

    def write(self, data: dict) -> None:
        if self.readonly:
            raise StoreWriteFailed(f"{self.path}: store is open read-only")
        atomic_write_bytes(self.path, orjson.dumps(data))

    def close(self) -> None:
        pass
