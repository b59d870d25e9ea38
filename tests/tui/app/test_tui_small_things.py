"""Issue 16's small things: the card's head, counts in words, help keys, the empty store, keymap typos."""
from __future__ import annotations

from dateline.store import Store
from dateline.tui.app.app import DatelineApp
from dateline.tui.dialogs.help_screen import HelpScreen
from tui_fake_store import card_texts, focus_by_filter, run_async, screen_text, settle


@run_async
async def test_card_head_has_no_doubled_type_and_an_uncut_latest_date(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Geneva")
        card = card_texts(app)
        assert card[1] == "PLC 1 mention in 1 article", card[:3]
        assert card[2] == "latest 2025-06-10"


@run_async
async def test_help_scrolls_with_j_k_g_G(store):
    app = DatelineApp(store)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("VerticalScroll")
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("k")
        await pilot.pause()
        assert 0 < scroll.scroll_y < scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert scroll.scroll_y == 1


@run_async
async def test_an_empty_store_says_how_to_ingest(tmp_path):
    store = Store.open(tmp_path / "empty")
    app = DatelineApp(store)
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            text = screen_text(app)
            assert "dateline ingest --demo" in text and "? → ?" not in text
    finally:
        store.close()


@run_async
async def test_an_unknown_binding_id_in_the_keymap_is_named(store, tmp_path, monkeypatch):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\n"list.dwon" = "n"\n"list.up" = "p"\n', encoding="utf-8")
    monkeypatch.setenv("DATELINE_KEYMAP", str(keymap))
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("list.dwon" in m and "unknown" in m for m in messages), messages
        assert not any("list.up" in m for m in messages)


@run_async
async def test_detail_follows_the_cursor_at_start_up_and_after_a_filter(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        first = app.entities_pane.current.data.entity.name
        assert card_texts(app)[0] == first, "at start-up the card of the entity under the cursor"
        await pilot.press("slash", *"Lutnick", "enter")
        await settle(pilot)
        assert card_texts(app)[0] == "Howard Lutnick", "after the filter the card follows the cursor"


@run_async
async def test_the_palette_lists_quit_once(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"quit")
        await pilot.pause(0.5)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert sum("Quit" in label for label in labels) == 1, labels


@run_async
async def test_export_with_nothing_marked_says_it_exports_the_cursor_row(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("2", "ctrl+e")
        await pilot.pause()
        assert "Nothing marked: the one timeline row under the cursor" in screen_text(app)


@run_async
async def test_export_dialog_opens_on_what(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("2", "ctrl+e")
        await pilot.pause()
        assert app.focused.id == "export-what"


@run_async
async def test_back_restores_the_filters_as_they_were(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Lutnick")
        await pilot.press("1", "slash", "ctrl+u", *"China", "enter")
        await settle(pilot)
        assert app.entities_pane.filter_query == "China"
        await pilot.press("enter")
        await settle(pilot)
        assert app.entities_pane.filter_query == "China", "a focus keeps the filters"
        await pilot.press("backspace")
        await settle(pilot)
        assert app.entities_pane.filter_query == "Lutnick", "back: the filter as it was when left"
        await pilot.press("alt+right")
        await settle(pilot)
        assert app.entities_pane.filter_query == "China"


@run_async
async def test_quitting_the_command_leaves_the_loaded_store_frozen_for_the_os(store):
    """`dateline` (run_app) quits without a last full collection over the store (1.2 → 0.13 s at 100k,
    tmux); an app in a longer-lived process (tests) gives its objects back to the collector."""
    import gc

    for ends_process in (False, True):
        app = DatelineApp(store)
        app.ends_process = ends_process
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert gc.get_freeze_count() > 0  # the loaded store is out of the collector's reach
        try:
            assert (gc.get_freeze_count() > 0) == ends_process
        finally:
            gc.unfreeze()
