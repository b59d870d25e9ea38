"""At scale the unfocused timeline shows the newest dated records and says so; focus shows everything."""
from __future__ import annotations

import tui.loading as loading
from tui.app import DatelineApp
from tui_fake_store import build_store, run_async, settle

SIZE = (160, 50)


@run_async
async def test_whole_timeline_is_bounded_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    store = build_store(tmp_path / "db")
    dated = [e for e in store.events() if e.date] + [f for f in store.figures() if f.period and f.period[0].isdigit()]
    total = len(store.events()) + len(store.figures())
    monkeypatch.setattr(loading, "WHOLE_TIMELINE_LIMIT", 3)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        rows = [line for line in pane.lines if line.selectable]
        assert len(rows) == 3 < len(dated)
        newest = sorted((r.data.start for r in rows))
        assert newest[-1] == max(loading.timeline_items(store.events(), store.figures()),
                                 key=lambda i: i.start or "").start
        assert pane.border_subtitle.startswith(f"newest 3 of {total:,}")
    store.close()
