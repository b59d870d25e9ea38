"""Sort keys (issue 16): `o` on the timeline (oldest/newest first, undated last) and on the
articles pane (newest, oldest, most mentions of the focus)."""
from __future__ import annotations

from annotate_helpers import extra_article
from dateline.tui.app.app import DatelineApp
from tui_fake_store import focus_by_filter, run_async, settle, timeline_labels


@run_async
async def test_o_on_the_timeline_puts_newest_first_and_back(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        oldest = timeline_labels(app)
        await pilot.press("2")
        await pilot.press("j")
        kept = app.timeline_pane.current.key
        await pilot.press("o")
        await settle(pilot)
        newest = timeline_labels(app)
        dated = [label for label in oldest if label != "undated"]
        assert newest == dated[::-1] + ["undated"] * oldest.count("undated"), newest
        assert app.timeline_pane.current.key == kept, "the cursor stays on its row"
        assert "newest first" in app.timeline_pane.border_subtitle
        headers = [line.data.plain for line in app.timeline_pane.lines if not line.selectable]
        assert headers[0].startswith("── 2025") and headers[1].strip() == "June", headers
        await pilot.press("slash", *"exports", "enter")
        await settle(pilot)
        assert timeline_labels(app) == ["2025-05"] * len(timeline_labels(app)) and timeline_labels(app)
        await pilot.press("escape", "o")
        await settle(pilot)
        assert timeline_labels(app) == oldest


@run_async
async def test_o_on_the_articles_pane_cycles_newest_oldest_mentions(store):
    store.add_articles([extra_article()])
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        dates = lambda: [line.data[0].published for line in app.articles_pane.lines]  # noqa: E731
        assert dates() == sorted(dates(), reverse=True)
        await pilot.press("o")
        await settle(pilot)
        assert dates() == sorted(dates()) and "oldest first" in app.articles_pane.border_subtitle
        await focus_by_filter(pilot, "Howard Lutnick")
        await pilot.press("3", "o")
        await settle(pilot)
        counts = [line.data[1] for line in app.articles_pane.lines]
        assert counts == sorted(counts, reverse=True) and "most mentions" in app.articles_pane.border_subtitle


@run_async
async def test_timeline_filter_keeps_figures_by_unit_and_direction(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        await pilot.press("2", "slash", *"unit:% dir:down", "enter")
        await settle(pilot)
        rows = [line.data.record for line in app.timeline_pane.lines if line.selectable]
        assert rows and all(r.unit == "%" and r.direction == "down" for r in rows)
        assert {r.text for r in rows} == {"34.5%", "30%"}
        await pilot.press("slash", "ctrl+u", *"dir:up exports", "enter")
        await settle(pilot)
        rows = [line.data.record for line in app.timeline_pane.lines if line.selectable]
        assert {r.text for r in rows} == {"4.8%", "11.4%"}, app.timeline_pane.filter_query


def test_figure_terms_read_units_directions_and_arrows():
    from dateline.store.model import Figure
    from dateline.tui.panes.timeline_pane import figure_terms

    def figure(text, unit, direction):
        return Figure(id="f", article_id="a", start=0, end=1, text=text, value=1.0, unit=unit, metric=None,
                      direction=direction, period=None, baseline=None, entities=(), sentence_start=0, sentence_end=1)

    rest, test = figure_terms("↓ unit:% tariffs")
    assert rest == "tariffs"
    assert test(figure("30%", "%", "down")) and not test(figure("30%", "%", "up"))
    assert not test(figure("$5bn", "USD", "down"))
    assert figure_terms("tariffs up") == ("tariffs up", None), "plain words stay words"
