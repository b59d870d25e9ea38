"""The hand-edit records: a small TinyDB file that every edit rewrites atomically.

Hand edits live apart from the machine extraction, as overlays keyed by stable ids:

- ``entity``: per entity id, the fields a user changed (name, type, aliases, notes, tags, ticker,
  ``merged_into``, ``deleted``) or a whole entity a user created (``manual``);
- ``mention``: per ``article|start|end``, a rejection or a link to an entity (relink or hand mark);
- ``event``: per event id, the fields a user changed;
- ``log``: the append-only edit log; each entry holds the overlay documents before and after;
- ``feeds``: the feeds the store follows (settings, saved with ``save``, never logged: undo skips them).

One edit — however many documents it changes, plus its log entry — is one atomic file write.
Re-extraction rewrites shards only, so it can never overwrite any of this.

The file carries its own check (``_integrity``: the store's id and a CRC-32 of every other table), and
its tables and log are checked for shape when read, so a file that was emptied, damaged, swapped for
another store's or hand-edited out of shape is refused, never silently replaced by a fresh one.
"""
from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware

from dateline.store.errors import ReadOnlyStore, StoreCorrupt
from dateline.store.disk.records_check import FEEDS, LOG, TABLES, RecordsStorage, check_records

KEYED = (*TABLES, FEEDS)  # tables of {k, v} documents



class _ExplicitFlush(CachingMiddleware):
    """Caching that writes only when told to, so one edit is one write."""

    WRITE_CACHE_SIZE = 10**12


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "unknown"


class Records:
    """Overlay tables held in memory, persisted to ``records.json``."""

    def __init__(self, path: Path, readonly: bool, store_id: str = "", required: bool = False):
        """``store_id``: the manifest's (empty for a store older than schema 2, whose file has no check);
        ``required``: the manifest says edits were saved, so a missing file is damage, not a new store."""
        self.path = path
        self.readonly = readonly
        self.store_id = store_id
        if required and not path.exists():
            raise StoreCorrupt(f"{path}: is missing, but the store's manifest says hand edits were saved in it; "
                               "nothing was changed; run `dateline check` and `dateline repair`")
        self._open()

    def _open(self) -> None:
        self._db = TinyDB(self.path, storage=_ExplicitFlush(RecordsStorage), readonly=self.readonly,
                          store_id=self.store_id)
        check_records(self.path, self._db.storage.read() or {})
        self.data: dict[str, dict[str, dict]] = {t: {} for t in KEYED}
        self._doc_ids: dict[str, dict[str, int]] = {t: {} for t in KEYED}
        for table in KEYED:
            for doc in self._db.table(table, cache_size=0).all():
                key = doc["k"]
                self.data[table][key] = doc["v"]
                self._doc_ids[table][key] = doc.doc_id
        self.log: list[dict] = sorted(self._db.table(LOG, cache_size=0).all(), key=lambda d: d["seq"])

    def _flush(self) -> None:
        """Write the cached change to disk (``_ExplicitFlush`` keeps it until told)."""
        storage = self._db.storage
        assert isinstance(storage, _ExplicitFlush)
        storage.flush()

    def get(self, table: str, key: str) -> dict | None:
        return self.data[table].get(key)

    def commit(self, action: str, summary: str, changes: list[tuple[str, str, dict | None]],
               extra: dict | None = None) -> dict:
        """Apply ``changes`` ((table, key, new value or None to delete)) and log them, in one write.

        Returns the log entry. On a failed write nothing changes, in memory or on disk.
        """
        if self.readonly:
            raise ReadOnlyStore(f"{self.path.parent}: store is open read-only; the edit was not saved")
        entry = {"seq": (self.log[-1]["seq"] + 1) if self.log else 1, "at": now(), "who": who(),
                 "action": action, "summary": summary,
                 "changes": [[t, k, self.data[t].get(k), v] for t, k, v in changes], **(extra or {})}
        self._apply([(t, k, v) for t, k, v in changes])
        self._db.table(LOG, cache_size=0).insert(entry)
        try:
            self._flush()
        except Exception:
            self._open()  # drop the unsaved cache (closing would try to write it): memory matches the disk
            raise
        self.log.append(entry)
        return entry

    def save(self, table: str, key: str, value: dict | None) -> None:
        """Set (or with None remove) one settings document, unlogged, in one atomic write."""
        if self.readonly:
            raise ReadOnlyStore(f"{self.path.parent}: store is open read-only; nothing was changed")
        if table in TABLES:
            raise ValueError(f"{table!r} holds hand edits: use commit, which logs them")
        self._apply([(table, key, value)])
        try:
            self._flush()
        except Exception:
            self._open()  # drop the unsaved cache: memory matches the disk
            raise

    def _apply(self, changes: list[tuple[str, str, dict | None]]) -> None:
        for table, key, value in changes:
            tdb = self._db.table(table, cache_size=0)
            doc_id = self._doc_ids[table].get(key)
            if value is None:
                if doc_id is not None:
                    tdb.remove(doc_ids=[doc_id])
                    del self._doc_ids[table][key]
                self.data[table].pop(key, None)
            else:
                if doc_id is None:
                    self._doc_ids[table][key] = tdb.insert({"k": key, "v": value})
                else:
                    tdb.update({"v": value}, doc_ids=[doc_id])
                self.data[table][key] = value

    def close(self) -> None:
        self._db.close()
