"""The store folder's manifest: what the store is, its schema, and which shard files are live.

``dateline.json`` is the commit point of every ingest or re-extraction. Shard files are never
overwritten: a commit writes new files under a new generation number, then atomically replaces the
manifest to point at them. A crash before the replace leaves the old manifest and the old files
(the new ones are orphans, deleted at the next open); a crash after leaves the new state.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import orjson

from .errors import NotAStore, SchemaTooNew, StoreCorrupt
from .storage import TMP_MARK, atomic_write_bytes, read_json_file

MANIFEST = "dateline.json"
RECORDS = "records.json"
FORMAT = "dateline-store"
SCHEMA = 1
SHARD_SIZE = 1000

# schema version -> function upgrading a manifest dict (and the files it names) to the next version
MIGRATIONS: dict[int, Callable[[Path, dict], dict]] = {}


@dataclass
class Shard:
    """One slice of the articles: bodies in ``texts``, metadata + machine extraction in ``catalog``."""

    n: int
    texts: str
    catalog: str
    count: int

    def as_json(self) -> dict:
        return {"n": self.n, "texts": self.texts, "catalog": self.catalog, "count": self.count}


@dataclass
class Manifest:
    folder: Path
    generation: int = 0
    created: str = ""
    shards: list[Shard] = field(default_factory=list)
    registry: str | None = None  # the machine entity registry file

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

    def save(self) -> None:
        data = {"format": FORMAT, "schema": SCHEMA, "created": self.created, "generation": self.generation,
                "registry": self.registry, "shards": [s.as_json() for s in self.shards]}
        atomic_write_bytes(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2))


def load_manifest(folder: Path, create: bool) -> Manifest:
    """Read (or, for a new or empty folder, create) the manifest; refuse anything that is not a store."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotAStore(f"{folder}: is a file, not a Dateline store folder")
    path = folder / MANIFEST
    if not path.exists():
        visible = [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []
        if visible:
            raise NotAStore(f"{folder}: is not a Dateline store (no {MANIFEST}, and the folder is not empty)")
        if not create:
            raise NotAStore(f"{folder}: no Dateline store here yet")
        folder.mkdir(parents=True, exist_ok=True)
        m = Manifest(folder, created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        m.save()
        return m
    data = read_json_file(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAStore(f"{path}: is not a Dateline store manifest; it was left untouched")
    schema = data.get("schema")
    if not isinstance(schema, int):
        raise StoreCorrupt(f"{path}: has no schema version; it was left untouched")
    if schema > SCHEMA:
        raise SchemaTooNew(f"{path}: was written by a newer Dateline (schema {schema}; this version reads "
                           f"up to {SCHEMA}); upgrade Dateline to open it")
    while schema < SCHEMA:
        data = MIGRATIONS[schema](folder, data)
        schema = data["schema"]
    try:
        shards = [Shard(int(s["n"]), str(s["texts"]), str(s["catalog"]), int(s["count"]))
                  for s in data.get("shards", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreCorrupt(f"{path}: shard list is malformed ({exc}); it was left untouched") from exc
    return Manifest(folder, int(data.get("generation", 0)), str(data.get("created", "")), shards,
                    data.get("registry"))


def remove_orphans(manifest: Manifest) -> list[str]:
    """Delete temp files and shard files the manifest does not name (left by a killed writer)."""
    live = manifest.live_files()
    removed = []
    for p in manifest.folder.iterdir():
        orphan = TMP_MARK in p.name or (
            p.suffix == ".json" and p.name.startswith(("texts-", "catalog-", "registry.")) and p.name not in live)
        if orphan and p.is_file():
            try:
                p.unlink()
                removed.append(p.name)
            except OSError:
                pass
    return removed
