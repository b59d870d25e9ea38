"""Any text at all in names, titles and bodies still gives parseable, inert exports."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.store.export import export
from dateline.store.export.selection import Selection
from dateline.store.export.formats.text import FORMULA_STARTS
from test_export_fakestore import FakeStore

_PIECES = ["\x00", "\x1b[31m", "\r", "\t", "=", "+", "-", "@", "<", "&", "]]>", "[bold]", "\ufffe", "\n# "]
nasty = st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=4) | st.sampled_from(_PIECES),
                 min_size=1, max_size=8).map("".join)


def _store(name: str, title: str) -> FakeStore:
    store = FakeStore()
    store.add_article("a", title, f"{name} met Other today.", url="https://x.example/?q=" + title,
                      published="2025-03-04")
    store.add_entity("e", name, "ORG", notes=title, tags=(title,))
    store.add_entity("o", "Other", "PERSON")
    store.add_mention("m", "e", "a", name)
    store.add_mention("n", "o", "a", "Other")
    store.add_event("v", "a", "met Other", "2025-03-04", "day", title, title, ["e", "o"])
    return store


SELECTION = Selection(entities=["e", "o"], mentions=["m", "n"], events=["v"], articles=["a"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=nasty, title=nasty)
def test_every_format_parses(tmp_path, name, title):
    store = _store(name, title)
    export(store, SELECTION, "json", tmp_path / "x.json")
    records = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert records[2]["text"] == name  # exact text, even with control characters
    export(store, SELECTION, "gexf", tmp_path / "x.gexf")
    labels = [n.get("label") for n in ET.parse(tmp_path / "x.gexf").iter("{http://gexf.net/1.3}node")]
    assert len(labels) == 2
    export(store, SELECTION, "csv", tmp_path / "x.csv")
    for row in csv.reader(io.StringIO((tmp_path / "x.csv").read_text(encoding="utf-8"), newline="")):
        assert not any(cell.lstrip(" \n").startswith(FORMULA_STARTS) for cell in row)
    export(store, SELECTION, "timelinejs", tmp_path / "x.tl.json")
    slides = json.loads((tmp_path / "x.tl.json").read_text(encoding="utf-8"))["events"]
    assert "<" not in slides[0]["display_date"] and "<" not in slides[0]["group"]
    export(store, SELECTION, "md", tmp_path / "x.md")
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text and "<" not in text.replace("](<https", "")
