"""`c` opens the focused entity's charts (issue 16): mentions over the whole span with labelled dates,
and the values of the metric under the timeline's cursor over time."""
from __future__ import annotations

from dateline.store import Store
from textual.widgets import Sparkline, Static

from dateline.tui.app.app import DatelineApp
from dateline.tui.dialogs.chart_screen import ChartScreen, axis_line
from tui_fake_store import focus_by_filter, run_async, settle
from test_tui_sparkline import _gm_article


def chart_texts(screen) -> list[str]:
    return [str(widget.render()) for widget in screen.query(Static)]


@run_async
async def test_c_charts_the_metric_under_the_cursor(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        await pilot.press("2")
        pane = app.timeline_pane
        while "34.5%" not in pane.render_row(pane.current, 300).plain:
            await pilot.press("j")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ChartScreen)
        titles = [series.title for series in app.screen.charts]
        assert titles == ["Mentions of China by month", "China's exports to the U.S. (China)"]
        assert app.screen.charts[1].values == [34.5] and app.screen.charts[1].labels == ["2025-05"]
        assert len(app.screen.query(Sparkline)) == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, ChartScreen)


@run_async
async def test_mentions_chart_covers_a_multi_year_entity(tmp_path):
    store = Store.open(tmp_path / "db")
    store.add_articles([_gm_article(1, "2009-03-02", 20), _gm_article(2, "2010-07-01", 3),
                        _gm_article(3, "2013-12-05", 12)])
    app = DatelineApp(store)
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            await focus_by_filter(pilot, "General Motors")
            await pilot.press("c")
            await settle(pilot)
            mentions = app.screen.charts[0]
            assert sum(mentions.values) == 35 and mentions.labels[0].startswith("2009")
            assert mentions.labels[-1].startswith("2013")
            texts = "\n".join(chart_texts(app.screen))
            assert "max 20 mentions" in texts and axis_line(mentions.labels, 100) in texts
    finally:
        store.close()


def test_axis_line_labels_ends_and_middle():
    line = axis_line(["2009", "2010", "2011", "2012", "2013"], 40)
    assert line.startswith("2009") and line.endswith("2013") and "2011" in line and len(line) == 40
