"""``StoreState``: what an open store holds in memory, shared by its reads and its writers.

The committed manifest, the machine index read from its shard catalogs, the hand records and the view
that lays one over the other, the article bodies' cache, and whether this process may write. The façade
(``store.py``) owns one; ``Queries``, ``ArticleWriter``, ``Editor`` and ``FeedBook`` each get it, and
``following.refresh`` brings it up to what other processes committed.
"""
from __future__ import annotations

from pathlib import Path

from dateline.store.disk import column_cache
from dateline.store.disk.bulk import bulk_load
from dateline.store.errors import ReadOnlyStore, StoreCorrupt
from dateline.store.following import stamps
from dateline.store.index.column_cache import add_image
from dateline.store.index.index import MachineIndex
from dateline.store.guard.journal import check_fresh, remove_debris
from dateline.store.disk.manifest import RECORDS, Manifest, load_manifest
from dateline.store.guard.readers import reading
from dateline.store.disk.records import Records
from dateline.store.disk.shards import REGISTRY_TABLE, TextCache, read_catalog, read_table
from dateline.store.checks.verify import check_catalog, check_counts, check_registry, verify_texts
from dateline.store.view.view import View


class StoreState:
    """The in-memory state of one open store folder (see the module docstring)."""

    records: Records
    machine: MachineIndex
    view: View
    texts: TextCache
    stamps: tuple

    def __init__(self, folder: Path, manifest: Manifest, readonly_reason: str | None = None):
        self.path = folder
        self.manifest = manifest
        self.readonly_reason = readonly_reason
        self.readonly = readonly_reason is not None
        self.verified = False  # every texts file checked (``verify_texts``): only then is anything removed
        self.json_read: set[str] = set()  # catalogs read from JSON (no sound column cache): a writer caches them
        self.load()

    def load(self) -> None:
        """Read everything the manifest names (each file checked against it) and build the view."""
        with reading(self.path):  # no writer removes a file while we read the manifest's files
            self._read_files()
        self.texts = TextCache(self.path, {s.texts: s.texts_sum for s in self.manifest.shards})
        self.rebuild_view()

    def reload(self) -> None:
        """Read the store again from disk, whole."""
        self.manifest = load_manifest(self.path, create=False)
        self.records.close()
        self.load()

    def _read_files(self) -> None:
        m = self.manifest
        check_fresh(m)
        self.stamps = stamps(self.path)  # taken first: a commit during the read is seen by the next refresh
        self.records = Records(self.path / RECORDS, readonly=self.readonly, store_id=m.store_id, required=m.records)
        catalog_ids: dict[str, list[str]] = {}
        self.json_read = set()
        sums = column_cache.CatalogSums()
        with bulk_load():
            registry = read_table(self.path / m.registry, REGISTRY_TABLE, m.registry_sum) if m.registry else []
            check_registry(self.path / str(m.registry), registry)
            self.machine = MachineIndex(registry)
            try:
                self._read_catalogs(registry, catalog_ids, sums)
                sums.wait()  # a catalog read through its cache is checked all the same
            finally:
                sums.close()
        check_counts(m, catalog_ids)

    def _read_catalogs(self, registry: list[dict], catalog_ids: dict[str, list[str]],
                       sums: column_cache.CatalogSums) -> None:
        for shard in self.manifest.shards:
            image = column_cache.read_cache(self.path, shard.catalog, shard.catalog_sum, len(registry))
            if image is not None and shard.catalog_sum is not None:
                sums.add(self.path / shard.catalog, shard.catalog_sum)
                catalog_ids[shard.texts] = image.ids
                add_image(self.machine, image, shard.texts)
                continue
            self.json_read.add(shard.catalog)
            docs, postings = read_catalog(self.path / shard.catalog, shard.catalog_sum)
            if shard.catalog_sum is None:  # a store from before checksums: check its rows one by one
                check_catalog(self.path / shard.catalog, docs, postings, len(registry))
            catalog_ids[shard.texts] = [d["id"] for d in docs]
            self.machine.add_shard(docs, postings, shard.texts)

    def tidy_files(self) -> None:
        """Under the store lock, on a store that checked out: remove dead writers' debris (stale column
        caches too), then write the column caches of the catalogs that were read from JSON."""
        if self.readonly or not self.verified:
            return
        remove_debris(self.manifest)
        for shard in self.manifest.shards:
            if shard.catalog in self.json_read and shard.catalog_sum is not None:
                path = self.path / shard.catalog
                try:
                    column_cache.write_cache(path, shard.catalog_sum, *read_catalog(path, shard.catalog_sum))
                except StoreCorrupt:  # damaged since it was read: the next open says so
                    continue
        self.json_read.clear()  # tried once: a shard that cannot be cached is not read again for it

    def rebuild_view(self) -> None:
        """A fresh view over the current machine index and records (after a re-extraction or a reread)."""
        self.view = View(self.machine, self.records)

    def reopen_records(self) -> None:
        """Read ``records.json`` again (another process saved edits)."""
        self.records.close()
        m = self.manifest
        self.records = Records(self.path / RECORDS, readonly=self.readonly, store_id=m.store_id, required=m.records)

    def mark_records_required(self) -> None:
        """After the first commit of records: from now on a missing ``records.json`` is damage, not a new store."""
        if not self.manifest.records:
            self.manifest = self.manifest.evolve(records=True)
            self.manifest.save()

    def verify_texts(self, ids: dict[str, list[str]]) -> None:
        """Check every article body against the manifest; on damage the store stops writing (and says why)."""
        try:
            with reading(self.path):
                verify_texts(self.manifest, ids)
        except StoreCorrupt as exc:
            self.go_readonly(f"damaged ({exc})")
            raise
        self.verified = True

    def go_readonly(self, reason: str) -> None:
        self.readonly, self.readonly_reason = True, reason

    def check_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyStore(f"{self.path}: {self.readonly_reason}; nothing was changed")

    def body(self, aid: str) -> str:
        return self.texts.body(self.machine.texts_file[aid], aid)
