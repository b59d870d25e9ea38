"""Reading and writing shard files: TinyDB tables of write-once article data.

A shard holds up to ``SHARD_SIZE`` articles in two TinyDB files: ``texts`` (the bodies, read only
when an article is opened) and ``catalog`` (metadata plus the machine extraction, read at open to
build the indexes). Hand edits never touch shards.
"""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from tinydb import TinyDB

from .errors import StoreCorrupt
from .packed import looks_packed, pack_ints
from .storage import AtomicJSONStorage

TEXTS_TABLE = "texts"
CATALOG_TABLE = "catalog"
REGISTRY_TABLE = "entities"
POSTINGS_TABLE = "postings"


def write_table(path: Path, table: str, docs: list[dict]) -> None:
    """Write a new shard file holding ``docs`` in ``table`` (one atomic write)."""
    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        db.table(table, cache_size=0).insert_multiple(docs)
    finally:
        db.close()


def write_catalog(path: Path, docs: list[dict]) -> None:
    """A catalog shard: its documents and the postings computed from them (one atomic write)."""
    from .postings import shard_postings

    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        data = {CATALOG_TABLE: {str(i): {**d, "m": pack_ints(d["m"])} for i, d in enumerate(docs, 1)},
                POSTINGS_TABLE: {"1": shard_postings(docs)}}
        db.storage.write(data)
    finally:
        db.close()


def read_catalog(path: Path) -> tuple[list[dict], dict]:
    """A catalog shard's documents and postings (computed here for shards written without them)."""
    data = _read_all(path)
    docs = _rows(path, data, CATALOG_TABLE)
    for doc in docs:  # decoded when an article's mentions are read (index.mention_rows), not at open
        if not looks_packed(doc.get("m")):
            raise StoreCorrupt(f"{path}: has malformed mention rows; it was left untouched")
    postings = data.get(POSTINGS_TABLE, {}).get("1")
    if postings is None:
        from .postings import shard_postings

        postings = shard_postings(docs)
    return docs, postings


def _read_all(path: Path) -> dict:
    db = TinyDB(path, storage=AtomicJSONStorage, readonly=True)
    try:
        return db.storage.read() or {}
    finally:
        db.close()


def read_table(path: Path, table: str) -> list[dict]:
    """All documents of ``table`` in a shard file, in insertion order."""
    return _rows(path, _read_all(path), table)


def _rows(path: Path, data: dict, table: str) -> list[dict]:
    rows = data.get(table)
    if rows is None:
        raise StoreCorrupt(f"{path}: has no '{table}' table; it was left untouched")
    try:
        return [rows[k] for k in sorted(rows, key=int)]
    except ValueError as exc:
        raise StoreCorrupt(f"{path}: has malformed document ids; it was left untouched") from exc


class TextCache:
    """Article bodies loaded a shard at a time, keeping the few shards read last."""

    def __init__(self, folder: Path, keep: int = 4):
        self.folder = folder
        self.keep = keep
        self._shards: OrderedDict[str, dict[str, str]] = OrderedDict()

    def body(self, shard_file: str, article_id: str) -> str:
        texts = self._shards.get(shard_file)
        if texts is None:
            texts = {d["id"]: d["body"] for d in read_table(self.folder / shard_file, TEXTS_TABLE)}
            self._shards[shard_file] = texts
            while len(self._shards) > self.keep:
                self._shards.popitem(last=False)
        else:
            self._shards.move_to_end(shard_file)
        return texts[article_id]

    def forget(self, shard_file: str) -> None:
        self._shards.pop(shard_file, None)
