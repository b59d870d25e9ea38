"""TimelineJS JSON: required keys, dates only as precise as known, groups, escaped text."""
from __future__ import annotations

import json

from dateline.store.export import connected_selection, export, filtered_selection
from dateline.store.export.selection import Selection
from dateline.store.export.formats.timelinejs import date_object
from test_export_fakestore import make_store


def _events(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"title", "events"} and "headline" in data["title"]["text"]
    for slide in data["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["text"]) == {"headline", "text"} and slide["text"]["headline"]
        assert slide["display_date"]
    return {s["unique_id"]: s for s in data["events"]}


def test_dates_at_their_precision(tmp_path):
    store = make_store()
    out = tmp_path / "t.json"
    count = export(store, connected_selection(store, ["e1", "e2"]), "timelinejs", out)
    slides = _events(out)
    assert count == len(slides) == 5
    assert slides["event-v1"]["start_date"] == {"year": 2025, "month": 6, "day": 9}
    assert "end_date" not in slides["event-v1"]
    assert slides["event-v2"]["start_date"] == {"year": 2025, "month": 4}
    assert slides["event-v2"]["end_date"] == {"year": 2025, "month": 6}
    assert slides["event-v4"]["start_date"] == {"year": 2025, "month": 6, "day": 2}
    assert slides["event-v4"]["end_date"] == {"year": 2025, "month": 6, "day": 8}
    assert slides["event-v5"]["end_date"] == {"year": 2025, "month": 8}
    assert slides["event-v2"]["display_date"] == "in the second quarter"
    assert list(slides) == ["event-v2", "event-v5", "event-v4", "event-v1", "event-v3"]  # by first day


def test_group_headline_and_source_link(tmp_path):
    store = make_store()
    out = tmp_path / "t.json"
    export(store, Selection(entities=["e5"], events=["v4", "v1"]), "timelinejs", out)
    slides = _events(out)
    assert slides["event-v4"]["group"] == "Port Authority"  # the selected participant first
    assert slides["event-v1"]["group"] == "Harbor Freight Lines"
    assert slides["event-v1"]["text"]["headline"] == "Harbor Freight Lines cut its revenue forecast"
    text = slides["event-v1"]["text"]["text"]
    assert "Harbor Freight Lines cut its annual revenue forecast by 4.5% on Monday." in text
    assert '<a href="https://news.example.com/harbor?id=1&amp;x=%282%29"' in text


def test_undated_events_left_out_and_hostile_text_escaped(tmp_path):
    store = make_store()
    out = tmp_path / "t.json"
    export(store, filtered_selection(store), "timelinejs", out)
    slides = _events(out)
    assert "event-v6" not in slides
    raw = out.read_text(encoding="utf-8")
    assert "<script>" not in raw and "\\u001b" not in raw and "javascript:" not in raw


def test_date_object_drops_unknown_parts():
    assert date_object((2025, None, None)) == {"year": 2025}
    assert date_object((2025, 3, None)) == {"year": 2025, "month": 3}


def test_group_and_display_date_are_escaped(tmp_path):
    from test_export_fakestore import FakeStore

    store = FakeStore()
    store.add_article("a", "t", "The <b>Bold</b> & Co deal closed in May.", published="2025-06-01")
    store.add_entity("e", "<b>Bold</b> & Co", "ORG")
    store.add_event("v", "a", "deal closed", "2025-05", "month", "in <i>May</i>", "Deal closed", ["e"])
    out = tmp_path / "t.json"
    export(store, Selection(events=["v"]), "timelinejs", out)
    [slide] = _events(out).values()
    assert slide["group"] == "&lt;b&gt;Bold&lt;/b&gt; &amp; Co"
    assert slide["display_date"] == "in &lt;i&gt;May&lt;/i&gt;"
    assert slide["start_date"] == {"year": 2025, "month": 5} and "end_date" not in slide
