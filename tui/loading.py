"""Reading everything the panes list from the store, off the UI thread (it is O(store)).

Two steps, so the screen is usable early: entities with their counts first, then the whole-store
timeline and article list (the slow part at 100k articles).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from store.model import Article, Entity
from tui.entities_pane import EntityRow
from tui.timeline_pane import TimelineItem, timeline_items

Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class EntityLists:
    entities: list[EntityRow]
    by_id: dict[str, Entity]
    stats: dict


WHOLE_TIMELINE_LIMIT = 100_000  # above this, the unfocused timeline shows the newest dated records


@dataclass(frozen=True, slots=True)
class WholeLists:
    timeline: list[TimelineItem]
    articles: list[tuple[Article, int | None]]
    timeline_note: str = ""  # says when the timeline shows only part of the store


def load_entities(store, progress: Progress) -> EntityLists:
    """Every entity with its mention count, article count and latest date."""
    progress(0.0, "reading entities")
    entities = list(store.entities())
    rows = []
    step = max(1, len(entities) // 20)
    for number, entity in enumerate(entities):
        mentions, articles = store.entity_counts(entity.id)
        rows.append(EntityRow(entity, mentions, articles, store.entity_latest(entity.id)))
        if number % step == 0:
            progress(0.4 * number / max(1, len(entities)), "counting mentions")
    return EntityLists(rows, {entity.id: entity for entity in entities}, store.stats())


def load_whole_lists(store, progress: Progress) -> WholeLists:
    """Every event and figure in date order, and every article."""
    progress(0.4, "reading events and figures")
    events, figures = store.events(), store.figures()
    total = len(events) + len(figures)
    note = ""
    if total > WHOLE_TIMELINE_LIMIT:
        # A million timeline rows would cost a gigabyte: show the newest, and let focus or filters narrow.
        limit = WHOLE_TIMELINE_LIMIT
        events, figures = store.newest_events(limit), store.newest_figures(limit)
        note = f"newest {limit:,} of {total:,}"
    items = timeline_items(events, figures)
    if note:
        items = [item for item in items if item.start][-WHOLE_TIMELINE_LIMIT:]
    progress(0.9, "reading articles")
    articles = [(article, None) for article in store.articles()]
    progress(1.0, "done")
    return WholeLists(items, articles, note)
