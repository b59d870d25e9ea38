"""The entity bar on half of the MEANTIME dev documents, scored with the project scorer's overlap rule."""
from __future__ import annotations

import json
from pathlib import Path

from dateline.store.extract.naming.names import find_entities
from dateline.store.extract.sentences import split_sentences

SAMPLE = Path(__file__).parents[3] / "fixtures" / "names" / "ner_meantime_sample.jsonl"
TYPES = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "LOC"}


def overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(docs: list[dict]) -> tuple[float, float]:
    """Precision and recall over all types, as in ../shared/eval/score.py (MEANTIME: overlap)."""
    tp_sys = n_sys = tp_gold = n_gold = 0
    for d in docs:
        gold = [(e["start"], e["end"], e["label"]) for e in d["entities"] if not e["contains_named_mention"]]
        ignorable = [(m["start"], m["end"]) for m in d["mentions"]]
        found = [(m["start"], m["end"], TYPES[e["type"]]) for e in find_entities(d["text"], split_sentences(d["text"]))
                 for m in e["mentions"] if e["type"] in TYPES]
        n_gold += len(gold)
        tp_gold += sum(any(overlap(g, m) and g[2] == m[2] for m in found) for g in gold)
        for m in found:
            if any(overlap(m, g) and g[2] == m[2] for g in gold):
                tp_sys += 1
                n_sys += 1
            elif any(overlap(m, g) for g in gold) or not any(overlap(m, x) for x in ignorable):
                n_sys += 1
    return tp_sys / n_sys, tp_gold / n_gold


def test_entity_f1_bar() -> None:
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    p, r = score(docs)
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.85, (p, r, f1)
