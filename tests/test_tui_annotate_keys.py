"""Issue 5 in the app: every hand-edit key, through Pilot, on a store with a hand-read seed."""
from __future__ import annotations

import pytest

from store import NewArticle, Store
from tui.app import DatelineApp
from tui_fake_store import build_store, entity_id_named, run_async, screen_text, settle

SIZE = (160, 50)
EXTRA_TITLE = "Geneva follow-up talks"
EXTRA_BODY = ("Vice Premier He Lifeng met H. Lutnick and Li Chenggang in Geneva on Friday.\n"
              "Officials said He Lifeng would return next month.")


def extra_article() -> NewArticle:
    """An article whose (hand-written) extraction missed He Lifeng and split Lutnick into a duplicate."""
    at = EXTRA_BODY.index("H. Lutnick")
    entity = {"name": "H. Lutnick", "type": "PERSON", "aliases": [], "roles": [], "ticker": None,
              "mentions": [{"start": at, "end": at + len("H. Lutnick"), "text": "H. Lutnick", "role": None}]}
    split = EXTRA_BODY.index("\n")
    return NewArticle(title=EXTRA_TITLE, body=EXTRA_BODY, url="https://example.com/extra", source="Example Wire",
                      published="2025-06-13", origin="extra.txt",
                      extraction={"entities": [entity], "events": [], "figures": []},
                      sentences=[(0, split), (split + 1, len(EXTRA_BODY))])


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    store = build_store(tmp_path / "db")
    store.add_articles([extra_article()])
    store.close()
    return tmp_path / "db"


def mention_texts(store, entity_id: str) -> list[str]:
    return sorted(m.text for m in store.mentions_of(entity_id))


async def open_article(pilot, title_words: str) -> None:
    """Open an article in the reader from the articles pane (filter by title, enter)."""
    await pilot.press("escape", "escape", "3", "slash", *title_words, "enter", "enter")
    await settle(pilot)


async def select_text(pilot, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``text`` in the reader with its keys: `w` to its first word, `v`, `l` to its last letter."""
    reader = pilot.app.detail_pane.reader
    start = -1
    for _ in range(occurrence + 1):
        start = reader.data.body.index(text, start + 1)
    await pilot.press("g")
    for _ in range(len(reader.data.body)):
        if reader.text.offset >= start:
            break
        await pilot.press("w")
    assert reader.text.offset == start, "w stops at every word start"
    await pilot.press("v", *["l"] * (len(text) - 1))
    assert reader.data.body[slice(*reader.text.selection())] == text
    return start, start + len(text)


async def focus_entity(pilot, name: str) -> None:
    await pilot.press("escape", "escape", "1", "slash", *name, "enter")
    await settle(pilot)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def card_text(app) -> str:
    card = app.detail_pane.card
    return "\n".join(card.render_row(line, 200).plain for line in card.lines)


def entity_rows(app) -> list[str]:
    return [line.data.entity.name for line in app.entities_pane.lines]


# ----- the reader -------------------------------------------------------------------------------------
@run_async
async def test_e_enter_links_every_occurrence_to_the_entity_already_known(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "Geneva follow")
        he = entity_id_named(store, "He Lifeng")
        assert not any(m.text == "He Lifeng" for m in store.mentions_in(app.detail_pane.reader.data.article.id))
        await select_text(pilot, "He Lifeng")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [e.name for e in store.entities()].count("He Lifeng") == 1
        occurrences = sum(store.body(a.id).count("He Lifeng") for a in store.articles())
        assert mention_texts(store, he) == ["He Lifeng"] * occurrences
        assert "linked 1 more mention in 1 article" in notifications(app)
        reader = app.detail_pane.reader
        assert sum(m.entity_id == he for m in reader.data.mentions) == 2, "the reader shows the new highlights"
        row = next(line.data for line in app.entities_pane.lines if line.key == he)
        assert row.mentions == occurrences, "the entity row's count follows the edit"
    store.close()


@run_async
async def test_marking_a_missed_name_makes_a_typed_entity(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "Geneva follow")
        assert store.find_entity("Li Chenggang") is None
        await select_text(pilot, "Li Chenggang")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        entity = store.find_entity("Li Chenggang")
        assert entity is not None and entity.type == "PERSON" and entity.origin == "manual"
        assert "Li Chenggang" in entity_rows(app)
    store.close()


@run_async
async def test_mark_dialog_escape_changes_nothing(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "Geneva follow")
        await select_text(pilot, "Li Chenggang")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert store.log() == [] and store.find_entity("Li Chenggang") is None
    store.close()


@run_async
async def test_x_rejects_and_L_relinks_the_mention_under_the_cursor(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "US-China talks")
        reader = app.detail_pane.reader
        first = reader.data.mentions[0]
        await pilot.press("n", "x")
        await settle(pilot)
        assert all(m.id != first.id for m in store.mentions_in(first.article_id))
        assert all(m.id != first.id for m in reader.data.mentions)
        lutnick = next(m for m in reader.data.mentions if m.text == "Lutnick")
        await pilot.press("g")
        while reader.text.offset < lutnick.start:
            await pilot.press("w")
        await pilot.press("L", *"Bessent", "enter")
        await settle(pilot)
        assert store.mention(lutnick.id).entity_id == entity_id_named(store, "Scott Bessent")
    store.close()


@run_async
async def test_reader_cursor_keys_move_through_the_text(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "US-China talks")
        reader = app.detail_pane.reader
        text = reader.text
        assert text.offset == 0
        await pilot.press("l", "l", "l", "j")
        first, second = text.lines[0], text.lines[1]
        assert text.offset == second[0] + 3
        assert reader.current.data == second, "the line cursor follows the text cursor"
        await pilot.press("dollar_sign")
        assert text.offset == second[0] + len(reader.data.body[second[0]:second[1]].rstrip()) - 1
        await pilot.press("0", "k", "w", "b")
        assert text.offset == first[0]
        await pilot.press("G")
        assert text.line_index() == text.line_index(len(reader.data.body) - 1), "G: the last line of text"
        await pilot.press("g", "shift+right", "shift+right")
        assert text.selection() == (0, 3)
        await pilot.press("v")
        assert text.selection() is None
    store.close()


@run_async
async def test_mouse_drag_selects_text_for_marking(db):
    store = Store.open(db)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot, "Geneva follow")
        reader = app.detail_pane.reader
        start = EXTRA_BODY.index("Li Chenggang")

        def cell_of(offset: int) -> tuple[int, int]:
            line = next(i for i, row in enumerate(reader.lines)
                        if isinstance(row.data, tuple) and row.data[0] <= offset < row.data[1])
            return offset - reader.lines[line].data[0], line - round(reader.scroll_y)

        await pilot.mouse_down(reader, offset=cell_of(start))
        last = cell_of(start + len("Li Chenggang") - 1)  # the name may wrap: the drag then spans two lines
        await pilot.hover(reader, offset=last)
        await pilot.mouse_up(reader, offset=last)
        assert EXTRA_BODY[slice(*reader.text.selection())] == "Li Chenggang"
    store.close()


# ----- entities pane and card ----------------------------------------------------------------------------
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
        assert " ORG " in card_text(app)
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
