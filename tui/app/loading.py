"""Reading what the panes list from the store; the whole-store lists off the UI thread (O(store)).

Two steps, so the screen is usable early: entities with their counts first, then the whole-store
timeline and article list (the slow part at 100k articles). Timelines and article lists are lazy:
only their order is computed here, rows are made as the panes show them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.store.model import Article, Entity
from dateline.tui.panes.entities_pane import EntityRow
from dateline.tui.panes.timeline_pane import EMPTY_TIMELINE, TimelineRows

Progress = Callable[[float, str], None]
LOADING = "loading…"  # what a list says while a worker reads its rows (keys typed meanwhile wait: held_keys.py)


@dataclass(frozen=True, slots=True)
class EntityLists:
    entities: list[EntityRow]
    by_id: dict[str, Entity]
    stats: dict


@dataclass(frozen=True, slots=True)
class PaneLists:
    """What the timeline and articles panes show: the whole store's, or one entity's."""

    timeline: TimelineRows
    articles: Sequence[tuple[Article, int | None]]


EMPTY_LISTS = PaneLists(TimelineRows(EMPTY_TIMELINE), ())


def load_entities(store, progress: Progress) -> EntityLists:
    """Every entity with its mention count, article count and latest date."""
    progress(0.0, "reading entities")
    rows = [EntityRow(*counted) for counted in store.entities_with_counts()]
    progress(0.4, "counting")
    return EntityLists(rows, {row.entity.id: row.entity for row in rows}, store.stats())


def load_whole_lists(store, progress: Progress) -> PaneLists:
    """Every event and figure in one date order, and every article newest first (made as shown)."""
    progress(0.4, "ordering events and figures")
    store.prepare()
    timeline = store.timeline()
    progress(0.7, "laying out the timeline")
    rows = TimelineRows(timeline)
    progress(0.9, "ordering articles")
    articles = store.articles_of(None)
    progress(1.0, "done")
    return PaneLists(rows, articles)


def focus_lists(store, entity_id: str) -> PaneLists:
    """The timeline and articles of one entity."""
    return PaneLists(TimelineRows(store.timeline(entity_id)), store.articles_of(entity_id))
