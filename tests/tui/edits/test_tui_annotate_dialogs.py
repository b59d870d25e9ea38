"""Each editing dialog on its own, driven through its keys in a bare host app."""
from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static

from dateline.store.model import Event
from dateline.tui.dialogs import (ConfirmDialog, EventEditor, MarkChoice, MarkEntityDialog, NoteEditor, PickerDialog,
                                  TextPrompt)
from tui_fake_store import run_async

NAMES = [("e1", "PERSON He Lifeng"), ("e2", "PERSON Scott Bessent"), ("e3", "PLACE London"), ("e4", "ORG Reuters")]
NO_RESULT = object()


def search(query: str) -> list[tuple[str, str]]:
    """Substring search over the names (not the type column)."""
    if not query:
        return []
    return [(key, label) for key, label in NAMES if query.casefold() in label.split(" ", 1)[1].casefold()]


class Host(App[None]):
    def __init__(self, dialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result = NO_RESULT

    def compose(self):
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result) -> None:
        self.result = result


@pytest.fixture(autouse=True)
def _no_animation(monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


async def drive(dialog, *keys: str):
    host = Host(dialog)
    async with host.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        error = str(dialog.query_one("#dialog-error").render()) if dialog.is_attached else ""
    return host.result, error


@run_async
async def test_mark_dialog_saves_the_prefilled_name_and_type_on_enter():
    result, _ = await drive(MarkEntityDialog("He Lifeng's", "He Lifeng", "PERSON", search), "enter")
    assert result == MarkChoice("He Lifeng", "PERSON", None)


@run_async
async def test_mark_dialog_takes_a_new_type_typed_in():
    keys = ["tab", *["backspace"] * 6, *"vessel", "enter"]
    result, _ = await drive(MarkEntityDialog("Ever Given", "Ever Given", "PERSON", search), *keys)
    assert result == MarkChoice("Ever Given", "VESSEL", None)


@run_async
async def test_mark_dialog_refuses_a_bad_type_and_stays_open():
    keys = ["tab", *["backspace"] * 6, *"9 x", "enter"]
    result, error = await drive(MarkEntityDialog("Ever Given", "Ever Given", "PERSON", search), *keys)
    assert result is NO_RESULT and "not a type" in error


@run_async
async def test_mark_dialog_links_to_the_highlighted_fuzzy_match():
    keys = ["tab", "tab", *"o", "down", "enter"]  # "o": Scott Bessent, London; down -> London
    result, _ = await drive(MarkEntityDialog("Scott", "Scott", "PERSON", search), *keys)
    assert result == MarkChoice("Scott", "PERSON", "e3")


@run_async
async def test_mark_dialog_prefilled_link_is_used_and_escape_cancels():
    result, _ = await drive(MarkEntityDialog("Lifeng", "Lifeng", "PERSON", search, link_name="He Lifeng"), "enter")
    assert result == MarkChoice("Lifeng", "PERSON", "e1")
    result, _ = await drive(MarkEntityDialog("Lifeng", "Lifeng", "PERSON", search), "escape")
    assert result is None


@run_async
async def test_mark_dialog_says_when_the_link_matches_nothing():
    result, error = await drive(MarkEntityDialog("X", "X", "OTHER", search), "tab", "tab", *"zzz", "enter")
    assert result is NO_RESULT and "no entity matches" in error


@run_async
async def test_picker_picks_with_arrows_and_enter():
    result, _ = await drive(PickerDialog("Merge into…", search), *"e", "down", "down", "enter")
    assert result == "e4"  # "e": He Lifeng, Scott Bessent, Reuters; two downs reach Reuters


@run_async
async def test_picker_without_a_match_keeps_asking():
    result, error = await drive(PickerDialog("Merge into…", search), *"qq", "enter")
    assert result is NO_RESULT and "nothing matches" in error


@run_async
async def test_note_editor_keeps_new_lines_and_saves_on_ctrl_s():
    result, _ = await drive(NoteEditor("Note", "first"), "enter", *"second line", "ctrl+s")
    assert result == "first\nsecond line"


@run_async
async def test_text_prompt_refuses_empty_unless_allowed():
    result, error = await drive(TextPrompt("Rename", "Old"), *["backspace"] * 3, "enter")
    assert result is NO_RESULT and error
    result, _ = await drive(TextPrompt("Tags", "a, b", allow_empty=True), *["backspace"] * 4, "enter")
    assert result == ""


@run_async
async def test_confirm_yes_and_no():
    assert (await drive(ConfirmDialog("Delete?"), "y"))[0] is True
    assert (await drive(ConfirmDialog("Delete?"), "n"))[0] is None


EVENT = Event("ev1", "a1", "2025-06-09", "day", "Monday", "Talks begin", ("e1", "e2"), None, 0, 10)
NAMES_BY_ID = {"e1": "He Lifeng", "e2": "Scott Bessent"}


def resolve(name: str) -> str | None:
    return next((key for key, label in NAMES if label.split(" ", 1)[1] == name), None)


@run_async
async def test_event_editor_returns_only_what_changed():
    keys = ["end", *["backspace"] * 2, *"10", "tab", "tab", "end", *" in London", "enter"]
    result, _ = await drive(EventEditor(EVENT, NAMES_BY_ID, resolve), *keys)
    assert result == {"date": "2025-06-10", "summary": "Talks begin in London"}


@run_async
async def test_event_editor_checks_the_date_against_its_precision():
    result, error = await drive(EventEditor(EVENT, NAMES_BY_ID, resolve), "end", *["backspace"] * 3, "enter")
    assert result is NO_RESULT and "not a day date" in error


@run_async
async def test_event_editor_resolves_participant_names():
    keys = ["tab", "tab", "tab", "end", *", London", "enter"]
    result, _ = await drive(EventEditor(EVENT, NAMES_BY_ID, resolve), *keys)
    assert result == {"participants": ["e1", "e2", "e3"]}
    keys = ["tab", "tab", "tab", "end", *", Nobody", "enter"]
    result, error = await drive(EventEditor(EVENT, NAMES_BY_ID, resolve), *keys)
    assert result is NO_RESULT and "Nobody" in error
