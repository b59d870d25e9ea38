"""Keys are remappable by binding id from the user's keymap file; a broken file is reported, not fatal."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from dateline.tui.keymap import load_keymap
from tui_fake_store import build_store, run_async, settle

SIZE = (160, 50)


@run_async
async def test_keymap_file_remaps_a_binding_by_id(tmp_path, monkeypatch):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\n"app.pane_timeline" = "f2"\n')
    monkeypatch.setenv("DATELINE_KEYMAP", str(keymap))
    store = build_store(tmp_path / "db")
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert app.focused is app.timeline_pane
    store.close()


def test_broken_keymap_is_reported_and_ignored(tmp_path):
    bad = tmp_path / "keymap.toml"
    bad.write_text("[keys\n")
    keys, problem = load_keymap(bad)
    assert keys == {} and "not read" in problem and str(bad) in problem
    assert load_keymap(tmp_path / "missing.toml") == ({}, None)
