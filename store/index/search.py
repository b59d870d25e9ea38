"""Full-text search over article bodies: a SQLite FTS5 index kept as a rebuildable cache (issue 16).

Why a cache and not a store file: the store's files are all checksummed in ``dateline.json`` and
written by journaled commits; an index rewritten at every ingest would have to become a new
generation of a large file each time. Article bodies never change once stored (ids are content
hashes; re-extraction changes entities, not text), so the index can live outside the store, in the
user cache folder (``search/<store id hash>.sqlite``), and be checked against the store on every
use: articles it lacks (ours or another writer's commits) are added; if the store lost any, or the
file cannot be read, it is built again. The store and its integrity checks are untouched.

FTS5 comes with Python's ``sqlite3`` (phrase queries, bm25 ranking, no new dependency). The table is
contentless (``content=''``): it keeps only the index, not a second copy of every body (15% of a
100,000-article store instead of 78%); snippets are cut from the store's own text.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters around a match in a snippet
BATCH = 500
LAYOUT = 1  # the index file's layout (PRAGMA user_version); a file of another layout is built again
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    score: float  # bm25: lower is better (0 when unranked)


def parse_query(text: str) -> list[str]:
    """The words and "quoted phrases" of a query, each as a list of words joined by spaces."""
    terms = []
    for phrase, word in _TERM.findall(text):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            terms.append(" ".join(words))
    return terms


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term must occur; each is a quoted string (no FTS syntax leaks)."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def match_spans(body: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in ``body`` (whole words, any case, phrases across any spacing), in order."""
    if not terms:
        return []
    pattern = "|".join(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)"
                       for term in sorted(terms, key=len, reverse=True))
    return [m.span() for m in re.finditer(pattern, body, re.IGNORECASE)]


def snippet(body: str, terms: list[str], width: int = 160) -> str:
    """A window of ``body`` around its first match, each match between MARK_START and MARK_END."""
    body = body.replace(MARK_START, " ").replace(MARK_END, " ")  # a body's own marks are not matches
    spans = match_spans(body, terms)
    if not spans:
        return body[:width]
    first = max(0, spans[0][0] - width // 3)
    last = min(len(body), first + width)
    out, at = [], first
    for start, end in spans:
        if start < first or end > last:
            continue
        out += [body[at:start], MARK_START, body[start:end], MARK_END]
        at = end
    out.append(body[at:last])
    text = "".join(out).replace(MARK_START + MARK_END, "")
    return ("…" if first else "") + text + ("…" if last < len(body) else "")


def cache_path(store_key: str) -> Path:
    from platformdirs import user_cache_dir

    name = hashlib.sha256(store_key.encode()).hexdigest()[:24]
    return Path(user_cache_dir("dateline", appauthor=False)) / "search" / f"{name}.sqlite"


class SearchIndex:
    """The FTS5 index of one store's article bodies."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:  # not a database, damaged, or another layout: it is only a cache
            for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, LAYOUT) or (version == 0 and db.execute(
                "SELECT count(*) FROM sqlite_master").fetchone()[0]):
            db.close()
            raise sqlite3.DatabaseError(f"search index layout {version}, not {LAYOUT}")
        db.execute(f"PRAGMA user_version = {LAYOUT}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS body USING fts5(text, content='',"
                   " tokenize='unicode61 remove_diacritics 2')")
        db.execute("CREATE TABLE IF NOT EXISTS docs (n INTEGER PRIMARY KEY, aid TEXT UNIQUE NOT NULL)")
        db.execute("PRAGMA quick_check").fetchone()
        return db

    @classmethod
    def for_store(cls, store) -> SearchIndex:
        key = getattr(store.manifest, "store_id", "") or str(Path(store.path).resolve())
        return cls(cache_path(key))

    def close(self) -> None:
        self.db.close()

    def indexed(self) -> set[str]:
        return {aid for (aid,) in self.db.execute("SELECT aid FROM docs")}

    def update(self, article_ids: Iterable[str], body: Callable[[str], str],
               progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the index to exactly ``article_ids``: add the missing bodies; if the store lost an
        article, build it again (a contentless index cannot forget one text). Returns how many were added."""
        wanted = list(dict.fromkeys(article_ids))
        have = self.indexed()
        if have.difference(wanted):
            with self.db:
                self.db.execute("INSERT INTO body(body) VALUES('delete-all')")
                self.db.execute("DELETE FROM docs")
            have = set()
        missing = [aid for aid in wanted if aid not in have]
        for start in range(0, len(missing), BATCH):
            chunk = missing[start:start + BATCH]
            with self.db:
                for aid in chunk:
                    number = self.db.execute("INSERT INTO docs (aid) VALUES (?)", (aid,)).lastrowid
                    self.db.execute("INSERT INTO body (rowid, text) VALUES (?, ?)", (number, body(aid)))
            if progress:
                progress(start + len(chunk), len(missing))
        return len(missing)

    def search(self, query: str, limit: int = 200, within: set[str] | None = None,
               budget: float | None = None) -> tuple[list[Hit], bool]:
        """(the best ``limit`` articles for ``query``, ranked?). Every word and "phrase" must occur;
        ``within`` keeps only those article ids (the current focus and filters). With ``budget``
        (seconds), a ranking that takes longer gives way to the first ``limit`` matches unranked, so
        a very common word still answers at once; the caller ranks again without a budget."""
        terms = parse_query(query)
        if not terms:
            return [], True
        match = fts_query(terms)
        where, args = "body MATCH ?", [match]
        if within is not None:
            numbers = [n for (n,) in self.db.execute(
                "SELECT n FROM docs WHERE aid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(within)),))]
            where += " AND rowid IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(numbers))
        ranked = True
        if budget is not None:
            deadline = time.perf_counter() + budget
            self.db.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
        try:
            rows = self.db.execute(f"SELECT rowid, rank FROM body WHERE {where} ORDER BY rank LIMIT ?",
                                   (*args, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            self.db.set_progress_handler(None, 0)
            rows = self.db.execute(f"SELECT rowid, 0 FROM body WHERE {where} LIMIT ?", (*args, limit)).fetchall()
            ranked = False
        finally:
            self.db.set_progress_handler(None, 0)
        aids = dict(self.db.execute(f"SELECT n, aid FROM docs WHERE n IN ({','.join('?' * len(rows))})",
                                    [n for n, _ in rows])) if rows else {}
        return [Hit(aids[n], score) for n, score in rows if n in aids], ranked

    def size(self) -> int:
        return sum(os.path.getsize(p) for p in self.path.parent.glob(self.path.name + "*"))


def index_store(store, progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the search index of ``store`` up to date (at ingest, and before a search)."""
    index = SearchIndex.for_store(store)
    try:
        return index.update((a.id for a in store.articles()), store.body, progress)
    finally:
        index.close()
