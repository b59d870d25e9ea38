"""Selecting rows with keys in the explorer: marks, counts, filters, focus changes, `y`, help."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from dateline.tui.dialogs.export_dialog import ExportDialog
from tui_fake_store import entity_id_named, run_async, screen_text, settle

SIZE = (160, 50)


def shown_keys(pane) -> list[str]:
    return [line.key for line in pane.lines if line.selectable]


def marked_keys(pane) -> list[str]:
    return [row.key for row in pane.selected]


def status_line(app) -> str:
    return screen_text(app).splitlines()[-1]


@run_async
async def test_space_s_u_mark_rows_and_the_status_bar_counts_them(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        await pilot.press("2", "space", "space", "space")
        assert marked_keys(pane) == shown_keys(pane)[:3]
        assert pane.current.key == shown_keys(pane)[3], "space moves down"
        assert "selected: timeline 3" in status_line(app)
        await pilot.press("k", "u")
        assert marked_keys(pane) == shown_keys(pane)[:2], "u unmarks and moves down"
        await pilot.press("s")
        assert marked_keys(pane) == shown_keys(pane)[:2] + [shown_keys(pane)[3]]
        await pilot.press("1", "s")
        await pilot.pause()
        assert "selected: timeline 3, entities 1" in status_line(app)
        marks = [line for line in screen_text(app).splitlines() if "•" in line]
        assert len(marks) == 4, "each marked row shows a mark, not only a colour"


@run_async
async def test_selection_survives_filter_focus_change_and_back(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.timeline_pane
        await pilot.press("2", "space", "space")
        chosen = marked_keys(timeline)
        await pilot.press("slash", *"2025-06", "enter")
        assert set(shown_keys(timeline)).isdisjoint(chosen) and marked_keys(timeline) == chosen
        await pilot.press("escape")
        await pilot.press("1", "slash", *"London", "enter", "enter")  # focus London: new timeline rows
        await settle(pilot)
        assert app.history.current.focus == entity_id_named(store, "London")
        assert marked_keys(timeline) == chosen, "a new focus keeps the marks"
        await pilot.press("backspace")
        await settle(pilot)
        assert app.history.current.focus is None
        assert marked_keys(timeline) == chosen
        assert [key for key in shown_keys(timeline) if key in chosen] == chosen, "marked rows come back marked"
        assert "selected: timeline 2" in status_line(app)


@run_async
async def test_ctrl_a_marks_only_what_the_filter_shows_and_U_clears(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entities = app.entities_pane
        await pilot.press("1", "slash", *"motor", "enter")
        filtered = shown_keys(entities)
        assert 0 < len(filtered) < len(entities.rows)
        await pilot.press("ctrl+a")
        assert sorted(marked_keys(entities)) == sorted(filtered)
        await pilot.press("escape")
        assert len(shown_keys(entities)) == len(entities.rows)
        assert sorted(marked_keys(entities)) == sorted(filtered)
        assert f"selected: entities {len(filtered)}" in status_line(app)
        await pilot.press("U")
        await pilot.pause()
        assert entities.selected == []
        assert "selected:" not in status_line(app)


@run_async
async def test_ctrl_a_refuses_more_rows_than_it_can_keep(store, monkeypatch):
    import dateline.tui.widgets.row_marking

    monkeypatch.setattr(dateline.tui.widgets.row_marking, "MARK_ALL_LIMIT", 5)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "ctrl+a")  # 16 entities shown, more than the limit
        await pilot.pause()
        assert app.entities_pane.selected == []
        assert any("too many to mark" in str(n.message) for n in app._notifications)
        await pilot.press("slash", *"motor", "enter", "ctrl+a")  # narrowed: marks them
        assert 0 < len(app.entities_pane.selected) <= 5


@run_async
async def test_y_copies_the_marked_rows_as_tsv_or_else_the_cursor_row(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.articles_pane
        await pilot.press("3", "y")
        article = articles.current.data[0]
        header, line = app.clipboard.split("\n")
        assert header.split("\t")[:2] == ["published", "title"], "a header row names the columns"
        assert line.split("\t")[:2] == [article.published, article.title]
        assert line.split("\t")[-1] == article.id
        entities = app.entities_pane
        await pilot.press("1", "space", "space", "y")
        await pilot.pause()
        lines = app.clipboard.split("\n")[1:]
        expected = [row.data.entity for row in entities.selected]
        assert [line.split("\t")[:2] for line in lines] == [[e.name, e.type] for e in expected]
        assert all(line.count("\t") == 5 for line in lines)
        assert any(note.message.startswith("Copied 2 rows") for note in app._notifications)
        await pilot.press("2", "slash", *"34.5", "enter", "y")
        await pilot.pause()
        assert "↓ 34.5%" in app.clipboard.split("\n")[1], "a figure keeps its arrow"


@run_async
async def test_selection_and_export_keys_are_in_help_and_the_palette(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = {ident for _, rows in app.key_sections() for _, _, ident in rows}
        wanted = {"list.toggle", "list.select", "list.unselect", "list.select_all", "list.clear_selection",
                  "list.copy", "app.export"}
        assert wanted <= ids
        names = [name for name, _, _ in app.palette_commands()]
        assert any(name.startswith("App: Export") for name in names)
        assert any(name == "Timeline pane: Toggle selection" for name in names)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "app.export" in screen_text(app) and "list.select_all" in screen_text(app)
        await pilot.press("escape", "2", "space")
        export = next(spec for name, spec, _ in app.palette_commands() if name.startswith("App: Export"))
        app.run_palette_action(export)
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog), "the palette runs the same action as ctrl+e"
        assert "Selected in timeline: 1 row" in screen_text(app)
