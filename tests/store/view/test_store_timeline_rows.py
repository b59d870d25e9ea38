"""Issue 13's row fields: older stores stay readable, ``reextract`` writes the new rows, and the exports
carry date kind, context dates, period kind and grouped reports."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from dateline.store import Store
from dateline.store.export import export
from dateline.store.export.selection import Selection
from dateline.store.disk.shards import read_catalog
from dateline.store.index.index import EV_CONTEXT, F_KIND
from dateline.tui.cli.cli import main
from tests.store_helpers import ingested_store

BEFORE = Path(__file__).parents[2] / "fixtures" / "store_before_context"
ARTICLES = {
    "first.txt": ("Corvane buys Widget", "2025-06-10",
                  "Corvane Motors agreed on Monday to buy Widget Parts for $2 billion. "
                  "Corvane Motors had its worst quarter since 1987."),
    "second.txt": ("Widget sold", "2025-06-11",
                   "Corvane Motors agreed on Monday to buy rival Widget Parts for $2 billion."),
}


@pytest.fixture
def old_store(tmp_path):
    db = tmp_path / "db"
    shutil.copytree(BEFORE, db, ignore=shutil.ignore_patterns("README.md"))
    return db


def test_a_store_from_before_context_dates_reads_with_the_old_meaning(old_store):
    assert main(["check", "--db", str(old_store)]) == 0
    with Store.open(old_store, readonly=True) as store:
        corvane = store.find_entity("Corvane Motors")
        [event] = store.events(corvane.id)
        assert (event.date, event.precision, event.context) == ("2025-06-09", "day", ())
        figures = {f.text: f for f in store.figures(corvane.id)}
        assert figures["2.99 percent"].period is None and figures["2.99 percent"].period_kind == "stated"
        assert len(store.timeline(corvane.id)) == 3


def test_reextract_writes_the_new_rows(old_store):
    assert main(["reextract", "--db", str(old_store)]) == 0
    with Store.open(old_store, readonly=True) as store:
        shard = store.manifest.shards[0]  # the rows as written (the index reads a short row's fields as None)
        doc = read_catalog(old_store / shard.catalog, shard.catalog_sum)[0][0]
        assert all(len(row) == EV_CONTEXT + 1 for row in doc["v"]) and all(len(row) == F_KIND + 1 for row in doc["f"])
        corvane = store.find_entity("Corvane Motors")
        figure = next(f for f in store.figures(corvane.id) if f.text == "2.99 percent")
        assert (figure.period, figure.period_kind) == ("2025-06-10", "reported")
        assert any(e.precision == "reported" for e in store.events(corvane.id))


@pytest.fixture
def store(tmp_path):
    store = ingested_store(tmp_path, ARTICLES)
    yield store
    store.close()


def _selection(store) -> Selection:
    corvane = store.find_entity("Corvane Motors")
    return Selection(entities=[corvane.id], events=[e.id for e in store.events(corvane.id)],
                     figures=[f.id for f in store.figures(corvane.id)])


def test_json_export_carries_date_kind_context_and_period_kind(store, tmp_path):
    out = tmp_path / "out.jsonl"
    export(store, _selection(store), "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    worst = next(r for r in records if r["kind"] == "event" and "worst quarter" in r["summary"])
    assert (worst["date"], worst["precision"], worst["date_kind"]) == ("2025-06-10", "reported", "reported")
    assert worst["context"] == [{"text": "1987", "value": "1987", "precision": "year", "role": "reference"}]
    monday = [r for r in records if r["kind"] == "event" and "agreed on Monday" in r["summary"]]
    assert {r["date_kind"] for r in monday} == {"stated"} and len(monday) == 2  # every report stays a record
    assert {r["period_kind"] for r in records if r["kind"] == "figure"} == {"stated"}


def test_csv_export_has_the_new_columns(store, tmp_path):
    out = tmp_path / "out.csv"
    export(store, _selection(store), "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    worst = next(r for r in rows if r["kind"] == "event" and "worst quarter" in r["summary"])
    assert (worst["date_kind"], worst["context"]) == ("reported", "1987 (reference: 1987)")


def test_markdown_export_writes_one_line_for_one_event_reported_twice(store, tmp_path):
    out = tmp_path / "out.md"
    export(store, _selection(store), "markdown", out)
    text = out.read_text(encoding="utf-8")
    timeline = text.split("### Timeline", 1)[1].split("###", 1)[0]
    lines = [line for line in timeline.splitlines() if line.startswith("- ")]
    assert sum("agreed on Monday" in line for line in lines) == 1
    assert any("2 sources" in line and "Widget sold" in line for line in lines)
    assert any(line.startswith("- **reported 2025-06-10**") and "[reference: 1987 = 1987]" in line for line in lines)
