"""The seed article's gold reading as a test (mirrors ../shared/eval/seed_check.py)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dateline.store.ingest.extract_filter import extract_raw

FIXTURES = Path(__file__).parents[2] / "fixtures" / "extract"
RAW = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
GOLD = json.loads((FIXTURES / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result() -> dict:
    return extract_raw(RAW)


def norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u2019", "'").replace("\u2018", "'").lower().split())


def days(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date value covers (the scorer's reading of ISO values)."""
    if not value:
        return None
    if "/" in value:
        first, last = value.split("/", 1)
        return days(first)[0], days(last)[1]
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        return monday, monday + dt.timedelta(days=6)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = dt.date.fromisoformat(value)
        return day, day
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    raise AssertionError(f"unexpected date value {value!r}")


def names_of(entity: dict) -> set[str]:
    out = {norm(entity["name"])} | {norm(a) for a in entity.get("aliases") or []}
    return out | {norm(RAW[m["start"]:m["end"]]) for m in entity.get("mentions") or []}


def entity_for(result: dict, name: str) -> dict | None:
    return next((e for e in result["entities"] if norm(name) in names_of(e)), None)


def same_name(result: dict, mine: str, gold: str) -> bool:
    entity = entity_for(result, gold)
    return norm(mine) == norm(gold) or (entity is not None and norm(mine) in names_of(entity))


@pytest.mark.parametrize("gold", GOLD["events"]["required"], ids=lambda g: g["from_text"])
def test_required_event_has_date_precision_and_participants(result, gold):
    want = days(gold["date"])
    candidates = [e for e in result["events"] if e["date"] and days(e["date"]) == want]
    assert candidates, f"no event dated {gold['date']}"
    assert any(e["precision"] == gold["precision"] for e in candidates)
    best = max(sum(any(same_name(result, p, g) for p in e["participants"]) for g in gold["participants"])
               for e in candidates)
    assert best * 2 >= len(gold["participants"]), f"participants of {gold['summary']!r}"


@pytest.mark.parametrize("gold", GOLD["figures"]["required"], ids=lambda g: g["text"])
def test_required_figure_has_value_unit_direction(result, gold):
    matches = [f for f in result["figures"] if f["text"] == gold["text"]]
    assert matches, f"figure {gold['text']} not found"
    figure = matches[0]
    assert figure["value"] == pytest.approx(gold["value"])
    assert figure["unit"] == gold["unit"]
    assert figure["direction"] == gold["direction"]


def test_baseline_and_period_of_seed_figures(result):
    by_text = {f["text"]: f for f in result["figures"]}
    assert by_text["30%"]["baseline"] == pytest.approx(145)
    assert by_text["34.5%"]["period"] == "2025-05"
    assert "exports to the U.S." in by_text["34.5%"]["metric"]


@pytest.mark.parametrize("gold", GOLD["entities"]["required"], ids=lambda g: g["name"])
def test_required_entity(result, gold):
    entity = entity_for(result, gold["name"]) or next(
        (entity_for(result, s) for s in gold["surface"] if entity_for(result, s)), None)
    assert entity is not None, f"{gold['name']} not found"
    assert entity["type"] == gold["type"]
    assert all(norm(s) in names_of(entity) for s in gold["surface"])
    roles = " | ".join(norm(r) for r in entity.get("roles") or [])
    assert all(norm(r) in roles for r in gold.get("roles", []))
    if gold.get("ticker"):
        assert (entity.get("ticker") or "").upper() == gold["ticker"]


def test_no_forbidden_entities(result):
    forbidden = {norm(x) for x in GOLD["entities"]["must_not_be_entities"]}
    assert [e["name"] for e in result["entities"] if norm(e["name"]) in forbidden] == []


def test_offsets_index_the_raw_file(result):
    assert result["published"] == "2025-06-10"
    for item in result["dates"] + result["figures"]:
        assert RAW[item["start"]:item["end"]] == item["text"]
    for event in result["events"]:
        start, end = event["sentence"]["start"], event["sentence"]["end"]
        assert 0 <= start < end <= len(RAW)
        if event["date_text"]:
            assert event["date_text"] in RAW[start:end]
