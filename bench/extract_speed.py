"""Measure whole-article extraction speed (entities, dates, figures, events) in one process.

    python bench/extract_speed.py [DATA.jsonl ...]   (default: ../shared/eval/data/*.jsonl)
Prints characters per second over all articles, best of a few rounds after one warm-up pass.
"""
from __future__ import annotations

import glob
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dateline.store.extract import extract  # noqa: E402

ROUNDS = 5
DEFAULT_DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "data", "*.jsonl")


def load(paths: list[str]) -> list[tuple[str, str | None]]:
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    doc = json.loads(line)
                    docs.append((doc["text"], doc.get("date") or doc.get("dct")))
    return docs


def measure(docs: list[tuple[str, str | None]]) -> float:
    """Characters per second, best of ``ROUNDS`` passes over ``docs``."""
    chars = sum(len(text) for text, _ in docs)
    for text, published in docs:  # warm-up: imports, regex compilation, caches
        extract(text, published)
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for text, published in docs:
            extract(text, published)
        best = min(best, time.perf_counter() - start)
    return chars / best


def main(argv: list[str]) -> int:
    paths = argv or sorted(glob.glob(DEFAULT_DATA))
    if not paths:
        print("no data files found; pass JSONL paths", file=sys.stderr)
        return 1
    docs = load(paths)
    rate = measure(docs)
    print(f"{len(docs)} articles, {sum(len(t) for t, _ in docs)} chars: {rate:,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
