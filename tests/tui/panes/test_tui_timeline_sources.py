"""Issue 13 through the app's timeline (Pilot): a grouped row counts its sources, `]` opens each."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from tests.store_helpers import ingested_store
from tests.tui.panes.test_tui_timeline_items import ARTICLES, SIZE
from tui_fake_store import focus_by_filter, run_async, settle


@run_async
async def test_a_grouped_row_reads_its_sources_count_and_bracket_opens_each_source(tmp_path):
    store = ingested_store(tmp_path, ARTICLES)
    try:
        app = DatelineApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await focus_by_filter(pilot, "Corvane")
            await pilot.press("2")
            pane = app.timeline_pane

            def to_row(text: str) -> str:
                index = next(i for i, line in enumerate(pane.lines)
                             if line.selectable and text in pane.render_row(line, 300).plain)
                pane.move_cursor_to_line(index)
                return pane.render_row(pane.lines[index], 300).plain

            assert "\u00d72 " in to_row("agreed on Monday")
            assert "\u00d7" not in to_row("worst quarter")  # one report: no count
            opened = []
            for _ in range(3):
                to_row("agreed on Monday")
                await pilot.press("right_square_bracket")
                await settle(pilot)
                opened.append(store.article(app.history.current.detail.article_id).title)
                await pilot.press("2")
                await settle(pilot)
            assert opened == ["Widget sold", "Corvane buys Widget", "Widget sold"]
    finally:
        store.close()
