"""Issue 5 in the reader: text cursor, selection, `e` marks, `x` rejects, `L` relinks (Pilot)."""
from __future__ import annotations

from dateline.store import Store
from dateline.tui.app.app import DatelineApp
from tui_fake_store import entity_id_named, run_async, settle
from annotate_helpers import EXTRA_BODY, SIZE, entity_rows, mention_texts, notifications, open_article, select_text


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
