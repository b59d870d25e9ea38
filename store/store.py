"""``Store``: the one API the app and the command line use to read and write a Dateline store.

A store is a folder: ``dateline.json`` (manifest, the commit point), shard files holding article
bodies and machine extraction (write-once), ``records.json`` (hand edits and the edit log) and a
writer lock. See ``manifest.py``, ``shards.py``, ``records.py``, ``view.py`` and ``feeds.py`` (followed feeds).
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from collections.abc import Callable, Sequence
from pathlib import Path

from .bulk import bulk_load
from .edits import EditsMixin
from .errors import ReadOnlyStore, StoreCorrupt, StoreLocked
from .feeds import FeedsMixin
from .index import SLOT, MachineIndex
from .following import Refreshed, refresh, stamps
from .journal import check_fresh, remove_debris
from .lock import LockBusy, LockUnavailable, WriterLock
from .manifest import RECORDS, Manifest, load_manifest
from .model import Article, Entity, Event, Figure, Mention
from .readers import reading
from .records import Records
from .rwlock import ReadWriteLock
from .shards import REGISTRY_TABLE, TextCache, read_catalog, read_table
from .verify import check_catalog, check_counts, check_registry, upgrade, verify_texts
from .view import View
from .sequences import ArticleHits, LazyRecords, Timeline
from .writing import WritingMixin

WRITE_WAIT = 10.0  # seconds a write waits for another writer's turn (the command line passes its --wait)
OPEN_TRIES = 5  # reads of a store that another process keeps committing to
CONNECTED_SCOPE = 5000  # newest articles of an entity over which its connections are counted


class Store(WritingMixin, EditsMixin, FeedsMixin):
    """An open Dateline store. Use ``Store.open``; close it (or use ``with``) when done."""

    def __init__(self, folder: Path, manifest: Manifest, readonly_reason: str | None = None,
                 wait: float | None = None, on_wait: Callable[[str], None] | None = None):
        self.path = folder
        self.manifest = manifest
        self.readonly_reason = readonly_reason
        self.readonly = readonly_reason is not None
        self._lock = None if self.readonly else WriterLock(folder)
        self._wait = WRITE_WAIT if wait is None else wait
        self._on_wait = on_wait
        self._unreported = Refreshed()
        self._verified = False  # every texts file checked (``verify_texts``): only then is anything removed
        self.guard = ReadWriteLock()  # the app reads from worker threads while its main thread edits
        self._load()

    def _load(self) -> None:
        with reading(self.path):  # no writer removes a file while we read the manifest's files
            self._read_files()
        self._texts = TextCache(self.path, {s.texts: s.texts_sum for s in self.manifest.shards})
        self._rebuild_view()

    def _read_files(self) -> None:
        m = self.manifest
        check_fresh(m)
        self._stamps = stamps(self.path)  # taken first: a commit during the read is seen by the next refresh
        self.records = Records(self.path / RECORDS, readonly=self.readonly, store_id=m.store_id, required=m.records)
        catalog_ids: dict[str, list[str]] = {}
        with bulk_load():
            registry = read_table(self.path / m.registry, REGISTRY_TABLE, m.registry_sum) if m.registry else []
            check_registry(self.path / str(m.registry), registry)
            self.machine = MachineIndex(registry)
            for shard in m.shards:
                docs, postings = read_catalog(self.path / shard.catalog, shard.catalog_sum)
                if shard.catalog_sum is None:  # a store from before checksums: check its rows one by one
                    check_catalog(self.path / shard.catalog, docs, postings, len(registry))
                catalog_ids[shard.texts] = [d["id"] for d in docs]
                self.machine.add_shard(docs, postings, shard.texts)
        check_counts(m, catalog_ids)

    def _rebuild_view(self) -> None:
        self.view = View(self.machine, self.records)
        self._init_edits()

    def verify_texts(self) -> None:
        """Check every article body against the manifest; on damage the store stops writing (and says why)."""
        with self.guard.reading():
            manifest, ids = self.manifest, {}
            for aid, texts_file in self.machine.texts_file.items():
                ids.setdefault(texts_file, []).append(aid)
        try:
            with reading(self.path):
                verify_texts(manifest, ids)
        except StoreCorrupt as exc:
            self.readonly, self.readonly_reason = True, f"damaged ({exc})"
            raise
        self._verified = True

    def reload(self) -> None:
        """Read the store again from disk, whole (``follow`` reads only what changed)."""
        with self.guard.writing():
            self.manifest = load_manifest(self.path, create=False)
            self.records.close()
            self._load()

    def follow(self) -> Refreshed:
        """Take in what other processes committed since this store last looked (cheap when nothing did):
        new articles, a re-extraction, edits. Also reports what a write turn of ours took in."""
        with self.guard.writing():
            got = refresh(self)
            total, self._unreported = self._unreported.plus(got), Refreshed()
            return total

    @contextmanager
    def _write_turn(self):
        """One write: the store lock for its moment, after reading what others committed meanwhile."""
        self._check_writable()
        if not self._verified:
            self.verify_texts()  # a store is written, and its debris removed, only once it checked out
        try:
            with self._lock.turn(self._wait, self._on_wait):
                self._unreported = self._unreported.plus(refresh(self))
                self.manifest = upgrade(self.manifest)
                remove_debris(self.manifest)
                yield
                self._stamps = stamps(self.path)  # our own commit is not news
        except LockBusy as exc:
            raise StoreLocked(str(exc)) from None
        except LockUnavailable as exc:
            self.readonly, self.readonly_reason = True, f"{exc}; read-only"
            raise ReadOnlyStore(f"{exc}; nothing was changed") from None

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

    @classmethod
    def _open_once(cls, folder: Path, readonly: bool, wait, on_wait, verify: bool) -> Store:
        manifest = load_manifest(folder, create=not readonly)
        store = cls(folder, manifest, "opened read-only" if readonly else None, wait, on_wait)
        if verify:
            store.verify_texts()
        if not store.readonly:
            store.tidy()
            if store.readonly and wait is not None:  # the command line: a writer that cannot write says so
                raise ReadOnlyStore(f"{store.readonly_reason.removesuffix('; opened read-only')}; nothing was changed")
        return store

    def tidy(self) -> None:
        """Upgrade an older store and clear dead writers' debris, if the lock is free right now — only once
        every file was checked (the app calls this after ``verify_texts``, in its loading worker)."""
        if self.readonly or not self._verified:
            return
        try:
            if not self._lock.acquire(0):
                return
        except LockUnavailable as exc:  # a folder Dateline may not write: say so, write nothing
            self.readonly, self.readonly_reason = True, f"{exc}; opened read-only"
            return
        try:
            with self.guard.writing():
                self._unreported = self._unreported.plus(refresh(self))
                self.manifest = upgrade(self.manifest)
                remove_debris(self.manifest)
                self._stamps = stamps(self.path)
        finally:
            self._lock.release()

    def close(self) -> None:
        self.records.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyStore(f"{self.path}: {self.readonly_reason}; nothing was changed")

    # -- reads ------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Build the indexes reads build on first use (articles by date, months), so that a first
        focus does not pay for them: the app calls this from its loading worker."""
        self.machine.newest_rank()
        self.machine.months()

    def stats(self) -> dict:
        by_type: dict[str, int] = {}
        for eid in self.view.entity_ids():
            ent = self.view.entity(eid)
            by_type[ent.type] = by_type.get(ent.type, 0) + 1
        mentions = sum(self.view.stats_of(e)[0] for e in self.view.entity_ids())
        return {"articles": len(self.machine.order), "entities": dict(sorted(by_type.items())),
                "mentions": mentions, "events": self.machine.n_events,
                "figures": self.machine.n_figures,
                "first_published": self.machine.first_published, "last_published": self.machine.last_published}

    def articles(self) -> Sequence[Article]:
        """Every article, newest first (made as read)."""
        machine = self.machine
        return LazyRecords([(machine.order[n],) for n in machine.newest_numbers()], machine.article)

    def article(self, aid: str) -> Article | None:
        return self.machine.article(aid)

    def body(self, aid: str) -> str:
        return self._texts.body(self.machine.texts_file[aid], aid)

    def sentence(self, aid: str, start: int, end: int) -> str:
        return self.body(aid)[start:end]

    def entities(self) -> list[Entity]:
        return [self.view.entity(e) for e in self.view.entity_ids()]

    def entity(self, eid: str) -> Entity | None:
        return self.view.entity(eid)

    def entities_with_counts(self) -> list[tuple[Entity, int, int, str | None]]:
        """Every entity with its mention count, article count and latest date, in one read."""
        view = self.view
        return [(view.entity(e), *view.stats_of(e)) for e in view.entity_ids()]

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
        return self.view.event(*ref) if ref else None

    def figure(self, figure_id: str) -> Figure | None:
        aid, _, i = figure_id.rpartition(":f")
        doc = self.machine.docs.get(aid)
        return self.view.figure(aid, int(i)) if doc and i.isdigit() and int(i) < len(doc["f"]) else None

    def timeline(self, eid: str | None = None) -> Timeline:
        """Events and figures of ``eid`` (or of the whole store) in one date order, undated last."""
        return self.view.timeline_of(eid)

    def record_sources(self, record_id: str, eid: str | None) -> tuple[tuple[str, str, int, int], ...]:
        """Every report of the timeline row ``record_id`` stands for on ``eid``'s timeline (``event_groups``):
        (article id, record id, sentence start, sentence end), the row's own first; () when unknown."""
        if eid is None or self.view.resolve(eid) is None:
            return ()
        if ":f" in record_id:
            aid, _, row = record_id.rpartition(":f")
            ref, kind = ((aid, int(row)) if row.isdigit() and aid in self.machine.docs else None), 1
        else:
            ref, kind = self.machine.event_refs.get(record_id), 0
        if ref is None or ref[0] not in self.machine.number:
            return ()
        entry = (self.machine.number[ref[0]] * SLOT + ref[1]) * 2 + kind
        timeline = self.view.timeline_of(eid)
        group = timeline.sources_of_entry(entry)
        return timeline.entry_sources(group)

    def events(self, eid: str | None = None) -> Sequence[Event]:
        return self.view.events_of(eid)

    def events_in(self, aid: str) -> list[Event]:
        return [self.view.event(aid, i) for i in range(len(self.machine.docs.get(aid, {}).get("v", ())))]

    def figures(self, eid: str | None = None) -> Sequence[Figure]:
        return self.view.figures_of(eid)

    def figures_in(self, aid: str) -> list[Figure]:
        return [self.view.figure(aid, i) for i in range(len(self.machine.docs.get(aid, {}).get("f", ())))]

    def connected(self, eid: str, limit: int = 20,
                  stop: Callable[[], bool] | None = None) -> list[tuple[Entity, int, int]] | None:
        """Entities that share sentences or articles with ``eid``, most shared sentences first.

        Counted over the entity's newest ``CONNECTED_SCOPE`` articles (all of them for all but the
        most frequent entities), so the card of a name found in 80,000 articles still opens at once.
        ``stop`` is asked now and then; when it says so the count is dropped and None returned (the
        app's worker stops when the user has moved on).
        """
        eid = self.view.resolve(eid)
        if eid is None:
            return []
        shared: dict[str, list] = {}
        for number, aid in enumerate(self.view.article_ids_of(eid)[:CONNECTED_SCOPE]):
            if stop is not None and number % 64 == 0 and stop():
                return None
            pairs = self.view.entity_sentences_in(aid)
            mine = {ss for e, ss in pairs if e == eid}
            for other, ss in dict.fromkeys(pairs):
                if other == eid:
                    continue
                row = shared.get(other)
                if row is None:
                    row = shared[other] = [0, set()]
                row[1].add(aid)
                row[0] += ss in mine
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1][0], -len(kv[1][1]), kv[0]))[:limit]
        return [(self.view.entity(e), s, len(arts)) for e, (s, arts) in ranked]

    def mention_histogram(self, eid: str) -> list[tuple[str, int]]:
        """(month, mentions) of an entity over the months its articles were published."""
        months = self.machine.months()
        counts: dict[str, int] = {}
        for number, n in self.view.article_hits(eid)[1].items():
            month = months[number]
            if month:
                counts[month] = counts.get(month, 0) + n
        return sorted(counts.items())

    def find_entity(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case-insensitive), most mentioned first."""
        want = name.casefold().strip()
        hits = [e for e in self.entities() if want == e.name.casefold() or want in (a.casefold() for a in e.aliases)]
        return max(hits, key=lambda e: self.entity_counts(e.id)[0], default=None)

    def search_entities(self, query: str, limit: int = 50) -> list[Entity]:
        """Fuzzy search over names and aliases: substring hits first, then in-order letters."""
        from .fuzzy import rank

        return rank(query, self.entities(), lambda e: (e.name, *e.aliases),
                    weight=lambda e: self.entity_counts(e.id)[0], limit=limit)


TURNS = {"add_articles", "rename", "retype", "set_note", "set_tags", "delete_entity", "merge", "split_alias",
         "reject", "relink", "mark", "edit_event", "undo", "redo",
         "add_feed", "remove_feed", "record_fetch"}  # one commit each: one lock turn each
WRITES = TURNS | {"reextract"}  # re-extraction takes its own two turns (writing.py)


def _guarded(method, write: bool, turn: bool):
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with (self.guard.writing() if write else self.guard.reading()):
            if not turn or (self._lock and self._lock.held):  # a write inside a write keeps its turn
                return method(self, *args, **kwargs)
            with self._write_turn():
                return method(self, *args, **kwargs)

    return run


for _name in [n for n in dir(Store) if not n.startswith("_") and n not in ("open", "reload", "close",
                                                                        "verify_texts", "follow", "tidy")]:
    if callable(getattr(Store, _name)):
        setattr(Store, _name, _guarded(getattr(Store, _name), _name in WRITES, _name in TURNS))
