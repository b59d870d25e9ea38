"""In-memory indexes over the machine extraction, built once at open.

The registry lists every machine entity once (global index = position). Each catalog document
refers to entities by global index and keeps its records as compact rows (see ``catalog.py``).
At open only postings are built — entity → articles (with mention counts), events, figures — so
opening costs one pass over small integer lists, and every lookup the panes need is a dict access
whose cost is the size of its answer. Dataclasses are made only for what is asked.

The parsed documents are not kept: their fields go into columns (``columns.py``; issue 15: 1.8 GB at
100,000 articles before): articles' fields in ``meta``, event rows in ``events``, figure rows in ``figures``
(article number ``n``'s from ``start[n]``). ``docs`` gives a document back as a dict when asked.
"""
from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, chain, repeat
from operator import add, sub

from dateline.store.model import Article
from dateline.store.index.chunked import ChunkedPostings
from dateline.store.index.columns import RowTable, Table, extend_ints
from dateline.store.errors import StoreCorrupt
from dateline.store.index.packed import unpack_ints

# compact row layouts (see catalog.py)
M_WIDTH = 7  # mention: local entity, start, end, sentence start, sentence end, form index, role index
# Rows may grow at the end; an older store's shorter row means the old meaning: no context dates
# (EV_CONTEXT), a figure's period as stated by the text (F_KIND).
EV_K, EV_DATE, EV_PREC, EV_PHRASE, EV_SUMMARY, EV_PARTS, EV_PLACE, EV_SS, EV_SE, EV_CONTEXT = range(10)
F_START, F_END, F_TEXT, F_VALUE, F_UNIT, F_METRIC, F_DIR, F_PERIOD, F_BASE, F_ENTS, F_SS, F_SE, F_KIND = range(13)


def event_context(row: list) -> tuple[tuple[str, str, str, str], ...]:
    """(text, value, precision, role) of each context date of an event row (none in older rows)."""
    return tuple(tuple(c) for c in row[EV_CONTEXT]) if len(row) > EV_CONTEXT and row[EV_CONTEXT] else ()


def figure_kind(row: list) -> str:
    """How a figure row's period was found: "stated" by the text or "reported" (the article's date)."""
    return (row[F_KIND] if len(row) > F_KIND else None) or "stated"
EVENT_KINDS = "sssstniiix"  # column kinds of an event row and a figure row (``columns.COLUMN``)
FIGURE_KINDS = "iisosssssniis"
META = ("title", "url", "source", "published", "ingested_at", "origin", "length", "hash", "m", "e", "c")
META_KINDS = "ttssstitonn"
M_META, E_META, C_META = META.index("m"), META.index("e"), META.index("c")
SLOT = 1 << 16  # packs (article number, row) into one int: number * SLOT + row

Ref = tuple[str, int]  # (article id, row index in that article's list)


@dataclass(slots=True)
class MachineEntity:
    """What extraction says of one entity, merged over every article naming it."""

    id: str
    name: str
    type: str
    forms: list[str] = field(default_factory=list)  # surface forms; forms[0] is the name
    roles: list[str] = field(default_factory=list)
    ticker: str | None = None
    former: list[str] = field(default_factory=list)  # ids older stores gave it (``catalog.former_entity_id``)

    @property
    def aliases(self) -> list[str]:
        return [f for f in self.forms[1:] if f != self.name]

    def as_doc(self) -> dict:
        doc = {"id": self.id, "name": self.name, "type": self.type, "forms": self.forms, "roles": self.roles,
               "ticker": self.ticker}
        if self.former:
            doc["former"] = self.former
        return doc


def event_id(aid: str, row: list, i: int) -> str:
    """Stable id of an event: its article and its place in the text (survives re-extraction)."""
    return f"{aid}:v{row[EV_K] if row else i}"


def article_of(doc: Mapping) -> Article:
    return Article(id=doc["id"], title=doc.get("title") or "", url=doc.get("url"), source=doc.get("source"),
                   published=doc.get("published"), ingested_at=doc.get("ingested_at") or "",
                   origin=doc.get("origin") or "", length=int(doc.get("length") or 0))


class Docs(Mapping):
    """Article id -> its catalog document, made again from the columns when asked (tests, tools); the
    index itself reads the columns."""

    def __init__(self, index: MachineIndex) -> None:
        self._index = index

    def __getitem__(self, aid: str) -> dict:
        index = self._index
        number = index.number[aid]
        doc = dict(zip(META, index.meta.row(number)), id=aid)
        doc["e"], doc["c"] = list(doc["e"]), list(doc["c"])
        for kind, table in (("v", index.events), ("f", index.figures)):
            doc[kind] = [table.row(g) for g in range(table.start[number], table.start[number + 1])]
        return doc

    def __contains__(self, aid: object) -> bool:
        return aid in self._index.number

    def __iter__(self) -> Iterator[str]:
        return iter(self._index.order)

    def __len__(self) -> int:
        return len(self._index.order)


class MachineIndex:
    """Postings of everything extraction produced, keyed by machine entity id and article."""

    def __init__(self, registry: list[dict] | None = None) -> None:
        self.registry: list[MachineEntity] = []
        self.entities: dict[str, MachineEntity] = {}
        self.gindex: dict[str, int] = {}
        self.former: dict[str, str] = {}  # an id older stores used -> the entity's id now
        self.tickers: dict[str, str] = {}  # ticker -> the organisation first registered with it
        for doc in registry or ():
            self.register(MachineEntity(doc["id"], doc["name"], doc["type"], list(doc.get("forms") or [doc["name"]]),
                                        list(doc.get("roles") or ()), doc.get("ticker"), list(doc.get("former") or ())))
        self.meta = Table(META_KINDS)  # article number -> its fields (``META``)
        self.events = RowTable(EVENT_KINDS)  # every event row (layout above), article by article
        self.figures = RowTable(FIGURE_KINDS)
        self.docs = Docs(self)
        self.order: list[str] = []  # article number -> id
        self.number: dict[str, int] = {}
        self._articles: dict[str, Article] = {}
        self.texts_file: dict[str, str] = {}
        self._by_url: dict[str, str] | None = None  # made when an ingest first asks (``by_url``)
        self._by_hash: dict[str, str] | None = None
        self.posting = ChunkedPostings()  # entity id -> article numbers (``extra``: mentions in each)
        self.mcount: dict[str, int] = {}  # entity id -> machine mention count
        self.n_articles: dict[str, int] = {}  # entity id -> how many articles name it
        self.latest: dict[str, str] = {}  # entity id -> latest publication date ("" if only undated)
        self._ev_post = ChunkedPostings()  # entity id -> packed event refs (see ``ev_post``)
        self._fig_post = ChunkedPostings()
        self._pending_events: list[tuple] = []  # shards' event/figure postings not merged yet
        self._merging = threading.Lock()
        self.n_events = 0
        self.n_figures = 0
        self._event_refs: dict[str, Ref] | None = None  # event id -> where it is, built on first use
        self._local: dict[str, list[str]] = {}  # article id -> its local entity ids (a small cache)
        self._rank: array | None = None  # article number -> place in newest-first order
        self._newest: array | None = None  # article numbers, newest first
        self._months: list[str] | None = None  # article number -> publication month ("" if undated)
        self.n_mentions = 0
        self.first_published: str | None = None
        self.last_published: str | None = None

    def register(self, ent: MachineEntity) -> int:
        self.gindex[ent.id] = len(self.registry)
        self.registry.append(ent)
        self.entities[ent.id] = ent
        self.former.update(dict.fromkeys(ent.former, ent.id))
        if ent.ticker and ent.type == "ORG":
            self.tickers.setdefault(ent.ticker, ent.id)
        return self.gindex[ent.id]

    def article(self, aid: str) -> Article | None:
        """The article's record, made on first read."""
        got = self._articles.get(aid)
        if got is None and (number := self.number.get(aid)) is not None:
            title, url, source, published, ingested_at, origin, length = (c[number] for c in self.meta.columns[:7])
            got = self._articles[aid] = Article(id=aid, title=title or "", url=url, source=source, published=published,
                                                ingested_at=ingested_at or "", origin=origin or "",
                                                length=int(length or 0))
        return got

    @property
    def by_url(self) -> dict[str, str]:
        """Article URL -> id (the last article stored with it), made on first use: only ingests ask."""
        if self._by_url is None:
            urls = self.meta.columns[META.index("url")].values()
            self._by_url = {url: aid for url, aid in zip(urls, self.order) if url}
        return self._by_url

    @property
    def by_hash(self) -> dict[str, str]:
        """Text hash -> article id, made on first use."""
        if self._by_hash is None:
            self._by_hash = dict(zip(self.meta.columns[META.index("hash")].values(), self.order))
        return self._by_hash

    def field(self, aid: str, name: str):
        """One metadata field of an article (``META``)."""
        return self.meta.columns[META.index(name)][self.number[aid]]

    def published(self, aid: str) -> str:
        return self.field(aid, "published") or ""

    def published_all(self) -> list:  # each article number's publication date (None: undated)
        return self.meta.columns[META.index("published")].values()

    def event_count(self, aid: str) -> int:
        return self.events.count(self.number[aid])

    def figure_count(self, aid: str) -> int:
        return self.figures.count(self.number[aid])

    def event_at(self, number: int, i: int) -> int:
        """The global row of article ``number``'s event ``i`` (IndexError past its last, as a list)."""
        start = self.events.start
        if not 0 <= i < start[number + 1] - start[number]:
            raise IndexError("event row out of range")
        return start[number] + i

    def figure_at(self, number: int, i: int) -> int:
        start = self.figures.start
        if not 0 <= i < start[number + 1] - start[number]:
            raise IndexError("figure row out of range")
        return start[number] + i

    def event_row(self, aid: str, i: int) -> list:
        """Event row ``i`` of an article, every field (layout above)."""
        return self.events.row(self.event_at(self.number[aid], i))

    def figure_row(self, aid: str, i: int) -> list:
        return self.figures.row(self.figure_at(self.number[aid], i))

    def event_field(self, aid: str, i: int, column: int):
        return self.events.columns[column][self.event_at(self.number[aid], i)]

    def local_ids(self, number: int) -> array:
        """Article ``number``'s local entity table: registry positions."""
        return self.meta.columns[E_META][number]

    def newest_rank(self) -> array:
        """Each article number's place when articles are listed newest first ((published, id) descending).

        Built on first use (the app's loading worker asks for it) and again after an ingest."""
        if self._rank is None or len(self._rank) != len(self.order):
            published, order = self.published_all(), self.order
            ranked = sorted(range(len(order)), key=lambda n: (published[n] or "", order[n]), reverse=True)
            rank = array("i", bytes(4 * len(order)))
            for place, number in enumerate(ranked):
                rank[number] = place
            self._rank, self._newest = rank, array("i", ranked)
        return self._rank

    def newest_numbers(self) -> array:
        """Every article number, newest first."""
        self.newest_rank()
        assert self._newest is not None  # made by newest_rank
        return self._newest

    def months(self) -> list[str]:
        """Each article number's publication month (``2025-06``), or "" when undated."""
        if self._months is None or len(self._months) != len(self.order):
            self._months = [sys.intern((published or "")[:7]) for published in self.published_all()]
        return self._months

    def add_shard(self, docs: list[dict], postings: dict, texts_file: str) -> None:
        """Index one shard's catalog documents, merging its precomputed postings (``postings.py``)."""
        base = len(self.order)
        for doc in docs:
            aid = doc["id"]
            if isinstance(doc["m"], list):  # just extracted (shards read from disk stay packed until read)
                doc["m"] = array("i", doc["m"])  # 4 bytes a number instead of a Python int each
            self.number[aid] = len(self.order)
            self.order.append(aid)
            self.texts_file[aid] = texts_file
            if self._by_url is not None and doc.get("url"):
                self._by_url[doc["url"]] = aid
            if self._by_hash is not None:
                self._by_hash[doc["hash"]] = aid
            if published := doc.get("published"):
                if self.first_published is None or published < self.first_published:
                    self.first_published = published
                if self.last_published is None or published > self.last_published:
                    self.last_published = published
        self.meta.add_columns([[doc.get(key) for doc in docs] for key in META])
        self.events.add_articles([doc["v"] for doc in docs])
        self.figures.add_articles([doc["f"] for doc in docs])
        self.merge_postings(base, postings["ents"], *_flat(postings["arts"]), _flat(postings["counts"])[0],
                            postings["latest"], *_flat(postings["ev"]), *_flat(postings["fig"]))

    def merge_postings(self, base: int, ents, arts: array, ends: array, counts: array, p_latest: list[str],
                       ev: array, ev_ends: array, fig: array, fig_ends: array) -> None:
        """Merge a shard's postings (flat arrays and ends) whose first article is number ``base`` (``column_cache``)."""
        self.n_events, self.n_figures = len(self.events), len(self.figures)
        mcount, n_articles, latest = self.mcount, self.n_articles, self.latest
        eids = [self.registry[g].id for g in ents]
        self.posting.add_shard(eids, base, arts, ends, counts)
        total = list(accumulate(counts, initial=0))  # list j's mentions: total[ends[j + 1]] - total[ends[j]]
        at = list(map(total.__getitem__, ends))
        # lazily zipped: each entity's count is read just before it is set, as a loop would
        mcount.update(zip(eids, map(add, map(mcount.get, eids, repeat(0)), map(sub, at[1:], at))))
        n_articles.update(zip(eids, map(add, map(n_articles.get, eids, repeat(0)), map(sub, ends[1:], ends))))
        latest.update(zip(eids, map(max, p_latest, map(latest.get, eids, repeat(""))))) # "" too: every entity has one
        self.n_mentions += at[-1] - at[0]
        self._pending_events.append((base * SLOT, eids, ev, ev_ends, fig, fig_ends))

    @property
    def ev_post(self) -> ChunkedPostings:
        """Entity id -> packed event refs. Merged from the shards on first use (the loading worker's
        timeline, after the entity list is on screen), not at open."""
        if self._pending_events:
            self._merge_events()
        return self._ev_post

    @property
    def fig_post(self) -> ChunkedPostings:
        if self._pending_events:
            self._merge_events()
        return self._fig_post

    def _merge_events(self) -> None:
        with self._merging:
            for shift, eids, ev, ev_ends, fig, fig_ends in self._pending_events:
                self._ev_post.add_shard(eids, shift, ev, ev_ends)
                self._fig_post.add_shard(eids, shift, fig, fig_ends)
            self._pending_events = []

    def update_registry(self, registry: list[dict]) -> None:
        """Take another writer's registry, which extends ours: new entities, and new forms, roles and
        tickers of known ones (positions never change, so catalog rows stay valid)."""
        for g, doc in enumerate(registry):
            if g < len(self.registry):
                ent = self.registry[g]
                ent.forms[:] = list(doc.get("forms") or [doc["name"]])
                ent.roles[:] = list(doc.get("roles") or ())
                ent.ticker = doc.get("ticker")
            else:
                forms = list(doc.get("forms") or [doc["name"]])
                self.register(MachineEntity(doc["id"], doc["name"], doc["type"], forms,
                                            list(doc.get("roles") or ()), doc.get("ticker")))
        self._local.clear()

    def retarget(self, docs: list[dict], texts_file: str) -> None:
        """Articles already indexed whose bodies moved to another shard file."""
        for doc in docs:
            self.texts_file[doc["id"]] = texts_file

    @property
    def event_refs(self) -> dict[str, Ref]:
        """Event id -> (article, row); only edits and exports by id need it, so it is built late."""
        if self._event_refs is None or len(self._event_refs) != self.n_events:
            keys = self.events.columns[EV_K].values()
            self._event_refs = {f"{ref[0]}:v{k}": ref for k, ref in zip(keys, self.all_events)}
        return self._event_refs

    def all_refs(self, kind: str) -> list[Ref]:
        """(article, row) of every event (``kind="v"``) or figure (``"f"``), made when first asked."""
        start = (self.events if kind == "v" else self.figures).start
        return [(aid, i) for n, aid in enumerate(self.order) for i in range(start[n + 1] - start[n])]

    @property
    def all_events(self) -> list[Ref]:
        return self.all_refs("v")

    def unpack(self, packed: int) -> Ref:
        return self.order[packed // SLOT], packed % SLOT

    def article_ids(self, eid: str) -> list[str]:
        order = self.order
        return [order[n] for n in self.posting.get(eid, ())]

    def local_entities(self, aid: str) -> list[str]:
        """The article's local entity table as entity ids (the last few articles asked are kept)."""
        got = self._local.get(aid)
        if got is None:
            if len(self._local) > 4096:
                self._local.clear()
            reg = self.registry
            got = self._local[aid] = [reg[g].id for g in self.local_ids(self.number[aid])]
        return got

    def mention_rows(self, aid: str):
        """(entity id, start, end, sentence start, sentence end, text, role) of each machine mention."""
        number = self.number[aid]
        reg = self.registry
        ents = [reg[g] for g in self.local_ids(number)]
        m = self.meta.columns[M_META][number]
        if not isinstance(m, array):
            try:
                m = self.meta.columns[M_META][number] = unpack_ints(m)
            except ValueError as exc:
                raise StoreCorrupt(f"{self.texts_file.get(aid, aid)}: article {aid} has malformed mention rows; "
                                   "nothing was changed") from exc
        for k in range(0, len(m), M_WIDTH):
            ent = ents[m[k]]
            form, role = m[k + 5], m[k + 6]
            yield (ent.id, m[k + 1], m[k + 2], m[k + 3], m[k + 4], ent.forms[form] if form >= 0 else None,
                   ent.roles[role] if role >= 0 else None)


def _flat(lists: list[list[int]]) -> tuple[array, array]:
    """One shard's posting lists as one flat ``array`` and where each ends (list ``j`` is
    ``flat[ends[j]:ends[j + 1]]``): two C-level passes, no Python int kept."""
    flat = extend_ints(array("i"), chain.from_iterable(lists))
    if flat is None:
        raise StoreCorrupt("a catalog's postings hold something other than numbers; nothing was changed")
    return flat, array("q", accumulate(map(len, lists), initial=0))
