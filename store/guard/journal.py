"""Pending-writes journals: what each commit is about to create and replace, so its debris is provable.

Before a commit writes any file it records, in ``.pending-gN.json`` (N its generation), the files it will
create and the files the new manifest will no longer name, and holds an OS lock on that journal for as
long as it works. Several writers may prepare commits at once (a long re-extraction writes its files
outside the store lock), so a journal whose lock is still held belongs to a live writer and is left
alone. A journal whose lock can be taken belongs to a dead writer: of the files it names, those the
current manifest does not name are debris. Temp files of this store's own atomic writes are debris
when the process that wrote them is gone. Nothing else in the folder is ever removed: not a file whose
name merely looks like ours, not a file of the user's.
"""
from __future__ import annotations

import fcntl
import os
import re
from pathlib import Path

import orjson

from dateline.store.errors import StoreCorrupt
from dateline.store.disk.integrity import JOURNAL_FILE as JOURNAL
from dateline.store.disk.integrity import REGISTRY_FILE, REPAIR_HINT, SHARD_FILE, generation_of
from dateline.store.disk.column_cache import stale_caches
from dateline.store.disk.manifest import MANIFEST, Manifest
from dateline.store.guard.readers import nobody_reading
from dateline.store.disk.storage import TMP_MARK, atomic_write_bytes

_OWN_TEMP = re.compile(r"^(dateline\.json|records\.json|\.pending-g\d+\.json|(texts|catalog)-\d{5}\.g\d+\.json|"
                       r"registry\.g\d+\.json|catalog-\d{5}\.g\d+\.cols)" + re.escape(TMP_MARK) + r"(\d+)$")


def journal_name(generation: int) -> str:
    return f".pending-g{generation}.json"


def _ours(name: str) -> bool:
    return bool(SHARD_FILE.match(name) or REGISTRY_FILE.match(name))


class Commit:
    """One commit in progress: its journal written and locked until ``finish`` or ``abandon``.

    The journal is JSON Lines, appended to as a long commit learns of more files (``extend``); a torn
    last line (a crash mid-append) is ignored."""

    def __init__(self, folder: Path, generation: int, creates: list[str], replaces: list[str]):
        self.folder, self.generation = folder, generation
        self.creates, self.replaces = list(creates), list(replaces)
        self.path = folder / journal_name(generation)
        atomic_write_bytes(self.path, self._line(self.creates, self.replaces))
        self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_APPEND)  # None once finished
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def _line(self, creates: list[str], replaces: list[str]) -> bytes:
        return orjson.dumps({"generation": self.generation, "creates": creates, "replaces": replaces}) + b"\n"

    def _open_fd(self) -> int:
        if self._fd is None:
            raise RuntimeError(f"{self.path}: this commit is finished")
        return self._fd

    def extend(self, creates: list[str], replaces: list[str]) -> None:
        """Record more files before writing them (or before the switch that replaces them)."""
        fd = self._open_fd()
        os.write(fd, self._line(creates, replaces))
        os.fsync(fd)
        self.creates += creates
        self.replaces += replaces

    def mark_committed(self) -> None:
        """Record, right after the manifest switched, that this commit's files are the store's now: from
        here on they are never debris, even if an older manifest is put back (which is then damage)."""
        fd = self._open_fd()
        os.write(fd, orjson.dumps({"generation": self.generation, "committed": True}) + b"\n")
        os.fsync(fd)

    def finish(self, manifest: Manifest) -> None:
        """After the manifest switched: remove what it no longer names, then the journal — unless a reader
        may still be reading them; then the journal stays, for a later writer to finish."""
        if nobody_reading(manifest.folder):
            _remove_dead(manifest, self.creates + self.replaces)
            _unlink(self.path)
        self._release()

    def abandon(self, manifest: Manifest) -> None:
        """After a failure before the switch: remove what this commit created, then the journal."""
        _remove_dead(manifest, self.creates)
        self._close()

    def _close(self) -> None:
        _unlink(self.path)
        self._release()

    def _release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _remove_dead(manifest: Manifest, names: list[str]) -> list[str]:
    live = manifest.live_files()
    return [name for name in names if _ours(name) and name not in live and _unlink(manifest.folder / name)]


def journal_generations(folder: Path) -> list[int]:
    return [int(m.group(1)) for p in folder.iterdir() if (m := JOURNAL.match(p.name))]


def remove_debris(manifest: Manifest) -> list[str]:
    """Remove what dead writers left (call under the store lock, on a verified manifest): files their
    journals name that the manifest does not — the created ones of a commit that never switched, the
    replaced ones of a commit that did — column caches whose catalog is gone (``column_cache.stale_caches``)
    and temp files of dead processes. Nothing while anyone reads."""
    check_fresh(manifest)
    folder = manifest.folder
    if not nobody_reading(folder):
        return []
    removed: list[str] = []
    for gen in journal_generations(folder):
        path = folder / journal_name(gen)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # its writer is alive
            data = _parse(path)
            if data is None:
                continue  # not one we can read: left for `dateline check` to name
            live = manifest.live_files()
            switched = data["committed"] or any(name in live for name in data["creates"])  # killed before the mark
            removed += _remove_dead(manifest, data["replaces"] + data["creates"] if switched else data["creates"])
            _unlink(path)
        finally:
            os.close(fd)
    removed += [p.name for p in stale_caches(folder, manifest.live_files()) if _unlink(p)]
    for p in folder.iterdir():
        m = _OWN_TEMP.match(p.name)
        if m and not _alive(int(m.group(3))) and p.is_file() and not p.is_symlink() and _unlink(p):
            removed.append(p.name)
    return removed


def check_fresh(manifest: Manifest) -> None:
    """Refuse a manifest older than the store's own files: one put back from a backup, or a copy that
    missed a commit. Its newer files are named by no journal, or a finished commit's journal names files
    it does not: whatever it is, writing on its word could delete committed data."""
    folder, live = manifest.folder, manifest.live_files()
    journaled: set[str] = set()
    for gen in journal_generations(folder):
        data = _parse(folder / journal_name(gen))
        if data is None:
            continue
        journaled.update(data["creates"] + data["replaces"])
        if data["committed"] and manifest.generation < gen:
            raise StoreCorrupt(f"{folder / MANIFEST}: is older than the commit of generation {gen} (it is at "
                               f"{manifest.generation}): it may have been put back from a copy; nothing was changed; "
                               f"{REPAIR_HINT}")
    for p in folder.iterdir():
        found = generation_of(p.name)
        if found is not None and found > manifest.generation and p.name not in live and p.name not in journaled:
            raise StoreCorrupt(f"{folder / MANIFEST}: is older than {p.name} (generation {found} > "
                               f"{manifest.generation}): it may have been put back from a copy; nothing was changed; "
                               f"{REPAIR_HINT}")


def pending(folder: Path) -> list[dict]:
    """Every readable journal in the folder (for ``dateline check``)."""
    return [d for gen in journal_generations(folder) if (d := _parse(folder / journal_name(gen))) is not None]


def _parse(path: Path) -> dict | None:
    """The union of a journal's lines (a torn last line is skipped), or None when none reads."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    out: dict | None = None
    for line in raw.splitlines():
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(data, dict) and data.get("committed") is True and out is not None:
            out["committed"] = True
            continue
        ok = (isinstance(data, dict) and type(data.get("generation")) is int
              and all(isinstance(data.get(k), list) and all(isinstance(n, str) for n in data[k])
                      for k in ("creates", "replaces")))
        if not ok:
            continue
        if out is None:
            out = {"generation": data["generation"], "creates": [], "replaces": [], "committed": False}
        out["creates"] += data["creates"]
        out["replaces"] += data["replaces"]
    return out


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process has no atomic write in flight while it cleans up
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False
