"""Turn a Selection's ids into records, and read what the writers need with small caches."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from dateline.store.export.protocol import ExportSource
from dateline.store.export.selection import Selection
from dateline.store.model import Article, Entity, Event, Figure, Mention


@dataclass
class Records:
    """The selected records themselves, in selection order; unknown ids are dropped."""

    entities: list[Entity]
    mentions: list[Mention]
    events: list[Event]
    figures: list[Figure]
    articles: list[Article]

    def __len__(self) -> int:
        return (len(self.entities) + len(self.mentions) + len(self.events)
                + len(self.figures) + len(self.articles))


class Reader:
    """Store reads for one export: articles and entities cached, a few bodies kept at a time."""

    def __init__(self, store: ExportSource, bodies_kept: int = 16) -> None:
        self.store = store
        self._articles: dict[str, Article | None] = {}
        self._entities: dict[str, Entity | None] = {}
        self._bodies: OrderedDict[str, str] = OrderedDict()
        self._bodies_kept = bodies_kept

    def article(self, aid: str) -> Article | None:
        if aid not in self._articles:
            try:
                self._articles[aid] = self.store.article(aid)
            except (KeyError, LookupError):
                self._articles[aid] = None
        return self._articles[aid]

    def entity(self, eid: str | None) -> Entity | None:
        if eid is None:
            return None
        if eid not in self._entities:
            self._entities[eid] = self.store.entity(eid)
        return self._entities[eid]

    def entity_name(self, eid: str | None) -> str | None:
        entity = self.entity(eid)
        return entity.name if entity else None

    def body(self, aid: str) -> str:
        if aid in self._bodies:
            self._bodies.move_to_end(aid)
            return self._bodies[aid]
        try:
            text = self.store.body(aid) or ""
        except (KeyError, LookupError):
            text = ""
        self._bodies[aid] = text
        if len(self._bodies) > self._bodies_kept:
            self._bodies.popitem(last=False)
        return text

    def sentence(self, aid: str, start: int, end: int) -> str:
        """The sentence a record comes from, as the article body has it."""
        return self.body(aid)[start:end]


def _by_id(wanted: list[str], get) -> list:
    """Records by id, in selection order; ids the store no longer has are skipped."""
    return [r for r in map(get, dict.fromkeys(wanted)) if r is not None]


def resolve(store: ExportSource, selection: Selection) -> Records:
    """Look every selected id up once; ids the store no longer has are skipped."""
    entities = [e for e in (store.entity(i) for i in selection.entities) if e is not None]
    reader = Reader(store)
    articles = [a for a in (reader.article(i) for i in selection.articles) if a is not None]
    return Records(
        entities=entities,
        mentions=_by_id(selection.mentions, store.mention),
        events=_by_id(selection.events, store.event),
        figures=_by_id(selection.figures, store.figure),
        articles=articles,
    )
