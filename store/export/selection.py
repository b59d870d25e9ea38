"""What to export: ids of selected records, and the two ways to build them from a store."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from dateline.store.export.atomic import ExportError
from dateline.store.export.dates import overlaps, span
from dateline.store.export.protocol import ExportSource
from dateline.store.model import REJECTED, Entity

KINDS = ("entities", "mentions", "events", "figures", "articles")


@dataclass
class Selection:
    """Ids of the records to export, per kind, in the order they should appear."""

    entities: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for kind in KINDS:  # accept any iterable; drop repeats, keep first-seen order
            setattr(self, kind, list(dict.fromkeys(getattr(self, kind))))

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)


def _window(date_from: str | date | None, date_to: str | date | None) -> tuple[date | None, date | None]:
    """``--from``/``--to`` as calendar days; ``--to 2025-06`` means up to 30 June."""

    def bound(value: str | date | None, end: bool) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        covered = span(str(value))
        if covered is None:
            raise ExportError(f"not a date: {value!r} (use 2025-06-09, 2025-06, 2025-Q2 or 2025)")
        return covered[1] if end else covered[0]

    return bound(date_from, False), bound(date_to, True)


def _as_set(values: str | Iterable[str] | None) -> set[str]:
    if values is None:
        return set()
    if isinstance(values, str):
        values = [values]
    return {v.strip().casefold() for v in values if v and v.strip()}


def _gather(
    store: ExportSource,
    entities: list[Entity],
    lo: date | None,
    hi: date | None,
    *,
    keep_empty: bool,
    unlinked: bool,
) -> Selection:
    """Entities plus their active mentions, events, figures and the articles those come from."""
    windowed = lo is not None or hi is not None

    @lru_cache(maxsize=None)
    def published(aid: str) -> str | None:
        article = store.article(aid)
        return article.published if article else None

    def in_window(iso: str | None) -> bool:
        return not windowed or overlaps(iso, lo, hi)

    def figure_date(figure) -> str | None:
        return figure.period if span(figure.period) else published(figure.article_id)

    sel = Selection()
    for entity in entities:
        mentions = [m for m in store.mentions_of(entity.id)
                    if m.status != REJECTED and in_window(published(m.article_id))]
        events = [e for e in store.events(entity.id) if in_window(e.date)]
        figures = [f for f in store.figures(entity.id) if in_window(figure_date(f))]
        if not (keep_empty or mentions or events or figures):
            continue
        sel.entities.append(entity.id)
        for records, ids in ((mentions, sel.mentions), (events, sel.events), (figures, sel.figures)):
            ids.extend(r.id for r in records)
            sel.articles.extend(r.article_id for r in records)
    if unlinked:  # no entity filter: also the events, figures and articles no entity ties to
        sel.events.extend(e.id for e in store.events() if in_window(e.date))
        sel.figures.extend(f.id for f in store.figures() if in_window(figure_date(f)))
        sel.articles.extend(a.id for a in store.articles() if in_window(a.published))
    return Selection(**{kind: getattr(sel, kind) for kind in KINDS})


def connected_selection(store: ExportSource, entity_ids: Iterable[str]) -> Selection:
    """The entities and everything connected to them: mentions, events, figures, articles."""
    entities = [e for e in (store.entity(eid) for eid in dict.fromkeys(entity_ids)) if e is not None]
    return _gather(store, entities, None, None, keep_empty=True, unlinked=False)


def filtered_selection(
    store: ExportSource,
    *,
    entities: Iterable[str] = (),
    types: str | Iterable[str] | None = None,
    tags: str | Iterable[str] | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
) -> Selection:
    """The command line's filters: entity names (or aliases), types, tags and a date window.

    With no name, type or tag, everything in the window is selected. With a window, entities
    that have no record inside it are left out unless they were named.
    """
    lo, hi = _window(date_from, date_to)
    names = [n for n in entities if n and n.strip()]
    chosen: list[Entity] = []
    for name in names:
        entity = store.find_entity(name.strip())
        if entity is None:
            raise ExportError(f"no entity named {name!r}")
        chosen.append(entity)
    wanted_types, wanted_tags = _as_set(types), _as_set(tags)
    pool = chosen if names else store.entities()
    if wanted_types:
        pool = [e for e in pool if e.type.casefold() in wanted_types]
    if wanted_tags:
        pool = [e for e in pool if wanted_tags & {t.casefold() for t in e.tags}]
    everything = not (names or wanted_types or wanted_tags)
    keep_empty = bool(names) or (lo is None and hi is None)
    return _gather(store, pool, lo, hi, keep_empty=keep_empty, unlinked=everything)
