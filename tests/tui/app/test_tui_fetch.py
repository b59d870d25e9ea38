"""`F` (and the palette's "Fetch feeds now") fetches every followed feed in a worker, says what arrived and
shows it; feed text stays literal; a read-only window says why instead."""
from __future__ import annotations

import time

from dateline.store import Store
from tests.feed_server import serve
from tests.store_helpers import talks_article
from dateline.tui.app.app import DatelineApp
from tui_fake_store import run_async, screen_text, settle

SIZE = (160, 50)


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _toasts(app) -> list[str]:
    """The text each toast on screen shows (rendered, so markup that took effect would be gone)."""
    return [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]


async def _until(pilot, done, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)
    await settle(pilot)


def _store_with_feeds(folder, *feeds):
    with Store.open(folder, wait=1) as store:
        store.add_articles([talks_article()])
        for url, name in feeds:
            store.add_feed(url, name)


@run_async
async def test_f_fetches_feeds_in_a_worker_and_shows_the_new_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    with serve() as server:
        _store_with_feeds(tmp_path / "db", (server.url("/feed.xml"), "[b]Example[/b]"),
                          (server.url("/missing.xml"), "Gone"))
        app = DatelineApp(str(tmp_path / "db"))
        try:
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                assert len(app.store.articles()) == 1
                await pilot.press("F")
                assert any(m == "fetching 2 feeds…" for m in _messages(app))
                await _until(pilot, lambda: any("new article" in m for m in _messages(app)))
                line = next(m for m in _messages(app) if "new article" in m)
                assert line.startswith("3 new articles from 2 feeds; 1 failed: Gone: ")
                assert "HTTP 404 Not Found" in line
                await _until(pilot, lambda: len(app.store.articles()) == 4 and app._busy is None)
                assert "Harbour bridge reopens in Lisbon" in screen_text(app)
                assert app.store.feed("[b]Example[/b]").items == 3
                await pilot.press("F")  # a second fetch is conditional: nothing new, nothing reloaded
                await _until(pilot, lambda: sum("new article" in m for m in _messages(app)) == 2)
                assert _messages(app)[-1].startswith("0 new articles from 2 feeds; 1 failed")
                assert [h.get("If-None-Match") for p, h in server.requests if p == "/feed.xml"][-1] == '"feed-v1"'
        finally:
            if app.store is not None:
                app.store.close()


@run_async
async def test_palette_fetch_feeds_now_and_feed_names_shown_literally(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    with serve() as server:
        _store_with_feeds(tmp_path / "db", (server.url("/not-a-feed.html"), "[red]Bad[/red]"))
        app = DatelineApp(str(tmp_path / "db"))
        try:
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await settle(pilot)
                await pilot.press("ctrl+p")
                await pilot.press(*"fetch feeds now")
                await pilot.pause(0.3)
                await pilot.press("enter")
                await _until(pilot, lambda: any("failed" in m for m in _messages(app)))
                shown = _toasts(app)
                assert any(line.startswith("0 new articles from 1 feed; 1 failed: [red]Bad[/red]: ") for line in shown)
                assert any("not a feed (an HTML page)" in line for line in shown)
        finally:
            if app.store is not None:
                app.store.close()


@run_async
async def test_a_read_only_window_says_why_and_fetches_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    with serve() as server:
        _store_with_feeds(tmp_path / "db", (server.url("/feed.xml"), "Example"))
        (tmp_path / "db" / ".writer.lock").unlink(missing_ok=True)
        (tmp_path / "db" / ".writer.lock").mkdir()  # a store this window may not write
        app = DatelineApp(str(tmp_path / "db"))
        try:
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                await pilot.press("F")
                await settle(pilot)
                assert any(m.startswith("Read-only:") for m in _messages(app))
                assert server.requests == []
        finally:
            if app.store is not None:
                app.store.close()


@run_async
async def test_the_status_bar_shows_the_fetch_as_it_goes(tmp_path, monkeypatch):
    import threading

    import dateline.store.ingest.follow as follow

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    go, halfway, finish = threading.Event(), threading.Event(), threading.Event()

    def slow_fetch(store, feeds, on_feed=None, **_kw):
        summary = follow.FetchSummary()
        go.wait(10)
        for n, feed in enumerate(feeds, 1):
            summary.results.append(follow.FeedResult(feed))
            on_feed(summary.results[-1], n, len(feeds))
            halfway.set()
            finish.wait(10)
        return summary

    monkeypatch.setattr(follow, "fetch_feeds", slow_fetch)
    _store_with_feeds(tmp_path / "db", ("http://a.example/rss", "A"), ("http://b.example/rss", "B"))
    app = DatelineApp(str(tmp_path / "db"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("F")
            await _until_shown(pilot, app, "fetching 2 feeds…")
            go.set()
            halfway.wait(10)
            await _until_shown(pilot, app, "fetching feeds: 1 of 2 done…")
            finish.set()
            await _until(pilot, lambda: any("new article" in m for m in _messages(app)))
            assert _messages(app)[-1] == "0 new articles from 2 feeds"
            assert "fetching" not in screen_text(app).splitlines()[-1]
    finally:
        go.set()
        finish.set()
        if app.store is not None:
            app.store.close()


async def _until_shown(pilot, app, text: str) -> None:
    deadline = time.monotonic() + 10
    while text not in screen_text(app).splitlines()[-1]:
        assert time.monotonic() < deadline, screen_text(app).splitlines()[-1]
        await pilot.pause(0.05)
