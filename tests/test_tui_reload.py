"""A second window on a store is read-only, says so, and `ctrl+r` shows what the writer committed since."""
from __future__ import annotations

from store import Store
from tests.store_helpers import article, talks_article
from tui.app import DatelineApp
from tui_fake_store import run_async, screen_text, settle

SIZE = (160, 50)


@run_async
async def test_read_only_window_reloads_with_ctrl_r(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "db"
    writer = Store.open(folder, wait=1)
    writer.add_articles([talks_article()])
    app = DatelineApp(str(folder))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.store.readonly
            assert "read-only" in screen_text(app)
            names = {e.name for e in app.store.entities()}
            assert "Lima" not in names
            body = "Rain fell on Lima."
            writer.add_articles([article(body, [("Lima", "PLACE", body)], title="Lima")])
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert "Lima" in {e.name for e in app.store.entities()}
            assert any("Lima" in row for row in screen_text(app).splitlines())
    finally:
        if app.store is not None:
            app.store.close()
        writer.close()
