"""Issue 5 in the entities pane, card and timeline: r t m S n # d E, undo/redo, read-only, reopening."""
from __future__ import annotations

from dateline.store import Store
from dateline.tui.app.app import DatelineApp
from tui_fake_store import entity_id_named, run_async, screen_text, settle
from annotate_helpers import SIZE, card_text, entity_rows, focus_entity, mention_texts, notifications


@run_async
async def test_r_renames_and_keeps_the_old_name_as_alias_then_S_splits_it_out(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Kevin Hassett")
        hassett = entity_id_named(store, "Kevin Hassett")
        await pilot.press("r", *"Kevin A. Hassett", "enter")
        await settle(pilot)
        assert store.entity(hassett).name == "Kevin A. Hassett"
        assert "Kevin Hassett" in store.entity(hassett).aliases
        assert "Kevin A. Hassett" in entity_rows(app)
        await pilot.press("S", "enter")
        await settle(pilot)
        assert "Kevin Hassett" not in store.entity(hassett).aliases
        assert store.find_entity("Kevin Hassett").id != hassett
    store.close()


@run_async
async def test_t_retypes_to_a_new_type(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Reuters")
        await pilot.press("t", *"media", "enter")
        await settle(pilot)
        assert store.find_entity("Reuters").type == "MEDIA"
        row = app.entities_pane.current.data
        assert row.entity.type == "MEDIA"
    store.close()


@run_async
async def test_m_merges_a_duplicate_and_ctrl_z_ctrl_y_undo_and_redo_it(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lutnick = entity_id_named(store, "Howard Lutnick")
        duplicate = entity_id_named(store, "H. Lutnick")
        before = len(mention_texts(store, lutnick))
        await focus_entity(pilot, "H. Lutnick")
        await pilot.press("m", *"Howard Lut", "enter")
        await settle(pilot)
        assert "H. Lutnick" in mention_texts(store, lutnick) and len(mention_texts(store, lutnick)) == before + 1
        assert "H. Lutnick" not in entity_rows(app) or app.entities_pane.filter_query
        assert all(line.key != duplicate for line in app.entities_pane.lines)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert mention_texts(store, duplicate) == ["H. Lutnick"]
        assert any("Undone: merge" in n for n in notifications(app))
        assert any(line.key == duplicate for line in app.entities_pane.lines)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert store.entity(duplicate).id == lutnick
        assert any("Redone: merge" in n for n in notifications(app))
    store.close()


@run_async
async def test_n_writes_a_multi_line_note_shown_on_the_card(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Jamieson Greer")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", *"Leads tariff talks.", "enter", *"Check the Geneva deal.", "ctrl+s")
        await settle(pilot)
        assert store.find_entity("Jamieson Greer").notes == "Leads tariff talks.\nCheck the Geneva deal."
        assert "Leads tariff talks." in card_text(app) and "Check the Geneva deal." in card_text(app)
    store.close()


@run_async
async def test_number_sign_sets_tags_that_slash_hash_filters_by(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Stellantis")
        await pilot.press("number_sign", *"autos, europe", "enter")
        await settle(pilot)
        assert store.find_entity("Stellantis NV").tags == ("autos", "europe")
        await pilot.press("escape", "escape", "1", "slash", "number_sign", *"auto", "enter")
        await settle(pilot)
        assert entity_rows(app) == ["Stellantis NV"]
    store.close()


@run_async
async def test_d_deletes_after_confirming_and_undo_brings_it_back(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Geneva")
        geneva = entity_id_named(store, "Geneva")
        await pilot.press("d", "n")
        await settle(pilot)
        assert store.entity(geneva) is not None
        count = len(store.entities())
        assert f"{count} entities" in screen_text(app)
        await pilot.press("d", "y")
        await settle(pilot)
        assert store.entity(geneva) is None
        assert f"{count - 1} entities" in screen_text(app), "the status bar counts follow the edit"
        assert all(line.key != geneva for line in app.entities_pane.lines)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert store.entity(geneva) is not None and any(line.key == geneva for line in app.entities_pane.lines)
    store.close()


@run_async
async def test_entity_card_has_the_same_keys(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Xi Jinping")
        await pilot.press("enter", "4", "t", *"org", "enter")
        await settle(pilot)
        assert store.find_entity("Xi Jinping").type == "ORG"
        assert "\nORG 1 mention" in card_text(app), "the badge shows the new type"
    store.close()


# ----- events -----------------------------------------------------------------------------------------
@run_async
async def test_E_edits_an_event_date_and_summary(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"rare earth export", "enter")
        await settle(pilot)
        event_id = app.timeline_pane.current.data.record.id
        await pilot.press("E", "end", "backspace", "backspace", *"05", "tab", "tab", "end", *" (again)", "enter")
        await settle(pilot)
        event = store.event(event_id)
        assert event.date == "2025-05" and event.summary.endswith("(again)")
        toast = [n.message for n in app._notifications][-1]
        assert "rare earth export" in toast and event_id not in toast, "the toast names the event, not its id"
        await pilot.press("escape")
        await settle(pilot)
        texts = [app.timeline_pane.render_row(line, 300).plain for line in app.timeline_pane.lines if line.selectable]
        assert any("(again)" in text and text.startswith("2025-05") for text in texts)
    store.close()


# ----- read-only, persistence, help --------------------------------------------------------------------
@run_async
async def test_read_only_store_says_why_instead_of_editing(db):
    writer = Store.open(db)
    reader_store = Store.open(db, readonly=True)
    app = DatelineApp(reader_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Reuters")
        for key in ("r", "t", "m", "n", "d", "ctrl+z"):
            await pilot.press(key)
            await settle(pilot, 0.02)
            assert len(app.screen_stack) == 1, f"{key} opened a dialog on a read-only store"
        assert all(n.startswith("Read-only") for n in notifications(app))
        assert reader_store.readonly_reason and reader_store.readonly_reason in notifications(app)[0]
        assert "READ-ONLY" in screen_text(app)
        assert writer.log() == []
    reader_store.close()
    writer.close()


@run_async
async def test_edits_are_there_after_quitting_and_reopening(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Reuters")
        await pilot.press("r", *"Reuters News", "enter", "number_sign", *"wire", "enter")
        await settle(pilot)
        await pilot.press("q")
    store.close()
    again = DatelineApp(str(db))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_entity(pilot, "Reuters News")
        row = again.entities_pane.current.data
        assert row.entity.name == "Reuters News" and row.entity.tags == ("wire",)
        assert again.store.can_undo
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Undone: tags of 'Reuters News'" in n for n in notifications(again))
        assert again.entities_pane.current.data.entity.tags == ()
    again.store.close()


@run_async
async def test_help_and_palette_list_the_annotating_keys(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = {ident for _, rows in app.key_sections() for _, _, ident in rows}
        wanted = {"app.undo", "app.redo", "reader.mark", "reader.reject", "reader.relink", "reader.select",
                  "reader.word_forward", "timeline.edit_event", "card.rename"}
        wanted |= {f"entities.{kind}" for kind in ("rename", "retype", "merge", "split", "note", "tags", "delete")}
        assert wanted <= ids
        names = {name for name, _, _ in app.palette_commands()}
        assert "Entities pane: Merge into another entity" in names and "App: Undo the last edit" in names
    store.close()
