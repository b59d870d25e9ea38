"""Layout keys (issue 16): `z` zooms the pane in use, 80×24 shows one pane at a time, the key bar
shows the focused pane's keys and `ctrl+k` hides it (remembered)."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from dateline.tui.app.key_bar import KeyBar
from dateline.tui.settings import load_settings
from tui_fake_store import focus_by_filter, run_async, screen_text, settle

SIZE = (160, 50)


def visible(app) -> list[str]:
    return [name for name in ("entities", "timeline", "articles", "detail")
            if app.pane(name).display and app.pane(name).region.height > 0 and app.pane(name).region.width > 0]


@run_async
async def test_z_zooms_the_pane_in_use_and_back(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert visible(app) == ["entities", "timeline", "articles", "detail"]
        await pilot.press("2", "z")
        await settle(pilot)
        assert visible(app) == ["timeline"]
        assert app.timeline_pane.region.width > 150 and app.timeline_pane.region.height > 40
        await pilot.press("4")
        await settle(pilot)
        assert visible(app) == ["detail"], "the zoom follows the pane keys"
        await pilot.press("z")
        await settle(pilot)
        assert visible(app) == ["entities", "timeline", "articles", "detail"]


@run_async
async def test_80x24_shows_one_pane_at_a_time_with_status_and_keys(store):
    app = DatelineApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert visible(app) == ["entities"]
        await focus_by_filter(pilot, "Donald Trump")
        await pilot.press("2")
        await settle(pilot)
        assert visible(app) == ["timeline"]
        assert app.timeline_pane.region.height >= 18, "the timeline gets the screen, not 3 rows"
        lines = screen_text(app).splitlines()
        assert "focus: Donald Trump" in lines[-1], "the status bar is on screen"
        assert "Filter" in lines[-2], "the key bar shows the pane's keys"
        await pilot.press("tab")
        await settle(pilot)
        assert visible(app) == ["articles"]
        await pilot.press("enter")
        await settle(pilot)
        assert visible(app) == ["detail"], "enter opens the reader on the whole screen"
        await pilot.press("backspace")
        await settle(pilot)
        assert visible(app) == ["articles"]


@run_async
async def test_a_terminal_made_narrow_shows_the_pane_in_use_and_wide_again_all(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, pane in (("3", "articles"), ("4", "detail"), ("2", "timeline")):
            await pilot.press(key)
            await settle(pilot)
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            assert visible(app) == [pane]
            await pilot.resize_terminal(*SIZE)
            await settle(pilot)
            assert visible(app) == ["entities", "timeline", "articles", "detail"]


@run_async
async def test_key_bar_follows_the_focused_pane_and_ctrl_k_hides_it(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bar = app.query_one(KeyBar)
        assert "Sort" in bar._line.plain and "Rename" in bar._line.plain
        await pilot.press("2")
        await pilot.pause()
        assert "Edit the event" in bar._line.plain and "Rename" not in bar._line.plain
        assert "Zoom" in bar._line.plain
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert not bar.display and "Edit the event" not in screen_text(app)
        assert "focus:" in screen_text(app).splitlines()[-1], "the status bar takes the bottom line back"
    assert load_settings()["key_bar"] is False
    again = DatelineApp(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not again.query_one(KeyBar).display, "hidden stays hidden"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert again.query_one(KeyBar).display
