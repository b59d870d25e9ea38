"""``dateline repair``: bring a damaged store back to one that checks out, keeping a copy of what it replaces.

What can be trusted is kept as it is: a file that matches its checksum, or (when the manifest itself
is lost) the newest file of each shard that reads as sound. When only the manifest is damaged, a new
one is written over the sound files. When a catalog or the registry is damaged, the machine extraction
is made again from the article texts (the metadata comes from any readable catalog that still lists the
article). Articles whose text cannot be read are dropped, and said so. Hand edits are kept as far as
they read; the file is resealed. Every file replaced or dropped is first copied into
``.repair-<time>/`` inside the store, and the switch is one manifest commit, as every other write.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import orjson

from dateline.store.guard import journal
from dateline.store.guard.journal import check_fresh
from dateline.store.index.catalog import catalog_doc, text_hash
from dateline.store.checks.check import check_store
from dateline.store.errors import NotAStore, SchemaTooNew, StoreCorrupt, StoreError
from dateline.store.index.index import MachineIndex
from dateline.store.disk.integrity import SHARD_FILE, FileSum, generation_of, parse_json, read_bytes
from dateline.store.guard.lock import WriterLock
from dateline.store.disk.manifest import (MANIFEST, RECORDS, SHARD_SIZE, Manifest, Shard, free_generation,
                                          load_manifest, new_store_id)
from dateline.store.disk.records_check import FEEDS, LOG, TABLES, check_records, sealed, unseal
from dateline.store.disk.shards import (REGISTRY_TABLE, TEXTS_TABLE, read_catalog, read_table, read_texts,
                                        write_catalog, write_table)
from dateline.store.disk.storage import atomic_write_bytes
from dateline.store.checks.verify import check_catalog, check_registry

Extract = Callable[[str, "str | None"], tuple[dict, list]]


def repair_store(folder: Path, extract: Extract, wait: float = 30.0,
                 say: Callable[[str], None] = lambda line: None) -> list[str]:
    """Repair the store at ``folder`` (under its writer lock); returns what was done, a line each."""
    folder = Path(folder).expanduser()
    lock = WriterLock(folder)
    if not lock.acquire(wait):
        raise StoreError(f"{folder}: {lock.holder()} is writing this store; try again when it is done")
    try:
        report = check_store(folder)
        if report.ok:
            return ["the store checks out; nothing to repair"]
        return _Repair(folder, extract, say).run(report.problems)
    finally:
        lock.release()


class _Repair:
    def __init__(self, folder: Path, extract: Extract, say: Callable[[str], None]):
        self.folder, self.extract, self.say = folder, extract, say
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        self.backup = folder / f".repair-{stamp}"
        self.done: list[str] = []
        self.commit: journal.Commit | None = None

    def keep_copy(self, name: str) -> None:
        src = self.folder / name
        if src.is_file() and not (self.backup / name).exists():
            self.backup.mkdir(exist_ok=True)
            shutil.copy2(src, self.backup / name)

    def run(self, problems: list[str]) -> list[str]:
        self.done += [f"found: {p.split('; it was left untouched')[0].split('; nothing was changed')[0]}"
                      for p in problems]
        old = self._old_manifest()
        registry, catalogs, texts = self._sound_files(old)
        store_id = old.store_id if old and old.store_id else new_store_id()
        gen = free_generation(self.folder, old.generation if old else 0)
        keep_machine = registry is not None and all(n in catalogs for n in texts) and not self.untrusted
        new_files: list[str] = []
        if keep_machine:
            shards = [Shard(n, t, catalogs[n][0], len(catalogs[n][1]), _sum(self.folder / t),
                            _sum(self.folder / catalogs[n][0])) for n, (t, _) in sorted(texts.items())]
            reg_name, reg_sum = registry, _sum(self.folder / registry)
            self.done.append("kept every sound shard and the registry; wrote a new manifest")
        else:
            shards, reg_name, reg_sum, new_files = self._extract_again(texts, gen)
        records = self._records(old, store_id)
        live = {MANIFEST, RECORDS, reg_name, *[n for s in shards for n in (s.texts, s.catalog)]}
        replaced = [p.name for p in self.folder.iterdir()
                    if generation_of(p.name) is not None and p.name not in live
                    and p.name not in new_files and (old is None or p.name in old.live_files())]
        for name in [MANIFEST, *replaced]:
            self.keep_copy(name)
        if self.commit is None:
            self.commit = journal.Commit(self.folder, gen, new_files, replaced)
        else:
            self.commit.extend([], replaced)
        commit = self.commit
        new = Manifest(self.folder, gen, (old.created if old else "") or _now(), shards, reg_name, reg_sum,
                       store_id, records)
        new.save()
        commit.mark_committed()
        commit.finish(new)
        if self.backup.exists():
            self.done.append(f"a copy of every file replaced is in {self.backup}")
        return self.done

    def _old_manifest(self) -> Manifest | None:
        try:
            manifest = load_manifest(self.folder, create=False)
        except SchemaTooNew:
            raise
        except NotAStore:
            if not any(SHARD_FILE.match(p.name) for p in self.folder.iterdir()):
                raise  # no store's files here either: nothing to repair
            self.done.append("dateline.json is missing or not a store's: rebuilding it from the shard files")
            return None
        except StoreCorrupt:
            self.done.append("the manifest is damaged: rebuilding it from the shard files in the folder")
            return None
        try:
            check_fresh(manifest)
        except StoreCorrupt:
            self.done.append("dateline.json is older than the store's files: rebuilding it from the newest ones")
            return None
        return manifest

    def _sound_files(self, old: Manifest | None):
        """The registry, catalogs and texts to keep: the manifest's when they check out, else the newest
        file of each kind that reads as sound."""
        folder = self.folder
        by_kind: dict[tuple[str, int], list[str]] = {}
        for p in folder.iterdir():
            if m := SHARD_FILE.match(p.name):
                by_kind.setdefault((m.group(1), int(m.group(2))), []).append(p.name)
        named = ({s.texts: s.texts_sum for s in old.shards} | {s.catalog: s.catalog_sum for s in old.shards}
                 if old else {})
        order = lambda names: sorted(names, key=lambda n: (n not in named, -(generation_of(n) or 0)))  # noqa: E731
        texts: dict[int, tuple[str, dict[str, str]]] = {}
        self.untrusted: set[int] = set()  # shards whose texts failed their checksum but still read
        for (kind, n), names in sorted(by_kind.items()):
            if kind != "texts":
                continue
            for name, check in [(name, True) for name in order(names)] + [(name, False) for name in order(names)]:
                try:
                    texts[n] = (name, read_texts(folder / name, named.get(name) if check else None))
                except StoreError:
                    continue
                if not check:
                    self.untrusted.add(n)
                    self.done.append(f"shard {n}: kept the {len(texts[n][1])} articles of {name}, which fails its "
                                     "checksum but reads: a damaged character may remain in their text")
                break
            else:
                self.done.append(f"shard {n}: no texts file reads as sound; its articles are dropped")
        registry, reg_docs = None, None
        reg_names = [p.name for p in folder.iterdir() if p.name.startswith("registry.g")
                     and generation_of(p.name) is not None]
        for name in sorted(reg_names, key=lambda n: (not old or n != old.registry, -(generation_of(n) or 0))):
            try:
                reg_docs = read_table(folder / name, REGISTRY_TABLE, old.registry_sum if old and name == old.registry
                                      else None)
                check_registry(folder / name, reg_docs)
                registry = name
                break
            except StoreError:
                continue
        catalogs: dict[int, tuple[str, list[dict]]] = {}
        self.metadata: dict[str, dict] = {}
        for (kind, n), names in sorted(by_kind.items()):
            if kind != "catalog":
                continue
            for name in order(names):
                try:  # metadata is taken even from a catalog that fails its checksum: it is all there is
                    for d in read_catalog(folder / name)[0]:
                        self.metadata.setdefault(d["id"], d)
                    docs, postings = read_catalog(folder / name, named.get(name))
                except StoreError:
                    continue
                if n in catalogs or n not in texts or sorted(d["id"] for d in docs) != sorted(texts[n][1]):
                    continue
                try:
                    if reg_docs is None:
                        raise StoreCorrupt("no registry")
                    check_catalog(folder / name, docs, postings, len(reg_docs))
                    catalogs[n] = (name, docs)
                except StoreError:
                    continue
        return registry, catalogs, {n: (name, bodies) for n, (name, bodies) in texts.items()}

    def _extract_again(self, texts, gen: int):
        """New catalogs and registry made from the texts that read as sound."""
        self.done.append("the machine extraction could not be trusted: made it again from the article texts")
        folder, fresh = self.folder, MachineIndex()
        shards, seen = [], set()
        articles = [(aid, body) for n, (_, bodies) in sorted(texts.items()) for aid, body in bodies.items()]
        n_shards = -(-len({aid for aid, _ in articles}) // SHARD_SIZE)
        new_files = [name for n in range(n_shards) for name in (f"texts-{n:05d}.g{gen}.json",
                                                                 f"catalog-{n:05d}.g{gen}.json")]
        new_files.append(f"registry.g{gen}.json")
        self.commit = journal.Commit(folder, gen, new_files, [])
        lost_meta = 0
        docs, bodies = [], []
        for aid, body in articles:
            if aid in seen:
                continue
            seen.add(aid)
            meta = {k: v for k, v in self.metadata.get(aid, {}).items() if k not in ("e", "c", "m", "v", "f")}
            published = str(meta.get("published") or "0000")
            if meta and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2}([T ][\d:.+Z-]*)?)?)?", published):
                meta["published"] = None  # damaged beyond reading: undated is honest
            if not meta:
                lost_meta += 1
                meta = {"id": aid, "title": body.strip().split("\n", 1)[0][:120], "url": None, "source": None,
                        "published": None, "ingested_at": _now(), "origin": "repair", "length": len(body),
                        "hash": text_hash(body)}
            extraction, sentences = self.extract(body, meta.get("published"))
            docs.append(catalog_doc(meta, body, extraction, sentences, fresh))
            bodies.append({"id": aid, "body": body})
        for k in range(0, len(docs), SHARD_SIZE):
            n = k // SHARD_SIZE
            tname, cname = f"texts-{n:05d}.g{gen}.json", f"catalog-{n:05d}.g{gen}.json"
            tsum = write_table(folder / tname, TEXTS_TABLE, bodies[k:k + SHARD_SIZE])
            csum = write_catalog(folder / cname, docs[k:k + SHARD_SIZE])
            shards.append(Shard(n, tname, cname, len(docs[k:k + SHARD_SIZE]), tsum, csum))
        reg_name = f"registry.g{gen}.json"
        reg_sum = write_table(folder / reg_name, REGISTRY_TABLE, [e.as_doc() for e in fresh.registry])
        self.done.append(f"{len(docs)} articles kept" + (f"; {lost_meta} of them lost their title and date "
                                                          "(no readable catalog listed them)" if lost_meta else ""))
        return shards, reg_name, reg_sum, new_files

    def _records(self, old: Manifest | None, store_id: str) -> bool:
        """Keep what reads of the hand edits, resealed; True when there is a records file after."""
        path = self.folder / RECORDS
        if not path.exists():
            if old is None:
                self.done.append("no records.json found: no hand edits to keep")
            elif old.records:
                self.done.append("records.json is missing: the hand edits it held could not be kept")
            return False
        try:
            tables = unseal(path, parse_json(path, read_bytes(path)), old.store_id if old else "")
            check_records(path, tables)
            if old is not None:
                return True
        except StoreError as exc:
            self.done.append(f"records.json: {str(exc).split(': ', 1)[-1].split(';')[0]}: keeping what reads of it")
            tables = _salvage(path)
        self.keep_copy(RECORDS)
        atomic_write_bytes(path, sealed(tables, store_id))
        self.done.append(f"records.json: kept {sum(len(tables.get(t, {})) for t in TABLES)} hand edits and "
                         f"{len(tables.get(LOG, {}))} log entries, resealed")
        return True


def _salvage(path: Path) -> dict:
    """The overlay documents and log entries of a damaged records file that still have their shape."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict] = {}
    for table in TABLES:
        docs: dict = data[table] if isinstance(data.get(table), dict) else {}
        keep = {}
        for doc in docs.values():
            if isinstance(doc, dict) and isinstance(doc.get("k"), str) and isinstance(doc.get("v"), dict):
                keep[doc["k"]] = doc
        out[table] = {str(i): d for i, d in enumerate(keep.values(), 1)}
    out[FEEDS] = _salvage_feeds(path, data.get(FEEDS))
    log: dict = data[LOG] if isinstance(data.get(LOG), dict) else {}
    entries: dict[str, dict] = {}
    n = 0
    for entry in sorted((e for e in log.values() if isinstance(e, dict) and type(e.get("seq")) is int),
                        key=lambda e: e["seq"]):
        trial = {**out, LOG: {**entries, str(n + 1): entry}}
        try:
            check_records(path, trial)
        except StoreError:
            continue
        n += 1
        entries[str(n)] = entry
    out[LOG] = entries
    return out


def _salvage_feeds(path: Path, docs: object) -> dict:
    """The followed feeds of a damaged records file that still have their shape (first of a name wins)."""
    kept: dict[str, dict] = {}
    for doc in docs.values() if isinstance(docs, dict) else ():
        trial = {**kept, str(len(kept) + 1): doc}
        try:
            check_records(path, {FEEDS: trial})
        except StoreError:
            continue
        kept = trial
    return kept


def _sum(path: Path) -> FileSum:
    return FileSum.of(read_bytes(path))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
