"""The pending-writes journal: what a commit is about to create and replace, so its debris is provable.

Before a commit writes any file it records, in ``.pending.json``, the files it will create and the
files the new manifest will no longer name. If the writer dies, the next writer — after the manifest
and every file it names have been verified — knows which files are debris: the ones it was creating
(when the manifest was not switched) or the ones it was replacing (when it was). Temp files of this
store's own atomic writes are debris too. Nothing else in the folder is ever removed: not a file
whose name merely looks like ours, not a file of the user's.
"""
from __future__ import annotations

import re
from pathlib import Path

import orjson

from .integrity import REGISTRY_FILE, SHARD_FILE
from .manifest import Manifest
from .storage import TMP_MARK, atomic_write_bytes

JOURNAL = ".pending.json"
_OWN_TEMP = re.compile(r"^(dateline\.json|records\.json|\.pending\.json|(texts|catalog)-\d{5}\.g\d+\.json|"
                       r"registry\.g\d+\.json)" + re.escape(TMP_MARK) + r"\d+$")


def _ours(name: str) -> bool:
    return bool(SHARD_FILE.match(name) or REGISTRY_FILE.match(name))


def begin(folder: Path, generation: int, creates: list[str], replaces: list[str]) -> None:
    """Record what a commit of ``generation`` will create and replace (before it writes anything)."""
    atomic_write_bytes(folder / JOURNAL, orjson.dumps({"generation": generation, "creates": creates,
                                                       "replaces": replaces}))


def finish(manifest: Manifest, replaced: list[str]) -> None:
    """After the manifest switched: remove the files it replaced, then the journal."""
    live = manifest.live_files()
    for name in replaced:
        if _ours(name) and name not in live:
            _unlink(manifest.folder / name)
    _unlink(manifest.folder / JOURNAL)


def abandon(folder: Path, created: list[str]) -> None:
    """After a commit failed before the manifest switched: remove what it had created, then the journal."""
    for name in created:
        if _ours(name):
            _unlink(folder / name)
    _unlink(folder / JOURNAL)


def pending(folder: Path) -> dict | None:
    """The journal of an unfinished commit, or None (also for a journal that does not read right)."""
    try:
        data = orjson.loads((folder / JOURNAL).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    ok = (isinstance(data, dict) and type(data.get("generation")) is int
          and all(isinstance(data.get(k), list) and all(isinstance(n, str) for n in data[k])
                  for k in ("creates", "replaces")))
    return data if ok else None


def remove_debris(manifest: Manifest) -> list[str]:
    """Remove what a killed writer left (call only under the writer lock, on a verified manifest)."""
    folder, live = manifest.folder, manifest.live_files()
    removed = []
    journal = pending(folder)
    if journal is not None:
        committed = manifest.generation >= journal["generation"]
        for name in journal["replaces" if committed else "creates"]:
            if _ours(name) and name not in live and _unlink(folder / name):
                removed.append(name)
    if (folder / JOURNAL).exists() and journal is not None:
        _unlink(folder / JOURNAL)
    for p in folder.iterdir():
        if _OWN_TEMP.match(p.name) and p.is_file() and not p.is_symlink() and _unlink(p):
            removed.append(p.name)
    return removed


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False

