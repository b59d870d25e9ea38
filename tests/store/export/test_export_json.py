"""JSON and JSONL exports read back record by record, with provenance checked field by field."""
from __future__ import annotations

import json

import pytest

from dateline.store.export import connected_selection, export, filtered_selection
from dateline.store.export.selection import Selection
from test_export_fakestore import make_store


@pytest.fixture
def store():
    return make_store()


def _read(path, fmt):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_mention_carries_full_provenance(store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert export(store, Selection(mentions=["m2"]), fmt, out) == 1
    [record] = _read(out, fmt)
    body = store.body("a1")
    assert record["kind"] == "mention" and record["id"] == "m2"
    assert record["text"] == "Maria Okafor" == body[record["start"]:record["end"]]
    assert record["sentence"] == body[record["sentence_start"]:record["sentence_end"]]
    assert record["sentence"].startswith("Chief executive Maria Okafor said")
    assert record["article_id"] == "a1"
    assert record["article_title"] == "Harbor Freight Lines cuts its forecast"
    assert record["article_url"] == "https://news.example.com/harbor?id=1&x=(2)"
    assert record["published"] == "2025-06-09"
    assert record["origin"] == "machine" and record["status"] == "active"
    assert record["entity"] == {"id": "e1", "name": "Maria Okafor", "type": "PERSON"}
    assert record["notes"] == "Former port official." and record["tags"] == ["shipping", "watch"]


def test_event_figure_entity_article_fields(store, tmp_path):
    out = tmp_path / "out.json"
    sel = Selection(entities=["e1"], events=["v2"], figures=["f1"], articles=["a2"])
    assert export(store, sel, "json", out) == 4
    entity, event, figure, article = _read(out, "json")
    assert entity["kind"] == "entity" and entity["name"] == "Maria Okafor"
    assert entity["aliases"] == ["M. Okafor"] and entity["roles"] == ["chief executive"]
    assert entity["origin"] == "manual" and entity["notes"] == "Former port official."
    assert [(s["article_id"], s["mentions"]) for s in entity["sources"]] == [("a1", 1), ("a2", 1)]
    assert event["date"] == "2025-Q2" and event["precision"] == "quarter"
    assert event["phrase"] == "in the second quarter" and event["origin"] == "manual"
    assert event["participants"] == [{"id": "e1", "name": "Maria Okafor", "type": "PERSON"}]
    assert event["place"]["name"] == "Rotterdam"
    assert event["sentence"] == store.body("a1")[event["sentence_start"]:event["sentence_end"]]
    assert figure["value"] == 4.5 and figure["unit"] == "%" and figure["direction"] == "down"
    assert store.body("a1")[figure["start"]:figure["end"]] == "4.5%"
    assert figure["entities"][0]["name"] == "Harbor Freight Lines"
    assert article["kind"] == "article" and article["body"] == store.body("a2")
    assert article["url"] == "https://news.example.com/okafor"


def test_connected_selection_round_trips_every_record(store, tmp_path):
    sel = connected_selection(store, ["e2"])
    out = tmp_path / "hfl.jsonl"
    written = export(store, sel, "jsonl", out)
    records = _read(out, "jsonl")
    assert written == len(records) == len(sel)
    by_kind = {k: [r["id"] for r in records if r["kind"] == k]
               for k in ("entity", "mention", "event", "figure", "article")}
    assert by_kind == {"entity": ["e2"], "mention": ["m1", "m6"], "event": ["v1", "v3", "v5"],
                       "figure": ["f1"], "article": ["a1", "a2"]}


def test_hostile_text_stays_valid_json(store, tmp_path):
    out = tmp_path / "all.json"
    export(store, filtered_selection(store), "json", out)
    raw = out.read_bytes()
    assert b"\x1b" not in raw and b"\x00" not in raw  # JSON escapes them
    records = json.loads(raw)
    hostile = next(r for r in records if r["kind"] == "article" and r["id"] == "a3")
    assert hostile["body"] == store.body("a3")  # the exact text survives, escaped
    acme = [r for r in records if r["kind"] == "mention" and r["entity"]["id"] == "e4"]
    assert all(store.body("a3")[r["start"]:r["end"]] == r["text"] for r in acme)


def test_stdout_and_progress(store, capsys):
    seen = []
    written = export(store, Selection(events=["v1", "v3"]), "jsonl", "-",
                     progress=lambda done, total: seen.append((done, total)))
    lines = capsys.readouterr().out.splitlines()
    assert written == 2 and [json.loads(x)["id"] for x in lines] == ["v1", "v3"]
    assert seen[-1] == (2, 2) and all(d <= t for d, t in seen)


def test_empty_selection_writes_an_empty_array(store, tmp_path):
    out = tmp_path / "none.json"
    assert export(store, Selection(), "json", out) == 0
    assert json.loads(out.read_text()) == []


def test_unknown_ids_are_skipped(store, tmp_path):
    out = tmp_path / "x.jsonl"
    assert export(store, Selection(entities=["nope"], mentions=["m4", "gone"]), "jsonl", out) == 1
    assert _read(out, "jsonl")[0]["id"] == "m4"


def test_format_names_and_default_file_names():
    from dateline.store.export import EXTENSIONS, FORMATS, default_name

    assert set(EXTENSIONS) == set(FORMATS)
    assert default_name("csv") == "dateline-export.csv"
    assert default_name("Markdown", "okafor") == "okafor.md"
    assert default_name("ftm") == "dateline-export.ftm.json"
