"""Exact-span entity F1 of the built-in name finder on the held-out news in ``docs.py``.

    python bench/heldout/score_heldout.py [--backend builtin|spacy] [-v]
Gold: every whole-word occurrence of a listed name (longest first). System: every mention typed
PERSON, ORG or PLACE (as LOC); PRODUCT, EVENT and OTHER are not scored, as CoNLL's MISC is not.
"""
from __future__ import annotations

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from docs import DOCS  # noqa: E402

from dateline.store.extract import extract  # noqa: E402

TYPES = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "LOC"}


def gold_spans(text: str, names: dict[str, str]) -> set[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e, _ in spans):  # a MISC name hides its parts
                spans.append((m.start(), m.end(), names[name]))
    return set(spans)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="builtin")
    parser.add_argument("-v", action="store_true", help="print misses and false positives")
    args = parser.parse_args()
    for label, docs in (("first six (read while building)", DOCS[:6]), ("last three (measured once)", DOCS[6:]),
                        ("all", DOCS)):
        print(label)
        report(docs, args.backend, args.v and label == "all")


def report(docs: list[dict], backend: str, verbose: bool) -> None:
    counts = {t: [0, 0, 0] for t in ("PERSON", "ORG", "LOC")}  # tp, system, gold
    for doc in docs:
        text = doc["text"]
        gold = {g for g in gold_spans(text, doc["names"]) if g[2] != "MISC"}  # MISC: listed only to block overlaps
        result = extract(text, doc["published"], backend=backend)
        system = {(m["start"], m["end"], TYPES[e["type"]]) for e in result["entities"] if e["type"] in TYPES
                  for m in e["mentions"]}
        for t in counts:
            g = {x for x in gold if x[2] == t}
            s = {x for x in system if x[2] == t}
            counts[t][0] += len(g & s)
            counts[t][1] += len(s)
            counts[t][2] += len(g)
        if verbose:
            for s, e, t in sorted(gold - system):
                print(f"{doc['id']}: missed {text[s:e]!r} {t}")
            for s, e, t in sorted(system - gold):
                print(f"{doc['id']}: spurious {text[s:e]!r} {t}")
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    for t, (tp, n_sys, n_gold) in list(counts.items()) + [("ALL", total)]:
        p, r = tp / n_sys if n_sys else 0.0, tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"heldout {t:6s} P={p:.3f} R={r:.3f} F1={f:.3f} (exact, {n_gold} gold)")


if __name__ == "__main__":
    main()
