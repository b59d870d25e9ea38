"""Events and figures of the effective view: machine rows with hand edits applied, sorted by date."""
from __future__ import annotations

import bisect
import sys
from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from dateline.store.view.dating import date_key, figure_precision
from dateline.store.index.index import (EV_DATE, EV_K, EV_PARTS, EV_PHRASE, EV_PLACE, EV_PREC, EV_SE, EV_SS, EV_SUMMARY,
                                        F_BASE, F_DIR, F_END, F_ENTS, F_METRIC, F_PERIOD, F_SE, F_SS, F_START, F_TEXT,
                                        F_KIND, F_UNIT, F_VALUE, SLOT, Ref, event_context, figure_kind)
from dateline.store.view.event_groups import group_timeline
from dateline.store.model import MACHINE, MANUAL, Event, Figure
from dateline.store.index.sequences import EVENT, FIGURE, LazyRecords, Timeline
from dateline.store.index.timeline_order import TimelineOrder

if TYPE_CHECKING:
    from dateline.store.index.index import MachineIndex
    from dateline.store.disk.records import Records
    from dateline.store.view.view import View


def figure_id(aid: str, i: int) -> str:
    return f"{aid}:f{i}"


WHOLE = ("t", None)
# An entity's timeline up to this many rows is grouped when it is made. Grouping is near-linear in rows
# (``event_groups``), but each row sharing a date is read and its words taken (8-20 ms per 1,000 rows
# measured on a generated 10,000-article store, 2 shared cores), and a focus makes the timeline on the
# app's thread: a longer one is handed out ungrouped, as a ``PendingGroups`` whose ``grouped()`` a
# worker runs (the timeline pane does), after which the view hands out the grouped one.
GROUP_NOW = 2_000


class PendingGroups(Timeline):
    """An entity's timeline longer than ``GROUP_NOW`` rows, not grouped yet: ``grouped()`` groups it
    (off the app's thread) and puts the result in the view's place of this one."""

    def __init__(self, timeline: Timeline, events: EventsView, key: tuple):
        super().__init__(timeline.entries, timeline._order, timeline._source, timeline.keys)
        self._events, self._key = events, key

    def grouped(self, stop: Callable[[], bool] | None = None) -> Timeline | None:
        """The grouped timeline; None when ``stop()`` said so or the store changed meanwhile (the
        view no longer hands out this timeline)."""
        events = self._events
        got = events._sorted_refs.get(self._key)
        if got is not self:
            return None if got is None or isinstance(got, PendingGroups) else got
        done = events._grouped(self, stop)
        if done is None or events._sorted_refs.get(self._key) is not self:  # an edit or an ingest came between
            return None
        events._sorted_refs[self._key] = done
        return done

    def sources_of_entry(self, entry: int) -> tuple[int, ...]:
        """As the grouped timeline says (grouping it now if no worker did yet: ``record_sources``)."""
        done = self.grouped()
        return done.sources_of_entry(entry) if done is not None else super().sources_of_entry(entry)


class EventsView:
    """Events, figures and timelines of one ``View`` (which owns it): read through the view's entity
    resolution (``resolve``, ``owner``, ``members``) over its machine index and records."""

    def __init__(self, view: View):
        self.view = view
        self.m: MachineIndex = view.m
        self.r: Records = view.r
        self.reset_event_order()

    def reset_event_order(self) -> None:
        self._event_refs: list[Ref] | None = None
        self._figure_refs: list[Ref] | None = None
        self._sorted_refs: dict[tuple, Any] = {}  # per-entity refs (lists) and timelines, sorted once
        self._ranks: TimelineOrder | None = None  # where each event and figure sits in the whole timeline

    def _resolved(self, ids) -> tuple[str, ...]:
        """Entity ids as they are after merges and deletions (``owner`` holds every known id)."""
        owner = self.view.owner
        return tuple(dict.fromkeys(p for x in ids if (p := owner.get(x)) is not None))

    def _overlay(self, aid: str, raw: list) -> dict:
        """The hand edit of an event row ({} when it has none)."""
        edited = self.r.data["event"]
        return (edited.get(f"{aid}:v{raw[EV_K]}") or {}) if edited else {}

    def event(self, aid: str, i: int) -> Event:
        raw = self.m.event_row(aid, i)
        evid = f"{aid}:v{raw[EV_K]}"
        ov = self._overlay(aid, raw)
        parts_raw = ov["parts"] if "parts" in ov else self._named(aid, raw[EV_PARTS])
        place_raw = ov["place"] if "place" in ov else next(iter(self._named(aid, [raw[EV_PLACE]])), None)
        return Event(id=evid, article_id=aid, date=ov.get("date", raw[EV_DATE]),
                     precision=ov.get("precision", raw[EV_PREC] or "unknown"), phrase=raw[EV_PHRASE],
                     summary=ov.get("summary", raw[EV_SUMMARY] or ""), participants=self._resolved(parts_raw),
                     place=self.view.owner.get(place_raw) if place_raw else None, sentence_start=raw[EV_SS],
                     sentence_end=raw[EV_SE], origin=MANUAL if ov else MACHINE, context=event_context(raw))

    def _named(self, aid: str, local_ids) -> list[str]:
        """The machine entities an event or figure row names (local indexes, -1 for none), less those
        whose every mention in the article a hand edit took away (``dropped_in``)."""
        local, dropped = self.m.local_entities(aid), self.view.dropped_in(aid)
        return [e for le in local_ids if le >= 0 and (e := local[le]) not in dropped]

    def figure(self, aid: str, i: int) -> Figure:
        raw = self.m.figure_row(aid, i)
        return Figure(id=figure_id(aid, i), article_id=aid, start=raw[F_START], end=raw[F_END], text=raw[F_TEXT],
                      value=raw[F_VALUE], unit=raw[F_UNIT] or "", metric=raw[F_METRIC], direction=raw[F_DIR],
                      period=raw[F_PERIOD], baseline=raw[F_BASE],
                      entities=self._resolved(self._named(aid, raw[F_ENTS])),
                      sentence_start=raw[F_SS], sentence_end=raw[F_SE], period_kind=figure_kind(raw))

    def events_of(self, eid: str | None) -> Sequence[Event]:
        if eid is None:
            if self._event_refs is None:
                self._event_refs = sorted(self.m.all_refs("v"), key=self._event_order)
            return LazyRecords(self._event_refs, self.event)
        resolved = self.view.resolve(eid)
        if resolved is None:
            return []
        eid = resolved
        if self.view._plain(eid) and not self.view.event_linked.get(eid) and not self.r.data["event"]:
            refs = self._sorted_refs.get(("v", eid))
            if refs is None:
                refs = self._sorted_refs[("v", eid)] = sorted(map(self.m.unpack, self.m.ev_post.get(eid, ())),
                                                               key=self._machine_event_date)
            return LazyRecords(refs, self.event)
        found: dict[Ref, None] = {}
        for member in self.view.members.get(eid, ()):
            found.update(dict.fromkeys(map(self.m.unpack, self.m.ev_post.get(member, ()))))
            found.update(dict.fromkeys(self.m.event_refs[e] for e in self.view.event_linked.get(member, ())
                                       if e in self.m.event_refs))
        events = (self.event(a, i) for a, i in found)
        return sorted((e for e in events if eid in e.participants or e.place == eid),
                      key=lambda e: (e.sort_key, e.article_id, e.sentence_start))

    def figures_of(self, eid: str | None) -> Sequence[Figure]:
        if eid is None:
            if self._figure_refs is None:
                self._figure_refs = sorted(self.m.all_refs("f"), key=self._figure_order)
            return LazyRecords(self._figure_refs, self.figure)
        resolved = self.view.resolve(eid)
        if resolved is None:
            return []
        eid = resolved
        members = self.view.members.get(eid, ())
        key = ("f", eid, frozenset(members))
        refs = self._sorted_refs.get(key)
        if refs is None:
            refs = dict.fromkeys(self.m.unpack(p) for m in members for p in self.m.fig_post.get(m, ()))
            refs = self._sorted_refs[key] = sorted(refs, key=self._figure_order)
        return LazyRecords(refs, self.figure)

    # -- timelines: events and figures in one date order --------------------------------------------
    def event_id(self, aid: str, i: int) -> str:
        return f"{aid}:v{self.m.event_field(aid, i, EV_K)}"

    def entry_date(self, kind: int, aid: str, i: int) -> tuple[str | None, str]:
        """(date, precision) of an event (hand edits included) or a figure, read from the index rows."""
        return self._date_at(kind, self.m.number[aid], i)

    def _date_at(self, kind: int, number: int, i: int) -> tuple[str | None, str]:
        """``entry_date`` of article ``number``'s row ``i``, read straight from the index's columns."""
        m = self.m
        if kind == EVENT:
            g = m.event_at(number, i)
            columns = m.events.columns
            date, precision = columns[EV_DATE][g], columns[EV_PREC][g] or "unknown"
            edited = self.r.data["event"]
            if edited and (ov := edited.get(f"{m.order[number]}:v{columns[EV_K][g]}")):
                return ov.get("date", date), ov.get("precision", precision)
            return date, precision
        g = m.figure_at(number, i)
        columns = m.figures.columns
        period = columns[F_PERIOD][g]
        return period, "reported" if columns[F_KIND][g] == "reported" else figure_precision(period)

    def entry_text(self, kind: int, aid: str, i: int) -> tuple[str, tuple[str, ...]]:
        """What a filter reads of an event (summary, participants) or a figure (text and metric,
        entities), from the index rows: no record is made."""
        m = self.m
        if kind == EVENT:
            g = m.event_at(m.number[aid], i)
            columns = m.events.columns
            edited = self.r.data["event"]
            ov = (edited.get(f"{aid}:v{columns[EV_K][g]}") or {}) if edited else {}
            parts = ov["parts"] if "parts" in ov else self._named(aid, columns[EV_PARTS][g])
            return ov.get("summary", columns[EV_SUMMARY][g] or ""), self._resolved(parts)
        g = m.figure_at(m.number[aid], i)
        columns = m.figures.columns
        text = f"{columns[F_TEXT][g]} {columns[F_METRIC][g] or ''}"
        return text, self._resolved(self._named(aid, columns[F_ENTS][g]))

    def _entry_key(self, entry: int) -> str:
        packed, kind = entry >> 1, entry & 1
        return date_key(*self._date_at(kind, packed // SLOT, packed % SLOT), kind)

    def timeline_of(self, eid: str | None) -> Timeline:
        """The events and figures of ``eid`` (None: of the whole store) in date order, undated last.

        Sorted once from the index rows (no record is made) and kept until an edit or an ingest
        changes what or where they are; a pane makes only the records it shows.
        """
        if eid is not None:
            eid = self.view.resolve(eid)
            if eid is None:
                return Timeline(array("q"), self.m.order, self)
        key = ("t", eid, frozenset(self.view.members.get(eid, ()))) if eid else WHOLE
        got = self._sorted_refs.get(key)
        if got is None:
            if eid is None:
                got = self._whole_timeline()
            else:
                ungrouped = self._entity_timeline(eid)
                got = PendingGroups(ungrouped, self, key) if len(ungrouped) > GROUP_NOW \
                    else self._grouped(ungrouped) or ungrouped
            self._sorted_refs[key] = got
        if eid is None and self._ranks is None:
            self._ranks = TimelineOrder(got, self.m, self, self._touched_by_event_edits())
        return got

    def _grouped(self, timeline: Timeline, stop: Callable[[], bool] | None = None) -> Timeline | None:
        """An entity's timeline with each event reported several times as one row (``event_groups``).
        Read from the index rows; summaries are read only for events sharing a date. None when
        ``stop()`` said so."""
        m, order = self.m, self.m.order
        events, figures = m.events.columns, m.figures.columns
        keys = timeline.keys

        def describe(i: int):
            entry = timeline.entries[i]
            packed = entry >> 1
            number, row = packed // SLOT, packed % SLOT
            if entry & 1:  # a figure: the same figure on the same date in another report
                g = m.figure_at(number, row)
                return ("f", keys[i] if i < len(keys) else "", figures[F_VALUE][g], figures[F_UNIT][g]), None
            return (order[number], events[EV_SS][m.event_at(number, row)]), lambda: text_of(number, row)

        edited = bool(self.r.data["event"])

        def text_of(number: int, row: int):
            """Summary and participants (global entity numbers: only compared, never shown)."""
            if edited:
                return self.entry_text(EVENT, order[number], row)
            g, local = m.event_at(number, row), m.local_ids(number)
            return events[EV_SUMMARY][g] or "", [local[le] for le in events[EV_PARTS][g]]

        found = group_timeline(timeline.entries, keys, describe, stop)
        if found is None:
            return None
        kept, groups = found
        if not groups:
            return Timeline(timeline.entries, order, self, keys)
        return Timeline(array("q", map(timeline.entries.__getitem__, kept)), order, self,
                        list(map(keys.__getitem__, kept)), groups)

    def _whole_timeline(self) -> Timeline:
        return self._by_key(self._all_entries(), self._whole_keys())

    def _whole_keys(self) -> list[str]:
        """Every entry's date key in ``_all_entries`` order, read a column at a time (``_entry_key`` of
        each, a million calls at 100,000 articles, costs seconds)."""
        m = self.m
        ev, fig = m.events.columns, m.figures.columns
        dates, precisions = ev[EV_DATE].values(), [p or "unknown" for p in ev[EV_PREC].values()]
        ev_keys = list(map(date_key, dates, precisions))
        for evid, ov in self.r.data["event"].items():
            ref = m.event_refs.get(evid) if ov else None
            if ref is not None:
                g = m.event_at(m.number[ref[0]], ref[1])
                ev_keys[g] = date_key(ov.get("date", dates[g]), ov.get("precision", precisions[g]), EVENT)
        periods = fig[F_PERIOD].values()
        fig_keys = [date_key(period, "reported" if kind == "reported" else figure_precision(period), FIGURE)
                    for period, kind in zip(periods, fig[F_KIND].values())]
        keys: list[str] = []
        ev_start, fig_start = m.events.start, m.figures.start
        for n in range(len(m.order)):
            keys += ev_keys[ev_start[n]:ev_start[n + 1]]
            keys += fig_keys[fig_start[n]:fig_start[n + 1]]
        return keys

    def _by_key(self, entries: list[int] | array, keys: list[str] | None = None) -> Timeline:
        if keys is None:
            keys = list(map(sys.intern, map(self._entry_key, entries)))  # equal keys share one string
        ranked = sorted(range(len(entries)), key=keys.__getitem__)  # stable: ties in article order
        # ``map`` straight into the array: no million-int list in between (the whole store's peak memory)
        return Timeline(array("q", map(entries.__getitem__, ranked)), self.m.order, self,
                        list(map(keys.__getitem__, ranked)))

    def _entity_timeline(self, eid: str) -> Timeline:
        """Read off the whole timeline's order when it was made already, else sorted by date key."""
        order = self._ranks
        if order is None:
            return self._by_key(sorted(self._entries_of(eid)))
        view = self.view
        if view.members.get(eid) == {eid} and not view.event_linked.get(eid) and not view.overridden.get(eid):
            got = order.of_entity(eid)
            if got is not None:
                return got
        return order.of_entries(self._entries_of(eid))

    def _touched_by_event_edits(self) -> set[str]:
        """Machine entities an event edit may have added to or taken from an event."""
        touched = set(self.view.event_linked)
        for evid in self.r.data["event"]:
            if (ref := self.m.event_refs.get(evid)) is not None:
                raw, local = self.m.event_row(*ref), self.m.local_entities(ref[0])
                touched.update(local[le] for le in raw[EV_PARTS])
                if raw[EV_PLACE] >= 0:
                    touched.add(local[raw[EV_PLACE]])
        return touched

    def event_moved(self, evid: str) -> None:
        """An edit changed an event: forget every ordering, but move it in the whole-store timeline
        (one search and insert, not a sort of a million entries)."""
        whole = self._sorted_refs.get(WHOLE)
        self.reset_event_order()  # the ranks go too: they are made again with the next whole timeline
        ref = self.m.event_refs.get(evid)
        if whole is None or ref is None:
            return
        entry = (self.m.number[ref[0]] * SLOT + ref[1]) * 2
        entries, keys = array("q", whole.entries), list(whole.keys)
        at = entries.index(entry)
        del entries[at], keys[at]
        key = self._entry_key(entry)
        at = bisect.bisect_left(range(len(entries)), (key, entry), key=lambda i: (keys[i], entries[i]))
        entries.insert(at, entry)
        keys.insert(at, key)
        self._sorted_refs[WHOLE] = Timeline(entries, self.m.order, self, keys)

    def _all_entries(self) -> array:
        entries, ev_start, fig_start = array("q"), self.m.events.start, self.m.figures.start
        for number in range(len(self.m.order)):
            base = number * SLOT
            entries.extend((base + i) * 2 for i in range(ev_start[number + 1] - ev_start[number]))
            entries.extend((base + i) * 2 + 1 for i in range(fig_start[number + 1] - fig_start[number]))
        return entries

    def _entries_of(self, eid: str) -> set[int]:
        entries: set[int] = set()
        number = self.m.number
        for member in self.view.members.get(eid, ()):
            entries.update(p * 2 for p in self.m.ev_post.get(member, ()))
            entries.update(p * 2 + 1 for p in self.m.fig_post.get(member, ()))
            for evid in self.view.event_linked.get(member, ()):
                if (ref := self.m.event_refs.get(evid)) is not None:
                    entries.add((number[ref[0]] * SLOT + ref[1]) * 2)
        if self.r.data["event"] or self.r.data["mention"]:  # a hand edit may have taken the entity out
            entries = {e for e in entries if self._takes_part(eid, e)}
        return entries

    def _takes_part(self, eid: str, entry: int) -> bool:
        aid, i = self.m.unpack(entry >> 1)
        if entry & 1:
            return not self.view.dropped_in(aid) or eid in self.figure(aid, i).entities
        if self.event_id(aid, i) not in self.r.data["event"] and not self.view.dropped_in(aid):
            return True
        event = self.event(aid, i)
        return eid in event.participants or event.place == eid

    def forget_entity_timelines(self) -> None:
        """Drop the entities' sorted timelines (a mention edit may take one out of its events)."""
        self._sorted_refs = {key: refs for key, refs in self._sorted_refs.items() if key == WHOLE}

    def _machine_event_date(self, ref: Ref) -> str:
        """Sort key of an unedited event (the sort is stable: ties keep article order)."""
        return self.m.event_field(ref[0], ref[1], EV_DATE) or "9999"

    def _event_order(self, ref: Ref) -> tuple:
        aid, i = ref
        raw = self.m.event_row(aid, i)
        return (self._overlay(aid, raw).get("date", raw[EV_DATE]) or "9999", aid, raw[EV_SS])

    def _figure_order(self, ref: Ref) -> tuple:
        aid, i = ref
        raw = self.m.figure_row(aid, i)
        period = raw[F_PERIOD]
        return (period if period and period[:1].isdigit() else "9999", aid, raw[F_START])
