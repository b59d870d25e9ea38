"""Ingest: read files (or fetched feeds and pages) in any supported format, extract, and store them in batches.

Parsers (``formats.py`` and friends) turn files into ``ParsedArticle``s or one-line
``IngestError``s; this module runs them over a batch of paths, skips articles already stored,
extracts the rest and commits them a batch at a time, so a failure part-way keeps what was done
and never touches what was stored before.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from dateline.store.index.catalog import text_hash
from dateline.store.errors import StoreError
from dateline.store.safe_text import escape_controls
from dateline.store.store import Store
from dateline.store.writing import NewArticle
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.validate import check_article, readable_name

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

BATCH = 500
PARALLEL_FROM = 64  # fewer articles than this are extracted in this process: a pool costs more than it saves


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    files: int = 0
    skipped: list[str] = field(default_factory=list)  # files in a folder of kinds Dateline does not read
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    processes: int = 1  # how many processes extracted: the pool's size, or 1 when this process did
    seconds: float = 0.0  # reading, extracting and storing, from the first file to the last commit

    def rate(self) -> str:
        return speed_line(self.new, self.seconds, self.processes)


def speed_line(articles: int, seconds: float, processes: int) -> str:
    """The speed line ingest and reextract print: articles/s in all and per extracting process."""
    per_s = articles / seconds if seconds > 0 else 0.0
    many = "es" if processes > 1 else ""
    return (f"{articles} articles in {seconds:.1f} s: {per_s:.0f} articles/s, "
            f"{per_s / processes:.0f} per process ({processes} extraction process{many})")


def extract_article(body: str, published: str | None, known: dict[str, str] | None = None,
                    backend: str = "builtin") -> tuple[dict, list[tuple[int, int]]]:
    """Run the extractor on one body; returns (extraction, sentence offsets)."""
    from dateline.store.extract import extract
    from dateline.store.extract.sentences import split_sentences

    return extract(body, published, known=known, backend=backend), split_sentences(body)


class _Batch:
    """Articles waiting to be committed, with the keys that recognise a repeat inside the batch.

    ``commit`` starts extracting the waiting articles and then stores the batch before them, extracted
    meanwhile: the one writer commits while the pool extracts (``flush`` stores the last one too)."""

    def __init__(self) -> None:
        self.items: list[NewArticle] = []
        self.keys: set[str] = set()
        self._flight: tuple[list[NewArticle], set[str], Callable[[], Iterable]] | None = None

    def holds(self, art: ParsedArticle) -> bool:
        flight = self._flight[1] if self._flight else ()
        digest = text_hash(art.body)
        return any(digest in keys or bool(art.url and art.url in keys) for keys in (self.keys, flight))

    def add(self, item: NewArticle) -> None:
        self.items.append(item)
        self.keys.add(text_hash(item.body))
        if item.url:
            self.keys.add(item.url)

    def commit(self, store: Store, extractor: Extractor, summary: IngestSummary,
               say: Callable[[str], None]) -> None:
        """Start extracting the waiting articles, then store the batch extracted before them."""
        started = (self.items, self.keys, extractor.start([(a.body, a.published) for a in self.items])) \
            if self.items else None
        self._store(store, summary, say)
        self._flight = started
        self.items, self.keys = [], set()

    def flush(self, store: Store, extractor: Extractor, summary: IngestSummary,
              say: Callable[[str], None]) -> None:
        """Extract and store everything still waiting. The last batch has nothing to overlap with, so it is
        stored in quarters as their extraction ends: the writer's last commit is a quarter, not a batch."""
        if self.items:
            self.commit(store, extractor, summary, say)
        self._store(store, summary, say, final=True)

    def _store(self, store: Store, summary: IngestSummary, say: Callable[[str], None], final: bool = False) -> None:
        """Store the batch in flight (in one commit, or in quarters if ``final``); an article whose extraction
        failed is named and left out."""
        if self._flight is None:
            return
        items, _keys, results = self._flight
        piece = max(PARALLEL_FROM, -(-len(items) // 4)) if final else len(items)
        stored: list[NewArticle] = []
        for item, result in zip(items, results()):
            if isinstance(result, str):
                summary.new -= 1
                _fail(summary, f"{item.origin}: extraction failed ({result}); not stored", say)
                continue
            item.extraction, item.sentences = result
            stored.append(item)
            if len(stored) >= piece:
                store.add_articles(stored)
                stored = []
        if stored:
            store.add_articles(stored)
        self._flight = None


_WORKER: dict = {}  # in a pool process: the known names and the backend, sent once when it starts


def _start_worker(known: dict[str, str], backend: str) -> None:
    _WORKER.update(known=known, backend=backend)


def _extract_one(args: tuple) -> tuple[dict, list[tuple[int, int]]] | str:
    """One article's extraction, or the error that stopped it as one line (a bug must not stop the batch)."""
    body, published = args
    try:
        return extract_article(body, published, _WORKER["known"], _WORKER["backend"])
    except Exception as err:  # noqa: BLE001 - one article must not stop the batch
        return f"{type(err).__name__}: {err}"


class Extractor:
    """Runs extraction over a batch: in this process for a few articles (or ``jobs=1``), in a pool of
    ``jobs`` processes (default: one per core) for many. Each result is (extraction, sentences), or the
    error that stopped that article as one line. The known names go to each pool process once, when it
    starts (not with every article: at 100,000 articles they are tens of thousands of names)."""

    PARALLEL_FROM = PARALLEL_FROM

    def __init__(self, known: dict[str, str], backend: str, jobs: int | None = None):
        self.known = known
        self.backend = backend
        self.workers = max(1, jobs or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def start(self, items: list[tuple[str, str | None]]) -> Callable[[], Iterator[tuple[dict, list] | str]]:
        """Start extracting ``items``; returns the call that yields their results in order, each when ready."""
        if len(items) < self.PARALLEL_FROM or self.workers < 2:
            _start_worker(self.known, self.backend)
            results = [_extract_one(item) for item in items]
            return lambda: iter(results)
        pending = self._started_pool().map(_extract_one, items, chunksize=16)  # submitted now, read in order
        return lambda: pending

    @property
    def pooled(self) -> bool:
        """Whether a pool of processes was started (else every article was extracted in this process)."""
        return self._pool is not None

    def prewarm(self) -> None:
        """Start the pool's processes now (they take a moment to import), if there are several: called when
        the input is known to be large, so the first batch finds them ready."""
        if self.workers >= 2:
            self._started_pool()

    def _started_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: ingest may run beside the app's threads, and forking threads can deadlock
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.known, self.backend))
            for _ in range(self.workers):  # each process starts (and imports) now, beside the reading of files
                self._pool.submit(int)
        return self._pool

    def run(self, items: list[tuple[str, str | None]]) -> list[tuple[dict, list] | str]:
        return list(self.start(items)())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def ingest_paths(store: Store, args: list[str], *, backend: str = "builtin", stdin: bytes | BinaryIO | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_message: Callable[[str], None] | None = None,
                 follow_symlinks: bool = False, jobs: int | None = None) -> IngestSummary:
    """Ingest every file ``args`` name (files, folders, globs, ``-``, http(s) URLs) into ``store``.

    Each ``on_message`` line is one line with its control characters escaped (``escape_controls``)."""
    from dateline.store.ingest.sources import expand_sources

    from dateline.store.extract.naming.names import SPACY_MISSING, backend_names

    if backend not in backend_names():  # one clear error before anything is read, not one per article
        raise StoreError(SPACY_MISSING if backend == "spacy" else f"unknown name-finder backend {backend!r}")

    def say(line: str) -> None:  # file names and article fields reach a terminal: one inert line each
        if on_message is not None:
            on_message(escape_controls(line))

    summary = IngestSummary()
    files, errors, skipped = expand_sources(args, follow_symlinks=follow_symlinks, other_kinds=summary.skipped)
    for err in errors:
        _fail(summary, str(err), say)
    for line in skipped:
        _warn(summary, line, say)
    for path in summary.skipped:
        say(f"skipped: {path}: not a kind of file Dateline reads (name it on its own to try it)")
    extractor = Extractor(store.known_names(), backend, jobs)
    if _large_input(files):
        extractor.prewarm()
    batch = _Batch()
    summary.files = len(files)
    started = time.perf_counter()
    try:
        _ingest_files(store, files, stdin, batch, extractor, summary, say, on_progress)
    finally:
        extractor.close()
    summary.seconds = time.perf_counter() - started
    summary.processes = extractor.workers if extractor.pooled else 1
    return summary


def ingest_articles(store: Store, articles: Iterable[ParsedArticle], *, backend: str = "builtin",
                    on_message: Callable[[str], None] | None = None, jobs: int | None = None) -> IngestSummary:
    """Store articles already read (a fetched feed or page) as ``ingest_paths`` stores a file's."""

    def say(line: str) -> None:  # feed titles and URLs reach a terminal: one inert line each
        if on_message is not None:
            on_message(escape_controls(line))

    summary = IngestSummary()
    extractor = Extractor(store.known_names(), backend, jobs)
    batch = _Batch()
    try:
        for art in articles:
            _take(store, art, batch, summary, say)
            if len(batch.items) >= BATCH:
                batch.commit(store, extractor, summary, say)
        batch.flush(store, extractor, summary, say)
    finally:
        extractor.close()
    return summary


def _large_input(files: list[str]) -> bool:
    """Enough to read that the pool will be used: many files, or large ones (a JSONL of many articles)."""
    if len(files) >= PARALLEL_FROM:
        return True
    size = 0
    for path in files:
        try:
            size += os.stat(path).st_size if path != "-" else 0
        except OSError:
            continue  # reading it will say what is wrong
    return size >= 512 * 1024


def _ingest_files(store, files, stdin, batch, extractor, summary, say, on_progress) -> None:
    from dateline.store.ingest.formats.formats import parse_source
    from dateline.store.ingest.sources import is_url

    for n, path in enumerate(files, 1):
        try:
            if is_url(path):
                from dateline.store.ingest.follow import read_url  # the network, only when a URL is given

                parsed = read_url(path)
            else:
                parsed = parse_source(path, stdin if path == "-" else None)
        except IngestError as err:
            _fail(summary, str(err), say)
            parsed = []
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the batch
            _fail(summary, f"{path}: could not be read ({type(err).__name__}: {err})", say)
            parsed = []
        for art in parsed:
            _take(store, art, batch, summary, say)
            if len(batch.items) >= BATCH:
                batch.commit(store, extractor, summary, say)
        if on_progress:
            on_progress(n, len(files))
    batch.flush(store, extractor, summary, say)


def _fail(summary: IngestSummary, line: str, say: Callable[[str], None]) -> None:
    line = readable_name(line)  # a file name with undecodable bytes shows them as \xNN
    summary.failed += 1
    summary.errors.append(line)
    say(f"error: {line}")


def _warn(summary: IngestSummary, line: str, say: Callable[[str], None]) -> None:
    line = readable_name(line)
    summary.warnings.append(line)
    say(f"warning: {line}")


def _take(store: Store, art: ParsedArticle, batch: _Batch, summary: IngestSummary,
          say: Callable[[str], None]) -> None:
    try:
        check_article(art)
    except ValueError as err:
        _fail(summary, f"{art.origin}: {err}", say)
        return
    for note in art.file_notes:
        _warn(summary, f"{art.file}: {note}", say)
    for w in art.warnings:
        _warn(summary, f"{art.origin}: {w}", say)
    if not art.body.strip():
        _fail(summary, f"{art.origin}: has no text", say)
        return
    if store.known_article(art.url, art.body) or batch.holds(art):
        summary.unchanged += 1
        return
    batch.add(NewArticle(title=art.title, body=art.body, url=art.url, source=art.source,
                         published=art.published, origin=art.origin))
    summary.new += 1
