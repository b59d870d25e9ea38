"""Building selections: everything connected to entities, and the command line's filters."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.store.export import ExportError, connected_selection, filtered_selection
from dateline.store.export.dates import chronological, overlaps, parts, span
from dateline.store.export.selection import Selection
from test_export_fakestore import make_store


def test_selection_drops_repeats_and_counts():
    sel = Selection(entities=["a", "b", "a"], events=("x",))
    assert sel.entities == ["a", "b"] and sel.events == ["x"] and len(sel) == 3


def test_connected_skips_rejected_mentions_and_unknown_ids():
    sel = connected_selection(make_store(), ["e1", "missing"])
    assert sel.entities == ["e1"]
    assert sel.mentions == ["m2", "m4"]  # m9 was rejected by hand
    assert sel.events == ["v2", "v4"] and sel.figures == [] and sel.articles == ["a1", "a2"]


def test_filter_by_name_or_alias_case_insensitive():
    store = make_store()
    assert filtered_selection(store, entities=["hfl"]).entities == ["e2"]
    assert filtered_selection(store, entities=["MARIA OKAFOR", "Rotterdam"]).entities == ["e1", "e3"]
    with pytest.raises(ExportError, match="no entity named 'Nobody'"):
        filtered_selection(store, entities=["Nobody"])


def test_filter_by_type_and_tag():
    store = make_store()
    assert filtered_selection(store, types="org").entities == ["e2", "e4", "e5"]
    assert filtered_selection(store, types=["PERSON", "PLACE"]).entities == ["e1", "e3"]
    sel = filtered_selection(store, tags=["Watch"])
    assert sel.entities == ["e1", "e5"] and "v4" in sel.events
    assert filtered_selection(store, types="ORG", tags="shipping").entities == ["e2"]


def test_no_filter_selects_everything():
    store = make_store()
    sel = filtered_selection(store)
    assert set(sel.events) == {e.id for e in store.events()}
    assert set(sel.figures) == {"f1", "f2"} and set(sel.articles) == {"a1", "a2", "a3"}


def test_date_window():
    store = make_store()
    sel = filtered_selection(store, entities=["Harbor Freight Lines"], date_from="2025-07", date_to="2025-07-31")
    assert sel.entities == ["e2"]
    assert sel.events == ["v5", "v3"] or sel.events == ["v3", "v5"]  # the range overlaps July
    assert sel.mentions == [] and sel.figures == ["f1"]  # figure period 2025 overlaps July
    june = filtered_selection(store, date_from=date(2025, 6, 10), date_to="2025-06-30")
    assert "e1" in june.entities  # v4 ends 8 June, but she is named in a2, published 12 June
    assert "e5" not in june.entities  # its only record, v4, ends on 8 June
    assert "v1" not in june.events and "v4" not in june.events and "v6" not in june.events
    assert "a3" not in june.articles  # undated
    assert "e4" not in june.entities  # nothing dated in the window
    with pytest.raises(ExportError, match="not a date"):
        filtered_selection(store, date_from="next week")


def test_date_helpers():
    assert parts("2025-06-09T08:00:00Z") == ((2025, 6, 9), None)
    assert span("2025-02") == (date(2025, 2, 1), date(2025, 2, 28))
    assert span("2024-Q1/2024-W10") == (date(2024, 1, 1), date(2024, 3, 10))
    assert span("2025-02-30") is None and span("2025-13") is None and span("") is None
    assert overlaps("2025", date(2025, 12, 31), None) and not overlaps(None, None, None)
    assert sorted(["2025-07-01", None, "2025-06", "2025"], key=chronological) == [
        "2025", "2025-06", "2025-07-01", None]
