#!/usr/bin/env python3
"""Where the memory of an open store goes, and how long its hot reads take (issue 15, memory).

    python bench/memory.py --db STORE [--json out.json]

Opens ``STORE`` the way the app's loading worker does (``open_store(verify=False)``, entities with
counts, the whole-store timeline and article list, then the bodies' check) and prints the resident set
(RSS, and its peak so far) after each step; then times the reads a person's flows make: focusing
entities (timeline and articles of the most frequent, a middle and a rare one, and the first screen of
records), filtering the whole timeline, entity search, an entity's events and figures, an export of
1,000 mentions. Run it in a fresh process per figure (nothing warms it); the store is only read. The
machine's load (``uptime``) is printed with the figures: the machine is shared.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> tuple[int, int]:
    """(resident set now, its peak so far) in MB, as the kernel counts them."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def _ms(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def measure(db: str) -> dict:
    started = time.perf_counter()
    steps: list[dict] = []

    def step(name: str) -> None:
        now, peak = rss_mb()
        steps.append({"step": name, "s": round(time.perf_counter() - started, 2), "rss_mb": now, "peak_mb": peak})

    from dateline.store.api import open_store
    from dateline.store.export import Selection, export

    step("imports")
    store = open_store(db, verify=False)
    step("open_store")
    counted = store.entities_with_counts()
    store.stats()
    step("entities with counts")
    first_query_s = round(time.perf_counter() - started, 2)
    store.prepare()
    whole = store.timeline()
    step("whole timeline")
    articles = store.articles_of(None)
    [articles[i] for i in range(min(60, len(articles)))]
    step("article list")
    store.verify_texts()
    step("bodies checked")
    ranked = sorted(counted, key=lambda row: -row[1])
    picks = {"frequent": ranked[0][0].id, "middle": ranked[len(ranked) // 50][0].id,
             "rare": ranked[len(ranked) // 2][0].id}
    hot: dict[str, float] = {}
    for label, eid in picks.items():
        def focus(eid=eid) -> None:
            timeline = store.timeline(eid)
            [timeline[i] for i in range(min(60, len(timeline)))]
            hits = store.articles_of(eid)
            [hits[i] for i in range(min(60, len(hits)))]
        hot[f"focus_{label}_ms"] = _ms(focus)  # the first focus: sorted once, as the app does
        hot[f"refocus_{label}_ms"] = _ms(focus, 5)
        hot[f"events_figures_{label}_ms"] = _ms(lambda eid=eid: (list(store.events(eid)), list(store.figures(eid))))
        hot[f"connected_{label}_ms"] = _ms(lambda eid=eid: store.connected(eid))
    hot["filter_whole_timeline_ms"] = _ms(lambda: [i for i in range(len(whole)) if "minister" in whole.text(i)[0]])
    hot["dates_whole_timeline_ms"] = _ms(lambda: [whole.date(i) for i in range(len(whole))])
    hot["search_entities_ms"] = _ms(lambda: store.search_entities("mensah"), 5)
    hot["articles_newest_10k_ms"] = _ms(lambda: [articles[i] for i in range(min(10_000, len(articles)))])
    mentions = [m.id for row in ranked[5:400] for m in store.mentions_of(row[0].id)[:5]][:1000]
    with tempfile.TemporaryDirectory() as tmp:
        hot["export_1000_ms"] = _ms(lambda: export(store, Selection(mentions=mentions), "jsonl",
                                                   str(Path(tmp) / "out.jsonl")))
    step("hot reads")
    store.close()
    return {"store": db, "articles": len(articles), "timeline_rows": len(whole), "open_to_first_query_s": first_query_s,
            "steps": steps, "hot": hot, "peak_mb": max(s["peak_mb"] for s in steps),
            "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
            "cores": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    print(f"uptime before: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    result = measure(args.db)
    for s in result["steps"]:
        print(f"{s['step']:<22} {s['s']:>7.2f} s  RSS {s['rss_mb']:>5} MB  peak {s['peak_mb']:>5} MB")
    for name, value in result["hot"].items():
        print(f"{name:<32} {value:>9.1f}")
    print(f"open to first query {result['open_to_first_query_s']} s; peak {result['peak_mb']} MB; "
          f"uptime after: {result['uptime']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    print(json.dumps({"peak_mb": result["peak_mb"], "open_to_first_query_s": result["open_to_first_query_s"]}))


if __name__ == "__main__":
    main()
