"""The effective view: machine extraction with every hand edit applied.

Merges are resolved through ``merged_into`` chains; ``members[E]`` lists the machine (and manual)
entity ids whose records now belong to E, so "everything about E" is a walk over its members'
postings — the size of the answer, not a scan. After an edit only the entities it touched are
refreshed. Events and figures are answered by the ``EventsView`` it owns (``view_events.py``). An
organisation's acronym written alone in an article ("GM") belongs to the organisation it abbreviates while no
hand edit touches it (``joins``, ``acronyms.py``).
"""
from __future__ import annotations

from dateline.store.index.index import MachineIndex
from dateline.store.model import ACTIVE, MACHINE, MANUAL, Entity, Mention
from dateline.store.disk.records import Records
from dateline.store.view.acronyms import acronym_joins
from dateline.store.view.view_events import EventsView


NOTHING: frozenset[str] = frozenset()


def mention_key(aid: str, start: int, end: int) -> str:
    return f"{aid}|{start}|{end}"


class View:
    """Answers record queries over ``MachineIndex`` + ``Records``."""

    def __init__(self, machine: MachineIndex, records: Records):
        self.m = machine
        self.r = records
        self.events = EventsView(self)  # events, figures and timelines through this view
        self.rebuild()

    # -- resolution -------------------------------------------------------------------------------
    def resolve(self, eid: str | None) -> str | None:
        """The entity ``eid`` now belongs to (after merges), or None if deleted or unknown."""
        seen = set()
        while eid is not None and eid not in seen:
            seen.add(eid)
            ov = self.r.data["entity"].get(eid)
            if eid not in self.m.posting and eid in self.m.former and not (ov or {}).get("manual"):
                if not (ov or {}).get("merged_into"):
                    eid = self.m.former[eid]  # an id from before legal forms were resolved: the entity now
                    continue
            if ov is None:
                if eid not in self.m.posting:
                    return None
                joined = self.joins.get(eid)  # an acronym another article spells out (a hand edit on it wins)
                return (self.resolve(joined) if joined else None) or eid
            if ov.get("merged_into"):
                eid = ov["merged_into"]
                continue
            if ov.get("deleted") or (eid not in self.m.posting and not ov.get("manual")):
                return None
            return eid
        return None

    def rebuild(self) -> None:
        """Recompute every derived structure (at open and after re-extraction)."""
        self.members: dict[str, set[str]] = {}
        self.owner: dict[str, str] = {}
        posting = self.m.posting
        self.joins: dict[str, str] = acronym_joins((e for e in self.m.registry if e.id in posting), self.m.mcount)
        for eid in posting:
            self.owner[eid] = eid
            self.members[eid] = {eid}
        for eid in self.r.data["entity"]:
            self._place(eid)
        for eid in self.joins:
            self._place(eid)
        self.linked: dict[str, set[str]] = {}  # entity id -> keys of mention overlays linking to it
        self.article_linked: dict[str, set[str]] = {}  # article id -> keys of its mention overlays
        self.overridden: dict[str, set[str]] = {}  # machine entity id -> keys of its overridden mentions
        for key, ov in self.r.data["mention"].items():
            self._index_mention(key, ov)
        self.event_linked: dict[str, set[str]] = {}
        for evid, ov in self.r.data["event"].items():
            self._index_event(evid, ov)
        self._entity_cache: dict[str, Entity] = {}
        self._stats: dict[str, tuple[int, int, str | None]] = {}
        self._article_ids: dict[str, tuple[list[int], dict[int, int]]] = {}
        self._dropped: dict[str, frozenset[str]] = {}
        self.events.reset_event_order()

    def _place(self, eid: str) -> None:
        old = self.owner.pop(eid, None)
        if old is not None:
            self.members.get(old, set()).discard(eid)
        target = self.resolve(eid)
        if target:
            self.owner[eid] = target
            self.members.setdefault(target, set()).add(eid)

    def _index_mention(self, key: str, ov: dict | None, add: bool = True) -> None:
        if ov is None:
            return
        aid = key.split("|", 1)[0]
        targets = [(self.article_linked, aid)]
        if ov.get("entity"):
            targets.append((self.linked, ov["entity"]))
        targets += [(self.overridden, e) for e in self._machine_entities_at(key)]
        for table, k in targets:
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
                self.events.event_moved(key)
        if any(table in ("entity", "mention") for table, *_ in changes):
            self._dropped.clear()  # who an article's events and figures name may have changed
            self.events.forget_entity_timelines()
        group = set(touched)
        for eid in touched:
            group |= self.members.get(self.owner.get(eid, eid), set())
        owners = {o for e in group if (o := self.owner.get(e))}
        for eid in group:
            self._place(eid)
        owners |= {o for e in group if (o := self.owner.get(e))}
        for eid in owners | group:
            self._entity_cache.pop(eid, None)
            self._stats.pop(eid, None)
            self._article_ids.pop(eid, None)

    def _machine_entities_at(self, key: str) -> list[str]:
        aid, start, end = key.split("|")
        if aid not in self.m.docs:
            return []
        return [row[0] for row in self.m.mention_rows(aid) if row[1] == int(start) and row[2] == int(end)]

    def dropped_in(self, aid: str) -> frozenset[str]:
        """Machine entities of article ``aid`` whose every mention there a hand edit took away (rejected,
        or marked or relinked as another entity): the article's events and figures no longer name them."""
        overlays = self.article_linked.get(aid)
        if not overlays:
            return NOTHING
        got = self._dropped.get(aid)
        if got is None:
            had: set[str] = set()
            kept: set[str | None] = set()
            for eid, start, end, *_ in self.m.mention_rows(aid):
                had.add(eid)
                if f"{aid}|{start}|{end}" not in overlays:
                    kept.add(self.owner.get(eid))
            kept.update(m.entity_id for key in overlays if (m := self._overlay_mention(key)))
            got = self._dropped[aid] = frozenset(e for e in had if self.owner.get(e) not in kept)
        return got

    # -- entities ---------------------------------------------------------------------------------
    def entity_ids(self) -> list[str]:
        return [e for e, members in self.members.items()
                if members and self.owner.get(e) == e and not self._emptied(e, members)]

    def listed(self, eid: str) -> bool:
        """Whether ``eid`` is one of ``entity_ids()`` (without listing them all)."""
        members = self.members.get(eid)
        return bool(members) and self.owner.get(eid) == eid and not self._emptied(eid, members or set())

    def machine_owners_at(self, key: str) -> set[str]:
        """The entities (after merges) the extraction found at a mention's span, whatever hand edits say."""
        return {owner for eid in self._machine_entities_at(key) if (owner := self.owner.get(eid))}

    def _emptied(self, eid: str, members: set[str]) -> bool:
        """A machine entity whose every mention hand edits took away, and that no hand edit names."""
        if not any(self.overridden.get(m) for m in members) or self.r.data["entity"].get(eid, {}).get("manual"):
            return False
        if any(self.event_linked.get(m) or self.linked.get(m) for m in members):
            return False
        return self.stats_of(eid)[0] == 0

    def entity(self, eid: str) -> Entity | None:
        target = self.resolve(eid)
        if target is None:
            return None
        ent = self._entity_cache.get(target)
        if ent is None:
            ent = self._entity_cache[target] = self._make_entity(target)
        return ent

    def _make_entity(self, eid: str) -> Entity:
        ov = self.r.data["entity"].get(eid, {})
        me = self.m.entities.get(eid)
        for old in (me.former if me else ()):  # hand edits made on the id an older store used
            if old in self.r.data["entity"] and not self.r.data["entity"][old].get("merged_into"):
                ov = {**self.r.data["entity"][old], **ov}
        if not ov and me is not None and self.members.get(eid) == {eid}:  # untouched by hand: the common case
            plain = dict.fromkeys(me.aliases)
            plain.pop(me.name, None)
            return Entity(id=eid, name=me.name, type=me.type, aliases=tuple(plain),
                          roles=tuple(dict.fromkeys(me.roles)), ticker=me.ticker, notes="", tags=(), origin=MACHINE)
        aliases: dict[str, None] = {}
        roles: dict[str, None] = {}
        ticker = None
        for member in sorted(self.members.get(eid, ()), key=lambda x: x != eid):
            mm = self.m.entities.get(member)
            mov = self.r.data["entity"].get(member, {})
            if mm:
                if member != eid:
                    aliases[mov.get("name") or mm.name] = None
                aliases.update(dict.fromkeys(mm.aliases))
                roles.update(dict.fromkeys(mm.roles))
                ticker = ticker or mm.ticker
            if member != eid:
                aliases.update(dict.fromkeys(mov.get("aliases", ())))
        name = ov.get("name") or (me.name if me else eid)
        if "aliases" in ov:
            aliases = dict.fromkeys(ov["aliases"])
        aliases.pop(name, None)
        return Entity(id=eid, name=name, type=ov.get("type") or (me.type if me else "OTHER"),
                      aliases=tuple(aliases), roles=tuple(ov.get("roles", roles)),
                      ticker=ov.get("ticker", ticker), notes=ov.get("notes", ""), tags=tuple(ov.get("tags", ())),
                      origin=MANUAL if ov.get("manual") else MACHINE)

    # -- mentions ---------------------------------------------------------------------------------
    def _machine_mentions(self, aid: str, only: str | None = None) -> list[Mention]:
        overlays = self.article_linked.get(aid)
        out = []
        for eid, start, end, ss, se, text, role in self.m.mention_rows(aid):
            if only is not None and eid != only:
                continue
            key = f"{aid}|{start}|{end}"
            if overlays and key in overlays:
                continue  # a hand decision overrides this row
            target = self.owner.get(eid)
            if target is not None:
                out.append(Mention(id=key, entity_id=target, article_id=aid, start=start, end=end,
                                   sentence_start=ss, sentence_end=se, text=text or "", role=role))
        return out

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
        target = self.resolve(eid)
        if target is None:
            return []
        eid, out = target, []
        for member in self.members.get(eid, ()):
            for aid in self.m.article_ids(member):
                out += self._machine_mentions(aid, only=member)
            out += [m for key in self.linked.get(member, ()) if (m := self._overlay_mention(key))]
        out.sort(key=lambda x: (self.m.published(x.article_id), x.article_id, x.start))
        return out

    def mentions_in(self, aid: str) -> list[Mention]:
        if aid not in self.m.docs:
            return []
        out = self._machine_mentions(aid)
        out += [m for k in self.article_linked.get(aid, ()) if (m := self._overlay_mention(k))]
        out.sort(key=lambda x: x.start)
        return out

    def entity_sentences_in(self, aid: str) -> list[tuple[str, int]]:
        """(entity, sentence start) of each mention in an article, cheaply when no hand edit touches it."""
        if aid in self.article_linked:
            return [(m.entity_id, m.sentence_start) for m in self.mentions_in(aid)]
        owner = self.owner
        return [(owner[e], ss) for e, _s, _e, ss, *_ in self.m.mention_rows(aid) if e in owner]

    def article_hits(self, eid: str) -> tuple[list[int], dict[int, int]]:
        """The article numbers naming ``eid`` (after edits), newest first, and its mentions in each."""
        target = self.resolve(eid)
        if target is None:
            return [], {}
        eid = target
        cached = self._article_ids.get(eid)
        if cached is None:
            if self._plain(eid):
                posting = self.m.posting.get(eid, ())
                counts = dict(zip(posting, self.m.posting.extra(eid)))
            else:
                number, counts = self.m.number, {}
                for m in self.mentions_of(eid):
                    n = number[m.article_id]
                    counts[n] = counts.get(n, 0) + 1
            cached = self._article_ids[eid] = (sorted(counts, key=self.m.newest_rank().__getitem__), counts)
        return cached

    def article_ids_of(self, eid: str) -> list[str]:
        """Articles that mention ``eid`` (after edits), newest first."""
        order = self.m.order
        return [order[n] for n in self.article_hits(eid)[0]]

    def _plain(self, eid: str) -> bool:
        """True when no hand edit changes which mentions ``eid`` has (its counts are the machine's)."""
        return (self.members.get(eid) == {eid} and not self.linked.get(eid) and not self.overridden.get(eid)
                and eid in self.m.posting)

    def stats_of(self, eid: str) -> tuple[int, int, str | None]:
        """(mentions, articles, latest date) of an entity, cached until an edit touches it."""
        got = self._stats.get(eid)
        if got is None:
            if self._plain(eid):
                got = (self.m.mcount[eid], self.m.n_articles[eid], self.m.latest.get(eid) or None)
            else:
                ments = self.mentions_of(eid)
                arts = {m.article_id for m in ments}
                dates = [d for a in arts if (d := self.m.published(a))]
                got = (len(ments), len(arts), max(dates) if dates else None)
            self._stats[eid] = got
        return got
