"""CSV: flattened rows read back with the csv module, and formula injection neutralised."""
from __future__ import annotations

import csv

import pytest

from dateline.store.export import export, filtered_selection
from dateline.store.export.formats.csvfmt import COLUMNS
from dateline.store.export.selection import Selection
from dateline.store.export.formats.text import spreadsheet_cell
from test_export_fakestore import FakeStore, make_store


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_rows_flatten_every_kind(tmp_path):
    store = make_store()
    out = tmp_path / "out.csv"
    sel = Selection(entities=["e2"], mentions=["m1"], events=["v4"], figures=["f1"], articles=["a1"])
    assert export(store, sel, "csv", out) == 5
    rows = _rows(out)
    assert list(rows[0].keys()) == list(COLUMNS)
    entity, mention, event, figure, article = rows
    assert [r["kind"] for r in rows] == ["entity", "mention", "event", "figure", "article"]
    assert entity["name"] == "Harbor Freight Lines" and entity["ticker"] == "HFL"
    assert entity["aliases"] == "HFL" and entity["tags"] == "shipping" and entity["source_count"] == "2"
    assert mention["entity_id"] == "e2" and mention["entity_name"] == "Harbor Freight Lines"
    assert (mention["start"], mention["end"]) == ("0", "20")
    assert mention["sentence"] == store.body("a1")[int(mention["sentence_start"]):int(mention["sentence_end"])]
    assert mention["article_url"] == "https://news.example.com/harbor?id=1&x=(2)"
    assert event["participant_ids"] == "e1; e5" and event["participants"] == "Maria Okafor; Port Authority"
    assert event["place"] == "Rotterdam" and event["date"] == "2025-W23" and event["precision"] == "week"
    assert event["published"] == "2025-06-12T08:30:00Z"
    assert figure["value"] == "4.5" and figure["metric"] == "revenue forecast"
    assert figure["entities"] == "Harbor Freight Lines" and figure["period"] == "2025"
    assert article["title"] == "Harbor Freight Lines cuts its forecast" and "body" not in article


@pytest.mark.parametrize("payload", [
    '=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
    "\t=1+1", "\r=1+1", "  =1+1", "\x00=1+1", "\uff1d1+1",
])
def test_formula_cells_are_neutralised(payload, tmp_path):
    store = FakeStore()
    store.add_article("a", payload, f"{payload} is here.", url="https://x.example/a")
    store.add_entity("e", payload, "ORG", notes=payload, aliases=(payload,))
    store.add_mention("m", "e", "a", payload)
    out = tmp_path / "evil.csv"
    export(store, Selection(entities=["e"], mentions=["m"], articles=["a"]), "csv", out)
    for row in _rows(out):
        for column, cell in row.items():
            assert not cell.lstrip(" \n").startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d")), column
    entity = _rows(out)[0]
    assert entity["name"].startswith("'") and entity["notes"].startswith("'")


def test_hyperlink_article_opens_as_text(tmp_path):
    store = make_store()
    out = tmp_path / "a3.csv"
    export(store, filtered_selection(store, entities=["Acme\x01 Corp\x1b[0m"]), "csv", out)
    raw = out.read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x00" not in raw
    first = [r for r in _rows(out) if r["kind"] == "mention" and r["sentence_start"] == "0"]
    assert first and first[0]["sentence"].startswith("'=HYPERLINK(\"http://evil.example/steal\"")


def test_numbers_stay_numbers_but_text_does_not():
    assert spreadsheet_cell(-12.0) == -12.0 and spreadsheet_cell(-3) == -3
    assert spreadsheet_cell("-12%") == "'-12%"
    assert spreadsheet_cell(float("nan")) == "" and spreadsheet_cell(None) == ""
    assert spreadsheet_cell(True) == "true" and spreadsheet_cell("plain") == "plain"


def test_negative_figure_value_reads_as_number(tmp_path):
    store = make_store()
    out = tmp_path / "f2.csv"
    export(store, Selection(figures=["f2"]), "csv", out)
    [row] = _rows(out)
    assert row["value"] == "-12.0" and float(row["value"]) == -12.0
    assert row["text"] == "'-12%"
