"""The ``dateline`` command: open the explorer, or ingest, extract, re-extract, export, stats, log, feeds,
fetch, serve, completion. The parser and its help are in ``tui/cli_parser.py``.

Store location: ``--db`` > ``$DATELINE_DB`` > config.toml's ``store`` > the platform's user data folder.
Exit status: 0 done; 1 some input failed (or an export file could not be written); 2 usage or input error
(a filter that names nothing, an existing file without --force); 3 the store could not be opened or written.
A reader that leaves early (``| head``) ends the command quietly with 141, as ``cat`` under a shell does.
"""
from __future__ import annotations

import gc

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dateline.tui.cli.cli_escdelay  # noqa: F401 - sets $ESCDELAY's default before Textual is imported
from rich.console import Console
from rich.progress import Progress

from dateline.store import Store, StoreError
from dateline.store.safe_text import json_inert
from dateline.tui.cli.cli_feeds import COMMANDS as FEED_COMMANDS
from dateline.tui.cli.cli_output import console, open_writer as _writer, say
from dateline.tui.cli.cli_parser import build_parser, completion_script
from dateline.tui.config import Config, load_config


def default_db(config: Config | None = None) -> Path:
    """``$DATELINE_DB``, else config.toml's ``store``, else ``store`` in the user data folder."""
    env = os.environ.get("DATELINE_DB")
    if env:
        return Path(env).expanduser()
    if config is not None and config.store is not None:
        return config.store
    from platformdirs import user_data_dir

    return Path(user_data_dir("dateline", appauthor=False)) / "store"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["extract"]:
        from dateline.store.ingest.extract_filter import main as extract_main

        return extract_main(argv[1:])
    config = load_config()
    args = build_parser(config.extractor or "builtin").parse_args(argv)
    err = console(stderr=True)
    if config.problem:
        say(err, f"dateline: {config.problem}")
    if args.command == "completion":
        sys.stdout.write(completion_script(args.shell))
        return 0
    db = args.db or default_db(config)
    try:
        if args.command is None:
            return _open_app(db, config.theme)
        return COMMANDS[args.command](args, db, err)
    except StoreError as exc:
        say(err, f"dateline: {exc}")
        return 3
    except KeyboardInterrupt:
        say(err, "dateline: interrupted; everything committed before now is kept")
        return 130
    except BrokenPipeError:  # the reader left early (``| head``): no traceback, and no error line
        _drop_stdout()
        return 141  # what a shell reports for `cat` stopped by a closed pipe (128 + SIGPIPE)


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _open_app(db: Path, theme: str | None = None) -> int:
    from dateline.store.disk.manifest import load_manifest
    from dateline.tui.app.app import run_app
    from dateline.tui.cli.cli_escdelay import wake_for_escape

    load_manifest(db, create=True)  # a folder that is not a store fails here, with one clear line
    wake_for_escape()
    run_app(db, theme=theme)  # the app opens the store in a worker and paints at once
    gc.freeze()  # the process is ending: leave the store's objects to the OS, not to a last full collection
    return 0


SPEED_FROM = 20  # fewer articles say nothing about speed: no speed line


def cmd_ingest(args, db: Path, err: Console) -> int:
    paths = list(args.paths)
    if args.extracted:
        return _ingest_extracted(args, db, err)
    if args.demo:
        from dateline.store.demo import demo_paths

        paths += [str(p) for p in demo_paths()]
    if not paths:
        say(err, "dateline ingest: name at least one file, folder, glob or -")
        return 2
    stdin = sys.stdin.buffer if "-" in paths else None  # read when its turn comes, up to the size cap
    with _writer(db, args.wait, err) as store:
        summary = _run_with_progress(store, paths, args.extractor, stdin, err, args.follow_symlinks, args.jobs)
        _index_for_search(store, err)
    skipped = f", {len(summary.skipped)} skipped" if summary.skipped else ""
    if summary.new >= SPEED_FROM:
        say(err, summary.rate())
    say(err, f"{summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed{skipped} (store: {db})")
    return 1 if summary.failed else 0


def _ingest_extracted(args, db: Path, err: Console) -> int:
    """`ingest --extracted RESULTS.jsonl [ARTICLES.jsonl …]`: results of `dateline extract --jsonl` made elsewhere."""
    from dateline.store.ingest.extracted import ingest_extracted

    if args.demo:
        say(err, "dateline ingest: --extracted stores results with their article files; --demo cannot join them")
        return 2
    with _writer(db, args.wait, err) as store:
        summary = ingest_extracted(store, args.extracted, list(args.paths), on_message=lambda line: say(err, line))
        _index_for_search(store, err)
    say(err, f"{summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed (store: {db})")
    return 1 if summary.failed else 0


def _index_for_search(store, err: Console) -> None:
    """Add the new articles to the full-text search cache (a failure costs only a slower first search)."""
    import sqlite3

    from dateline.store.index.search import index_store

    try:
        index_store(store)
    except (OSError, sqlite3.Error) as exc:
        say(err, f"search index not updated ({exc}); the app builds it at the first search")


@contextmanager
def progress_bar(err: Console, label: str, *, least: int = 0) -> Iterator[tuple[Progress, Callable[[int, int], None]]]:
    """A Rich progress bar on standard error when it is a terminal (nothing when piped), and the
    ``tick(done, total)`` callback that moves it; totals of ``least`` or fewer show no bar."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            if total > least:
                bar.update(task, completed=done, total=total)

        yield bar, tick


def _run_with_progress(store, paths, backend, stdin, err: Console, follow_symlinks: bool = False,
                       jobs: int | None = None):
    from dateline.store.ingest import ingest_paths

    with progress_bar(err, "ingesting", least=5) as (bar, tick):
        return ingest_paths(store, paths, backend=backend, stdin=stdin, on_progress=tick,
                            on_message=lambda line: say(bar.console, line), follow_symlinks=follow_symlinks,
                            jobs=jobs)


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
    """Extraction on every core (``--jobs``), the store's lock only for the final switch; an article whose
    extraction fails is kept with nothing extracted, named on one line, and the exit status is 1."""
    from dateline.store.ingest import Extractor, speed_line

    failed: list[str] = []
    started = time.perf_counter()
    with _writer(db, args.wait, err) as store, progress_bar(err, "re-extracting") as (bar, tick):
        def fail(line: str) -> None:
            failed.append(line)
            say(bar.console, line)

        with Extractor(store.known_names(), args.extractor, args.jobs) as extractor:
            n = store.reextract(batch=extractor.run, progress=tick, on_error=fail)
    if n >= SPEED_FROM:
        say(err, speed_line(n, time.perf_counter() - started, extractor.workers if extractor.pooled else 1))
    say(err, f"re-extracted {n} articles{f', {len(failed)} failed' if failed else ''}; hand edits kept "
             f"(store: {db})")
    return 1 if failed else 0


def cmd_log(args, db: Path, err: Console) -> int:
    with Store.open(db, readonly=True) as store:
        edits = store.log()
    if args.json:  # one document, like stats --json and check --json
        rows = [{"seq": e.seq, "at": e.at, "who": e.who, "action": e.action, "summary": e.summary,
                 "before": e.before, "after": e.after} for e in edits]
        print(json_inert(json.dumps({"edits": rows}, ensure_ascii=False)))
        return 0
    out = console()
    for e in edits:
        say(out, f"{e.seq:>5}  {e.at}  {e.who:<10} {e.action:<8} {e.summary}")
    if not edits:
        say(out, "no edits yet")
    return 0


def cmd_export(args, db: Path, err: Console) -> int:
    """Exit 2 for a filter that names nothing or is not a date, or an existing FILE without --force;
    1 when FILE cannot be written (nothing partial is left)."""
    from dateline.store.export import ExportError, ExportPipeClosed, export, filtered_selection

    to_file = args.output != "-"
    if to_file and Path(args.output).expanduser().is_file() and not args.force:  # a device is no file to keep
        say(err, f"dateline export: {args.output} exists; add --force to overwrite it")
        return 2
    with Store.open(db, readonly=True) as store:
        try:
            selection = filtered_selection(store, entities=args.entity, types=args.type, tags=args.tag,
                                           date_from=args.date_from, date_to=args.date_to)
        except ExportError as exc:
            _drop_stdout()
            say(err, f"dateline export: {exc}")
            return 2
        try:
            with progress_bar(err, "exporting", least=0 if to_file else sys.maxsize) as (_bar, tick):
                n = export(store, selection, args.format, args.output if to_file else None, progress=tick)
        except ExportPipeClosed:
            _drop_stdout()
            return 141  # what a shell reports for `cat` stopped by a closed pipe (128 + SIGPIPE)
        except ExportError as exc:
            say(err, f"dateline export: {exc}")
            return 1
    if to_file:
        say(err, f"wrote {n} records to {args.output}")
    return 0


def cmd_check(args, db: Path, err: Console) -> int:
    from dateline.store.checks.check import check_store

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
    from dateline.store.checks.check import check_store
    from dateline.store.ingest import extract_article
    from dateline.store.checks.repair import repair_store

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


def cmd_serve(args, db: Path, err: Console) -> int:
    from dateline.store.disk.manifest import load_manifest
    from dateline.tui.cli.serve import serve

    load_manifest(db, create=True)  # a folder that is not a store fails here, not in every tab
    return serve(db, args.host, args.port, lambda line: say(err, line))


COMMANDS = {"serve": cmd_serve, "ingest": cmd_ingest, "stats": cmd_stats, "reextract": cmd_reextract, "log": cmd_log,
            "export": cmd_export, "check": cmd_check, "repair": cmd_repair, **FEED_COMMANDS}


if __name__ == "__main__":
    sys.exit(main())
