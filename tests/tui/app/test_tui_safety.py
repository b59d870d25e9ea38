"""Untrusted text stays inert: markup, ANSI/OSC escapes, C0/C1 controls and bidi overrides."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.tui.app.app import DatelineApp
from dateline.tui.safe_text import clean, safe
from tui_fake_store import HOSTILE_BODY, build_store, run_async, screen_text, settle

BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def dangerous(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" or ord(ch) in BIDI or ch in "\u2028\u2029"


@given(st.text())
def test_clean_keeps_length_and_removes_every_control(text):
    cleaned = clean(text)
    assert len(cleaned) == len(text), "offsets into the cleaned text must equal offsets into the original"
    assert not any(dangerous(ch) for ch in cleaned)


@given(st.text())
def test_clean_keeps_newlines_only_when_asked(text):
    kept = clean(text, keep_newlines=True)
    assert len(kept) == len(text)
    assert [i for i, ch in enumerate(kept) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    assert not any(dangerous(ch) and ch != "\n" for ch in kept)


def test_placeholders_are_visible():
    assert clean("a\x1b[2Jb") == "a\u241b[2Jb"
    assert clean("\u202eevil") == "\ufffdevil"
    assert clean("\x9b31m") == "\ufffd31m"
    assert safe("[bold red]x[/]").plain == "[bold red]x[/]"
    assert safe("[bold red]x[/]").spans == []


@pytest.fixture
def store(tmp_path):
    store = build_store(tmp_path / "db", hostile=True)
    yield store
    store.close()


@run_async
async def test_hostile_article_renders_inert(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        title = app.title
        await pilot.press("3", "slash", *"pwned", "enter", "enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        assert reader.data is not None and reader.data.body == HOSTILE_BODY
        strips = app.screen._compositor.render_strips()
        text = screen_text(app)
        assert "[bold red]x[/]" in text and "[link=https://evil.example]click[/link]" in text
        assert "\u241b[2J" in text and "\u241b]52;c;ZXZpbA==" in text
        assert "\u241b]0;hijacked" in text
        for strip in strips:
            for segment in strip:
                assert not any(dangerous(ch) for ch in segment.text), repr(segment.text)
                style = segment.style
                assert style is None or style.link is None, "no hyperlink reaches the terminal"
        assert app.clipboard == "", "OSC 52 in the text must not reach the clipboard"
        assert app.title == title
        await pilot.press("1", "slash", *"evil", "enter")
        await pilot.pause()
        assert "Evil Corp [bold red]Inc[/]\u241b[31m" in screen_text(app)
        await pilot.press("2", "slash", *"event", "enter")
        await pilot.pause()
        assert "[bold red]x[/] \u241b[2J event" in screen_text(app)
