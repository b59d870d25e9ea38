"""The ``dateline`` command: open the explorer, or ingest, extract, re-extract, export, stats, log.

Store location: ``--db`` > ``$DATELINE_DB`` > the platform's user data folder.
Exit status: 0 done; 1 some input failed; 2 usage; 3 the store could not be opened or written;
141 export's reader closed the pipe.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from rich.console import Console

from store import Store, StoreError

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
    ing = sub.add_parser("ingest", parents=[db_opt], help="add articles from files, folders, globs or -")
    ing.add_argument("paths", nargs="*", help="files, folders (recursive), globs, or - for stdin")
    ing.add_argument("--demo", action="store_true", help="ingest the bundled demo corpus")
    ing.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    ing.add_argument("--follow-symlinks", action="store_true",
                     help="in folders, follow symbolic links that lead out of the folder")
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
    ex = sub.add_parser("export", parents=[db_opt], help="export records for other tools")
    ex.add_argument("--format", required=True, choices=["json", "jsonl", "csv", "md", "ftm", "gexf", "timelinejs"])
    ex.add_argument("--entity", action="append", default=[], help="entity name (repeatable)")
    ex.add_argument("--type", action="append", default=[], help="entity type (repeatable)")
    ex.add_argument("--tag", action="append", default=[], help="entity tag (repeatable)")
    ex.add_argument("--from", dest="date_from", help="earliest date (YYYY[-MM[-DD]])")
    ex.add_argument("--to", dest="date_to", help="latest date (YYYY[-MM[-DD]])")
    ex.add_argument("-o", "--output", default="-", help="output path, or - for stdout")
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["extract"]:
        from store.extract.cli import main as extract_main

        return extract_main(argv[1:])
    args = _parser().parse_args(argv)
    db = args.db or default_db()
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        if args.command is None:
            return _open_app(db)
        return COMMANDS[args.command](args, db, err)
    except StoreError as exc:
        err.print(f"dateline: {exc}", markup=False)
        return 3
    except KeyboardInterrupt:
        err.print("dateline: interrupted; everything committed before now is kept", markup=False)
        return 130


def _open_app(db: Path) -> int:
    from store.manifest import load_manifest
    from tui.app import run_app

    load_manifest(db, create=True)  # a folder that is not a store fails here, with one clear line
    run_app(db)  # the app opens the store in a worker and paints at once
    return 0


def _writer(db: Path, wait: float, err: Console) -> Store:
    return Store.open(db, wait=wait, on_wait=lambda line: err.print(line, markup=False))


def cmd_ingest(args, db: Path, err: Console) -> int:
    paths = list(args.paths)
    if args.demo:
        from store.demo import demo_paths

        paths += [str(p) for p in demo_paths()]
    if not paths:
        err.print("dateline ingest: name at least one file, folder, glob or -", markup=False)
        return 2
    stdin = sys.stdin.buffer if "-" in paths else None  # read when its turn comes, up to the size cap
    with _writer(db, args.wait, err) as store:
        summary = _run_with_progress(store, paths, args.extractor, stdin, err, args.follow_symlinks)
    err.print(f"{summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed "
              f"(store: {db})", markup=False)
    return 1 if summary.failed else 0


def _run_with_progress(store, paths, backend, stdin, err: Console, follow_symlinks: bool = False):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from store.ingest import ingest_paths

    def say(line: str) -> None:
        err.print(line, markup=False)

    progress = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=None)

        def tick(done: int, total: int) -> None:
            if total > 5:
                progress.update(task, completed=done, total=total)

        return ingest_paths(store, paths, backend=backend, stdin=stdin, on_progress=tick,
                            on_message=lambda line: progress.console.print(line, markup=False),
                            follow_symlinks=follow_symlinks)


def cmd_stats(args, db: Path, err: Console) -> int:
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats))
        return 0
    out = Console(highlight=False)
    out.print(f"store      {db}", markup=False)
    out.print(f"articles   {stats['articles']}  ({stats['first_published'] or '—'} … "
              f"{stats['last_published'] or '—'})", markup=False)
    ents = ", ".join(f"{t} {n}" for t, n in stats["entities"].items()) or "none"
    out.print(f"entities   {sum(stats['entities'].values())}  ({ents})", markup=False)
    out.print(f"mentions   {stats['mentions']}\nevents     {stats['events']}\nfigures    {stats['figures']}",
              markup=False)
    return 0


def cmd_reextract(args, db: Path, err: Console) -> int:
    from store.ingest import extract_article

    with _writer(db, args.wait, err) as store:
        known = store.known_names()
        n = store.reextract(lambda body, published: extract_article(body, published, known, args.extractor))
    err.print(f"re-extracted {n} articles; hand edits kept (store: {db})", markup=False)
    return 0


def cmd_log(args, db: Path, err: Console) -> int:
    with Store.open(db, readonly=True) as store:
        edits = store.log()
    if args.json:
        for e in edits:
            print(json.dumps({"seq": e.seq, "at": e.at, "who": e.who, "action": e.action, "summary": e.summary,
                              "before": e.before, "after": e.after}, ensure_ascii=False))
        return 0
    out = Console(highlight=False)
    for e in edits:
        out.print(f"{e.seq:>5}  {e.at}  {e.who:<10} {e.action:<8} {e.summary}", markup=False)
    if not edits:
        out.print("no edits yet", markup=False)
    return 0


def cmd_export(args, db: Path, err: Console) -> int:
    from store.export import ExportError, ExportPipeClosed, export, filtered_selection

    with Store.open(db, readonly=True) as store:
        try:
            selection = filtered_selection(store, entities=args.entity, types=args.type, tags=args.tag,
                                           date_from=args.date_from, date_to=args.date_to)
            n = export(store, selection, args.format, None if args.output == "-" else args.output)
        except ExportPipeClosed:
            _drop_stdout()
            return 141  # what a shell reports for `cat` stopped by a closed pipe (128 + SIGPIPE)
        except ExportError as exc:
            _drop_stdout()
            err.print(f"dateline export: {exc}", markup=False)
            return 3
    if args.output != "-":
        err.print(f"wrote {n} records to {args.output}", markup=False)
    return 0


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


COMMANDS = {"ingest": cmd_ingest, "stats": cmd_stats, "reextract": cmd_reextract, "log": cmd_log,
            "export": cmd_export}


if __name__ == "__main__":
    sys.exit(main())
