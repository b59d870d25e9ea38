"""Pilot tests of the explorer's flows on a store holding the seed (hand-written extraction)."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from dateline.tui.panes.article_reader import ArticleReader
from dateline.tui.panes.entity_card import EntityCard
from dateline.tui.messages import EntityTarget, SentenceTarget
from tui_fake_store import (build_store, card_texts, entity_id_named, focus_by_filter, run_async, screen_text,
                            settle, timeline_labels, timeline_texts)

SIZE = (160, 50)


@run_async
async def test_done_when_flow_lutnick(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Lutnick")
        lutnick = entity_id_named(store, "Howard Lutnick")
        assert app.history.current.focus == lutnick
        assert {"2025-06-09", "2025-06-10"} <= set(timeline_labels(app))
        card = "\n".join(card_texts(app))
        assert "U.S. Commerce Secretary" in card
        for name in ("Scott Bessent", "Jamieson Greer", "He Lifeng"):
            assert name in card
        assert "focus: Howard Lutnick" in screen_text(app)
        await pilot.press("2", "enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        assert isinstance(app.focused, ArticleReader)
        target = app.history.current.detail
        assert isinstance(target, SentenceTarget)
        start, end = reader.current.data
        assert start <= target.start < end, "the reader's cursor sits on the source sentence"
        assert reader.data.sentence == (target.start, target.end)
        assert "Monday" in store.body(target.article_id)[target.start:target.end]
        await pilot.press("backspace")
        await settle(pilot)
        assert app.history.current.focus == lutnick
        assert isinstance(app.history.current.detail, EntityTarget)
        assert app.focused is app.timeline_pane
        assert not app.detail_pane.card.has_class("-hidden")


@run_async
async def test_focus_trump_shows_call_and_his_articles(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Donald Trump")
        texts = timeline_texts(app)
        assert any(t.startswith("2025-W23") and "Xi Jinping" in t for t in texts), "a week shows as its ISO week"
        articles = app.articles_pane.lines
        assert len(articles) == 1 and articles[0].data[1] == 3, "the article shows Trump's mention count"


@run_async
async def test_undated_figures_sort_last(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "United States")
        texts = timeline_texts(app)
        assert any("30%" in t and "↓" in t for t in texts)
        assert "145%" in texts[-1] and timeline_labels(app)[-1] == "undated"


@run_async
async def test_focus_china_shows_april_restrictions_and_export_figures(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        texts = timeline_texts(app)
        assert any(t.startswith("2025-04") and "restrictions" in t for t in texts)
        for value, arrow in (("34.5%", "↓"), ("4.8%", "↑"), ("11.4%", "↑")):
            assert any(value in t and arrow in t for t in texts), value
        headers = [line.data.plain.strip() for line in app.timeline_pane.lines if not line.selectable]
        assert headers[:3] == ["── 2025 ──", "April", "May"]


@run_async
async def test_connected_entity_moves_focus_and_history_goes_back_and_forward(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Lutnick")
        await pilot.press("4")
        card = app.detail_pane.card
        assert isinstance(app.focused, EntityCard)
        bessent = entity_id_named(store, "Scott Bessent")
        assert card.move_cursor_to_key(f"c:{bessent}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.history.current.focus == bessent
        assert "U.S. Treasury Secretary" in "\n".join(card_texts(app))
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.history.current.focus == entity_id_named(store, "Howard Lutnick")
        await pilot.press("alt+right")
        await settle(pilot)
        assert app.history.current.focus == bessent


@run_async
async def test_article_enter_opens_reader_and_mention_enter_moves_focus(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        assert app.focused is reader and reader.data.sentence is None
        mentions = reader.data.mentions
        assert len(mentions) >= 20
        await pilot.press("n")
        first = reader.current_mention
        assert first == mentions[0]
        await pilot.press("enter")
        await settle(pilot)
        assert app.history.current.focus == first.entity_id


@run_async
async def test_participant_row_in_reader_moves_focus(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Xi Jinping")
        await pilot.press("2", "enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        trump = entity_id_named(store, "Donald Trump")
        assert reader.move_cursor_to_key(f"who:{trump}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.history.current.focus == trump


@run_async
async def test_cursor_moves_make_detail_follow(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("j")
        await settle(pilot)
        shown = app.entities_pane.current.target
        assert app.detail_pane.card.data.entity.id == shown.entity_id
        await pilot.press("2", "j")
        await settle(pilot)
        assert not app.detail_pane.reader.has_class("-hidden")
        assert app.detail_pane.reader.data.sentence is not None


@run_async
async def test_filters_and_escape(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"2025-06", "enter")
        labels = timeline_labels(app)
        assert labels and all(label.startswith("2025-06") or label == "2025-W23" for label in labels)
        assert "timeline /2025-06" in screen_text(app)
        await pilot.press("escape")
        assert "undated" in timeline_labels(app)
        await pilot.press("1", "slash", *"lutnk")  # fuzzy: a subsequence of the name
        assert [line.data.entity.name for line in app.entities_pane.lines if line.selectable] == ["Howard Lutnick"]
        await pilot.press("escape")
        assert app.entities_pane.shown_count == 16
        await pilot.press("f")
        assert {line.data.entity.type for line in app.entities_pane.lines if line.selectable} == {"ORG"}
        await pilot.press("escape")
        assert app.entities_pane.shown_count == 16
        await focus_by_filter(pilot, "Lutnick")
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.history.current.focus is None
        assert len(timeline_labels(app)) == 9


@run_async
async def test_sort_entities_by_name(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.entities_pane.lines[0].selectable, "column headers first"
        counts = [line.data.mentions for line in app.entities_pane.lines if line.selectable]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("o")
        names = [line.data.entity.name for line in app.entities_pane.lines if line.selectable]
        assert names == sorted(names, key=str.casefold)


@run_async
async def test_palette_go_to_entity(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Go to entity")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"hassett")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.history.current.focus == entity_id_named(store, "Kevin Hassett")


@run_async
async def test_palette_lists_app_commands(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = [name for name, _, _ in app.palette_commands()]
        for expected in ("Go to entity…", "App: Back", "App: Help: all keys", "Entities pane: Sort: count/name/latest"):
            assert expected in names
        await pilot.press("ctrl+p", *"sort count")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.entities_pane.sort == "name"


@run_async
async def test_help_lists_remapped_keys(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_keymap({"list.down": "n,down", "app.back": "b"})
        await pilot.pause()
        sections = dict(app.key_sections())
        app_keys = {ident: keys for keys, _, ident in sections["App"]}
        assert app_keys["app.back"] == "b"
        await pilot.press("question_mark")
        await pilot.pause()
        assert "app.back" in screen_text(app) and "Help" in type(app.screen).__name__.title()
        await pilot.press("escape")
        await pilot.press("1", "n")
        assert app.entities_pane.cursor == 2, "one down from the first entity (under the column headers)"


@run_async
async def test_quit_keys(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@run_async
async def test_narrow_terminal_collapses_panes(store):
    app = DatelineApp(store)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert app.entities_pane.size.height > app.timeline_pane.size.height
        await pilot.press("2")
        await pilot.pause()
        assert app.timeline_pane.size.height > app.entities_pane.size.height


@run_async
async def test_mouse_click_and_double_click(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.articles_pane
        await pilot.click(pane, offset=(5, 1))
        assert app.focused is pane and pane.cursor == 0
        await pilot.click(pane, offset=(5, 1), times=2)
        await settle(pilot)
        assert isinstance(app.history.current.detail, type(pane.current.target))
        assert app.focused is app.detail_pane.reader


@run_async
async def test_tab_cycles_panes_and_stays_inside_the_palette(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app._current_pane())
        assert seen == ["timeline", "articles", "detail", "entities"]
        await pilot.press("shift+tab")
        assert app._current_pane() == "detail"
        await pilot.press("ctrl+p", "tab", "tab")
        await pilot.pause()
        assert len(app.screen_stack) == 2, "tab inside the palette does not crash or leave it"


@run_async
async def test_read_only_store_is_flagged(tmp_path):
    build_store(tmp_path / "db").close()
    from dateline.store import Store

    store = Store.open(tmp_path / "db", readonly=True)
    try:
        app = DatelineApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert "READ-ONLY" in screen_text(app)
    finally:
        store.close()


@run_async
async def test_double_click_on_a_mention_moves_focus(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        lutnick = entity_id_named(store, "Howard Lutnick")
        reader.scroll_to(y=0, animate=False)
        await pilot.pause()
        number, line, mention = next((i, row, m) for m in reader.data.mentions if m.entity_id == lutnick
                                     for i, row in enumerate(reader.lines)
                                     if isinstance(row.data, tuple) and row.data[0] <= m.start and m.end <= row.data[1])
        column = mention.start - line.data[0] + 2
        await pilot.click(reader, offset=(column, number), times=2)
        await settle(pilot)
        assert app.history.current.focus == lutnick


@run_async
async def test_frequent_entity_lists_load_in_a_worker(store, monkeypatch):
    import dateline.tui.app.app_views

    monkeypatch.setattr(dateline.tui.app.app_views, "BIG_FOCUS", 0)  # every entity counts as frequent here
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        assert any("34.5%" in t for t in timeline_texts(app))
        assert len(app.articles_pane.lines) == 1
        app.go_to_entity(entity_id_named(store, "Geneva"))
        app.go_to_entity(entity_id_named(store, "London"))  # the Geneva result arrives late: ignored
        await settle(pilot)
        assert app.history.current.focus == entity_id_named(store, "London")
        london = entity_id_named(store, "London")
        expected = {r.id for r in [*store.events(london), *store.figures(london)]}
        assert expected and {line.key for line in app.timeline_pane.lines if line.selectable} == expected


@run_async
async def test_selection_is_counted_in_the_status_bar_and_copied(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "space", "space", "s", "y")
        await pilot.pause()
        assert "selected: entities 3" in screen_text(app)
        header, *copied = app.clipboard.splitlines()
        assert header.startswith("name\ttype")
        assert [line.split("\t")[0] for line in copied] == [row.data.entity.name for row in app.entities_pane.selected]
        await pilot.press("slash", *"Lutnick", "enter", "escape")
        assert len(app.entities_pane.selected) == 3, "selection survives filtering"


@run_async
async def test_keys_read_in_one_burst_with_slash_reach_the_filter(store):
    """A paste or a fast typist: `/Lutnick` + enter arrive in one read, before `/` is handled."""
    from textual import events

    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst = [events.Key("slash", "/")] + [events.Key(ch, ch) for ch in "Lutnick"] + [events.Key("enter", "\r")]
        for key in burst:  # queued together: nothing runs between them
            app.post_message(key)
        await settle(pilot)
        assert [line.data.entity.name for line in app.entities_pane.lines if line.selectable] == ["Howard Lutnick"]
        assert app.focused is app.entities_pane  # the final enter closed the filter
