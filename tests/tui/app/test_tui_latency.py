"""A key's first visible response comes first (issue 15): opening or closing the filter bar re-lays out no
pane, and letters typed in one burst are filtered once, for the latest text, never out of order."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from dateline.tui.widgets.filter_bar import FilterBar
from tui_fake_store import run_async, settle

SIZE = (160, 50)
PANES = ("#entities", "#timeline", "#articles", "#detail")


def regions(app) -> dict[str, object]:
    return {pane: app.query_one(pane).region for pane in PANES}


@run_async
async def test_opening_and_closing_the_filter_bar_moves_no_pane(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = regions(app)
        await pilot.press("1", "slash")
        await pilot.pause()
        bar = app.query_one(FilterBar)
        assert bar.is_open and app.focused is bar
        assert regions(app) == before, "opening the filter bar re-laid out the panes"
        status_y = app.query_one("#status").region.y
        assert bar.region.height == 1 and bar.region.y == status_y - 2  # above the key bar and status line
        await pilot.press("G", "e", "n")
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open and regions(app) == before
        await pilot.press("slash", "G", "e", "n", "enter")
        await pilot.pause()
        assert not bar.is_open and regions(app) == before
