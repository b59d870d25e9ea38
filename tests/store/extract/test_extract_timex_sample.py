"""Date value F1 on a sample of real annotated news (GUM and MEANTIME), scored like score.py."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from dateline.store.extract import extract

SAMPLE = Path(__file__).parents[2] / "fixtures" / "extract" / "timex_sample.jsonl"


def days(value):
    """(first, last) day of an ISO date value, a range, or None when it names no days."""
    if not value or not isinstance(value, str):
        return None
    if "/" in value:
        a, b = (days(part) for part in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:])
            return dt.date(y, m, 1), dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None
    return None


def gold_days(timex):
    if timex.get("from") and timex.get("to"):
        a, b = days(timex["from"]), days(timex["to"])
        return (a[0], b[1]) if a and b else None
    if timex.get("type") not in (None, "DATE"):
        return None
    return days(timex.get("value"))


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def test_date_value_f1_on_real_news_sample():
    n_gold = n_sys = hit_gold = hit_sys = 0
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        result = extract(doc["text"], doc["dct"])
        timexes = doc["timexes"]
        gold = [(t["start"], t["end"], gold_days(t)) for t in timexes
                if t.get("functionInDocument") != "CREATION_TIME"]
        gold = [g for g in gold if g[2]]
        unjudged = [(t["start"], t["end"]) for t in timexes]
        unjudged = [u for u in unjudged if not any(overlap(u, g) for g in gold)]
        mine = [(d["start"], d["end"], days(d["value"])) for d in result["dates"]]
        mine = [s for s in mine if any(overlap(s, g) for g in gold) or not any(overlap(s, u) for u in unjudged)]
        n_gold += len(gold)
        n_sys += len(mine)
        hit_gold += sum(any(overlap(s, g) and s[2] == g[2] for s in mine) for g in gold)
        hit_sys += sum(any(overlap(s, g) and s[2] == g[2] for g in gold) for s in mine)
    precision, recall = hit_sys / n_sys, hit_gold / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert n_gold >= 30
    assert f1 >= 0.85, f"date value F1 {f1:.3f} (P={precision:.3f} R={recall:.3f})"
