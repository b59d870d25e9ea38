"""Issue 13 through the app's timeline (Pilot): reported dates, context, grouped reports, details."""
from __future__ import annotations

import pytest

from dateline.store.model import Event, Figure
from dateline.tui.app.app import DatelineApp
from dateline.tui.messages import SentenceTarget
from tests.store_helpers import ingested_store
from tui_fake_store import entity_id_named, focus_by_filter, run_async, settle, timeline_labels

SIZE = (180, 50)
ARTICLES = {
    "first.txt": ("Corvane buys Widget", "2025-06-10",
                  "Corvane Motors agreed on Monday to buy Widget Parts for $2 billion, the companies said. "
                  "Corvane Motors had its worst quarter since 1987. Corvane Motors shares fell 2.99 percent "
                  "from the close of trading Friday."),
    "second.txt": ("Widget sold", "2025-06-11",
                   "Corvane Motors agreed on Monday to buy rival Widget Parts for $2 billion. "
                   "Analysts welcomed the news."),
}


@pytest.fixture
def store(tmp_path):
    store = ingested_store(tmp_path, ARTICLES)
    yield store
    store.close()


@run_async
async def test_timeline_shows_reported_dates_and_one_row_for_one_event_twice_reported(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Corvane")
        labels = timeline_labels(app)
        assert "reported 2025-06-10" in labels  # "worst quarter since 1987": not placed in 1987
        assert not any(label.startswith("1987") for label in labels)
        events = [line.data.record for line in app.timeline_pane.lines
                  if line.selectable and isinstance(line.data.record, Event)]
        assert sum("agreed on Monday to buy" in event.summary for event in events) == 1  # two articles, one row
        timeline = store.timeline(entity_id_named(store, "Corvane Motors"))
        counts = [timeline.source_count(i) for i in range(len(timeline))]
        assert 2 in counts


@run_async
async def test_enter_opens_the_first_source_and_the_detail_lists_the_others(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Corvane")
        await pilot.press("2")
        pane = app.timeline_pane
        index = next(i for i, line in enumerate(pane.lines)
                     if line.selectable and "agreed on Monday" in pane.render_row(line, 300).plain)
        pane.move_cursor_to_line(index)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.detail_pane.reader
        first = store.article(app.history.current.detail.article_id)
        assert first.title == "Corvane buys Widget"
        shown = [line.data.plain for line in reader.lines if hasattr(line.data, "plain")]
        assert any(s.startswith("date 2025-06-09 (stated") for s in shown)
        assert any("2 sources" in s for s in shown)
        others = [line for line in reader.lines if isinstance(line.target, SentenceTarget)]
        assert len(others) == 1 and "Widget sold" in others[0].data.plain


@run_async
async def test_detail_pane_shows_a_figure_and_an_events_context(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Corvane")
        await pilot.press("2")
        pane = app.timeline_pane

        async def open_row(text: str, kind=Event) -> list[str]:
            index = next(i for i, line in enumerate(pane.lines) if line.selectable and
                         isinstance(line.data.record, kind) and text in pane.render_row(line, 300).plain)
            pane.move_cursor_to_line(index)
            await pilot.press("enter")
            await settle(pilot)
            lines = [line.data.plain for line in app.detail_pane.reader.lines if hasattr(line.data, "plain")]
            await pilot.press("backspace")
            await settle(pilot)
            await pilot.press("2")
            return lines

        shown = await open_row("2.99 percent", Figure)
        assert any(s.startswith("value 2.99 · unit % · direction down") for s in shown)
        assert any(s.startswith("period reported 2025-06-10") for s in shown)
        shown = await open_row("worst quarter")
        assert any(s.startswith("date reported 2025-06-10") for s in shown)
        assert any(s.startswith("context 1987 — reference") for s in shown)
        shown = await open_row("2.99 percent", Event)
        assert any(s.startswith("context 2025-06-06 — comparison") for s in shown)


def test_unit_is_shown_once():
    from dateline.store.model import Figure as F
    from dateline.tui.formatting import unit_suffix

    def fig(text: str, unit: str) -> F:
        return F("f", "a", 0, 1, text, 1.0, unit, None, None, None, None, (), 0, 1)

    cases = (("30GB", "gb"), ("20 to 25 percent", "%"), ("10,000 job", "jobs"), ("70 meter", "meters"),
             ("$5 billion", "USD"))
    assert [unit_suffix(fig(t, u)) for t, u in cases] == ["", "", "", "", "USD"]


@pytest.fixture
def causes_store(tmp_path):
    body = ("Halden Retail sales slowed between September and October of 2007. "
            "Halden Retail said its discount runs through June. "
            "Halden Retail chief Louis Garand said the company will cut nearly 14,000 jobs. "
            "Halden Retail sold a 30GB player. "
            "Shoppers compared Halden Retail, Mervyn Stores, Tolle Markets and Ashby Foods at the fair.")
    store = ingested_store(tmp_path, {"causes.txt": ("Halden", "2008-08-05", body)})
    yield store
    store.close()


@run_async
async def test_the_timeline_shows_each_cause_fixed(causes_store):
    from tui_fake_store import timeline_texts

    app = DatelineApp(causes_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Halden")
        rows = timeline_texts(app)
        assert any(row.startswith("2007-09") and "between September and October" in row for row in rows)
        assert not any(row.startswith("2008-09") for row in rows)  # the span's year, not last September
        assert any(row.startswith("2008-08-05 reported") and "runs through June" in row for row in rows)
        assert any("nearly 14,000 jobs" in row for row in rows) and not any("job jobs" in row for row in rows)
        assert any("30GB" in row for row in rows) and not any("30GB gb" in row.lower() for row in rows)
        assert not any("Shoppers compared" in row for row in rows)  # a passing list
        await pilot.press("2")
        pane = app.timeline_pane
        index = next(i for i, line in enumerate(pane.lines)
                     if line.selectable and "runs through June" in pane.render_row(line, 300).plain)
        pane.move_cursor_to_line(index)
        await pilot.press("enter")
        await settle(pilot)
        shown = [line.data.plain for line in app.detail_pane.reader.lines if hasattr(line.data, "plain")]
        assert any(s.startswith("context 2009-06 — deadline") for s in shown)  # forward, not 2008-06
    garand = causes_store.find_entity("Louis Garand")
    assert not any("14,000" in f.text for f in causes_store.figures(garand.id))
