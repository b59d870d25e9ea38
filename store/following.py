"""Following a store that other processes write: what changed on disk since this ``Store`` read it.

Writers take turns committing (``lock.py``), so between two of our own writes — or while the app only
reads — others may have added articles, re-extracted, or saved edits. ``refresh`` notices it from the
manifest's and ``records.json``'s file stamps (one ``stat`` each, cheap enough to run every second) and
reads only what is new: the catalogs of new or grown shards, the registry's new entities, the edits.
A re-extraction elsewhere (a new registry) is read again whole.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from dateline.store.disk.column_cache import read_cache
from dateline.store.disk.integrity import read_verified
from dateline.store.guard.journal import check_fresh
from dateline.store.index.column_cache import add_image
from dateline.store.disk.manifest import MANIFEST, RECORDS, Manifest, load_manifest
from dateline.store.guard.readers import reading
from dateline.store.index.postings import shard_postings
from dateline.store.disk.shards import REGISTRY_TABLE, read_catalog, read_table
from dateline.store.checks.verify import check_counts, check_registry

if TYPE_CHECKING:
    from dateline.store.state import StoreState


@dataclass(frozen=True)
class Refreshed:
    """What ``refresh`` found: articles added, edits saved by others, or a whole new reading."""

    new_articles: int = 0
    new_edits: int = 0
    reread: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.new_articles or self.new_edits or self.reread)

    def plus(self, other: Refreshed) -> Refreshed:
        return Refreshed(self.new_articles + other.new_articles, self.new_edits + other.new_edits,
                         self.reread or other.reread)


def stamp(path: Path) -> tuple | None:
    """What tells that a file was replaced: its inode, size and change time (None when absent)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def stamps(folder: Path) -> tuple:
    return stamp(folder / MANIFEST), stamp(folder / RECORDS)


def refresh(store: StoreState) -> Refreshed:
    """Bring ``store`` (an open store's state, its write guard held) up to what is committed on disk."""
    if stamps(store.path) == store.stamps:
        return Refreshed()
    with reading(store.path):  # no writer removes a file while we read what it named
        return _refresh(store)


def _refresh(store: StoreState) -> Refreshed:
    folder = store.path
    now = stamps(folder)
    new_articles = 0
    if now[0] != store.stamps[0]:
        manifest = load_manifest(folder, create=False)
        check_fresh(manifest)
        if manifest.generation != store.manifest.generation:
            grown = _grow(store, manifest)
            if grown is None:
                before = len(store.machine.order)
                store.manifest = manifest
                store.load()
                store.stamps = now
                return Refreshed(len(store.machine.order) - before, 0, True)
            new_articles = grown
        store.manifest = manifest
    edits = 0
    if now[1] != store.stamps[1] or new_articles:
        before = len(store.records.log)
        store.reopen_records()
        edits = max(0, len(store.records.log) - before)
        store.rebuild_view()
    store.stamps = now
    return Refreshed(new_articles, edits, False)


def _grow(store: StoreState, manifest: Manifest) -> int | None:
    """Index what ``manifest`` adds to ``store``'s: new shards, and new articles of its grown last shard.
    None when it is not a growth (a re-extraction, a repair): the caller reads the store again."""
    old = {s.n: s for s in store.manifest.shards}
    new_ns = {s.n for s in manifest.shards}
    changed = [s for s in manifest.shards if old.get(s.n) != s]
    if not manifest.registry or any(n not in new_ns for n in old):
        return None
    if any(s.n in old and (old[s.n].catalog == s.catalog or s.count < old[s.n].count) for s in changed):
        return None
    machine, folder = store.machine, store.path
    registry = read_table(folder / manifest.registry, REGISTRY_TABLE, manifest.registry_sum)
    check_registry(folder / manifest.registry, registry)
    known = machine.registry
    if len(registry) < len(known) or any(doc["id"] != ent.id for doc, ent in zip(registry, known)):
        return None  # not an extension of ours: a re-extraction
    held: dict[str, list[str]] = {old[s.n].texts: [] for s in changed if s.n in old}
    if held:
        for aid in machine.order:
            if (texts := machine.texts_file[aid]) in held:
                held[texts].append(aid)
    loaded: list[tuple] = []
    for s in changed:
        image = None if s.n in old else read_cache(folder, s.catalog, s.catalog_sum, len(registry))
        if image is not None and s.catalog_sum is not None:  # a new shard with its column cache
            read_verified(folder / s.catalog, s.catalog_sum)  # the catalog is checked all the same
            check_counts(manifest.evolve(shards=[s]), {s.texts: image.ids})
            loaded.append((s, None, image, 0))
            continue
        if s.n not in old:
            store.json_read.add(s.catalog)
        docs, postings = read_catalog(folder / s.catalog, s.catalog_sum)
        ids = [d["id"] for d in docs]
        check_counts(manifest.evolve(shards=[s]), {s.texts: ids})
        kept = held.get(old[s.n].texts, []) if s.n in old else []
        if ids[:len(kept)] != kept:
            return None
        loaded.append((s, docs, postings, len(kept)))
    machine.update_registry(registry)
    added = 0
    for s, docs, postings, n_kept in loaded:
        if docs is None:
            add_image(machine, postings, s.texts)
            added += len(postings.ids)
            continue
        machine.retarget(docs[:n_kept], s.texts)
        new = docs[n_kept:]
        machine.add_shard(new, shard_postings(new) if n_kept else postings, s.texts)
        added += len(new)
    store.texts.sums = {s.texts: s.texts_sum for s in manifest.shards}
    return added
