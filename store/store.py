"""``Store``: the one API the app and the command line use to read and write a Dateline store.

A store is a folder: ``dateline.json`` (manifest, the commit point), write-once shard files (article bodies,
machine extraction), ``records.json`` (hand edits, edit log) and a writer lock (see ARCHITECTURE.md).

``Store`` is a façade: it owns the open store's ``StoreState`` (``state.py``) and the objects that write
it — ``ArticleWriter`` (ingest, re-extraction), ``Editor`` (hand edits, undo), ``FeedBook`` (followed
feeds) — and answers reads from the state's view (the heavier ones in ``queries.py``). It adds what they
share: the read/write guard for the app's threads and the write turn (the lock, for one commit).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dateline.store.view import queries
from dateline.store.view.edits import Editor
from dateline.store.errors import ReadOnlyStore, StoreCorrupt, StoreLocked
from dateline.store.feeds import _KEEP, Feed, FeedBook
from dateline.store.following import Refreshed, refresh, stamps
from dateline.store.guard.guarding import guard_public_methods
from dateline.store.index.index import MachineIndex
from dateline.store.guard.lock import LockBusy, LockUnavailable, WriterLock
from dateline.store.disk.manifest import Manifest, load_manifest
from dateline.store.model import Article, Edit, Entity, Event, Figure, Mention
from dateline.store.disk.records import Records
from dateline.store.guard.rwlock import ReadWriteLock
from dateline.store.index.sequences import ArticleHits, LazyRecords, Timeline
from dateline.store.state import StoreState
from dateline.store.checks.verify import upgrade
from dateline.store.view.view import View
from dateline.store.writing import ArticleWriter, NewArticle, Progress

WRITE_WAIT = 10.0  # seconds a write waits for another writer's turn (the command line passes its --wait)
OPEN_TRIES = 5  # reads of a store that another process keeps committing to


class Store:
    """An open Dateline store. Use ``Store.open``; close it (or use ``with``) when done."""

    def __init__(self, folder: Path, manifest: Manifest, readonly_reason: str | None = None,
                 wait: float | None = None, on_wait: Callable[[str], None] | None = None):
        self.state = StoreState(folder, manifest, readonly_reason)
        self._lock = None if self.readonly else WriterLock(folder)
        self._wait = WRITE_WAIT if wait is None else wait
        self._on_wait = on_wait
        self._unreported = Refreshed()
        self.guard = ReadWriteLock()  # the app reads from worker threads while its main thread edits
        self._writer = ArticleWriter(self.state, self._write_turn)
        self._editor = Editor(self.state)
        self._feeds = FeedBook(self.state)

    # -- what the state holds, for the command line, the checks and the tests ------------------------
    @property
    def path(self) -> Path:
        return self.state.path

    @property
    def manifest(self) -> Manifest:
        return self.state.manifest

    @property
    def records(self) -> Records:
        return self.state.records

    @property
    def machine(self) -> MachineIndex:
        return self.state.machine

    @property
    def view(self) -> View:
        return self.state.view

    @property
    def readonly(self) -> bool:
        return self.state.readonly

    @property
    def readonly_reason(self) -> str | None:
        return self.state.readonly_reason

    def verify_texts(self) -> None:
        """Check every article body against the manifest; on damage the store stops writing (and says why)."""
        with self.guard.reading():
            ids: dict[str, list[str]] = {}
            for aid, texts_file in self.machine.texts_file.items():
                ids.setdefault(texts_file, []).append(aid)
        self.state.verify_texts(ids)

    def reload(self) -> None:
        """Read the store again from disk, whole (``follow`` reads only what changed)."""
        with self.guard.writing():
            self.state.reload()

    def follow(self) -> Refreshed:
        """Take in what other processes committed since this store last looked (cheap when nothing did):
        new articles, a re-extraction, edits. Also reports what a write turn of ours took in."""
        with self.guard.writing():
            got = refresh(self.state)
            total, self._unreported = self._unreported.plus(got), Refreshed()
            return total

    @contextmanager
    def _write_turn(self) -> Iterator[None]:
        """One write: the store lock for its moment, after reading what others committed meanwhile."""
        self.state.check_writable()
        if not self.state.verified:
            self.verify_texts()  # a store is written, and its debris removed, only once it checked out
        assert self._lock is not None  # a writable store has its lock
        try:
            with self._lock.turn(self._wait, self._on_wait):
                self._take_in_and_tidy()
                yield
                self.state.stamps = stamps(self.path)  # our own commit is not news
        except LockBusy as exc:
            raise StoreLocked(str(exc)) from None
        except LockUnavailable as exc:
            self.state.go_readonly(f"{exc}; read-only")
            raise ReadOnlyStore(f"{exc}; nothing was changed") from None

    def _take_in_and_tidy(self) -> None:
        """Under the lock: what others committed, then an older store's upgrade and dead writers' debris."""
        self._unreported = self._unreported.plus(refresh(self.state))
        self.state.manifest = upgrade(self.state.manifest)
        self.state.tidy_files()  # dead writers' debris, and column caches of catalogs read from JSON

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, wait: float | None = None,
             on_wait: Callable[[str], None] | None = None, verify: bool = True) -> Store:
        """Open (creating if missing) the store at ``path``, after checking every file it reads.

        Any number of processes may open a store to write: each write takes the store's lock only for
        the moment it commits (``wait``: how long to wait for another writer's turn, then
        ``StoreLocked``; ``on_wait`` hears a line saying for whom). A folder Dateline may not write (a
        read-only mount, a lock that is a folder) opens read-only and says why in ``readonly_reason``,
        or, for the command line (``wait`` given), fails with one line. ``verify=False`` leaves the
        article bodies to ``verify_texts`` (the app's loading worker). A store that fails any check
        raises ``StoreCorrupt`` naming the file, and nothing is written. A commit by another process
        while this one reads is no damage: the store is read again from the new manifest.
        """
        folder = Path(path).expanduser()
        for attempt in range(OPEN_TRIES):
            before = stamps(folder)
            try:
                return cls._open_once(folder, readonly, wait, on_wait, verify)
            except StoreCorrupt:
                if attempt == OPEN_TRIES - 1 or stamps(folder) == before:
                    raise
        raise AssertionError("not reached: the last try returns or raises")

    @classmethod
    def _open_once(cls, folder: Path, readonly: bool, wait, on_wait, verify: bool) -> Store:
        manifest = load_manifest(folder, create=not readonly)
        store = cls(folder, manifest, "opened read-only" if readonly else None, wait, on_wait)
        if verify:
            store.verify_texts()
        if not store.readonly:
            store.tidy()
            if store.readonly and wait is not None:  # the command line: a writer that cannot write says so
                reason = (store.readonly_reason or "").removesuffix("; opened read-only")
                raise ReadOnlyStore(f"{reason}; nothing was changed")
        return store

    def tidy(self) -> None:
        """Upgrade an older store and clear dead writers' debris, if the lock is free right now — only once
        every file was checked (the app calls this after ``verify_texts``, in its loading worker)."""
        if self.readonly or not self.state.verified or self._lock is None:
            return
        try:
            if not self._lock.acquire(0):
                return
        except LockUnavailable as exc:  # a folder Dateline may not write: say so, write nothing
            self.state.go_readonly(f"{exc}; opened read-only")
            return
        try:
            with self.guard.writing():
                self._take_in_and_tidy()
                self.state.stamps = stamps(self.path)
        finally:
            self._lock.release()

    def close(self) -> None:
        self.records.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reads ------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Build the indexes reads build on first use (articles by date, months), so that a first
        focus does not pay for them: the app calls this from its loading worker."""
        self.machine.newest_rank()
        self.machine.months()

    def stats(self) -> dict:
        return queries.stats(self.view, self.machine)

    def articles(self) -> Sequence[Article]:
        """Every article, newest first (made as read)."""
        machine = self.machine
        return LazyRecords([(machine.order[n],) for n in machine.newest_numbers()], machine.article)

    def article(self, aid: str) -> Article | None:
        return self.machine.article(aid)

    def body(self, aid: str) -> str:
        return self.state.body(aid)

    def sentence(self, aid: str, start: int, end: int) -> str:
        return self.body(aid)[start:end]

    def entities(self) -> list[Entity]:
        return [ent for e in self.view.entity_ids() if (ent := self.view.entity(e)) is not None]

    def entity(self, eid: str) -> Entity | None:
        return self.view.entity(eid)

    def entities_with_counts(self) -> list[tuple[Entity, int, int, str | None]]:
        """Every entity with its mention count, article count and latest date, in one read."""
        view = self.view
        return [(ent, *view.stats_of(e)) for e in view.entity_ids() if (ent := view.entity(e)) is not None]

    def entity_counts(self, eid: str) -> tuple[int, int]:
        mentions, articles, _ = self.view.stats_of(self.view.resolve(eid) or eid)
        return mentions, articles

    def entity_latest(self, eid: str) -> str | None:
        return self.view.stats_of(self.view.resolve(eid) or eid)[2]

    def mentions_of(self, eid: str) -> list[Mention]:
        return self.view.mentions_of(eid)

    def mentions_in(self, aid: str) -> list[Mention]:
        return self.view.mentions_in(aid)

    def articles_of(self, eid: str | None) -> ArticleHits:
        """The articles naming ``eid``, newest first, each with how many times it does (made as read).
        With ``eid=None``: every article, newest first, with no count."""
        machine = self.machine
        if eid is None:
            return ArticleHits(machine.newest_numbers(), None, machine.order, machine.article)
        numbers, counts = self.view.article_hits(eid)
        return ArticleHits(numbers, counts, machine.order, machine.article)

    def is_listed(self, eid: str) -> bool:
        """Whether ``entities()`` lists ``eid`` (not deleted, merged away, or left with no mention)."""
        return self.view.listed(eid)

    def machine_owners_at(self, mention_id: str) -> set[str]:
        """Entities the extraction found at a mention's span (after merges): whom a mention edit touches."""
        return self.view.machine_owners_at(mention_id)

    def mention(self, mention_id: str) -> Mention | None:
        """One mention by id (``article|start|end``), as it is after hand edits."""
        aid = mention_id.split("|", 1)[0]
        return next((m for m in self.view.mentions_in(aid) if m.id == mention_id), None)

    def event(self, event_id: str) -> Event | None:
        ref = self.machine.event_refs.get(event_id)
        return self.view.events.event(*ref) if ref else None

    def figure(self, figure_id: str) -> Figure | None:
        aid, _, i = figure_id.rpartition(":f")
        known = aid in self.machine.number and i.isdigit() and int(i) < self.machine.figure_count(aid)
        return self.view.events.figure(aid, int(i)) if known else None

    def timeline(self, eid: str | None = None) -> Timeline:
        """Events and figures of ``eid`` (or of the whole store) in one date order, undated last."""
        return self.view.events.timeline_of(eid)

    def record_sources(self, record_id: str, eid: str | None) -> tuple[tuple[str, str, int, int], ...]:
        """Every report of the timeline row ``record_id`` stands for on ``eid``'s timeline, its own first."""
        return queries.record_sources(self.view, self.machine, record_id, eid)

    def events(self, eid: str | None = None) -> Sequence[Event]:
        return self.view.events.events_of(eid)

    def events_in(self, aid: str) -> list[Event]:
        count = self.machine.event_count(aid) if aid in self.machine.number else 0
        return [self.view.events.event(aid, i) for i in range(count)]

    def figures(self, eid: str | None = None) -> Sequence[Figure]:
        return self.view.events.figures_of(eid)

    def figures_in(self, aid: str) -> list[Figure]:
        count = self.machine.figure_count(aid) if aid in self.machine.number else 0
        return [self.view.events.figure(aid, i) for i in range(count)]

    def connected(self, eid: str, limit: int = 20,
                  stop: Callable[[], bool] | None = None) -> list[tuple[Entity, int, int]] | None:
        """Entities that share sentences or articles with ``eid``, most shared sentences first (``queries``);
        None when ``stop`` said the user moved on."""
        return queries.connected(self.view, eid, limit, stop)

    def mention_histogram(self, eid: str) -> list[tuple[str, int]]:
        """(month, mentions) of an entity over the months its articles were published."""
        return queries.mention_histogram(self.view, self.machine, eid)

    def find_entity(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case-insensitive), most mentioned first."""
        return queries.find_entity(self.entities(), lambda e: self.entity_counts(e)[0], name)

    def search_entities(self, query: str, limit: int = 50) -> list[Entity]:
        """Fuzzy search over names and aliases: substring hits first, then in-order letters."""
        return queries.search_entities(self.entities(), lambda e: self.entity_counts(e)[0], query, limit)

    # -- writes: each is done by the object that owns it, in a write turn of its own (``_guarded``) ----
    def known_article(self, url: str | None, body: str) -> str | None:
        return self._writer.known_article(url, body)

    def add_articles(self, items: Iterable[NewArticle]) -> list[str]:
        return self._writer.add_articles(items)

    def reextract(self, extract: Callable[[str, str | None], tuple[dict, list]] | None = None,
                  progress: Progress | None = None, on_error: Callable[[str], None] | None = None,
                  batch: Callable[[list[tuple[str, str | None]]], list] | None = None) -> int:
        return self._writer.reextract(extract, progress, on_error, batch)

    def rename(self, eid: str, name: str) -> Edit:
        return self._editor.rename(eid, name)

    def retype(self, eid: str, etype: str) -> Edit:
        return self._editor.retype(eid, etype)

    def set_note(self, eid: str, notes: str) -> Edit:
        return self._editor.set_note(eid, notes)

    def set_tags(self, eid: str, tags: list[str]) -> Edit:
        return self._editor.set_tags(eid, tags)

    def delete_entity(self, eid: str) -> Edit:
        return self._editor.delete_entity(eid)

    def merge(self, src: str, dst: str) -> Edit:
        return self._editor.merge(src, dst)

    def split_alias(self, eid: str, alias: str) -> Edit:
        return self._editor.split_alias(eid, alias)

    def reject(self, mention_id: str) -> Edit:
        return self._editor.reject(mention_id)

    def relink(self, mention_id: str, eid: str) -> Edit:
        return self._editor.relink(mention_id, eid)

    def mark(self, aid: str, start: int, end: int, name: str, etype: str, link_to: str | None = None,
             propagate: bool = True) -> tuple[Edit, int, int]:
        return self._editor.mark(aid, start, end, name, etype, link_to, propagate)

    def edit_event(self, event_id: str, **fields) -> Edit:
        return self._editor.edit_event(event_id, **fields)

    @property
    def can_undo(self) -> bool:
        return self._editor.can_undo

    @property
    def can_redo(self) -> bool:
        return self._editor.can_redo

    def undo(self) -> Edit | None:
        return self._editor.undo()

    def redo(self) -> Edit | None:
        return self._editor.redo()

    def log(self) -> list[Edit]:
        return self._editor.log()

    def known_names(self) -> dict[str, str]:
        return self._editor.known_names()

    def feeds(self) -> list[Feed]:
        return self._feeds.feeds()

    def feed(self, name_or_url: str) -> Feed | None:
        return self._feeds.feed(name_or_url)

    def add_feed(self, url: str, name: str | None = None) -> Feed:
        return self._feeds.add_feed(url, name)

    def remove_feed(self, name_or_url: str) -> Feed:
        return self._feeds.remove_feed(name_or_url)

    def record_fetch(self, url: str, status: str, new: int = 0, etag: str | None | object = _KEEP,
                     last_modified: str | None | object = _KEEP) -> Feed | None:
        return self._feeds.record_fetch(url, status, new, etag, last_modified)


TURNS = {"add_articles", "rename", "retype", "set_note", "set_tags", "delete_entity", "merge", "split_alias",
         "reject", "relink", "mark", "edit_event", "undo", "redo",
         "add_feed", "remove_feed", "record_fetch"}  # one commit each: one lock turn each
WRITES = TURNS | {"reextract"}  # re-extraction takes its own two turns (writing.py)
guard_public_methods(Store, writes=WRITES, turns=TURNS,
                     unguarded={"open", "reload", "close", "verify_texts", "follow", "tidy"})
