"""Checks a store's files against its manifest, and brings stores from before schema 2 up to it.

``Store.open`` reads the manifest, the registry, every catalog and ``records.json`` through checked
readers; ``verify_texts`` adds the article bodies (the command line checks them at open, the app in its
loading worker). ``upgrade`` gives an older store the checksums it lacks, once, under the writer lock,
and only after every file was read and found in shape.
"""
from __future__ import annotations

from pathlib import Path

from dateline.store.errors import StoreCorrupt
from dateline.store.disk.integrity import FileSum, read_bytes
from dateline.store.disk.manifest import RECORDS, SCHEMA, Manifest, new_store_id
from dateline.store.disk.records_check import sealed, unseal
from dateline.store.disk.shards import read_texts
from dateline.store.disk.storage import atomic_write_bytes
from dateline.store.disk.integrity import parse_json



def _context_ok(context) -> bool:
    """An event row's context dates: [text, value, precision, role] lists of strings."""
    return isinstance(context, list) and all(
        isinstance(c, list) and len(c) == 4 and all(isinstance(x, str) or x is None for x in c) for c in context)

def verify_texts(manifest: Manifest, catalog_ids: dict[str, list[str]]) -> None:
    """Every texts shard matches its checksum and holds exactly the articles its catalog lists."""
    for shard in manifest.shards:
        path = manifest.folder / shard.texts
        bodies = read_texts(path, shard.texts_sum)
        if sorted(bodies) != sorted(catalog_ids.get(shard.texts, ())):
            raise StoreCorrupt(f"{path}: does not hold the articles its catalog lists; it was left untouched; "
                               "run `dateline check` for details and `dateline repair` to fix it")


def check_counts(manifest: Manifest, catalog_ids: dict[str, list[str]]) -> None:
    """Each catalog holds as many articles as the manifest says, and no article is in two shards."""
    seen: set[str] = set()
    for shard in manifest.shards:
        ids = catalog_ids.get(shard.texts, [])
        if len(ids) != shard.count:
            raise StoreCorrupt(f"{manifest.folder / shard.catalog}: holds {len(ids)} articles, but the manifest "
                               f"says {shard.count}; it was left untouched")
        dup = seen.intersection(ids)
        if dup or len(set(ids)) != len(ids):
            raise StoreCorrupt(f"{manifest.folder / shard.catalog}: holds article "
                               f"{next(iter(dup or ids))} twice; it was left untouched")
        seen.update(ids)


def upgrade(manifest: Manifest) -> Manifest:
    """A schema-1 store gets its checksums and id: records.json first, then the manifest (the commit)."""
    if manifest.schema >= SCHEMA:
        return manifest
    folder = manifest.folder
    store_id = new_store_id()
    records = folder / RECORDS
    has_records = records.exists()
    if has_records:
        tables = unseal(records, parse_json(records, read_bytes(records)), "")
        atomic_write_bytes(records, sealed(tables, store_id))
    shards = [s.__class__(s.n, s.texts, s.catalog, s.count, _sum(folder / s.texts), _sum(folder / s.catalog))
              for s in manifest.shards]
    new = manifest.evolve(shards=shards, store_id=store_id, records=has_records,
                          registry_sum=_sum(folder / manifest.registry) if manifest.registry else None)
    new.save()
    return new


def _sum(path: Path) -> FileSum:
    return FileSum.of(read_bytes(path))


def check_registry(path: Path, docs: list[dict]) -> None:
    """Every registry entry has the fields an entity needs, and no id is there twice."""
    seen: set[str] = set()
    for d in docs:
        ok = (isinstance(d.get("id"), str) and isinstance(d.get("name"), str) and isinstance(d.get("type"), str)
              and all(isinstance(d.get(k, []), list) and all(isinstance(x, str) for x in d.get(k, []))
                      for k in ("forms", "roles"))
              and (d.get("ticker") is None or isinstance(d["ticker"], str)))
        if not ok:
            raise StoreCorrupt(f"{path}: has an entity without a well-formed id, name, type or forms; "
                               "it was left untouched")
        if d["id"] in seen:
            raise StoreCorrupt(f"{path}: lists entity {d['id']} twice; it was left untouched")
        seen.add(d["id"])


def check_catalog(path: Path, docs: list[dict], postings: dict, n_registry: int) -> None:
    """Every catalog row refers to entities that exist and has the shape ``catalog.py`` writes, and the
    stored postings are the ones its rows give (the deep check: ``dateline check`` and older stores)."""
    from dateline.store.index.index import M_WIDTH
    from dateline.store.index.packed import unpack_ints
    from dateline.store.index.postings import shard_postings

    def bad(aid: object, why: str) -> StoreCorrupt:
        return StoreCorrupt(f"{path}: article {aid}: {why}; it was left untouched")

    def ints(value: object, low: int, high: int) -> bool:
        return isinstance(value, list) and all(type(x) is int and low <= x < high for x in value)

    for d in docs:
        aid = d.get("id")
        if not isinstance(d.get("hash"), str) or not ints(d.get("e"), 0, n_registry):
            raise bad(aid, "names entities the registry does not have")
        n_local = len(d["e"])
        if not ints(d.get("c"), 0, 1 << 31) or len(d["c"]) != n_local:
            raise bad(aid, "has malformed mention counts")
        try:
            m = unpack_ints(d.get("m"))  # type: ignore[arg-type]  # anything else raises, caught below
        except (ValueError, TypeError) as exc:
            raise bad(aid, "has malformed mention rows") from exc
        if len(m) % M_WIDTH or any(not 0 <= m[k] < n_local for k in range(0, len(m), M_WIDTH)):
            raise bad(aid, "has malformed mention rows")
        for row in d["v"] if isinstance(d.get("v"), list) else [None]:
            if not (isinstance(row, list) and len(row) in (9, 10) and ints(row[5], 0, n_local)
                    and type(row[6]) is int and -1 <= row[6] < n_local
                    and (len(row) == 9 or _context_ok(row[9]))):  # 9: a row from before context dates
                raise bad(aid, "has malformed event rows")
        for row in d["f"] if isinstance(d.get("f"), list) else [None]:
            if not (isinstance(row, list) and len(row) in (12, 13) and ints(row[9], 0, n_local)
                    and (len(row) == 12 or row[12] in ("stated", "reported"))):  # 12: before period kinds
                raise bad(aid, "has malformed figure rows")
    if postings != shard_postings(docs):
        raise StoreCorrupt(f"{path}: its postings do not match its rows; it was left untouched")
