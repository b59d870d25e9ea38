"""Issue 11 item 10: exports carry no raw bidi override or C1 control, and no hidden formula cell.

Markdown, CSV and JSON kept U+202E and C1 controls raw (``cat`` of a file reordered or drove the
terminal; a dossier's text read backwards), and a CSV cell starting with a zero-width space before
``=`` was not neutralised. JSON keeps the text exactly but writes such characters as ``\\uXXXX``.
"""
from __future__ import annotations

import csv
import json

import pytest

from dateline.store.export import export
from dateline.store.export.selection import Selection
from dateline.store.export.formats.text import spreadsheet_cell
from dateline.store.safe_text import is_unsafe
from test_export_fakestore import FakeStore

HOSTILE = "Acme\u202eevil\u202c \x9b31m\x9d52;c;x\x9c Co\u2066iso\u2069\x85\x7f"
FORMATS = ("json", "jsonl", "csv", "md", "ftm", "gexf", "timelinejs")


def hostile_store() -> FakeStore:
    store = FakeStore()
    store.add_article("a", f"Title {HOSTILE}", f"{HOSTILE} met Oslo Port on Monday. More text here.",
                      url="https://x.example/a", published="2025-06-02", source=f"Wire {HOSTILE}")
    store.add_entity("e", HOSTILE, "ORG", notes=f"note {HOSTILE}", aliases=(f"alias {HOSTILE}",), tags=(HOSTILE,))
    store.add_entity("p", "Oslo Port", "ORG")
    store.add_mention("m", "e", "a", HOSTILE)
    store.add_mention("m2", "p", "a", "Oslo Port")
    store.add_event("v", "a", "Monday", "2025-06-02", "day", "Monday", f"{HOSTILE} meets", participants=("e", "p"))
    return store


def exported(tmp_path, fmt: str, store=None) -> str:
    out = tmp_path / f"out.{fmt}"
    store = store or hostile_store()
    export(store, Selection(entities=["e", "p"], mentions=["m"], events=["v"], articles=["a"]), fmt, out)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_hold_no_raw_bidi_override_or_c1_control(tmp_path, fmt):
    text = exported(tmp_path, fmt)
    raw = sorted({f"U+{ord(ch):04X}" for ch in text if is_unsafe(ch) and ch not in "\n\r\t"})
    assert raw == [], f"{fmt} holds raw {raw}"
    assert "Acme" in text


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_the_exact_text_with_controls_escaped(tmp_path, fmt):
    text = exported(tmp_path, fmt)
    assert "\\u202e" in text and "\\u009b" in text and "\\u007f" in text
    records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    entity = next(r for r in records if r["kind"] == "entity" and r["id"] == "e")
    article = next(r for r in records if r["kind"] == "article")
    assert entity["name"] == HOSTILE and entity["tags"] == [HOSTILE]
    assert article["title"] == f"Title {HOSTILE}" and article["body"].startswith(HOSTILE)


def test_markdown_and_csv_show_bidi_overrides_as_visible_escapes(tmp_path):
    md = exported(tmp_path, "md")
    assert "Acme\\\\u202eevil\\\\u202c" in md  # the Markdown source escapes the backslash: it reads \u202e
    rows = list(csv.DictReader(exported(tmp_path, "csv").splitlines()))
    entity = next(r for r in rows if r["kind"] == "entity" and r["id"] == "e")
    assert entity["name"] == "Acme\\u202eevil\\u202c 31m52;c;x Co\\u2066iso\\u2069", "C1 dropped, bidi visible"


@pytest.mark.parametrize("payload", [
    "\u200b=HYPERLINK(\"http://evil.example\",\"x\")", "\ufeff=1+1", "\u00a0=1+1", "\u3000+1+cmd|' /C calc'!A0",
    "\u2060@SUM(A1:A9)", "\u200e-2+3", "\u200b\u200c\u200d=1+1", "\u180e=1", " \u200b\t=1", "\u2028=1+1",
    "\u00ad=1+1",
])
def test_csv_cells_with_invisible_characters_before_a_formula_are_neutralised(tmp_path, payload):
    assert str(spreadsheet_cell(payload)).startswith("'")
    store = FakeStore()
    store.add_article("a", payload, f"{payload} is here.", url="https://x.example/a")
    store.add_entity("e", payload, "ORG", notes=payload, aliases=(payload,), tags=(payload,))
    store.add_mention("m", "e", "a", payload)
    out = tmp_path / "evil.csv"
    export(store, Selection(entities=["e"], mentions=["m"], articles=["a"]), "csv", out)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ("name", "notes", "aliases", "tags", "title", "text", "entity_name", "article_title"):
            if row.get(column):
                assert row[column].startswith("'"), (column, row[column])


def test_plain_text_and_numbers_are_left_alone():
    assert spreadsheet_cell("\u200bAcme") == "\u200bAcme"
    assert spreadsheet_cell("Acme = good") == "Acme = good"
    assert spreadsheet_cell(-3.5) == -3.5
