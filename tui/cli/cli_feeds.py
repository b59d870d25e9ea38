"""``dateline feeds add|list|remove`` and ``dateline fetch``: the command line of following the news.

Feed names, URLs and server answers are untrusted: every line is printed through ``clean`` without markup.
Exit status as for ingest: 0 done; 1 a feed or page failed (each has its line, the others were stored);
2 usage; 3 the store could not be opened or written.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

from dateline.store import Store
from dateline.store.feeds import FeedError
from dateline.tui.cli.cli_output import open_writer
from dateline.tui.safe_text import clean


def add_parsers(sub, db_opt: argparse.ArgumentParser, wait_seconds: float) -> None:
    """The ``feeds`` and ``fetch`` sub-commands, on ``dateline``'s sub-parsers."""
    fd = sub.add_parser("feeds", parents=[db_opt], help="follow feeds: add, list, remove")
    act = fd.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = act.add_parser("add", parents=[db_opt], help="follow a feed (RSS or Atom URL)")
    add.add_argument("url", metavar="URL", help="the feed's address")
    add.add_argument("--name", help="a short name for it (default: its host name)")
    _wait(add, wait_seconds)
    ls = act.add_parser("list", parents=[db_opt], help="name, URL, last fetch, status, articles stored")
    ls.add_argument("--json", action="store_true", help="one JSON document (the feeds' export)")
    rm = act.add_parser("remove", parents=[db_opt], help="stop following a feed (its articles stay)")
    rm.add_argument("feed", metavar="NAME|URL", help="the feed's name or address")
    _wait(rm, wait_seconds)
    ft = sub.add_parser("fetch", parents=[db_opt], help="fetch every followed feed and store what is new")
    ft.add_argument("--feed", action="append", default=[], metavar="NAME|URL", help="only this feed (repeatable)")
    ft.add_argument("--full-text", action="store_true",
                    help="fetch each new entry's page and keep its main text when the feed has only a summary")
    ft.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                    help="seconds per feed or page (default %(default)s)")
    ft.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"],
                    help="name finder (default %(default)s)")
    _wait(ft, wait_seconds)


def _wait(parser: argparse.ArgumentParser, seconds: float) -> None:
    parser.add_argument("--wait", type=float, default=seconds, metavar="SECONDS",
                        help="how long to wait for another writer to finish (default %(default)s)")


def _writer(db: Path, wait: float, err: Console) -> Store:
    return open_writer(db, wait, err)


def _say(console: Console, line: str) -> None:
    console.print(clean(line), markup=False, highlight=False)


def _print_table(out: Console, rows: list[tuple[str, ...]]) -> None:
    rows = [tuple(clean(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        out.print("  ".join([*(cell.ljust(w) for cell, w in zip(row, widths)), row[-1]]), markup=False, highlight=False)


def cmd_feeds(args, db: Path, err: Console) -> int:
    out = Console(highlight=False, soft_wrap=True)
    if args.feeds_command == "list":
        with Store.open(db, readonly=True) as store:
            feeds = store.feeds()
        if args.json:
            print(json.dumps({"feeds": [f.as_json() for f in feeds]}, ensure_ascii=False, indent=2))
        elif not feeds:
            _say(out, "no feeds followed yet; add one with `dateline feeds add URL`")
        elif feeds:
            _print_table(out, [("NAME", "URL", "LAST FETCH", "STATUS", "ARTICLES")] + [
                (f.name, f.url, f.last_fetch or "never", f.last_status or "—", str(f.items)) for f in feeds])
        return 0
    with _writer(db, args.wait, err) as store:
        try:
            if args.feeds_command == "add":
                feed = store.add_feed(args.url, args.name)
                _say(out, f"following {feed.name}: {feed.url} (fetch it with `dateline fetch`)")
            else:
                feed = store.remove_feed(args.feed)
                _say(out, f"stopped following {feed.name}: {feed.url}; its {feed.items} articles stay in the store")
        except FeedError as exc:
            _say(err, f"dateline feeds {args.feeds_command}: {exc}")
            return 1
    return 0


def cmd_fetch(args, db: Path, err: Console) -> int:
    from dateline.store.ingest.fetch import Limits
    from dateline.store.ingest.follow import fetch_feeds

    if args.timeout <= 0:
        _say(err, "dateline fetch: --timeout must be more than 0 seconds")
        return 2
    out = Console(highlight=False, soft_wrap=True)
    with _writer(db, args.wait, err) as store:
        feeds = store.feeds()
        if args.feed:
            chosen = [store.feed(name) for name in args.feed]
            missing = [name for name, f in zip(args.feed, chosen) if f is None]
            if missing:
                _say(err, f"dateline fetch: no followed feed is named or located {missing[0]!r} "
                          "(see `dateline feeds list`)")
                return 2
            feeds = list({f.url: f for f in chosen}.values())
        if not feeds:
            _say(out, "no feeds followed yet; add one with `dateline feeds add URL`")
            return 0
        _say(err, f"fetching {len(feeds)} feed{'' if len(feeds) == 1 else 's'}…")

        def done(result, _n, _total) -> None:
            if not result.error:  # a failed feed's line is its error line
                _say(out, f"{result.feed.name}: {result.new} new" + (" (not modified)" if result.not_modified else ""))

        summary = fetch_feeds(store, feeds, full_text=args.full_text, limits=Limits(timeout=args.timeout),
                              backend=args.extractor, on_message=lambda line: _say(err, line), on_feed=done)
    _say(out, f"{summary.line()} (store: {db})")
    return 1 if summary.failed else 0


COMMANDS = {"feeds": cmd_feeds, "fetch": cmd_fetch}
