"""`dateline feeds` / `fetch` / `ingest URL` against a local HTTP server the test starts (no network)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import Store
from dateline.store.ingest.fetch import FetchError, Limits, fetch, make_client
from tests.feed_server import ETAG, NEWS, PAGE_TEXT, gzip_bomb, serve
from dateline.tui.cli.cli import main


@pytest.fixture
def server():
    with serve() as running:
        yield running


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_feeds_add_then_fetch_stores_entries_and_a_second_fetch_is_conditional(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    url = server.url("/feed.xml")
    assert run(capsys, "feeds", "add", url, "--db", db, "--name", "Example")[0] == 0
    code, out, err = run(capsys, "fetch", "--db", db)
    assert code == 0, err
    assert "Example: 3 new" in out and "3 new articles from 1 feed" in out
    with Store.open(db, readonly=True) as store:
        assert sorted(a.url for a in store.articles()) == sorted(link for _, link, _, _ in NEWS)
        assert {a.published for a in store.articles()} == {"2025-06-09", "2025-06-08", "2025-06-07"}
        feed = store.feed("Example")
        assert (feed.etag, feed.items, feed.last_status) == (ETAG, 3, "ok")
    code, out, err = run(capsys, "fetch", "--db", db)
    assert code == 0 and "Example: 0 new (not modified)" in out and "0 new articles" in out
    sent = [headers for path, headers in server.requests if path == "/feed.xml"]
    assert "If-None-Match" not in sent[0] and sent[1]["If-None-Match"] == ETAG
    assert sent[1]["If-Modified-Since"] == "Mon, 09 Jun 2025 08:00:00 GMT"
    with Store.open(db, readonly=True) as store:
        assert len(store.articles()) == 3 and store.feed("Example").last_status == "not modified"


def test_refetch_without_validators_stores_nothing_twice_and_counts_only_new(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/atom.xml"), "--db", db)
    assert "2 new" in run(capsys, "fetch", "--db", db)[1]
    code, out, _ = run(capsys, "fetch", "--db", db)
    assert code == 0 and ": 0 new" in out and "not modified" not in out
    run(capsys, "feeds", "add", server.url("/feed.xml"), "--db", db, "--name", "Example")
    server.news.append(("Late entry", "http://news.example/late", "Tue, 10 Jun 2025 07:00:00 GMT",
                        "A late entry about the harbour in Lisbon arrived on Tuesday."))
    run(capsys, "fetch", "--db", db, "--feed", "Example")
    with Store.open(db, readonly=True) as store:
        assert len(store.articles()) == 2 + 4


def test_every_kind_of_failure_is_one_line_and_the_rest_is_stored(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    bad = {"/missing.xml": "HTTP 404 Not Found", "/loop-a": "redirect loop", "/not-a-feed.html": "not a feed",
           "/bad.xml": "broken feed", "/slow.xml": "timeout"}
    for path in ["/feed.xml", "/atom.xml", "/gzip.xml", *bad]:
        run(capsys, "feeds", "add", server.url(path), "--db", db)
    started = time.monotonic()
    code, out, err = run(capsys, "fetch", "--db", db, "--timeout", "0.5")
    assert time.monotonic() - started < 3  # the slow feed did not hold up the others
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == len(bad)
    for path, why in bad.items():
        assert any(server.url(path) in line and why in line for line in lines), (path, lines)
    assert "6 new articles from 8 feeds; 5 failed" in out
    assert len(out.splitlines()) == 3 + 1  # the good feeds and the total: a failed feed's line is its error
    with Store.open(db, readonly=True) as store:
        urls = {a.url for a in store.articles()}
        assert "http://zip.example/tram" in urls and "http://atom.example/ferry" in urls  # gzip and Atom
        assert store.feed(server.url("/loop-a")).last_status.startswith("redirect loop")
    code, out, _ = run(capsys, "feeds", "list", "--db", db)
    header, *rows = out.splitlines()
    assert header.split() == ["NAME", "URL", "LAST", "FETCH", "STATUS", "ARTICLES"] and len(rows) == 8
    row = next(r for r in rows if "/missing.xml" in r)
    assert row.index("HTTP 404 Not Found") == header.index("STATUS") and row.endswith("  0")
    assert next(r for r in rows if "/feed.xml" in r).endswith("  3")


def test_a_redirect_is_followed(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/moved.xml"), "--db", db)
    assert run(capsys, "fetch", "--db", db)[1].count("2 new") == 2


def test_a_huge_body_is_refused_after_the_cap_not_read_to_its_end(server):
    limits = Limits(timeout=5, max_bytes=256 * 1024)
    with make_client(limits) as client:
        with pytest.raises(FetchError, match="too large"):
            fetch(client, server.url("/huge.xml"), limits)
    assert server.huge_sent < 64 * 2**20  # the server was going to send 200 MB


def test_a_gzip_bomb_stops_at_the_cap(server):
    """The cap counts decoded bytes: a small compressed body that inflates past it is refused, without
    ever holding much more than the cap in memory."""
    import tracemalloc

    limits = Limits(timeout=5, max_bytes=2**20)
    assert len(gzip_bomb()) < 2**20 / 4
    with make_client(limits) as client:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="too large"):
                fetch(client, server.url("/bomb.xml"), limits)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 8 * 2**20  # the body inflates to 64 MB


def test_full_text_keeps_the_pages_main_text_and_names_a_failed_page(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/summary.xml"), "--db", db)
    code, out, err = run(capsys, "fetch", "--full-text", "--db", db)
    assert code == 1
    assert f"error: {server.url('/gone.html')}: HTTP 404 Not Found; kept the feed's summary" in err
    with Store.open(db, readonly=True) as store:
        by_url = {a.url: a for a in store.articles()}
        museum = store.body(by_url[server.url("/page.html")].id)
        assert "Curator Marie Dubois" in museum and "Home | World" not in museum
        assert by_url[server.url("/page.html")].title == "Museum reopens in Ghent"
        assert store.body(by_url[server.url("/gone.html")].id) == "A short summary of a page that has gone."


def test_without_full_text_the_summary_is_stored(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/summary.xml"), "--db", db)
    assert run(capsys, "fetch", "--db", db)[0] == 0
    with Store.open(db, readonly=True) as store:
        bodies = {store.body(a.id) for a in store.articles()}
    assert "The museum reopens." in bodies
    assert not any(path.endswith(".html") for path, _ in server.requests)


def test_ingest_url_takes_a_page_or_a_feed_by_content(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    code, _, err = run(capsys, "ingest", "--db", db, server.url("/page.html"), server.url("/atom.xml"),
                       server.url("/missing.xml"), server.url("/bad.xml"))
    assert code == 1 and "3 new, 0 unchanged, 2 failed" in err
    assert f"{server.url('/missing.xml')}: HTTP 404 Not Found" in err
    assert f"{server.url('/bad.xml')}: broken feed" in err
    with Store.open(db, readonly=True) as store:
        page = next(a for a in store.articles() if a.url == server.url("/page.html"))
        assert page.published == "2025-06-06" and PAGE_TEXT.split("\n\n")[1][:40] in store.body(page.id)
    code, _, err = run(capsys, "ingest", "--db", db, server.url("/page.html"))
    assert code == 0 and "0 new, 1 unchanged" in err


def test_feeds_list_json_is_the_feeds_export_and_remove_keeps_articles(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/atom.xml"), "--db", db, "--name", "Atom desk")
    run(capsys, "fetch", "--db", db)
    code, out, _ = run(capsys, "feeds", "list", "--json", "--db", db)
    feeds = json.loads(out)["feeds"]
    assert code == 0 and feeds[0]["name"] == "Atom desk" and feeds[0]["items"] == 2
    assert feeds[0]["last_status"] == "ok" and feeds[0]["url"] == server.url("/atom.xml")
    code, out, _ = run(capsys, "feeds", "remove", "Atom desk", "--db", db)
    assert code == 0 and "its 2 articles stay" in out
    assert json.loads(run(capsys, "feeds", "list", "--json", "--db", db)[1]) == {"feeds": []}
    with Store.open(db, readonly=True) as store:
        assert len(store.articles()) == 2


def test_cli_usage_errors(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    assert run(capsys, "feeds", "add", "not a url", "--db", db)[0] == 1
    assert run(capsys, "feeds", "remove", "nothing", "--db", db)[0] == 1
    code, out, _ = run(capsys, "fetch", "--db", db)
    assert code == 0 and "no feeds followed yet" in out
    assert run(capsys, "fetch", "--feed", "nothing", "--db", db)[0] == 2
    with pytest.raises(SystemExit):
        main(["feeds", "--db", db])


def test_feed_text_reaches_the_terminal_inert(tmp_path, server, capsys):
    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/missing.xml"), "--db", db, "--name", "[bold]x[/bold]")
    code, out, err = run(capsys, "fetch", "--db", db)
    assert f"error: [bold]x[/bold]: {server.url('/missing.xml')}: HTTP 404 Not Found" in err
    assert "[bold]x[/bold]" not in out.replace("failed: [bold]x[/bold]", "")  # one line per feed: the error


def test_the_installed_command_adds_and_fetches(tmp_path, server):
    """`dateline feeds add URL && dateline fetch`, twice, as a shell user runs them."""
    exe = shutil.which("dateline", path=str(Path(sys.executable).parent)) or "dateline"
    db = str(tmp_path / "s")

    def dateline(*args):
        return subprocess.run([exe, *args, "--db", db], capture_output=True, text=True, timeout=60)

    assert dateline("feeds", "add", server.url("/feed.xml")).returncode == 0
    first = dateline("fetch")
    assert first.returncode == 0 and "127.0.0.1: 3 new" in first.stdout, first.stderr
    second = dateline("fetch")
    assert second.returncode == 0 and "127.0.0.1: 0 new (not modified)" in second.stdout
    assert [h.get("If-None-Match") for p, h in server.requests] == [None, ETAG]


def test_a_feed_that_crashes_its_parser_is_one_line(tmp_path, server, capsys, monkeypatch):
    import dateline.store.ingest.follow as follow

    def crash(fetched, feed_only=False):
        raise RecursionError("deep")

    db = str(tmp_path / "s")
    run(capsys, "feeds", "add", server.url("/atom.xml"), "--db", db, "--name", "Atom")
    monkeypatch.setattr(follow, "parse_fetched", crash)
    code, out, err = run(capsys, "fetch", "--db", db)
    assert code == 1 and f"error: Atom: {server.url('/atom.xml')}: could not be read (RecursionError)" in err
