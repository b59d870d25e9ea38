"""Markdown dossier: one section per entity, and article text that renders as plain text."""
from __future__ import annotations

import re

from dateline.store.export import connected_selection, export, filtered_selection
from dateline.store.export.selection import Selection
from dateline.store.export.formats.text import markdown_inert, web_url
from test_export_fakestore import HOSTILE_TITLE, make_store


def _sections(text):
    """``## heading`` → its body, in order."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_dossier_has_card_timeline_figures_sources(tmp_path):
    store = make_store()
    out = tmp_path / "hfl.md"
    export(store, connected_selection(store, ["e2"]), "md", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Dateline dossier\n")
    hfl = _sections(text)["Harbor Freight Lines"]
    assert "- **Ticker:** HFL" in hfl and "- **Also known as:** HFL" in hfl
    timeline = hfl.split("### Timeline")[1].split("###")[0]
    dates = re.findall(r"^- \*\*(.+?)\*\*", timeline, flags=re.M)
    assert dates == ["2025-06/2025-08", "2025-06-09", "2025-07-24"]  # by first day covered
    assert "(on Monday)" in timeline and "> Harbor Freight Lines cut its annual revenue" in timeline
    figures = hfl.split("### Figures")[1].split("###")[0]
    assert "**4\\.5%** (revenue forecast, down, 2025)" in figures
    sources = hfl.split("### Sources")[1]
    assert "[Harbor Freight Lines cuts its forecast](<https://news.example.com/harbor?id=1&x=%282%29>)" in sources
    assert "named 1×" in sources


def test_hostile_article_text_is_inert(tmp_path):
    store = make_store()
    out = tmp_path / "acme.md"
    export(store, filtered_selection(store, entities=["Acme\x01 Corp\x1b[0m"]), "md", out)
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "\\[link=http://x.example\\]memo\\[/link\\]" in text
    assert "javascript:" not in text  # a non-web URL never becomes a link
    assert not re.search(r"^#+ .*Not a heading", text, flags=re.M)
    assert "](http" not in text.replace("](<http", "")  # only our own angle-bracket links
    assert "## Acme Corp" in text


def test_inert_helpers():
    assert markdown_inert("*a* [b](c) <i>") == "\\*a\\* \\[b\\]\\(c\\) &lt;i&gt;"
    assert markdown_inert("- item") == "\\- item" and markdown_inert("1. one") == "1\\. one"
    assert markdown_inert("line\nbreak\x1b[31m") == "line break"
    assert web_url("javascript:alert(1)") is None and web_url("ftp://x") is None
    assert web_url("https://x.example/a b<c>") == "https://x.example/a%20b%3Cc%3E"


def test_records_without_selected_entity_still_appear(tmp_path):
    store = make_store()
    out = tmp_path / "loose.md"
    assert export(store, Selection(events=["v3"], figures=["f1"], articles=["a3"]), "md", out) == 3
    sections = _sections(out.read_text(encoding="utf-8"))
    assert "Harbor Freight Lines reports results" in sections["Other records"]
    assert "4\\.5%" in sections["Other records"]
    assert markdown_inert(HOSTILE_TITLE) in sections["Articles"]
