"""``dateline check``: every file of a store read and checked, every problem named, nothing written.

The same checks as opening a store, and deeper ones (each catalog row against the registry, postings
against rows, texts against catalogs), carried on past the first problem so a user sees all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.store.errors import StoreError
from dateline.store.disk.integrity import REGISTRY_FILE, SHARD_FILE
from dateline.store.disk.column_cache import catalog_of
from dateline.store.disk.integrity import JOURNAL_FILE
from dateline.store.guard.journal import check_fresh, pending
from dateline.store.guard.lock import LOCK_NAME, OWNER_NAME
from dateline.store.disk.manifest import MANIFEST, RECORDS, load_manifest
from dateline.store.disk.records_check import check_records, unseal
from dateline.store.disk.integrity import parse_json, read_bytes
from dateline.store.disk.shards import REGISTRY_TABLE, read_catalog, read_table, read_texts
from dateline.store.checks.verify import check_catalog, check_registry

OWN_HIDDEN = {LOCK_NAME, OWNER_NAME}


@dataclass
class CheckReport:
    """What ``check_store`` found: problems (the store is damaged), notes (it is not) and counts."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    shards: int = 0
    edits: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(folder: Path) -> CheckReport:
    """Read and check every file of the store at ``folder``; never writes."""
    report = CheckReport()
    folder = Path(folder).expanduser()
    try:
        manifest = load_manifest(folder, create=False)
        check_fresh(manifest)
    except StoreError as exc:
        report.problems.append(str(exc))
        return report
    registry: list[dict] = []
    if manifest.registry:
        path = folder / manifest.registry
        try:
            registry = read_table(path, REGISTRY_TABLE, manifest.registry_sum)
            check_registry(path, registry)
        except StoreError as exc:
            report.problems.append(str(exc))
            registry = []
    seen: dict[str, str] = {}
    for shard in manifest.shards:
        report.shards += 1
        ids: list[str] | None = None
        try:
            docs, postings = read_catalog(folder / shard.catalog, shard.catalog_sum)
            check_catalog(folder / shard.catalog, docs, postings, len(registry))
            ids = [d["id"] for d in docs]
            if len(ids) != shard.count:
                report.problems.append(f"{folder / shard.catalog}: holds {len(ids)} articles, but the manifest "
                                       f"says {shard.count}")
            for aid in ids:
                if aid in seen:
                    report.problems.append(f"{folder / shard.catalog}: holds article {aid}, which "
                                           f"{seen[aid]} holds too")
                seen[aid] = shard.catalog
            report.articles += len(ids)
        except StoreError as exc:
            report.problems.append(str(exc))
        try:
            bodies = read_texts(folder / shard.texts, shard.texts_sum)
            if ids is not None and sorted(bodies) != sorted(ids):
                report.problems.append(f"{folder / shard.texts}: does not hold the articles its catalog lists")
        except StoreError as exc:
            report.problems.append(str(exc))
    _check_records(folder, manifest, report)
    _notes(folder, manifest, report)
    return report


def _check_records(folder: Path, manifest, report: CheckReport) -> None:
    path = folder / RECORDS
    if not path.exists():
        if manifest.records:
            report.problems.append(f"{path}: is missing, but the manifest says hand edits were saved in it")
        return
    try:
        tables = unseal(path, parse_json(path, read_bytes(path)), manifest.store_id)
        check_records(path, tables)
        report.edits = len(tables.get("log", {}))
    except StoreError as exc:
        report.problems.append(str(exc))


def _notes(folder: Path, manifest, report: CheckReport) -> None:
    live = manifest.live_files()
    journaled: set[str] = set()
    for journal in pending(folder):
        journaled.update(journal["creates"] + journal["replaces"])
        report.notes.append(f"a commit of generation {journal['generation']} is running or was cut off; its "
                            "files are removed by the next writer once it is gone")
    for p in sorted(folder.iterdir()):
        name = p.name
        if name in live or name in OWN_HIDDEN or name.startswith(".repair-") or JOURNAL_FILE.match(name):
            continue
        if name in journaled or catalog_of(name) in live:  # a live catalog's column cache
            continue
        if catalog_of(name):
            report.notes.append(f"{p}: a column cache of a catalog the manifest does not name; removed by the next "
                                "writer once its catalog is gone")
            continue
        if SHARD_FILE.match(name) or REGISTRY_FILE.match(name):
            report.notes.append(f"{p}: looks like a store file but the manifest does not name it; left alone")
        elif name != MANIFEST:
            report.notes.append(f"{p}: is not part of the store; left alone")
