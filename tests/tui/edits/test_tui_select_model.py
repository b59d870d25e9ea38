"""The selection model (``tui.selection``) and the `y` clipboard text (``tui.clipboard``), without an app."""
from __future__ import annotations

from dateline.store.model import Event, Figure
from dateline.tui.clipboard import MAX_CLIPBOARD_BYTES, copy_rows, tsv, tsv_cell
from dateline.tui.widgets.line_list import Row
from dateline.tui.messages import ArticleTarget, EntityTarget, SentenceTarget
from dateline.tui.widgets.selection import RowSelection, default_scope, export_scopes, record_kind, selection_of, slug
from dateline.tui.panes.timeline_pane import TimelineItem


def entity_row(key: str) -> Row:
    return Row(key=key, target=EntityTarget(key))


def event(key: str) -> Event:
    return Event(key, "a1", "2025-06-09", "day", "Monday", "talks", ("p1",), None, 0, 10)


def figure(key: str) -> Figure:
    return Figure(key, "a1", 3, 8, "34.5%", 34.5, "%", "exports", "down", "2025-05", None, (), 0, 10)


def timeline_row(record) -> Row:
    item = TimelineItem(record, "2025-06-09", ("2025", "June"), "2025-06-09")
    return Row(key=record.id, target=SentenceTarget("a1", 0, 10, record.id), data=item)


def test_marks_are_kept_by_id_in_marking_order():
    marks = RowSelection()
    rows = [entity_row(f"e{n}") for n in range(5)]
    assert marks.mark([rows[3], rows[1]], True)
    assert not marks.mark([rows[3]], True), "marking a marked row changes nothing"
    assert marks.toggle(rows[0]) is True
    assert marks.keys == ["e3", "e1", "e0"]
    assert marks.toggle(rows[1]) is False
    assert marks.keys == ["e3", "e0"] and "e1" not in marks and len(marks) == 2
    assert marks.clear() and len(marks) == 0 and not marks.clear()


def test_headers_and_rows_without_a_record_cannot_be_marked():
    marks = RowSelection()
    header = Row(key="#2025", selectable=False)
    loose = Row(key="x")
    assert not marks.mark([header, loose], True)
    assert len(marks) == 0


def test_refresh_swaps_in_the_new_row_for_a_kept_id():
    marks = RowSelection()
    marks.mark([Row(key="e1", target=EntityTarget("e1"), data="old")], True)
    marks.refresh([Row(key="e2", target=EntityTarget("e2"), data="other"),
                   Row(key="e1", target=EntityTarget("e1"), data="new")])
    assert [row.data for row in marks.rows] == ["new"]
    assert marks.keys == ["e1"], "refresh never adds marks"


def test_rows_become_an_export_selection_by_record_kind():
    rows = [entity_row("e1"), timeline_row(event("v1")), timeline_row(figure("f1")),
            Row(key="a1", target=ArticleTarget("a1")), entity_row("e2")]
    assert [record_kind(row) for row in rows] == ["entities", "events", "figures", "articles", "entities"]
    selection = selection_of(rows)
    assert selection.entities == ["e1", "e2"]
    assert (selection.events, selection.figures, selection.articles) == (["v1"], ["f1"], ["a1"])
    assert selection.mentions == []


def test_scopes_offer_the_pane_all_and_connected():
    marked = {"entities": [entity_row("e1"), entity_row("e2")], "timeline": [timeline_row(event("v1"))]}
    pane, every, connected = export_scopes(marked, "timeline", None, None)
    assert pane.enabled and [row.key for row in pane.rows] == ["v1"] and "timeline" in pane.label
    assert [row.key for row in every.rows] == ["e1", "e2", "v1"]
    assert connected.key == "connected" and connected.entity_ids == ("e1", "e2")
    assert "2 selected entities" in connected.label


def test_scopes_fall_back_to_the_cursor_row_and_the_focused_entity():
    cursor = Row(key="a9", target=ArticleTarget("a9"))
    pane, every, connected = export_scopes({}, "articles", cursor, ("e7", "Howard Lutnick"))
    assert pane.enabled and pane.rows == (cursor,) and "cursor" in pane.label
    assert not every.enabled
    assert connected.entity_ids == ("e7",) and "Howard Lutnick" in connected.label
    assert connected.stem == "dateline-howard-lutnick"
    assert default_scope([pane, every, connected]) == 0
    nothing = export_scopes({}, "articles", None, None)
    assert [scope.enabled for scope in nothing] == [False, False, False]


def test_default_choice_prefers_marks_over_the_cursor_row():
    cursor = Row(key="a9", target=ArticleTarget("a9"))
    marked = {"entities": [entity_row("e1")]}
    scopes = export_scopes(marked, "articles", cursor, None)
    assert scopes[0].enabled and default_scope(scopes) == 1, "marks elsewhere beat this pane's cursor row"
    assert default_scope(export_scopes(marked, "entities", None, None)) == 0


def test_slug_makes_safe_file_stems():
    assert slug("Howard Lutnick") == "howard-lutnick"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Société Générale S.A.") == "société-générale-s-a"
    assert slug("***") == "export"


def test_tsv_keeps_one_row_a_line_and_one_cell_a_column():
    assert tsv([["a", "b"], ["c", ""]]) == "a\tb\nc\t"
    assert tsv_cell("two\nlines\tand tab") == "two lines and tab"
    hostile = tsv_cell("x\x1b]52;c;ZXZpbA==\x07y")
    assert "\x1b" not in hostile and "\x07" not in hostile and hostile.startswith("x") and hostile.endswith("y")


class FakeApp:
    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def test_copy_rows_reports_and_refuses_what_a_terminal_would_cut():
    app = FakeApp()
    assert copy_rows(app, [["Howard Lutnick", "PERSON"]]) == (True, "Copied 1 row as tab-separated text")
    assert app.copied == ["Howard Lutnick\tPERSON"]
    assert copy_rows(app, []) == (False, "Nothing to copy")
    huge = [["x" * 1000]] * (MAX_CLIPBOARD_BYTES // 1000 + 1)
    copied, message = copy_rows(app, huge)
    assert not copied and "ctrl+e" in message and len(app.copied) == 1
