"""Snapshot tests (pytest-textual-snapshot) of the explorer's main states on the seed store.

Update after an intended visual change with ``pytest tests/tui/app/test_tui_snapshots.py --snapshot-update``.
"""
from __future__ import annotations

import pytest

from dateline.tui.app.app import DatelineApp
from tui_fake_store import build_store


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    stores = []

    def make(hostile: bool = False, markup: bool = False) -> DatelineApp:
        store = build_store(tmp_path / "db", hostile=hostile, markup=markup)
        stores.append(store)
        return DatelineApp(store, store_path="seed-store")  # a stable path in the status bar

    yield make
    for store in stores:
        store.close()


def keys_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)
        if keys:
            await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)
    return run_before


def test_start_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle())


def test_lutnick_focused(snap_compare, make_app):
    keys = ("1", "slash", *"Lutnick", "enter", "enter")
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle(*keys))


def test_event_opens_sentence(snap_compare, make_app):
    keys = ("1", "slash", *"Lutnick", "enter", "enter", "2", "enter")
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle(*keys))


def test_china_timeline_with_figures(snap_compare, make_app):
    keys = ("1", "slash", *"China", "enter", "enter", "2")
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle(*keys))


def test_narrow_terminal(snap_compare, make_app):
    keys = ("1", "slash", *"Trump", "enter", "enter", "2")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys_then_settle(*keys))


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=keys_then_settle("question_mark"))


def test_hostile_article_is_inert(snap_compare, make_app):
    keys = ("3", "slash", *"pwned", "enter", "enter")
    assert snap_compare(make_app(hostile=True), terminal_size=(160, 45), run_before=keys_then_settle(*keys))


def test_markup_names_and_filters_are_literal(snap_compare, make_app):
    """Issue 11 item 7: entities named ``Acme Corp [/] Ltd``, ``Beta [b]bold[/b] Co`` and
    ``Gamma [@click=app.quit]quit[/] Co``, one focused, and ``[b]x[/b]`` typed into a filter."""
    keys = ("1", "slash", *"Gamma", "enter", "enter", "1", "slash", *"[b]", "enter", "2", "slash", *"[/")
    assert snap_compare(make_app(hostile=True, markup=True), terminal_size=(160, 45),
                        run_before=keys_then_settle(*keys))


def test_light_theme(snap_compare, make_app):
    keys = ("1", "slash", *"China", "enter", "enter", "ctrl+p", *"theme", "enter", *"textual-light", "enter", "2")
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle(*keys))


def test_80x24_reader_alone(snap_compare, make_app):
    keys = ("1", "slash", *"Trump", "enter", "enter", "3", "enter")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys_then_settle(*keys))


def test_zoomed_timeline(snap_compare, make_app):
    keys = ("1", "slash", *"China", "enter", "enter", "2", "z")
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=keys_then_settle(*keys))
