"""The store folder's manifest: what the store is, its schema, and which shard files are live.

``dateline.json`` is the commit point of every ingest or re-extraction. Shard files are never
overwritten: a commit writes new files under a new generation number, then atomically replaces the
manifest to point at them. A crash before the replace leaves the old manifest and the old files
(the new ones are removed by the next writer, as the pending-writes journal names them: ``journal.py``);
a crash after leaves the new state.

Since schema 2 the manifest also records every shard and registry file's size and checksum, the
store's id (which ``records.json`` repeats) and whether hand edits were ever saved, so that any
damaged, missing, swapped or foreign file is found before the store is read or written. A manifest
that fails any check is never written, and nothing is removed on its word.
"""
from __future__ import annotations

import datetime as dt
import uuid
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson

from dateline.store.errors import NotAStore, SchemaTooNew, StoreCorrupt, StoreWriteFailed
from dateline.store.disk.integrity import (JOURNAL_FILE, REGISTRY_FILE, SHARD_FILE, FileSum, generation_of, parse_json,
                                           read_bytes)
from dateline.store.disk.storage import atomic_write_bytes

MANIFEST = "dateline.json"
RECORDS = "records.json"
FORMAT = "dateline-store"
SCHEMA = 2
SHARD_SIZE = 1000


@dataclass(frozen=True)
class Shard:
    """One slice of the articles: bodies in ``texts``, metadata + machine extraction in ``catalog``."""

    n: int
    texts: str
    catalog: str
    count: int
    texts_sum: FileSum | None = None  # None only in stores written before schema 2
    catalog_sum: FileSum | None = None

    def as_json(self) -> dict:
        out = {"n": self.n, "texts": self.texts, "catalog": self.catalog, "count": self.count}
        if self.texts_sum and self.catalog_sum:
            out.update(texts_sum=self.texts_sum.as_json(), catalog_sum=self.catalog_sum.as_json())
        return out


@dataclass
class Manifest:
    folder: Path
    generation: int = 0
    created: str = ""
    shards: list[Shard] = field(default_factory=list)
    registry: str | None = None  # the machine entity registry file
    registry_sum: FileSum | None = None
    store_id: str = ""
    records: bool = False  # hand edits were saved at least once: records.json must be there
    schema: int = SCHEMA

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST

    def live_files(self) -> set[str]:
        names = {MANIFEST, RECORDS, *([self.registry] if self.registry else [])}
        for s in self.shards:
            names.update((s.texts, s.catalog))
        return names

    def shard_names(self, n: int, generation: int) -> tuple[str, str]:
        return f"texts-{n:05d}.g{generation}.json", f"catalog-{n:05d}.g{generation}.json"

    def registry_name(self, generation: int) -> str:
        return f"registry.g{generation}.json"

    def next_generation(self) -> int:
        return free_generation(self.folder, self.generation)

    def evolve(self, **changes) -> Manifest:
        return replace(self, **changes)

    def save(self, exclusive: bool = False) -> bool:
        """Write the manifest atomically; ``exclusive``: only if there is none yet (False if there was)."""
        data = {"format": FORMAT, "schema": SCHEMA, "store_id": self.store_id, "created": self.created,
                "generation": self.generation, "registry": self.registry,
                "registry_sum": self.registry_sum.as_json() if self.registry_sum else None,
                "records": self.records, "shards": [s.as_json() for s in self.shards]}
        data["check"] = _self_check(data)
        if not atomic_write_bytes(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2), exclusive=exclusive):
            return False
        self.schema = SCHEMA
        return True


def free_generation(folder: Path, at_least: int) -> int:
    """A generation above ``at_least`` that no file or journal in the folder uses yet, so a commit never
    replaces a file it did not write (take it under the store lock, and journal it at once)."""
    used = [g for p in folder.iterdir()
            if (g := generation_of(p.name)) is not None or (g := _journal_gen(p.name)) is not None]
    return max([at_least, *used]) + 1


def _journal_gen(name: str) -> int | None:
    m = JOURNAL_FILE.match(name)
    return int(m.group(1)) if m else None


def _self_check(data: dict) -> str:
    """The manifest's CRC-32 over every other field, so a hand-edited or bit-flipped manifest is found."""
    fields = orjson.dumps({k: v for k, v in data.items() if k != "check"}, option=orjson.OPT_SORT_KEYS)
    return f"{zlib.crc32(fields):08x}"


def _checked(data: dict) -> str | None:
    try:
        return _self_check(data)
    except (TypeError, orjson.JSONEncodeError):
        return None


def _sealed_records(path: Path) -> bool:
    """Whether records.json carries the integrity block that only schema-2 Dateline writes."""
    try:
        with open(path, "rb") as fh:
            return b'"_integrity"' in fh.read(64)
    except OSError:
        return False


def new_store_id() -> str:
    return uuid.uuid4().hex


def load_manifest(folder: Path, create: bool) -> Manifest:
    """Read (or, for a new or empty folder, create) the manifest; refuse anything that is not a store,
    and any manifest that does not check out (``StoreCorrupt``, naming the file and why)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotAStore(f"{folder}: is a file, not a Dateline store folder")
    path = folder / MANIFEST
    if not path.exists() and not path.is_symlink():
        visible = [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []
        if visible:
            raise NotAStore(f"{folder}: is not a Dateline store (no {MANIFEST}, and the folder is not empty)")
        if not create:
            raise NotAStore(f"{folder}: no Dateline store here yet")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreWriteFailed(f"{folder}: cannot create the store folder ({exc.strerror or exc})") from exc
        m = Manifest(folder, created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                     store_id=new_store_id())
        if not m.save(exclusive=True):  # another process created it a moment ago: that one is the store
            return load_manifest(folder, create=False)
        return m
    data = parse_json(path, read_bytes(path))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAStore(f"{path}: is not a Dateline store manifest; it was left untouched")
    return parse_manifest(folder, data)


def parse_manifest(folder: Path, data: dict) -> Manifest:
    """A ``Manifest`` from its JSON, every field checked."""
    path = folder / MANIFEST

    def bad(why: str) -> StoreCorrupt:
        return StoreCorrupt(f"{path}: {why}; it was left untouched")

    schema = data.get("schema")
    if type(schema) is not int:
        raise bad("has no schema version")
    if schema <= SCHEMA and "check" in data and data.get("check") != _checked(data):
        raise bad("does not match its checksum (damaged or edited since it was written); "
                  "`dateline repair` rebuilds it from the shard files")
    if schema < SCHEMA and (folder / RECORDS).is_file() and _sealed_records(folder / RECORDS):
        raise bad(f"says schema {schema}, but the store was written with checksums (its records.json is sealed): "
                  "a manifest from an older copy, or edited; `dateline repair` rebuilds it from the shard files")
    if schema > SCHEMA:
        raise SchemaTooNew(f"{path}: was written by a newer Dateline (schema {schema}; this version reads "
                           f"up to {SCHEMA}); upgrade Dateline to open it")
    if schema < 1:
        raise bad(f"has an unknown schema version ({schema})")
    if schema >= 2 and data.get("check") != _checked(data):
        raise bad("does not match its checksum (damaged or edited since it was written); "
                  "`dateline repair` rebuilds it from the shard files")
    generation = data.get("generation", 0)
    if type(generation) is not int or generation < 0:
        raise bad(f"has a malformed generation ({generation!r})")
    created = data.get("created", "")
    if not isinstance(created, str):
        raise bad("has a malformed creation date")
    sums = schema >= 2

    def file_name(value: object, pattern, what: str) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            raise bad(f"names a {what} file that is not one of this store's ({value!r})")
        if (generation_of(value) or 0) > generation:
            raise bad(f"names {value}, from a generation newer than its own ({generation})")
        return value

    def file_sum(value: object, name: str) -> FileSum | None:
        return FileSum.from_json(value, f"{path} ({name})") if sums else None

    registry = data.get("registry")
    registry_sum = None
    if registry is not None:
        registry = file_name(registry, REGISTRY_FILE, "registry")
        registry_sum = file_sum(data.get("registry_sum"), registry)
    raw_shards = data.get("shards", [])
    if not isinstance(raw_shards, list):
        raise bad("has a malformed shard list")
    shards: list[Shard] = []
    seen: set[str] = set()
    for s in raw_shards:
        if not isinstance(s, dict):
            raise bad("has a malformed shard entry")
        n, count = s.get("n"), s.get("count")
        if type(n) is not int or n < 0 or (shards and n <= shards[-1].n):
            raise bad(f"lists shard {n!r} twice or out of order")
        if type(count) is not int or not 0 < count <= SHARD_SIZE:
            raise bad(f"gives shard {n} a malformed article count ({count!r})")
        texts = file_name(s.get("texts"), SHARD_FILE, "texts")
        catalog = file_name(s.get("catalog"), SHARD_FILE, "catalog")
        for name, kind in ((texts, "texts"), (catalog, "catalog")):
            m = SHARD_FILE.match(name)
            if m is None or m.group(1) != kind or int(m.group(2)) != n:
                raise bad(f"gives shard {n} the file {name}")
            if name in seen:
                raise bad(f"lists {name} twice")
            seen.add(name)
        shards.append(Shard(n, texts, catalog, count, file_sum(s.get("texts_sum"), texts),
                            file_sum(s.get("catalog_sum"), catalog)))
    store_id = data.get("store_id", "") if sums else ""
    records = data.get("records", False) if sums else False
    if sums and (not isinstance(store_id, str) or not store_id or type(records) is not bool):
        raise bad("has a malformed store id or records flag")
    return Manifest(folder, generation, created, shards, registry, registry_sum, store_id, records, schema)
