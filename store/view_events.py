"""Events and figures of the effective view: machine rows with hand edits applied, sorted by date."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from .index import (EV_DATE, EV_K, EV_PARTS, EV_PHRASE, EV_PLACE, EV_PREC, EV_SE, EV_SS, EV_SUMMARY, F_BASE,
                    F_DIR, F_END, F_ENTS, F_METRIC, F_PERIOD, F_SE, F_SS, F_START, F_TEXT, F_UNIT, F_VALUE, Ref)
from .model import MACHINE, MANUAL, Event, Figure


def figure_id(aid: str, i: int) -> str:
    return f"{aid}:f{i}"


class EventsView:
    """Mixin of ``View``: needs ``self.m`` (MachineIndex), ``self.r`` (Records), ``resolve``, ``members``."""

    def reset_event_order(self) -> None:
        self._event_refs: list[Ref] | None = None
        self._figure_refs: list[Ref] | None = None
        self._sorted_refs: dict[tuple, list[Ref]] = {}  # per-entity timelines, sorted once

    def _resolved(self, ids) -> tuple[str, ...]:
        """Entity ids as they are after merges and deletions (``owner`` holds every known id)."""
        owner = self.owner
        return tuple(dict.fromkeys(p for x in ids if (p := owner.get(x)) is not None))

    def event(self, aid: str, i: int) -> Event:
        raw = self.m.docs[aid]["v"][i]
        evid = f"{aid}:v{raw[EV_K]}"
        ov = self.r.data["event"].get(evid) or {} if self.r.data["event"] else {}
        local = self.m.local_entities(aid)
        parts_raw = ov["parts"] if "parts" in ov else [local[le] for le in raw[EV_PARTS]]
        place_raw = ov["place"] if "place" in ov else (local[raw[EV_PLACE]] if raw[EV_PLACE] >= 0 else None)
        return Event(id=evid, article_id=aid, date=ov.get("date", raw[EV_DATE]),
                     precision=ov.get("precision", raw[EV_PREC] or "unknown"), phrase=raw[EV_PHRASE],
                     summary=ov.get("summary", raw[EV_SUMMARY] or ""), participants=self._resolved(parts_raw),
                     place=self.owner.get(place_raw) if place_raw else None, sentence_start=raw[EV_SS],
                     sentence_end=raw[EV_SE], origin=MANUAL if ov else MACHINE)

    def figure(self, aid: str, i: int) -> Figure:
        raw = self.m.docs[aid]["f"][i]
        local = self.m.local_entities(aid)
        return Figure(id=figure_id(aid, i), article_id=aid, start=raw[F_START], end=raw[F_END], text=raw[F_TEXT],
                      value=raw[F_VALUE], unit=raw[F_UNIT] or "", metric=raw[F_METRIC], direction=raw[F_DIR],
                      period=raw[F_PERIOD], baseline=raw[F_BASE], entities=self._resolved(local[le] for le in raw[F_ENTS]),
                      sentence_start=raw[F_SS], sentence_end=raw[F_SE])

    def events_of(self, eid: str | None) -> Sequence[Event]:
        if eid is None:
            if self._event_refs is None:
                self._event_refs = sorted(self.m.all_refs("v"), key=self._event_order)
            return LazyRecords(self._event_refs, self.event)
        eid = self.resolve(eid)
        if self._plain(eid) and not self.event_linked.get(eid) and not self.r.data["event"]:
            refs = self._sorted_refs.get(("v", eid))
            if refs is None:
                refs = self._sorted_refs[("v", eid)] = sorted(map(self.m.unpack, self.m.ev_post.get(eid, ())),
                                                               key=self._machine_event_date)
            return LazyRecords(refs, self.event)
        refs: dict[Ref, None] = {}
        for member in self.members.get(eid, ()):
            refs.update(dict.fromkeys(map(self.m.unpack, self.m.ev_post.get(member, ()))))
            refs.update(dict.fromkeys(self.m.event_refs[e] for e in self.event_linked.get(member, ())
                                      if e in self.m.event_refs))
        events = (self.event(a, i) for a, i in refs)
        return sorted((e for e in events if eid in e.participants or e.place == eid),
                      key=lambda e: (e.sort_key, e.article_id, e.sentence_start))

    def figures_of(self, eid: str | None) -> Sequence[Figure]:
        if eid is None:
            if self._figure_refs is None:
                self._figure_refs = sorted(self.m.all_refs("f"), key=self._figure_order)
            return LazyRecords(self._figure_refs, self.figure)
        eid = self.resolve(eid)
        members = self.members.get(eid, ())
        key = ("f", eid, frozenset(members))
        refs = self._sorted_refs.get(key)
        if refs is None:
            refs = dict.fromkeys(self.m.unpack(p) for m in members for p in self.m.fig_post.get(m, ()))
            refs = self._sorted_refs[key] = sorted(refs, key=self._figure_order)
        return LazyRecords(refs, self.figure)

    def newest(self, kind: str, limit: int) -> Sequence:
        """The ``limit`` latest dated events (``kind="v"``) or figures (``"f"``) in date order."""
        whole = self.events_of(None) if kind == "v" else self.figures_of(None)
        order = self._event_order if kind == "v" else self._figure_order
        dated = bisect.bisect_left(whole.refs, ("9999",), key=order)
        return LazyRecords(whole.refs[max(0, dated - limit):dated], whole._make)

    def _machine_event_date(self, ref: Ref) -> str:
        """Sort key of an unedited event (the sort is stable: ties keep article order)."""
        return self.m.docs[ref[0]]["v"][ref[1]][EV_DATE] or "9999"

    def _event_order(self, ref: Ref) -> tuple:
        aid, i = ref
        raw = self.m.docs[aid]["v"][i]
        ov = self.r.data["event"].get(f"{aid}:v{raw[EV_K]}") if self.r.data["event"] else None
        date = ov.get("date", raw[EV_DATE]) if ov else raw[EV_DATE]
        return (date or "9999", aid, raw[EV_SS])

    def _figure_order(self, ref: Ref) -> tuple:
        aid, i = ref
        raw = self.m.docs[aid]["f"][i]
        period = raw[F_PERIOD]
        return (period if period and period[:1].isdigit() else "9999", aid, raw[F_START])


class LazyRecords(Sequence):
    """A read-only sequence that makes each record only when it is read (lists of 100k+ rows)."""

    def __init__(self, refs: list[tuple], make: Callable[..., object] | None):
        self.refs = refs
        self._make = make

    def __len__(self) -> int:
        return len(self.refs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._make(*r) for r in self.refs[i]]
        return self._make(*self.refs[i])
