"""Turn a Selection's ids into records, and read what the writers need with small caches."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from store.export.protocol import ReadStore
from store.export.selection import Selection
from store.model import Article, Entity, Event, Figure, Mention


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

    def __init__(self, store: ReadStore, bodies_kept: int = 16) -> None:
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


def _find(wanted: list[str], per_entity, everything, entity_ids: list[str]) -> list:
    """Records by id: first through the selected entities, then (if ids remain) the whole store."""
    if not wanted:
        return []
    found: dict[str, object] = {}
    remaining = set(wanted)
    for eid in entity_ids:
        for record in per_entity(eid):
            if record.id in remaining:
                found[record.id] = record
                remaining.discard(record.id)
        if not remaining:
            break
    for record in everything() if remaining else ():
        if record.id in remaining:
            found[record.id] = record
            remaining.discard(record.id)
            if not remaining:
                break
    return [found[i] for i in wanted if i in found]


def _all_mentions(store: ReadStore):
    for entity in store.entities():
        yield from store.mentions_of(entity.id)


def resolve(store: ReadStore, selection: Selection) -> Records:
    """Look every selected id up once; ids the store no longer has are skipped."""
    entities = [e for e in (store.entity(i) for i in selection.entities) if e is not None]
    eids = [e.id for e in entities]
    reader = Reader(store)
    articles = [a for a in (reader.article(i) for i in selection.articles) if a is not None]
    return Records(
        entities=entities,
        mentions=_find(selection.mentions, store.mentions_of, lambda: _all_mentions(store), eids),
        events=_find(selection.events, store.events, store.events, eids),
        figures=_find(selection.figures, store.figures, store.figures, eids),
        articles=articles,
    )
