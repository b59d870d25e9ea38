"""Helpers for tests and benchmarks: small stores built through the real ingest path."""
from __future__ import annotations

from pathlib import Path

from dateline.store.store import Store


def seed_store(path: str | Path, *, demo: bool = False) -> Store:
    """A writable store at ``path`` holding the seed article (or the whole demo corpus)."""
    from dateline.store.demo import demo_paths
    from dateline.store.ingest import ingest_paths

    paths = [str(p) for p in demo_paths()]
    if not demo:
        paths = [p for p in paths if Path(p).name.startswith("000_")]
    store = Store.open(path, wait=10)
    ingest_paths(store, paths)
    return store
