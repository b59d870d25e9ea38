"""The app follows the store: what another window or command commits shows within about a second, with
no key pressed, and the user's focus, cursor and filter stay; `ctrl+r` still reads the whole store again."""
from __future__ import annotations

from dateline.store import Store
from tests.store_helpers import article, talks_article
from dateline.tui.app.app import DatelineApp
from tui_fake_store import run_async, screen_text, settle

SIZE = (160, 50)


async def _until(pilot, check, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.1)):
        await pilot.pause(0.1)
        if check():
            return True
    return False


@run_async
async def test_app_shows_what_another_writer_commits_without_a_key(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "db"
    other = Store.open(folder, wait=1)  # another process: a command-line ingest, another window
    other.add_articles([talks_article()])
    app = DatelineApp(str(folder))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not app.store.readonly  # every window may write
            await pilot.press("1", "slash", *"lon", "enter")  # a filter on the entities pane
            await settle(pilot)
            cursor_before = app.entities_pane.current.key
            body = "Rain fell on Lima."
            other.add_articles([article(body, [("Lima", "PLACE", body)], title="Lima")])
            other.rename(other.find_entity("London").id, "London, UK")
            assert await _until(pilot, lambda: "Lima" in {e.name for e in app.store.entities()}
                                and any("London, UK" in line for line in screen_text(app).splitlines()),
                                seconds=4)
            assert any("1 new article" in n.message for n in app._notifications)
            assert app.entities_pane.filter_query == "lon"  # the user's filter stays
            assert app.entities_pane.current.key == cursor_before  # and the cursor
            # an edit in this window lands beside the other's, in one log
            app.store.rename(app.store.find_entity("Lima").id, "Lima, Peru")
            assert other.follow().new_edits == 1 and other.find_entity("Lima, Peru")
            assert [e.action for e in other.log()] == ["rename", "rename"]
            await pilot.press("ctrl+r")  # the manual reload is still there
            await settle(pilot)
            assert app.store.find_entity("Lima, Peru")
    finally:
        if app.store is not None:
            app.store.close()
        other.close()
