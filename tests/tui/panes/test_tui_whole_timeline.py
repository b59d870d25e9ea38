"""The unfocused timeline lists every dated and undated record of the store, lazily.

Rows are made as they are shown: a store with hundreds of events makes only about a screenful of
rows, and reading any line (scrolling to the bottom, a filter) still gives the right record.
"""
from __future__ import annotations

from dateline.store import Store
from dateline.store.view.dating import date_key
from dateline.tui.app.app import DatelineApp
from tui_fake_store import build_store, run_async, settle
from store_helpers import article

SIZE = (160, 50)


def _many_events(path, count: int) -> Store:
    store = Store.open(path)
    batch = []
    for number in range(count):
        day = f"20{10 + number % 15}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        body = f"Acme Corp met Bolt Ltd on day {number}. Talks went on."
        event = {"date": day if number % 10 else None, "precision": "day" if number % 10 else "unknown",
                 "date_text": "day", "summary": f"Meeting {number}", "participants": ["Acme Corp"],
                 "place": None, "sentence": {"start": 0, "end": body.index(".") + 1}}
        batch.append(article(body, [("Acme Corp", "ORG", body), ("Bolt Ltd", "ORG", body)],
                             title=f"A{number}", published=day, events=[event]))
    store.add_articles(batch)
    return store


def _record_keys(store: Store) -> list[str]:
    keys = [date_key(e.date, e.precision, 0) for e in store.events()]
    return sorted(keys)


@run_async
async def test_whole_timeline_lists_every_record_in_date_order_and_makes_rows_lazily(tmp_path):
    store = _many_events(tmp_path / "db", 400)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        assert len(pane.rows) == 400 and pane.border_subtitle.startswith("400")
        assert len(pane.rows._made) < 80  # about one screen of rows was made, not 400
        shown = [line.data for line in pane.lines if line.selectable]
        assert [date_key(i.record.date, i.record.precision, 0) for i in shown] == _record_keys(store)
        assert shown[-1].label == "undated" and shown[0].label.startswith("2010-")
        headers = [line.key for line in pane.lines if not line.selectable]
        assert headers[0] == "#2010" and "#undated" in headers and len(headers) == len(set(headers))
        pane.focus()
        await pilot.press("G")  # the bottom line is drawn from its record, made on demand
        await settle(pilot)
        assert pane.current.data.label == "undated"
        await pilot.press("enter")
        await settle(pilot)
        record = pane.current.data.record
        assert app.detail_pane.reader.data.article.id == record.article_id
    store.close()


@run_async
async def test_filter_and_focus_on_a_lazy_timeline(tmp_path):
    store = _many_events(tmp_path / "db", 120)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        pane.focus()
        await pilot.press("slash", *"2013-", "enter")
        await settle(pilot)
        dates = [line.data.start for line in pane.lines if line.selectable]
        assert dates and all(d.startswith("2013-") for d in dates)
        assert pane.border_subtitle.startswith(f"{len(dates)} · /2013-")
    store.close()


@run_async
async def test_an_edited_event_moves_in_the_whole_timeline(tmp_path):
    store = build_store(tmp_path / "db")
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        april = next(line for line in pane.lines if line.selectable and line.data.label == "2025-04")
        store.edit_event(april.key, date="2026-01-15", precision="day")
        app.reload_whole_lists()
        await settle(pilot)
        moved = [line for line in pane.lines if line.selectable][-1 - sum(
            1 for line in pane.lines if line.selectable and line.data.label == "undated")]
        assert moved.key == april.key and moved.data.label == "2026-01-15"
        assert "#2026" in [line.key for line in pane.lines if not line.selectable]
    store.close()
