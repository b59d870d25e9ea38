"""``records.json``'s own check: a CRC-32 over its tables, the store's id, and the shape of every document.

Hand edits are the one thing re-extraction cannot bring back, so this file is checked hardest: a file
emptied to ``{}``, one whose bytes changed after it was written, one from another store, a log entry
without its number or an undo of nothing is refused with one line naming the file and why.
"""
from __future__ import annotations

import zlib
from pathlib import Path

import orjson
from tinydb.storages import Storage

from dateline.store.errors import StoreCorrupt, StoreWriteFailed
from dateline.store.disk.integrity import parse_json, read_bytes
from dateline.store.disk.storage import atomic_write_bytes

INTEGRITY = "_integrity"
TABLES = ("entity", "mention", "event")
FEEDS = "feeds"  # followed feeds by URL: settings, not hand edits, so never in the edit log
LOG = "log"
_HINT = "nothing was changed; run `dateline check` and `dateline repair`"


def _crc(tables: dict) -> str:
    return f"{zlib.crc32(orjson.dumps(tables, option=orjson.OPT_SORT_KEYS)):08x}"


def sealed(tables: dict, store_id: str) -> bytes:
    """The file's bytes: ``tables`` plus the integrity block over them."""
    rest = {k: v for k, v in tables.items() if k != INTEGRITY}
    return orjson.dumps({INTEGRITY: {"1": {"store": store_id, "crc32": _crc(rest)}}, **rest})


def unseal(path: Path, data: object, store_id: str) -> dict:
    """The tables of a parsed records file, after checking its integrity block.

    ``store_id`` empty: a store from before schema 2, whose file may have no block (checked if it has one).
    """
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise StoreCorrupt(f"{path}: is not a Dateline records file; {_HINT}")
    block = data.get(INTEGRITY, {}).get("1")
    rest = {k: v for k, v in data.items() if k != INTEGRITY}
    if block is None:
        if store_id:
            raise StoreCorrupt(f"{path}: has lost its integrity check (emptied or replaced); {_HINT}")
        return rest
    if not isinstance(block, dict) or not isinstance(block.get("crc32"), str):
        raise StoreCorrupt(f"{path}: has a malformed integrity check; {_HINT}")
    if store_id and block.get("store") != store_id:
        raise StoreCorrupt(f"{path}: belongs to another Dateline store; {_HINT}")
    try:
        crc = _crc(rest)
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise StoreCorrupt(f"{path}: holds values Dateline never writes ({exc}); {_HINT}") from exc
    if crc != block["crc32"]:
        raise StoreCorrupt(f"{path}: does not match its checksum (damaged or edited since it was written); {_HINT}")
    return rest


class RecordsStorage(Storage):
    """TinyDB storage for ``records.json``: checked on read, sealed and written atomically on write."""

    def __init__(self, path: str | Path, readonly: bool = False, store_id: str = ""):
        self.path = Path(path)
        self.readonly = readonly
        self.store_id = store_id

    def read(self) -> dict | None:
        if not self.path.exists() and not self.path.is_symlink():
            return None
        return unseal(self.path, parse_json(self.path, read_bytes(self.path)), self.store_id)

    def write(self, data: dict) -> None:
        if self.readonly:
            raise StoreWriteFailed(f"{self.path}: store is open read-only")
        atomic_write_bytes(self.path, sealed(data, self.store_id))

    def close(self) -> None:
        pass


def check_records(path: Path, tables: dict) -> None:
    """Refuse overlay tables or an edit log that Dateline could not have written."""
    def bad(why: str) -> StoreCorrupt:
        return StoreCorrupt(f"{path}: {why}; {_HINT}")

    for table in TABLES:
        keys = set()
        for doc in tables.get(table, {}).values():
            if not isinstance(doc, dict) or not isinstance(doc.get("k"), str) or not isinstance(doc.get("v"), dict):
                raise bad(f"has a malformed '{table}' document")
            if doc["k"] in keys:
                raise bad(f"holds the {table} overlay {doc['k']!r} twice")
            keys.add(doc["k"])
    _check_feeds(tables.get(FEEDS, {}), bad)
    undo: list[int] = []
    redo: list[int] = []
    seqs = set()
    entries = list(tables.get(LOG, {}).values())
    for e in entries:
        if not isinstance(e, dict) or type(e.get("seq")) is not int or e["seq"] < 1:
            raise bad("has an edit-log entry without a sequence number")
    for e in sorted(entries, key=lambda e: e["seq"]):
        seq = e["seq"]
        if seq in seqs:
            raise bad(f"has edit-log entry {seq} twice")
        seqs.add(seq)
        if not all(isinstance(e.get(k), str) for k in ("action", "summary", "at", "who")):
            raise bad(f"has a malformed edit-log entry {seq}")
        changes = e.get("changes")
        if not isinstance(changes, list) or not all(
                isinstance(c, list) and len(c) == 4 and c[0] in TABLES and isinstance(c[1], str)
                and all(v is None or isinstance(v, dict) for v in c[2:]) for c in changes):
            raise bad(f"has malformed changes in edit-log entry {seq}")
        action = e["action"]
        if action in ("undo", "redo"):
            stack, other = (undo, redo) if action == "undo" else (redo, undo)
            if not stack or e.get("target") != stack[-1]:
                raise bad(f"has edit-log entry {seq} that {action}s an edit that is not there to {action}")
            other.append(stack.pop())
        else:
            undo.append(seq)
            redo.clear()


_FEED_TEXTS = ("etag", "last_modified", "last_fetch", "last_status")


def _check_feeds(docs: object, bad) -> None:
    """Each followed feed: an http(s) URL, a unique name, its remembered validators and counts."""
    if not isinstance(docs, dict):
        raise bad(f"has a malformed '{FEEDS}' table")
    urls, names = set(), set()
    for doc in docs.values():
        feed = doc.get("v") if isinstance(doc, dict) else None
        url = doc.get("k") if isinstance(doc, dict) else None
        if (not isinstance(url, str) or not url.startswith(("http://", "https://")) or not isinstance(feed, dict)
                or not isinstance(feed.get("name"), str) or not feed["name"]
                or not all(feed.get(k) is None or isinstance(feed[k], str) for k in _FEED_TEXTS)
                or type(feed.get("items", 0)) is not int or feed.get("items", 0) < 0):
            raise bad(f"has a malformed '{FEEDS}' document")
        if url in urls or feed["name"] in names:
            raise bad(f"holds the feed {url!r} or its name twice")
        urls.add(url)
        names.add(feed["name"])
