"""A TinyDB storage that writes atomically and reads fast.

TinyDB's ``JSONStorage`` rewrites its file in place (seek, write, truncate), so a crash mid-write can
leave an unreadable file. ``AtomicJSONStorage`` writes a temp file in the same folder, flushes, fsyncs,
``os.replace``s it over the old one and fsyncs the folder: a crash leaves the old or the new file.
Temp files carry ``TMP_MARK`` so an opener can delete the orphans a kill leaves behind.
"""
from __future__ import annotations

import os
from pathlib import Path

import orjson
from tinydb.storages import Storage

from .errors import StoreCorrupt, StoreWriteFailed

TMP_MARK = ".tmp-"


def atomic_write_bytes(path: Path, data: bytes, exclusive: bool = False) -> bool:
    """Replace ``path`` with ``data`` atomically and durably. ``exclusive``: create it only if it does not
    exist yet (a hard link instead of a rename); False when it did."""
    path = Path(path)
    tmp = path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            finally:
                tmp.unlink()
        else:
            os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise StoreWriteFailed(f"{path}: could not write ({exc.strerror or exc}); nothing was changed") from exc
    fsync_dir(path.parent)
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
