"""The store's heavier reads, as functions over an open store's view and machine index.

``Store`` answers most reads in a line; the ones that count, rank or walk an entity's articles live
here so that the façade stays a list of what a store can do.
"""
from __future__ import annotations

from collections.abc import Callable

from dateline.store.index.index import SLOT, MachineIndex
from dateline.store.model import Entity
from dateline.store.view.view import View

CONNECTED_SCOPE = 5000  # newest articles of an entity over which its connections are counted


def stats(view: View, machine: MachineIndex) -> dict:
    """Counts of articles, entities by type, mentions, events and figures, and the span of dates."""
    by_type: dict[str, int] = {}
    for eid in view.entity_ids():
        ent = view.entity(eid)
        if ent is not None:
            by_type[ent.type] = by_type.get(ent.type, 0) + 1
    mentions = sum(view.stats_of(e)[0] for e in view.entity_ids())
    return {"articles": len(machine.order), "entities": dict(sorted(by_type.items())),
            "mentions": mentions, "events": machine.n_events,
            "figures": machine.n_figures,
            "first_published": machine.first_published, "last_published": machine.last_published}


def record_sources(view: View, machine: MachineIndex, record_id: str,
                   eid: str | None) -> tuple[tuple[str, str, int, int], ...]:
    """Every report the timeline row ``record_id`` stands for on ``eid``'s timeline (``event_groups``):
    (article id, record id, sentence start, sentence end), the row's own first; () when unknown."""
    if eid is None or view.resolve(eid) is None:
        return ()
    ref: tuple[str, int] | None
    if ":f" in record_id:
        aid, _, row = record_id.rpartition(":f")
        ref, kind = ((aid, int(row)) if row.isdigit() and aid in machine.docs else None), 1
    else:
        ref, kind = machine.event_refs.get(record_id), 0
    if ref is None or ref[0] not in machine.number:
        return ()
    entry = (machine.number[ref[0]] * SLOT + ref[1]) * 2 + kind
    timeline = view.events.timeline_of(eid)
    group = timeline.sources_of_entry(entry)
    return timeline.entry_sources(group)


def connected(view: View, eid: str, limit: int = 20,
              stop: Callable[[], bool] | None = None) -> list[tuple[Entity, int, int]] | None:
    """Entities that share sentences or articles with ``eid``, most shared sentences first.

    Counted over the entity's newest ``CONNECTED_SCOPE`` articles (all of them for all but the most
    frequent entities), so the card of a name found in 80,000 articles still opens at once. ``stop`` is
    asked now and then; when it says so the count is dropped and None returned (the app's worker stops
    when the user has moved on).
    """
    target = view.resolve(eid)
    if target is None:
        return []
    sentences: dict[str, int] = {}  # other entity -> sentences shared with ``target``
    articles: dict[str, set[str]] = {}  # other entity -> articles shared with ``target``
    for number, aid in enumerate(view.article_ids_of(target)[:CONNECTED_SCOPE]):
        if stop is not None and number % 64 == 0 and stop():
            return None
        pairs = view.entity_sentences_in(aid)
        mine = {ss for e, ss in pairs if e == target}
        for other, ss in dict.fromkeys(pairs):
            if other != target:
                articles.setdefault(other, set()).add(aid)
                sentences[other] = sentences.get(other, 0) + (ss in mine)
    ranked = sorted(articles, key=lambda e: (-sentences[e], -len(articles[e]), e))[:limit]
    return [(ent, sentences[e], len(articles[e])) for e in ranked if (ent := view.entity(e)) is not None]

def mention_histogram(view: View, machine: MachineIndex, eid: str) -> list[tuple[str, int]]:
    """(month, mentions) of an entity over the months its articles were published."""
    months = machine.months()
    counts: dict[str, int] = {}
    for number, n in view.article_hits(eid)[1].items():
        month = months[number]
        if month:
            counts[month] = counts.get(month, 0) + n
    return sorted(counts.items())


def find_entity(entities: list[Entity], mentions: Callable[[str], int], name: str) -> Entity | None:
    """The entity whose name or alias is ``name`` (case-insensitive), most mentioned first."""
    want = name.casefold().strip()
    hits = [e for e in entities if want == e.name.casefold() or want in (a.casefold() for a in e.aliases)]
    return max(hits, key=lambda e: mentions(e.id), default=None)


def search_entities(entities: list[Entity], mentions: Callable[[str], int], query: str,
                    limit: int = 50) -> list[Entity]:
    """Fuzzy search over names and aliases: substring hits first, then in-order letters."""
    from dateline.store.index.fuzzy import rank  # rapidfuzz is loaded on the first search, not at every open

    return rank(query, entities, lambda e: (e.name, *e.aliases), weight=lambda e: mentions(e.id), limit=limit)
