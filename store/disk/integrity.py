"""What a store file must be: its name, its size and checksum, read back exactly as it was written.

The manifest records each shard and registry file's size and CRC-32 when it is written; every later
read checks them before parsing, so a truncated, zeroed or bit-flipped file is named as damaged
instead of being read (or copied into a new shard) as if it were sound. Names are checked too: only
files whose names this store gives are ever read, written or removed by it.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import orjson

from dateline.store.errors import StoreCorrupt

SHARD_FILE = re.compile(r"^(texts|catalog)-(\d{5})\.g(\d+)\.json$")
REGISTRY_FILE = re.compile(r"^registry\.g(\d+)\.json$")
JOURNAL_FILE = re.compile(r"^\.pending-g(\d+)\.json$")  # a commit in progress (journal.py)
REPAIR_HINT = "run `dateline check` for details and `dateline repair` to fix it"


@dataclass(frozen=True)
class FileSum:
    """A file's size in bytes and its CRC-32 (as eight hex digits)."""

    size: int
    crc32: str

    @classmethod
    def of(cls, data: bytes) -> FileSum:
        return cls(len(data), f"{zlib.crc32(data):08x}")

    def as_json(self) -> dict:
        return {"bytes": self.size, "crc32": self.crc32}

    @classmethod
    def from_json(cls, value: object, where: str) -> FileSum:
        if (not isinstance(value, dict) or type(value.get("bytes")) is not int or value["bytes"] < 0
                or not isinstance(value.get("crc32"), str) or not re.fullmatch(r"[0-9a-f]{8}", value["crc32"])):
            raise StoreCorrupt(f"{where}: has a malformed checksum entry; it was left untouched")
        return cls(value["bytes"], value["crc32"])


def generation_of(name: str) -> int | None:
    """The generation number in a shard or registry file name (None for any other name)."""
    m = SHARD_FILE.match(name) or REGISTRY_FILE.match(name)
    return int(m.group(m.lastindex or 0)) if m else None


def read_bytes(path: Path) -> bytes:
    """A store file's bytes, or a ``StoreCorrupt`` naming it when it is missing or unreadable."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise StoreCorrupt(f"{path}: is missing (the manifest names it); {REPAIR_HINT}") from exc
    except OSError as exc:
        raise StoreCorrupt(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def read_verified(path: Path, expected: FileSum | None) -> bytes:
    """The file's bytes, checked against the size and checksum the manifest recorded for it."""
    data = read_bytes(path)
    if expected is not None:
        got = FileSum.of(data)
        if got.size != expected.size:
            raise StoreCorrupt(f"{path}: is {got.size:,} bytes, but {expected.size:,} were written (truncated or "
                               f"changed); it was left untouched; {REPAIR_HINT}")
        if got.crc32 != expected.crc32:
            raise StoreCorrupt(f"{path}: does not match its checksum (damaged or edited since it was written); "
                               f"it was left untouched; {REPAIR_HINT}")
    return data


def parse_json(path: Path, data: bytes) -> object:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StoreCorrupt(f"{path}: is corrupt (not valid JSON: {exc}); it was left untouched") from exc
