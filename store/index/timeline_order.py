"""Where every event and figure sits in the whole-store timeline, so an entity's timeline is read off it.

The whole timeline is sorted once by date key (``dating.date_key``) in the app's loading worker.
From it come, in one pass each, the place of every event and figure (flat arrays indexed by
article base + row) and every machine entity's places, sorted. Focusing an entity then copies its
slice of the whole timeline (two C-level maps) instead of sorting its records by date.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable

from dateline.store.index.index import SLOT, MachineIndex
from dateline.store.index.sequences import Timeline

SHIFT = SLOT.bit_length() - 1  # packed >> SHIFT is the article number, packed & ROW its row
ROW = SLOT - 1


class TimelineOrder:
    """Places in ``whole`` of every event/figure, and of every machine entity not in ``skip``."""

    def __init__(self, whole: Timeline, index: MachineIndex, source, skip: set[str]):
        self.whole = whole
        self.ev_base, self.fig_base = index.events.start, index.figures.start  # article number -> its first row
        n_events, n_figures = len(index.events), len(index.figures)
        self.ev_rank, self.fig_rank = array("i", bytes(4 * n_events)), array("i", bytes(4 * n_figures))
        for place, entry in enumerate(whole.entries):
            packed = entry >> 1
            if entry & 1:
                self.fig_rank[self.fig_base[packed >> SHIFT] + (packed & ROW)] = place
            else:
                self.ev_rank[self.ev_base[packed >> SHIFT] + (packed & ROW)] = place
        self.places: dict[str, array] = {}
        ev_rank, fig_rank, ev_base, fig_base = self.ev_rank, self.fig_rank, self.ev_base, self.fig_base
        for eid in (index.ev_post.keys() | index.fig_post.keys()) - skip:
            places = [ev_rank[ev_base[p >> SHIFT] + (p & ROW)] for p in index.ev_post.get(eid, ())]
            places += [fig_rank[fig_base[p >> SHIFT] + (p & ROW)] for p in index.fig_post.get(eid, ())]
            places.sort()
            self.places[eid] = array("i", places)

    def rank_of(self, entry: int) -> int:
        packed = entry >> 1
        if entry & 1:
            return self.fig_rank[self.fig_base[packed >> SHIFT] + (packed & ROW)]
        return self.ev_rank[self.ev_base[packed >> SHIFT] + (packed & ROW)]

    def of_entries(self, entries: Iterable[int]) -> Timeline:
        return self.whole.subset(sorted(map(self.rank_of, entries)))

    def of_entity(self, eid: str) -> Timeline | None:
        """A machine entity's own timeline (None when hand edits to events touch it)."""
        places = self.places.get(eid)
        return self.whole.subset(places) if places is not None else None
