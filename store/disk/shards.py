"""Reading and writing shard files: TinyDB tables of write-once article data.

A shard holds up to ``SHARD_SIZE`` articles in two TinyDB files: ``texts`` (the bodies, read only
when an article is opened) and ``catalog`` (metadata plus the machine extraction, read at open to
build the indexes). Hand edits never touch shards. Every write returns the file's size and checksum
for the manifest, and every read checks them first (``integrity.py``).
"""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import orjson

from dateline.store.errors import StoreCorrupt
from dateline.store.disk.integrity import SHARD_FILE, FileSum, parse_json, read_verified
from dateline.store.index.packed import looks_packed, pack_ints
from dateline.store.disk.column_cache import write_cache
from dateline.store.disk.storage import atomic_write_bytes

TEXTS_TABLE = "texts"
CATALOG_TABLE = "catalog"
REGISTRY_TABLE = "entities"
POSTINGS_TABLE = "postings"


def _write(path: Path, data: dict) -> FileSum:
    raw = orjson.dumps(data)
    atomic_write_bytes(path, raw)
    return FileSum.of(raw)


def write_table(path: Path, table: str, docs: list[dict]) -> FileSum:
    """Write a new shard file holding ``docs`` in ``table`` (one atomic write, TinyDB's layout)."""
    return _write(path, {table: {str(i): d for i, d in enumerate(docs, 1)}})


def write_catalog(path: Path, docs: list[dict], cache: bool = True) -> FileSum:
    """A catalog shard: its documents and the postings computed from them (one atomic write), and its column
    cache (``column_cache.py``) unless ``cache`` is False."""
    from dateline.store.index.postings import shard_postings

    raw = orjson.dumps({CATALOG_TABLE: {str(i): {**d, "m": pack_ints(d["m"])} for i, d in enumerate(docs, 1)},
                        POSTINGS_TABLE: {"1": shard_postings(docs)}})
    atomic_write_bytes(path, raw)
    written = FileSum.of(raw)
    if cache:  # its columns, as a reader would build them from the file
        write_cache(path, written, *_catalog(path, _parsed(path, raw)))
    return written


def read_catalog(path: Path, expected: FileSum | None = None) -> tuple[list[dict], dict]:
    """A catalog shard's documents and postings (computed here for shards written without them)."""
    return _catalog(path, _read_all(path, expected))


def _catalog(path: Path, data: dict) -> tuple[list[dict], dict]:
    docs = _rows(path, data, CATALOG_TABLE)
    for doc in docs:  # decoded when an article's mentions are read (index.mention_rows), not at open
        if not isinstance(doc.get("id"), str):
            raise StoreCorrupt(f"{path}: has a catalog row without an article id; it was left untouched")
        if not looks_packed(doc.get("m")):
            raise StoreCorrupt(f"{path}: has malformed mention rows; it was left untouched")
    postings = data.get(POSTINGS_TABLE, {}).get("1")
    if postings is None:
        from dateline.store.index.postings import shard_postings

        postings = shard_postings(docs)
    return docs, postings


def _read_all(path: Path, expected: FileSum | None) -> dict:
    return _parsed(path, read_verified(path, expected))


def _parsed(path: Path, raw: bytes) -> dict:
    data = parse_json(path, raw)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise StoreCorrupt(f"{path}: is not a Dateline table file; it was left untouched")
    return data


def read_table(path: Path, table: str, expected: FileSum | None = None) -> list[dict]:
    """All documents of ``table`` in a shard file, in insertion order."""
    return _rows(path, _read_all(path, expected), table)


def _rows(path: Path, data: dict, table: str) -> list[dict]:
    rows = data.get(table)
    if rows is None:
        raise StoreCorrupt(f"{path}: has no '{table}' table; it was left untouched")
    try:
        docs = [rows[k] for k in sorted(rows, key=int)]
    except ValueError as exc:
        raise StoreCorrupt(f"{path}: has malformed document ids; it was left untouched") from exc
    if not all(isinstance(d, dict) for d in docs):
        raise StoreCorrupt(f"{path}: has malformed documents; it was left untouched")
    return docs


def read_texts(path: Path, expected: FileSum | None = None) -> dict[str, str]:
    """A texts shard as article id -> body."""
    out = {}
    for d in read_table(path, TEXTS_TABLE, expected):
        if not isinstance(d.get("id"), str) or not isinstance(d.get("body"), str):
            raise StoreCorrupt(f"{path}: has malformed text rows; it was left untouched")
        out[d["id"]] = d["body"]
    return out


class TextCache:
    """Article bodies loaded a shard at a time (checked against the manifest), keeping the few read last."""

    def __init__(self, folder: Path, sums: dict[str, FileSum | None] | None = None, keep: int = 4):
        self.folder = folder
        self.sums = sums or {}
        self.keep = keep
        self._shards: OrderedDict[str, dict[str, str]] = OrderedDict()

    def body(self, shard_file: str, article_id: str) -> str:
        texts = self._shards.get(shard_file)
        if texts is None:
            name, expected = self._current(shard_file)
            texts = read_texts(self.folder / name, expected)
            self._shards[shard_file] = texts
            while len(self._shards) > self.keep:
                self._shards.popitem(last=False)
        else:
            self._shards.move_to_end(shard_file)
        try:
            return texts[article_id]
        except KeyError:
            raise StoreCorrupt(f"{self.folder / shard_file}: does not hold article {article_id}, which its "
                               "catalog lists; it was left untouched") from None

    def _current(self, shard_file: str) -> tuple[str, FileSum | None]:
        """The file that holds this shard's texts now: another writer's commit may have replaced the one
        this reader was told of (it grew the shard), so a missing file is looked up in the manifest."""
        if (self.folder / shard_file).exists():
            return shard_file, self.sums.get(shard_file)
        from dateline.store.disk.manifest import load_manifest

        m = SHARD_FILE.match(shard_file)
        for shard in load_manifest(self.folder, create=False).shards if m else ():
            if m is not None and shard.n == int(m.group(2)):
                return shard.texts, shard.texts_sum
        return shard_file, self.sums.get(shard_file)

    def forget(self, shard_file: str) -> None:
        self._shards.pop(shard_file, None)
