"""Column cache files: beside each catalog shard ``catalog-00012.g26.json``, a derived ``catalog-00012.g26.cols``
holding the shard's columns as binary blocks (``index/column_cache.py``), read at open instead of the JSON.

The JSON catalog stays the source of truth; a cache is only ever a shortcut to what it derives. Layout:
``MAGIC``, a 4-byte little-endian header length, a JSON header (format version, the catalog's name and the
size and CRC-32 the manifest records for it, the payload's CRC-32 and its blocks' kinds and lengths), then
the blocks. A cache is used only if all of it checks out against the manifest (and the catalog is on disk
at its recorded size); anything else (missing, truncated, another version, a bad block) and the shard is
read from its JSON as before. No pickle or marshal: a hostile cache can at worst be ignored.

Who writes: ``write_catalog`` right after the catalog (same atomic write, same writer turn or journaled
commit) — for a commit, only of a full shard, as the last one still filling is rewritten by the next — and
``StoreState.tidy_files`` for the shards read from JSON (the last shard, older stores, damaged caches), only
in a writer's turn under the store lock on a store whose every file checked out. A read-only
open never writes one. A cache whose catalog is neither in the manifest nor on disk is debris, removed by
``journal.remove_debris`` (nothing else is). A catalog read through its cache is still checked against the
manifest's size and CRC-32 (``CatalogSums``, on another thread while the caches are decoded), so a damaged
catalog fails the open as before.
"""
from __future__ import annotations

import re
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import orjson

from dateline.store.disk.integrity import FileSum, read_verified
from dateline.store.disk.storage import atomic_write_bytes
from dateline.store.errors import StoreError
from dateline.store.index.column_cache import BadImage, NotImaged, ShardImage, decode, encode, image_of

MAGIC = b"DLCOLS\x00\n"
VERSION = 1
CACHE_FILE = re.compile(r"^(catalog-\d{5}\.g\d+)\.cols$")
_KINDS = {"a": ("i", "q"), "j": ("",), "u": ("",), "v": ("",)}


def cache_name(catalog: str) -> str:
    """The cache file of catalog file ``catalog``."""
    return catalog.removesuffix(".json") + ".cols"


def catalog_of(cache: str) -> str | None:
    """The catalog file a cache file name belongs to (None for any other name)."""
    m = CACHE_FILE.match(cache)
    return f"{m.group(1)}.json" if m else None


def cache_bytes(catalog: str, catalog_sum: FileSum, image: ShardImage) -> bytes:
    """The whole cache file of ``image``, derived from catalog ``catalog`` as it is (``catalog_sum``)."""
    blocks = encode(image)
    payload = b"".join(raw for _, _, raw in blocks)
    header = orjson.dumps({"version": VERSION, "catalog": catalog, "bytes": catalog_sum.size,
                           "crc32": catalog_sum.crc32, "payload_crc32": f"{zlib.crc32(payload):08x}",
                           "blocks": [[kind, typecode, len(raw)] for kind, typecode, raw in blocks]})
    return MAGIC + len(header).to_bytes(4, "little") + header + payload


def write_cache(catalog_path: Path, catalog_sum: FileSum, docs: list[dict], postings: dict) -> bool:
    """Write the cache of a just written (or just checked) catalog; False when its columns are not all
    packed or the write failed (the shard is then simply read from its JSON)."""
    try:
        data = cache_bytes(catalog_path.name, catalog_sum, image_of(docs, postings))
    except NotImaged:
        return False
    try:
        atomic_write_bytes(catalog_path.with_name(cache_name(catalog_path.name)), data)
    except StoreError:
        return False
    return True


def _blocks(raw: bytes, catalog: str, catalog_sum: FileSum) -> list[tuple[str, str, memoryview]]:
    if raw[:len(MAGIC)] != MAGIC or len(raw) < len(MAGIC) + 4:
        raise BadImage("not a column cache")
    start = len(MAGIC) + 4
    end = start + int.from_bytes(raw[len(MAGIC):start], "little")
    try:
        header = orjson.loads(raw[start:end])
    except orjson.JSONDecodeError as exc:
        raise BadImage("malformed header") from exc
    if (type(header) is not dict or header.get("version") != VERSION or header.get("catalog") != catalog
            or header.get("bytes") != catalog_sum.size or header.get("crc32") != catalog_sum.crc32
            or type(header.get("blocks")) is not list):
        raise BadImage("another version, or derived from another catalog")
    payload = memoryview(raw)[end:]
    if header.get("payload_crc32") != f"{zlib.crc32(payload):08x}":
        raise BadImage("damaged payload")
    out, at = [], 0
    for block in header["blocks"]:
        if (type(block) is not list or len(block) != 3 or block[0] not in _KINDS or block[1] not in _KINDS[block[0]]
                or type(block[2]) is not int or block[2] < 0):
            raise BadImage("a malformed block entry")
        out.append((block[0], block[1], payload[at:at + block[2]]))
        at += block[2]
    if at != len(payload):
        raise BadImage("blocks and payload differ in length")
    return out


def read_cache(folder: Path, catalog: str, catalog_sum: FileSum | None, n_registry: int) -> ShardImage | None:
    """The image cached for catalog ``catalog``, or None if there is none that checks out in every part."""
    if catalog_sum is None:  # a store from before checksums: its catalogs are checked row by row instead
        return None
    try:
        if (folder / catalog).stat().st_size != catalog_sum.size:
            return None  # reading the JSON says what is wrong with it
        raw = (folder / cache_name(catalog)).read_bytes()
    except OSError:
        return None
    try:
        return decode(_blocks(raw, catalog, catalog_sum), n_registry)
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, the JSON is read instead
        return None


def _check(path: Path, expected: FileSum) -> None:
    read_verified(path, expected)  # StoreCorrupt naming the file, as a JSON read would


class CatalogSums:
    """Catalogs read through their caches, each checked against its size and CRC-32 on a second thread (file
    reads and ``zlib.crc32`` let go of the GIL): ``wait`` raises the first ``StoreCorrupt``, in shard order."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="catalog-sums")
        self._pending: list[Future] = []

    def add(self, path: Path, expected: FileSum) -> None:
        self._pending.append(self._pool.submit(_check, path, expected))

    def wait(self) -> None:
        for check in self._pending:
            check.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def stale_caches(folder: Path, live: set[str]) -> list[Path]:
    """Cache files whose catalog the manifest does not name and is gone from the folder."""
    return [p for p in folder.iterdir()
            if (catalog := catalog_of(p.name)) and catalog not in live and not (folder / catalog).exists()
            and p.is_file() and not p.is_symlink()]
