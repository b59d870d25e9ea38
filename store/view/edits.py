"""Hand edits: every correction a user makes, as overlay changes with unlimited undo and redo.

Each operation builds a list of overlay changes ``(table, key, new value or None)`` and commits it
with ``Records.commit`` (one atomic write, logged with before/after). Undo applies the logged
"before" values; redo the "after" values. Undo and redo are themselves log entries, so the log stays
append-only and the undo stacks are rebuilt from it at open.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.store.index.catalog import entity_id, normalise_name, sentence_bounds
from dateline.store.errors import StoreError
from dateline.store.model import ACTIVE, ENTITY_TYPES, MANUAL, REJECTED, Edit, clean_name

if TYPE_CHECKING:
    from dateline.store.disk.records import Records
    from dateline.store.state import StoreState


class EditError(StoreError):
    """An edit that cannot be made (unknown entity, merging into itself, ...)."""


class Editor:
    """The hand edits of an open store's ``state``, with undo and redo rebuilt from its edit log."""

    def __init__(self, state: StoreState):
        self.state = state
        self._undo: list[int] = []
        self._redo: list[int] = []
        self._history_of: Records | None = None  # the records the stacks were built from

    def _history(self) -> None:
        """Undo and redo stacks for the current records (another process's edits make new ones)."""
        if self._history_of is self.state.records:
            return
        self._undo, self._redo, self._history_of = [], [], self.state.records
        for entry in self.state.records.log:
            self._track(entry)

    def _track(self, entry: dict) -> None:
        if entry["action"] == "undo":
            self._redo.append(self._undo.pop())
        elif entry["action"] == "redo":
            self._undo.append(self._redo.pop())
        else:
            self._undo.append(entry["seq"])
            self._redo.clear()

    def _commit(self, action: str, summary: str, changes: list[tuple[str, str, dict | None]],
                extra: dict | None = None) -> Edit:
        self.state.check_writable()
        self._history()
        entry = self.state.records.commit(action, summary, changes, extra)
        self.state.mark_records_required()
        self.state.view.apply_changes(entry["changes"])
        self._track(entry)
        return _edit(entry)

    def _entity_ov(self, eid: str) -> dict:
        return dict(self.state.records.get("entity", eid) or {})

    def _live(self, eid: str):
        ent = self.state.view.entity(eid)
        if ent is None:
            raise EditError(f"no such entity: {eid}")
        return ent

    # -- entities ---------------------------------------------------------------------------------
    def rename(self, eid: str, name: str) -> Edit:
        """Rename an entity; the old name becomes an alias."""
        ent = self._live(eid)
        name = clean_name(name)
        if not name:
            raise EditError("a name cannot be empty")
        ov = self._entity_ov(ent.id)
        ov["name"] = name
        ov["aliases"] = [a for a in dict.fromkeys([*ent.aliases, ent.name]) if a != name]
        return self._commit("rename", f"rename {ent.name!r} → {name!r}", [("entity", ent.id, ov)])

    def retype(self, eid: str, etype: str) -> Edit:
        ent = self._live(eid)
        etype = etype.strip().upper()
        if not re.fullmatch(r"[A-Z][A-Z0-9_]{0,19}", etype):
            raise EditError(f"not a type name: {etype!r}")
        ov = self._entity_ov(ent.id)
        ov["type"] = etype
        return self._commit("retype", f"retype {ent.name!r} {ent.type} → {etype}", [("entity", ent.id, ov)])

    def set_note(self, eid: str, notes: str) -> Edit:
        ent = self._live(eid)
        ov = self._entity_ov(ent.id)
        ov["notes"] = notes
        return self._commit("note", f"note on {ent.name!r}", [("entity", ent.id, ov)])

    def set_tags(self, eid: str, tags: list[str]) -> Edit:
        ent = self._live(eid)
        ov = self._entity_ov(ent.id)
        ov["tags"] = list(dict.fromkeys(t.strip().lstrip("#") for t in tags if t.strip().lstrip("#")))
        return self._commit("tag", f"tags of {ent.name!r}: {', '.join(ov['tags']) or '(none)'}",
                            [("entity", ent.id, ov)])

    def delete_entity(self, eid: str) -> Edit:
        ent = self._live(eid)
        ov = self._entity_ov(ent.id)
        ov["deleted"] = True
        return self._commit("delete", f"delete {ent.name!r}", [("entity", ent.id, ov)])

    def merge(self, src: str, dst: str) -> Edit:
        """Merge ``src`` into ``dst``: its mentions, events, figures, aliases, notes and tags move over."""
        a, b = self._live(src), self._live(dst)
        if a.id == b.id:
            raise EditError("an entity cannot be merged into itself")
        src_ov = self._entity_ov(a.id)
        src_ov["merged_into"] = b.id
        dst_ov = self._entity_ov(b.id)
        dst_ov["tags"] = list(dict.fromkeys([*b.tags, *a.tags]))
        dst_ov["notes"] = "\n\n".join(n for n in (b.notes, a.notes) if n)
        dst_ov["aliases"] = [x for x in dict.fromkeys([*b.aliases, a.name, *a.aliases]) if x != b.name]
        return self._commit("merge", f"merge {a.name!r} into {b.name!r}",
                            [("entity", a.id, src_ov), ("entity", b.id, dst_ov)])

    def split_alias(self, eid: str, alias: str) -> Edit:
        """Give an alias back its own entity, with the mentions that use that name."""
        ent = self._live(eid)
        if alias not in ent.aliases:
            raise EditError(f"{alias!r} is not an alias of {ent.name!r}")
        changes: list[tuple[str, str, dict | None]] = []
        new_id = None
        for member in self.state.view.members.get(ent.id, ()):
            mm = self.state.machine.entities.get(member)
            mov = self.state.records.get("entity", member) or {}
            if member != ent.id and normalise_name(mov.get("name") or (mm.name if mm else "")) == normalise_name(alias):
                changes.append(("entity", member, {**mov, "merged_into": None}))
                new_id = member
        if new_id is None:
            new_id = entity_id(ent.type, alias)
            if new_id == ent.id or self.state.machine.entities.get(new_id):
                new_id = entity_id(ent.type, alias + " (split)")
            changes.append(("entity", new_id, {"manual": True, "name": alias, "type": ent.type}))
            for m in self.state.view.mentions_of(ent.id):
                if normalise_name(m.text) == normalise_name(alias):
                    changes.append(("mention", m.id, self._mention_doc(m.article_id, m.start, m.end, new_id,
                                                                       origin=m.origin)))
        ov = self._entity_ov(ent.id)
        ov["aliases"] = [x for x in ent.aliases if x != alias]
        changes.append(("entity", ent.id, ov))
        return self._commit("split", f"split {alias!r} out of {ent.name!r}", changes)

    # -- mentions ---------------------------------------------------------------------------------
    def _mention_doc(self, aid: str, start: int, end: int, eid: str | None, *, origin: str = MANUAL,
                     status: str = ACTIVE) -> dict:
        body = self.state.body(aid)
        from dateline.store.extract.sentences import split_sentences  # imported late: extraction is heavy to load

        ss, se = sentence_bounds(split_sentences(body), start, end)
        return {"entity": eid, "status": status, "origin": origin, "ss": ss, "se": se, "text": body[start:end]}

    def reject(self, mention_id: str) -> Edit:
        """Mark a mention as not an entity (or not this one); re-extraction will not bring it back."""
        aid, start, end = _split_key(mention_id)
        current = self.state.records.get("mention", mention_id)
        doc = dict(current) if current else self._mention_doc(aid, start, end, None, origin="machine")
        doc["status"] = REJECTED
        text = doc.get("text") or self.state.body(aid)[start:end]
        return self._commit("reject", f"reject mention {text!r} in {aid}", [("mention", mention_id, doc)])

    def relink(self, mention_id: str, eid: str) -> Edit:
        target = self._live(eid)
        aid, start, end = _split_key(mention_id)
        doc = self._mention_doc(aid, start, end, target.id, origin=MANUAL)
        return self._commit("relink", f"relink {doc['text']!r} in {aid} to {target.name!r}",
                            [("mention", mention_id, doc)])

    def mark(self, aid: str, start: int, end: int, name: str, etype: str, link_to: str | None = None,
             propagate: bool = True) -> tuple[Edit, int, int]:
        """Mark ``body[start:end]`` as an entity (new, or ``link_to`` an existing one).

        With ``propagate``, every other exact occurrence of the name and its aliases in every article
        is linked too, unless the user rejected it there. Returns (edit, more mentions, in articles).
        """
        body = self.state.body(aid)
        if not (0 <= start < end <= len(body)):
            raise EditError(f"span {start}-{end} is outside the article")
        name = clean_name(name) or clean_name(body[start:end])
        if not name:
            raise EditError("a name cannot be empty")
        changes: list[tuple[str, str, dict | None]] = []
        if link_to:
            eid = self._live(link_to).id
        else:
            etype = (etype or "OTHER").strip().upper()
            eid = entity_id(etype, name)
            if self.state.view.entity(eid) is None:
                changes.append(("entity", eid, {"manual": True, "name": name, "type": etype}))
        spans = {(aid, start, end)}
        if propagate:
            ent = self.state.view.entity(eid)
            names = {name, body[start:end], *(ent.aliases if ent else ())}
            spans |= set(self._occurrences(names))
        more_articles = set()
        for a, s, e in sorted(spans):
            key = f"{a}|{s}|{e}"
            prior = self.state.records.get("mention", key)
            if (a, s, e) != (aid, start, end) and prior and prior.get("status") == REJECTED:
                continue
            if (a, s, e) != (aid, start, end) and self._already_linked(a, s, e, eid):
                continue
            for other in self.state.view.mentions_in(a):
                if other.start < e and s < other.end and other.id != key and other.entity_id != eid:
                    changes.append(("mention", other.id, {**self._mention_doc(a, other.start, other.end, None,
                                                                               origin=other.origin),
                                                          "status": REJECTED}))
            changes.append(("mention", key, self._mention_doc(a, s, e, eid)))
            if (a, s, e) != (aid, start, end):
                more_articles.add(a)
        changes = _dedupe(changes)
        primary = f"{aid}|{start}|{end}"
        more = sum(1 for t, k, v in changes if t == "mention" and k != primary and v and v.get("entity") == eid)
        edit = self._commit("mark", f"mark {name!r} in {aid} (+{more} more in {len(more_articles)} articles)",
                            changes)
        return edit, more, len(more_articles)

    def _already_linked(self, aid: str, start: int, end: int, eid: str) -> bool:
        return any(m.start == start and m.end == end and m.entity_id == eid for m in self.state.view.mentions_in(aid))

    def _occurrences(self, names: set[str]):
        """(article, start, end) of every whole-word occurrence of any of ``names`` in every body."""
        names = {n for n in names if n and n.strip()}
        if not names:
            return
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?!\w)")
        for aid in self.state.machine.order:
            for m in pattern.finditer(self.state.body(aid)):
                yield aid, m.start(), m.end()

    # -- events -----------------------------------------------------------------------------------
    def edit_event(self, event_id: str, **fields) -> Edit:
        """Change an event's date (with precision), summary, participants (entity ids) or place."""
        allowed = {"date", "precision", "summary", "participants", "place"}
        unknown = set(fields) - allowed
        if unknown:
            raise EditError(f"events have no field {sorted(unknown)}")
        if event_id not in self.state.machine.event_refs:
            raise EditError(f"no such event: {event_id}")
        ov = dict(self.state.records.get("event", event_id) or {})
        if "participants" in fields:
            ov["parts"] = [self._live(p).id for p in fields.pop("participants")]
        if fields.get("place"):
            fields["place"] = self._live(fields["place"]).id
        ov.update(fields)
        return self._commit("event", f"edit event {event_id}: {', '.join(sorted(ov))}", [("event", event_id, ov)])

    # -- undo / redo / log --------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        self._history()
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        self._history()
        return bool(self._redo)

    def undo(self) -> Edit | None:
        self._history()
        if not self._undo:
            return None
        target = self._entry(self._undo[-1])
        changes = [(t, k, before) for t, k, before, _after in reversed(target["changes"])]
        return self._commit("undo", f"undo: {target['summary']}", changes, {"target": target["seq"]})

    def redo(self) -> Edit | None:
        self._history()
        if not self._redo:
            return None
        target = self._entry(self._redo[-1])
        changes = [(t, k, after) for t, k, _before, after in target["changes"]]
        return self._commit("redo", f"redo: {target['summary']}", changes, {"target": target["seq"]})

    def _entry(self, seq: int) -> dict:
        return next(e for e in reversed(self.state.records.log) if e["seq"] == seq)

    def log(self) -> list[Edit]:
        return [_edit(e) for e in self.state.records.log]

    def known_names(self) -> dict[str, str]:
        """Names (and aliases) of entities a user created by hand: future ingests find them too."""
        out: dict[str, str] = {}
        for eid, ov in self.state.records.data["entity"].items():
            ent = self.state.view.entity(eid)
            if ent is None or not ov.get("manual"):
                continue  # machine entities are found anyway; their edits apply as overlays
            if ent.type in ENTITY_TYPES[:-1]:  # every type but OTHER
                for n in (ent.name, *ent.aliases):
                    out.setdefault(n, ent.type)
        return out


def _split_key(key: str) -> tuple[str, int, int]:
    try:
        aid, start, end = key.split("|")
        return aid, int(start), int(end)
    except ValueError as exc:
        raise EditError(f"not a mention id: {key!r}") from exc


def _dedupe(changes):
    """Keep the last change per (table, key), in first-seen order."""
    last = {}
    for t, k, v in changes:
        last[(t, k)] = v
    return [(t, k, v) for (t, k), v in last.items()]


def _edit(entry: dict) -> Edit:
    return Edit(seq=entry["seq"], at=entry["at"], who=entry["who"], action=entry["action"],
                summary=entry["summary"],
                before={f"{t}:{k}": b for t, k, b, _ in entry["changes"]},
                after={f"{t}:{k}": a for t, k, _, a in entry["changes"]})
