"""Issue 13, grouping off the UI path (Pilot): a long timeline shows ungrouped at once, its reports are
grouped in a worker and the grouped rows land under the cursor; moving on cancels the worker."""
from __future__ import annotations

import threading

import dateline.store.view.view_events as view_events
from dateline.store.model import Event
from dateline.tui.app.app import DatelineApp
from dateline.tui.panes.timeline_pane import GROUPING
from tests.store_helpers import ingested_store
from tui_fake_store import run_async, settle

SIZE = (180, 50)
ARTICLES = {
    "first.txt": ("Corvane buys Widget", "2025-06-10",
                  "Corvane Motors agreed on Monday to buy Widget Parts for $2 billion, the companies said."),
    "second.txt": ("Widget sold", "2025-06-11",
                   "Corvane Motors agreed on Monday to buy rival Widget Parts for $2 billion. "
                   "Harmon Group opened a plant in Tarnow."),
}


def agreed_rows(app) -> int:
    return sum(isinstance(line.data.record, Event) and "agreed on Monday" in line.data.record.summary
               for line in app.timeline_pane.lines if line.selectable)


async def focus_without_waiting(pilot, name: str) -> None:
    """`1`, `/name`, `enter`, `enter`: focus, without waiting for the workers (one is held)."""
    await pilot.press("1", "slash", *name, "enter")
    await pilot.press("enter")
    for _ in range(40):
        await pilot.pause(0.05)
        if pilot.app._focus is not None and pilot.app.timeline_pane.lines:
            break


def held_grouping(monkeypatch):
    """Every timeline counts as long; grouping waits until the returned event is set."""
    monkeypatch.setattr(view_events, "GROUP_NOW", 0)
    release, stopped = threading.Event(), []
    grouped = view_events.EventsView._grouped

    def held(self, timeline, stop=None):
        if stop is not None:  # the pane's worker (a timeline made at once has no stop)
            release.wait(10)
            stopped.append((len(timeline), stop()))
        return grouped(self, timeline, stop)
    monkeypatch.setattr(view_events.EventsView, "_grouped", held)
    return release, stopped


@run_async
async def test_a_long_timeline_shows_ungrouped_then_its_grouped_rows_land(tmp_path, monkeypatch):
    store = ingested_store(tmp_path, ARTICLES)
    release, stopped = held_grouping(monkeypatch)
    try:
        app = DatelineApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await focus_without_waiting(pilot, "Corvane")
            assert agreed_rows(app) == 2  # shown at once, both reports
            assert [w for w in app.workers if w.group == GROUPING and not w.is_finished]
            release.set()
            await settle(pilot)
            assert agreed_rows(app) == 1 and [told for _, told in stopped] == [False]
            row = next(line for line in app.timeline_pane.lines
                       if line.selectable and "agreed on Monday" in getattr(line.data.record, "summary", ""))
            assert len(row.data.sources) == 2
    finally:
        store.close()


@run_async
async def test_moving_on_before_the_grouping_lands_cancels_it(tmp_path, monkeypatch):
    store = ingested_store(tmp_path, ARTICLES)
    release, stopped = held_grouping(monkeypatch)
    try:
        app = DatelineApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await focus_without_waiting(pilot, "Corvane")
            assert agreed_rows(app) == 2
            await pilot.press("escape", "escape", "escape")  # back to the entities pane, filter cleared
            await focus_without_waiting(pilot, "Harmon")
            release.set()
            await settle(pilot)
            summaries = [line.data.record.summary for line in app.timeline_pane.lines
                         if line.selectable and isinstance(line.data.record, Event)]
            assert summaries and all("Harmon" in s for s in summaries)
            corvane_rows = len(store.timeline(next(e.id for e in store.entities() if e.name == "Corvane Motors")))
            assert (corvane_rows, True) in stopped  # Corvane's worker was told to stop
            assert len(stopped) == 2 and sum(told for _, told in stopped) == 1
    finally:
        store.close()
