"""Issue 11 item 7: markup typed by the user or stored in the data is shown as text, never run.

Typing ``[/`` in a filter used to kill the app (MarkupError in the border subtitle); an entity
named ``Acme Corp [/] Ltd`` crashed it on focus; ``[@click=app.quit]`` in a name ran an action when
the detail title was clicked; the split warning parsed markup; a rename prompt prefilled with a
name holding ESC sent it to the terminal. Every flow below presses the real keys.
"""
from __future__ import annotations

import pytest

from dateline.store.safe_text import is_unsafe
from dateline.tui.app.app import DatelineApp
from tui_fake_store import (BOLD, CLICK, MARKUP_TITLE, SLASH, build_store, entity_id_named, run_async, screen_text,
                            settle)

PAYLOADS = ("[/", "[b]x[/b]", "[@click=app.quit]x[/]")


@pytest.fixture
def store(tmp_path):
    store = build_store(tmp_path / "db", hostile=True, markup=True)
    yield store
    store.close()


def assert_screen_inert(app) -> None:
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert not any(is_unsafe(ch) for ch in segment.text), repr(segment.text)
            meta = segment.style.meta if segment.style is not None else {}
            assert not any(str(value).startswith("app.") for value in meta.values()), meta


def toasts(app) -> list[str]:
    """The text each toast on screen draws (a long one wraps on screen, so read the widget)."""
    from textual.widgets._toast import Toast

    return [toast.render().plain for toast in app.screen.query(Toast)]


async def focus_entity(pilot, query: str) -> None:
    await pilot.press("1", "slash", *query, "enter", "enter")
    await settle(pilot)


@pytest.mark.parametrize("pane", ["1", "2", "3"])
@run_async
async def test_markup_typed_into_each_pane_filter_is_shown_literally(store, pane):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        for payload in PAYLOADS:
            await pilot.press(pane, "slash", *payload)
            await pilot.pause()
            assert app.is_running
            assert f"/{payload}" in screen_text(app), "the pane's subtitle shows the filter as typed"
            await pilot.press("enter")  # the final filter, with the bar closed
            await pilot.pause()
            assert f"/{payload}" in screen_text(app)
            assert_screen_inert(app)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running and app.return_code is None


@run_async
async def test_entities_named_with_markup_focus_and_their_titles_are_literal(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        for query, name in (("Acme", SLASH), ("Beta", BOLD), ("Gamma", CLICK)):
            await focus_entity(pilot, query)
            assert app.is_running
            assert f"4 Entity · {name}" in screen_text(app)
            assert f"focus: {name}" in screen_text(app)
            assert_screen_inert(app)
        detail = app.detail_pane
        for x in range(1, min(60, detail.size.width), 2):  # click along the title: no [@click] runs
            await pilot.click("#detail", offset=(x, 0))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        await pilot.press("3", "slash", *"Talks", "enter", "enter")
        await settle(pilot)
        assert MARKUP_TITLE in screen_text(app) and "[@click=app.quit]src[/]" in screen_text(app)
        assert_screen_inert(app)


@run_async
async def test_split_warning_shows_a_markup_name_literally(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash", *"Acme", "enter")
        await pilot.press("S")  # the entity has no alias: a warning names it
        await pilot.pause(0.2)
        assert app.is_running
        assert f"{SLASH} has no alias to split out" in toasts(app)


async def paste(pilot, text: str) -> None:
    """What a terminal sends for a bracketed paste, delivered to the focused field."""
    from textual import events

    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


async def replace_input(pilot, new: str) -> None:
    await pilot.press("end", "ctrl+u", *new, "enter")  # ctrl+u: delete everything left of the cursor
    await settle(pilot)


@run_async
async def test_markup_typed_into_rename_note_and_tag_dialogs_is_stored_exactly_and_shown_literally(store):
    app = DatelineApp(store)
    eid = entity_id_named(store, "Scott Bessent")
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        current = "Scott Bessent"
        for payload in PAYLOADS:
            await pilot.press("1", "slash", *current.split()[0], "enter", "r")
            await pilot.pause()
            new = f"Scott {payload} Bessent"
            await replace_input(pilot, new)
            assert store.entity(eid).name == new, "the name is stored as typed"
            assert app.is_running
            assert any(f"→ '{new}'" in toast for toast in toasts(app)), "the toast quotes the new name literally"
            await pilot.press("enter")  # focus it: the detail title holds the name
            await settle(pilot)
            assert f"4 Entity · {new}" in screen_text(app)
            assert_screen_inert(app)
            current = new
            await pilot.press("escape", "escape")
            await pilot.pause()
        await pilot.press("1", "slash", *"Scott", "enter", "n")
        await pilot.pause()
        await pilot.press(*PAYLOADS[0], "enter", *PAYLOADS[1], "enter", *PAYLOADS[2], "ctrl+s")
        await settle(pilot)
        assert store.entity(eid).notes == "\n".join(PAYLOADS)
        await pilot.press("1", "number_sign")
        await pilot.pause()
        await pilot.press(*", ".join(PAYLOADS), "enter")
        await settle(pilot)
        assert list(store.entity(eid).tags) == list(PAYLOADS)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Tags: " + ", ".join(PAYLOADS) in text
        for payload in PAYLOADS:
            assert payload in text
        assert app.is_running
        assert_screen_inert(app)


@run_async
async def test_prefilled_dialogs_draw_control_characters_inertly(store):
    app = DatelineApp(store)
    eid = entity_id_named(store, "Evil Corp [bold red]Inc[/]\x1b[31m")
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash", *"Evil", "enter", "r")
        await pilot.pause()
        assert "Evil Corp [bold red]Inc[/]\u241b[31m" in screen_text(app)
        assert_screen_inert(app)
        await pilot.press("enter")  # saved unchanged: the exact name, not its placeholders
        await settle(pilot)
        assert store.entity(eid).name == "Evil Corp [bold red]Inc[/]\x1b[31m"
        await pilot.press("1", "slash")
        await paste(pilot, "\x1b]2;pwned\x07\u202e")  # a pasted escape lands in the filter, drawn inertly
        assert app.focused.value == "\x1b]2;pwned\x07\u202e" and "\u241b]2;pwned" in screen_text(app)
        assert_screen_inert(app)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause(0.3)
        await paste(pilot, "\x1b]52;c;ZXZpbA==\x07")  # and in the command palette's search field
        await pilot.pause(0.2)
        assert "\u241b]52;c;ZXZpbA==" in screen_text(app)
        assert_screen_inert(app)


@run_async
async def test_palette_and_export_dialog_show_markup_names_literally(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g", *"gamma")
        await settle(pilot, 0.3)
        assert f"Go to entity: {CLICK}" in screen_text(app)
        assert_screen_inert(app)
        await pilot.press("enter")
        await settle(pilot)
        assert f"focus: {CLICK}" in screen_text(app)
        await pilot.press("ctrl+p", *"[/")
        await settle(pilot, 0.3)
        assert app.is_running
        await pilot.press("escape")
        await pilot.press("1", "ctrl+e")
        await settle(pilot)
        assert CLICK in screen_text(app), "the export dialog's scope names the focus literally"
        assert_screen_inert(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None


def test_every_title_and_text_field_in_the_app_goes_through_the_literal_helpers():
    """A guard for new code: border titles are ``literal(...)`` Content, and text fields are the inert
    ones (plain ``Input``/``TextArea`` would draw control characters raw)."""
    import re
    from pathlib import Path

    offenders = []
    for path in sorted((Path(__file__).resolve().parents[3] / "tui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}: {line.strip()}"
            title = re.search(r"\.border_(?:sub)?title\s*=\s*(.*)", line)
            if title and not title[1].startswith("literal("):
                offenders.append(where)
            if re.search(r"(?<![\w.])(?:Input|TextArea)\(", line) and not line.lstrip().startswith("class "):
                offenders.append(where)
            if "markup=True" in line:
                offenders.append(where)
    assert offenders == []
