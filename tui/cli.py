"""The ``dateline`` command: open the explorer, or ingest, extract, re-extract, export, stats, log, feeds, fetch.

Store location: ``--db`` > ``$DATELINE_DB`` > the platform's user data folder.
Exit status: 0 done; 1 some input failed; 2 usage; 3 the store could not be opened or written.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rich.console import Console

from store import Store, StoreError
from store.safe_text import escape_controls, json_inert
from tui.cli_feeds import COMMANDS as FEED_COMMANDS, add_parsers as add_feed_parsers

WAIT_SECONDS = 30.0


def default_db() -> Path:
    env = os.environ.get("DATELINE_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dateline", appauthor=False)) / "store"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="dateline", description="A keyboard-first terminal explorer for news.")
    ap.add_argument("--db", type=Path, help="store folder (default: $DATELINE_DB or the user data folder)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="store folder")
    ing = sub.add_parser("ingest", parents=[db_opt], help="add articles from files, folders, globs, - or URLs")
    ing.add_argument("paths", nargs="*", help="files, folders (recursive), globs, - for stdin, or feed/page URLs")
    ing.add_argument("--demo", action="store_true", help="ingest the bundled demo corpus")
    ing.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    ing.add_argument("--wait", type=float, default=WAIT_SECONDS,
                     help="seconds to wait for another writer (default %(default)s)")
    st = sub.add_parser("stats", parents=[db_opt], help="counts of what the store holds")
    st.add_argument("--json", action="store_true")
    sub.add_parser("extract", help="print one article's extraction as JSON (see `dateline extract -h`)",
                   add_help=False)
    rx = sub.add_parser("reextract", parents=[db_opt], help="run extraction again; hand edits are kept")
    rx.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    rx.add_argument("--wait", type=float, default=WAIT_SECONDS)
    lg = sub.add_parser("log", parents=[db_opt], help="print the edit log")
    lg.add_argument("--json", action="store_true")
    ck = sub.add_parser("check", parents=[db_opt],
                        help="read every file of the store and name each problem (writes nothing)")
    ck.add_argument("--json", action="store_true", help="the report as one JSON document")
    rp = sub.add_parser("repair", parents=[db_opt],
                        help="repair a damaged store, keeping a copy of every file it replaces")
    rp.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    rp.add_argument("--wait", type=float, default=WAIT_SECONDS)
    ex = sub.add_parser("export", parents=[db_opt], help="export records for other tools")
    ex.add_argument("--format", required=True, choices=["json", "jsonl", "csv", "md", "ftm", "gexf", "timelinejs"])
    ex.add_argument("--entity", action="append", default=[], help="entity name (repeatable)")
    ex.add_argument("--type", action="append", default=[], help="entity type (repeatable)")
    ex.add_argument("--tag", action="append", default=[], help="entity tag (repeatable)")
    ex.add_argument("--from", dest="date_from", help="earliest date (YYYY[-MM[-DD]])")
    ex.add_argument("--to", dest="date_to", help="latest date (YYYY[-MM[-DD]])")
    ex.add_argument("-o", "--output", default="-", help="output path, or - for stdout")
    add_feed_parsers(sub, db_opt, WAIT_SECONDS)
    return ap


def console(*, stderr: bool = False) -> Console:
    """A console for messages: no markup, emoji codes or highlighting, and no wrapping of long lines."""
    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=True)


def say(where: Console, line: object) -> None:
    """Print one message as exactly one inert line: file names, paths, names and tags in it may hold
    escape sequences, newlines or bidi overrides, which are shown as ``\\x1b``, ``\\n``, ``\\u202e``."""
    where.print(escape_controls(line), markup=False, emoji=False, highlight=False)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["extract"]:
        from store.extract.cli import main as extract_main

        return extract_main(argv[1:])
    args = _parser().parse_args(argv)
    db = args.db or default_db()
    err = console(stderr=True)
    try:
        if args.command is None:
            return _open_app(db)
        return COMMANDS[args.command](args, db, err)
    except StoreError as exc:
        say(err, f"dateline: {exc}")
        return 3
    except KeyboardInterrupt:
        say(err, "dateline: interrupted; everything committed before now is kept")
        return 130


def _open_app(db: Path) -> int:
    from store.manifest import load_manifest
    from tui.app import run_app

    load_manifest(db, create=True)  # a folder that is not a store fails here, with one clear line
    run_app(db)  # the app opens the store in a worker and paints at once
    return 0


def _writer(db: Path, wait: float, err: Console) -> Store:
    return Store.open(db, wait=wait, on_wait=lambda line: say(err, line))


def cmd_ingest(args, db: Path, err: Console) -> int:
    paths = list(args.paths)
    if args.demo:
        from store.demo import demo_paths

        paths += [str(p) for p in demo_paths()]
    if not paths:
        say(err, "dateline ingest: name at least one file, folder, glob or -")
        return 2
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    with _writer(db, args.wait, err) as store:
        summary = _run_with_progress(store, paths, args.extractor, stdin, err)
        _index_for_search(store, err)
    say(err, f"{summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed (store: {db})")
    return 1 if summary.failed else 0


def _index_for_search(store, err: Console) -> None:
    """Add the new articles to the full-text search cache (a failure costs only a slower first search)."""
    import sqlite3

    from store.search import index_store

    try:
        index_store(store)
    except (OSError, sqlite3.Error) as exc:
        say(err, f"search index not updated ({exc}); the app builds it at the first search")


def _run_with_progress(store, paths, backend, stdin, err: Console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store.ingest import ingest_paths

    progress = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=None)

        def tick(done: int, total: int) -> None:
            if total > 5:
                progress.update(task, completed=done, total=total)

        return ingest_paths(store, paths, backend=backend, stdin=stdin, on_progress=tick,
                            on_message=lambda line: say(progress.console, line))


def cmd_stats(args, db: Path, err: Console) -> int:
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats))
        return 0
    out = console()
    say(out, f"store      {db}")
    say(out, f"articles   {stats['articles']}  ({stats['first_published'] or '—'} … {stats['last_published'] or '—'})")
    ents = ", ".join(f"{t} {n}" for t, n in stats["entities"].items()) or "none"
    say(out, f"entities   {sum(stats['entities'].values())}  ({ents})")
    for label in ("mentions", "events", "figures"):
        say(out, f"{label:<10} {stats[label]}")
    return 0


def cmd_reextract(args, db: Path, err: Console) -> int:
    from store.ingest import extract_article

    with _writer(db, args.wait, err) as store:
        known = store.known_names()
        n = store.reextract(lambda body, published: extract_article(body, published, known, args.extractor))
    say(err, f"re-extracted {n} articles; hand edits kept (store: {db})")
    return 0


def cmd_log(args, db: Path, err: Console) -> int:
    with Store.open(db, readonly=True) as store:
        edits = store.log()
    if args.json:
        for e in edits:
            print(json_inert(json.dumps({"seq": e.seq, "at": e.at, "who": e.who, "action": e.action,
                                         "summary": e.summary, "before": e.before, "after": e.after},
                                        ensure_ascii=False)))
        return 0
    out = console()
    for e in edits:
        say(out, f"{e.seq:>5}  {e.at}  {e.who:<10} {e.action:<8} {e.summary}")
    if not edits:
        say(out, "no edits yet")
    return 0


def cmd_export(args, db: Path, err: Console) -> int:
    from store.export import ExportError, export, filtered_selection

    with Store.open(db, readonly=True) as store:
        try:
            selection = filtered_selection(store, entities=args.entity, types=args.type, tags=args.tag,
                                           date_from=args.date_from, date_to=args.date_to)
            n = export(store, selection, args.format, None if args.output == "-" else args.output)
        except ExportError as exc:
            say(err, f"dateline export: {exc}")
            return 3
    if args.output != "-":
        say(err, f"wrote {n} records to {args.output}")
    return 0


def cmd_check(args, db: Path, err: Console) -> int:
    from store.check import check_store

    report = check_store(db)
    if args.json:
        print(json.dumps({"ok": report.ok, "problems": report.problems, "notes": report.notes,
                          "articles": report.articles, "shards": report.shards, "edits": report.edits}))
        return 0 if report.ok else 3
    out = console()
    for line in report.problems:
        say(err, f"damaged: {line}")
    for line in report.notes:
        say(out, f"note: {line}")
    if report.ok:
        say(out, f"ok: {report.articles} articles in {report.shards} shards, {report.edits} logged edits; "
                 f"every file matches its checksum (store: {db})")
        return 0
    say(err, f"{len(report.problems)} problem(s); `dateline repair --db {db}` fixes what can be fixed, "
             "keeping a copy of every file it replaces")
    return 3


def cmd_repair(args, db: Path, err: Console) -> int:
    from store.check import check_store
    from store.ingest import extract_article
    from store.repair import repair_store

    lines = repair_store(db, lambda body, published: extract_article(body, published, {}, args.extractor),
                         wait=args.wait)
    for line in lines:
        say(err, line)
    after = check_store(db)
    if not after.ok:
        for line in after.problems:
            say(err, f"still damaged: {line}")
        return 3
    return 0


COMMANDS = {"ingest": cmd_ingest, "stats": cmd_stats, "reextract": cmd_reextract, "log": cmd_log,
            "export": cmd_export, "check": cmd_check, "repair": cmd_repair, **FEED_COMMANDS}


if __name__ == "__main__":
    sys.exit(main())
