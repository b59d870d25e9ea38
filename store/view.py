"""The effective view: machine extraction with every hand edit applied.

Merges are resolved through ``merged_into`` chains; ``members[E]`` lists the machine (and manual)
entity ids whose records now belong to E, so "everything about E" is a walk over its members'
indexed refs — the size of the answer, not a scan. After an edit only the entities it touched are
refreshed.
"""
from __future__ import annotations

from collections.abc import Sequence

from .index import MachineIndex, event_id
from .model import ACTIVE, MACHINE, MANUAL, Entity, Event, Figure, Mention
from .records import Records


def mention_key(aid: str, start: int, end: int) -> str:
    return f"{aid}|{start}|{end}"


def figure_id(aid: str, i: int) -> str:
    return f"{aid}:f{i}"


class View:
    """Answers record queries over ``MachineIndex`` + ``Records``."""

    def __init__(self, machine: MachineIndex, records: Records):
        self.m = machine
        self.r = records
        self.rebuild()

    # -- resolution -------------------------------------------------------------------------------
    def resolve(self, eid: str | None) -> str | None:
        """The entity ``eid`` now belongs to (after merges), or None if deleted or unknown."""
        seen = set()
        while eid is not None and eid not in seen:
            seen.add(eid)
            ov = self.r.data["entity"].get(eid)
            if ov is None:
                return eid if eid in self.m.entities else None
            if ov.get("merged_into"):
                eid = ov["merged_into"]
                continue
            if ov.get("deleted") or (eid not in self.m.entities and not ov.get("manual")):
                return None
            return eid
        return None

    def rebuild(self) -> None:
        """Recompute every derived structure (at open and after re-extraction)."""
        self.members: dict[str, set[str]] = {}
        self.owner: dict[str, str] = {}
        for eid in [*self.m.entities, *self.r.data["entity"]]:
            self._place(eid)
        self.linked: dict[str, set[str]] = {}  # entity id -> keys of mention overlays linking to it
        self.article_linked: dict[str, set[str]] = {}  # article id -> keys of its mention overlays
        for key, ov in self.r.data["mention"].items():
            self._index_mention(key, ov)
        self.event_linked: dict[str, set[str]] = {}
        for evid, ov in self.r.data["event"].items():
            self._index_event(evid, ov)
        self._entity_cache: dict[str, Entity] = {}
        self._stats: dict[str, tuple[int, int, str | None]] = {}
        self._event_refs: list[tuple[str, int]] | None = None
        self._figure_refs: list[tuple[str, int]] | None = None

    def _place(self, eid: str) -> None:
        old = self.owner.pop(eid, None)
        if old is not None:
            self.members.get(old, set()).discard(eid)
        target = self.resolve(eid)
        if target:
            self.owner[eid] = target
            self.members.setdefault(target, set()).add(eid)

    def _index_mention(self, key: str, ov: dict | None, add: bool = True) -> None:
        aid = key.split("|", 1)[0]
        for table, k in ((self.linked, (ov or {}).get("entity")), (self.article_linked, aid)):
            if k and (ov is not None):
                (table.setdefault(k, set()).add if add else table.get(k, set()).discard)(key)

    def _index_event(self, evid: str, ov: dict | None, add: bool = True) -> None:
        for eid in [*(ov or {}).get("parts", ()), (ov or {}).get("place")]:
            if eid:
                (self.event_linked.setdefault(eid, set()).add if add else
                 self.event_linked.get(eid, set()).discard)(evid)

    def apply_changes(self, changes: list[list]) -> None:
        """Bring the view up to date after overlay ``changes`` ([table, key, before, after]) were applied."""
        touched: set[str] = set()
        for table, key, before, after in changes:
            if table == "entity":
                touched.add(key)
                touched.update(x for x in ((before or {}).get("merged_into"), (after or {}).get("merged_into")) if x)
            elif table == "mention":
                self._index_mention(key, before, add=False)
                self._index_mention(key, after)
                touched.update(x for x in ((before or {}).get("entity"), (after or {}).get("entity")) if x)
                touched.update(self._machine_entities_at(key))
            elif table == "event":
                self._index_event(key, before, add=False)
                self._index_event(key, after)
                self._event_refs = None
        group = set(touched)
        for eid in touched:
            group |= self.members.get(self.owner.get(eid, eid), set())
        owners = {self.owner.get(e) for e in group}
        for eid in group:
            self._place(eid)
        owners |= {self.owner.get(e) for e in group}
        for eid in owners | group:
            self._entity_cache.pop(eid, None)
            self._stats.pop(eid, None)

    def _machine_entities_at(self, key: str) -> list[str]:
        aid, start, end = key.split("|")
        doc = self.m.docs.get(aid, {})
        return [row[0] for row in doc.get("ments", ()) if row[1] == int(start) and row[2] == int(end)]

    # -- entities ---------------------------------------------------------------------------------
    def entity_ids(self) -> list[str]:
        return [e for e, members in self.members.items() if members and self.resolve(e) == e]

    def entity(self, eid: str) -> Entity | None:
        eid = self.resolve(eid)
        if eid is None:
            return None
        ent = self._entity_cache.get(eid)
        if ent is None:
            ent = self._entity_cache[eid] = self._make_entity(eid)
        return ent

    def _make_entity(self, eid: str) -> Entity:
        ov = self.r.data["entity"].get(eid, {})
        me = self.m.entities.get(eid)
        aliases: dict[str, None] = {}
        roles: dict[str, None] = {}
        ticker = None
        for member in sorted(self.members.get(eid, ()), key=lambda x: x != eid):
            mm = self.m.entities.get(member)
            if mm:
                if member != eid:
                    aliases[mm.name] = None
                aliases.update(mm.aliases)
                roles.update(mm.roles)
                ticker = ticker or mm.ticker
            mov = self.r.data["entity"].get(member, {})
            if member != eid and mov.get("name"):
                aliases[mov["name"]] = None
            aliases.update(dict.fromkeys(mov.get("aliases", ()) if member != eid else ()))
        name = ov.get("name") or (me.name if me else eid)
        if "aliases" in ov:
            aliases = dict.fromkeys(ov["aliases"])
        aliases.pop(name, None)
        for hidden in ov.get("split_aliases", ()):
            aliases.pop(hidden, None)
        return Entity(id=eid, name=name, type=ov.get("type") or (me.type if me else "OTHER"),
                      aliases=tuple(aliases), roles=tuple(ov.get("roles", roles)),
                      ticker=ov.get("ticker", ticker), notes=ov.get("notes", ""), tags=tuple(ov.get("tags", ())),
                      origin=MANUAL if ov.get("manual") else MACHINE)

    # -- mentions ---------------------------------------------------------------------------------
    def _machine_mention(self, aid: str, i: int) -> Mention | None:
        row = self.m.docs[aid]["ments"][i]
        eid, start, end, ss, se, role, text = row
        if mention_key(aid, start, end) in self.r.data["mention"]:
            return None  # a hand decision overrides this row
        target = self.resolve(eid)
        if target is None:
            return None
        return Mention(id=mention_key(aid, start, end), entity_id=target, article_id=aid, start=start, end=end,
                       sentence_start=ss, sentence_end=se, text=text, role=role)

    def _overlay_mention(self, key: str) -> Mention | None:
        ov = self.r.data["mention"][key]
        if ov.get("status", ACTIVE) != ACTIVE or not ov.get("entity"):
            return None
        target = self.resolve(ov["entity"])
        if target is None:
            return None
        aid, start, end = key.split("|")
        return Mention(id=key, entity_id=target, article_id=aid, start=int(start), end=int(end),
                       sentence_start=ov.get("ss", int(start)), sentence_end=ov.get("se", int(end)),
                       text=ov.get("text", ""), role=ov.get("role"), origin=ov.get("origin", MANUAL))

    def mentions_of(self, eid: str) -> list[Mention]:
        eid = self.resolve(eid)
        if eid is None:
            return []
        out = []
        for member in self.members.get(eid, ()):
            for aid, i in self.m.mentions.get(member, ()):
                men = self._machine_mention(aid, i)
                if men is not None:
                    out.append(men)
            for key in self.linked.get(member, ()):
                men = self._overlay_mention(key)
                if men is not None:
                    out.append(men)
        out.sort(key=lambda x: (self.m.articles[x.article_id].published or "", x.article_id, x.start))
        return out

    def mentions_in(self, aid: str) -> list[Mention]:
        doc = self.m.docs.get(aid)
        if doc is None:
            return []
        out = [m for i in range(len(doc.get("ments", ()))) if (m := self._machine_mention(aid, i))]
        out += [m for k in self.article_linked.get(aid, ()) if (m := self._overlay_mention(k))]
        out.sort(key=lambda x: x.start)
        return out

    def stats_of(self, eid: str) -> tuple[int, int, str | None]:
        """(mentions, articles, latest date) of an entity, cached until an edit touches it."""
        got = self._stats.get(eid)
        if got is None:
            ments = self.mentions_of(eid)
            arts = {m.article_id for m in ments}
            dates = [d for a in arts if (d := self.m.articles[a].published)]
            got = self._stats[eid] = (len(ments), len(arts), max(dates) if dates else None)
        return got

    # -- events and figures -----------------------------------------------------------------------
    def event(self, aid: str, i: int) -> Event:
        raw = self.m.docs[aid]["events"][i]
        evid = event_id(aid, raw, i)
        ov = self.r.data["event"].get(evid, {})
        parts = [p for p in dict.fromkeys(self.resolve(x) for x in ov.get("parts", raw.get("parts", ()))) if p]
        sa, sb = raw.get("s", (0, 0))
        return Event(id=evid, article_id=aid, date=ov.get("date", raw.get("date")),
                     precision=ov.get("precision", raw.get("precision") or "unknown"),
                     phrase=raw.get("phrase"), summary=ov.get("summary", raw.get("summary") or ""),
                     participants=tuple(parts), place=self.resolve(ov.get("place", raw.get("place"))),
                     sentence_start=sa, sentence_end=sb, origin=MANUAL if ov else MACHINE)

    def figure(self, aid: str, i: int) -> Figure:
        raw = self.m.docs[aid]["figs"][i]
        sa, sb = raw.get("s", (0, 0))
        ents = tuple(p for p in dict.fromkeys(self.resolve(x) for x in raw.get("ents", ())) if p)
        return Figure(id=figure_id(aid, i), article_id=aid, start=raw["start"], end=raw["end"], text=raw["text"],
                      value=raw.get("value"), unit=raw.get("unit") or "", metric=raw.get("metric"),
                      direction=raw.get("direction"), period=raw.get("period"), baseline=raw.get("baseline"),
                      entities=ents, sentence_start=sa, sentence_end=sb)

    def events_of(self, eid: str | None) -> Sequence[Event]:
        if eid is None:
            if self._event_refs is None:
                self._event_refs = sorted(self.m.all_events, key=self._event_order)
            return LazyRecords(self._event_refs, self.event)
        eid = self.resolve(eid)
        refs: dict[tuple[str, int], None] = {}
        for member in self.members.get(eid, ()):
            refs.update(dict.fromkeys(self.m.events.get(member, ())))
            for evid in self.event_linked.get(member, ()):
                if evid in self.m.event_refs:
                    refs[self.m.event_refs[evid]] = None
        events = [e for e in (self.event(a, i) for a, i in refs) if eid in e.participants or e.place == eid]
        return sorted(events, key=lambda e: (e.sort_key, e.article_id, e.sentence_start))

    def figures_of(self, eid: str | None) -> Sequence[Figure]:
        if eid is None:
            if self._figure_refs is None:
                self._figure_refs = sorted(self.m.all_figures, key=self._figure_order)
            return LazyRecords(self._figure_refs, self.figure)
        eid = self.resolve(eid)
        refs = dict.fromkeys(r for m in self.members.get(eid, ()) for r in self.m.figures.get(m, ()))
        return [self.figure(a, i) for a, i in sorted(refs, key=self._figure_order)]

    def _event_order(self, ref: tuple[str, int]) -> tuple:
        aid, i = ref
        raw = self.m.docs[aid]["events"][i]
        date = self.r.data["event"].get(event_id(aid, raw, i), {}).get("date", raw.get("date"))
        return (date or "9999", aid, raw.get("s", (0,))[0])

    def _figure_order(self, ref: tuple[str, int]) -> tuple:
        aid, i = ref
        raw = self.m.docs[aid]["figs"][i]
        period = raw.get("period")
        return (period if period and period[:1].isdigit() else "9999", aid, raw["start"])


class LazyRecords(Sequence):
    """A read-only sequence that makes each record only when it is read (lists of 100k+ rows)."""

    def __init__(self, refs: list[tuple[str, int]], make):
        self._refs = refs
        self._make = make

    def __len__(self) -> int:
        return len(self._refs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._make(*r) for r in self._refs[i]]
        return self._make(*self._refs[i])
