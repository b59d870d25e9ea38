#!/usr/bin/env python3
"""Full-text search at scale: build the FTS5 index (``store/search.py``) over a generated corpus and
time queries the way the app runs them (top 200, ranked, with snippets).

    python bench/generate.py --articles 100000 --out /tmp/corpus-100k
    python bench/search_bench.py /tmp/corpus-100k
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.store.index.search import SearchIndex  # noqa: E402

QUERIES = ['"rare earth"', "tariff", '"chief executive"', "the", "Boeing contract", '"said on Monday"', "iPhone price"]


def main(folder: str) -> None:
    bodies: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines()):
            row = json.loads(line)
            bodies[f"{path.stem}:{number}"] = row.get("text") or row.get("body") or ""
    text_bytes = sum(len(b.encode()) for b in bodies.values())
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex(Path(tmp) / "search.sqlite")
        started = time.perf_counter()
        index.update(bodies, bodies.__getitem__)
        build = time.perf_counter() - started
        index.db.execute("INSERT INTO body(body) VALUES('optimize')")
        index.db.commit()
        started = time.perf_counter()
        index.update(bodies, bodies.__getitem__)
        check = time.perf_counter() - started
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = index.size()
        print(f"{len(bodies)} articles, {text_bytes / 1e6:.1f} MB of text; index built in {build:.1f} s, "
              f"{size / 1e6:.1f} MB ({size / text_bytes:.0%} of the text); up-to-date check {check * 1000:.0f} ms")
        print("query                     hits  first results (as the app: 60 ms ranking budget)   ranked (no budget)")
        for query in QUERIES:
            first, full = [], []
            for _ in range(5):
                started = time.perf_counter()
                hits, ranked = index.search(query, budget=0.06)
                first.append(time.perf_counter() - started)
                started = time.perf_counter()
                index.search(query)
                full.append(time.perf_counter() - started)
            print(f"{query!r:<24} {len(hits):>5}  median {statistics.median(first) * 1000:6.1f} ms max"
                  f" {max(first) * 1000:6.1f} ms {'ranked' if ranked else 'unranked'}   median"
                  f" {statistics.median(full) * 1000:6.1f} ms")
        index.close()


if __name__ == "__main__":
    main(sys.argv[1])
