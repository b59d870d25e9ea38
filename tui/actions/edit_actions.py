"""Hand edits from the app: open the dialog, call the store, say what happened, refresh the panes.

Panes post ``EditRequested(kind, subject)``; ``EditActions.request`` runs it. A read-only store
answers every edit key with its reason. After an edit only what it touched is read again: the
affected entity rows, the focus's timeline and articles, the card or the reader.
"""
from __future__ import annotations

from collections import Counter

from dateline.store.errors import StoreError
from dateline.store.model import Edit, Mention
from dateline.tui.dialogs import (ConfirmDialog, EventEditor, MarkChoice, MarkEntityDialog, NoteEditor, PickerDialog,
                                  TextPrompt)
from dateline.tui.panes.entities_pane import EntityRow
from dateline.tui.messages import ArticleTarget, EntityTarget, SentenceTarget, View

PICKS = 20


class EditActions:
    """The app-side glue of issue 5 (one instance per app)."""

    KINDS = ("mark", "reject", "relink", "rename", "retype", "merge", "split", "note", "tags", "delete", "event",
             "undo", "redo")

    def __init__(self, app) -> None:
        self.app = app

    @property
    def store(self):
        return self.app.store

    def request(self, kind: str, subject: object = None) -> None:
        if kind not in self.KINDS:
            raise ValueError(f"unknown edit: {kind}")
        if self.store is None or self.app.loaded is None:
            self.app.notify("The store is still loading", severity="warning", timeout=3)
            return
        if self.store.readonly:
            reason = self.store.readonly_reason or "the store is read-only"
            self.app.notify(f"Read-only: {reason}", severity="warning", timeout=5)
            return
        if subject is None and kind not in ("undo", "redo"):
            self.app.bell()
            return
        getattr(self, f"_{kind}")(subject)

    # ----- running an edit ----------------------------------------------------------------------
    def _run(self, call, *args, affected=(), say: str | None = None, quiet: bool = False, **fields):
        """Call a store edit; show its error, or refresh the panes and say ``say`` (the edit's summary)."""
        try:
            result = call(*args, **fields)
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=6)
            return None
        edit = result[0] if isinstance(result, tuple) else result
        if edit is not None:
            spans = {key.partition(":")[2] for key in (*edit.before, *edit.after) if key.startswith("mention:")}
            machine = {eid for span in spans for eid in self.store.machine_owners_at(span)}
            self.refresh({*affected, *touched_entities(edit), *machine})
            if not quiet:
                self.app.notify(say or edit.summary, timeout=4)
        return result

    def _entity_search(self, exclude: str | None = None):
        def search(query: str) -> list[tuple[str, str]]:
            if not query:
                return []
            return [(e.id, _entity_label(e)) for e in self.store.search_entities(query, limit=PICKS) if e.id != exclude]
        return search

    # ----- the reader ---------------------------------------------------------------------------
    def _mark(self, span: tuple[str, int, int]) -> None:
        from dateline.store.model import clean_name

        aid, start, end = span
        body = self.store.body(aid)
        name = clean_name(body[start:end])
        known = self.store.find_entity(name) if name else None
        overlapping = [m for m in self.store.mentions_in(aid) if m.start < end and start < m.end]
        etype = known.type if known else guess_type(body, start, end, name)
        dialog = MarkEntityDialog(body[start:end], name, etype, self._entity_search(),
                                  link_name=known.name if known else "",
                                  types=tuple(sorted({row.entity.type for row in self.app.loaded.entities})))

        def save(choice: MarkChoice | None) -> None:
            if choice is None:
                return
            result = self._run(self.store.mark, aid, start, end, choice.name, choice.type, choice.link_to,
                               affected={m.entity_id for m in overlapping}, quiet=True)
            if result is not None:
                _, more, articles = result
                self.app.notify(f"linked {more} more mention{'' if more == 1 else 's'} in {articles} "
                                f"article{'' if articles == 1 else 's'}", timeout=5)
        self.app.push_screen(dialog, save)

    def _reject(self, mention: Mention) -> None:
        self._run(self.store.reject, mention.id, affected={mention.entity_id},
                  say=f"Rejected “{mention.text}” here")

    def _relink(self, mention: Mention) -> None:
        def save(eid: str | None) -> None:
            if eid:
                self._run(self.store.relink, mention.id, eid, affected={mention.entity_id, eid})
        self.app.push_screen(PickerDialog(f"Relink “{mention.text}” to…", self._entity_search(mention.entity_id)),
                             save)

    # ----- entities -----------------------------------------------------------------------------
    def _entity(self, eid: str):
        entity = self.store.entity(eid)
        if entity is None:
            self.app.notify("That entity is gone", severity="warning", timeout=3)
        return entity

    def _rename(self, eid: str) -> None:
        if entity := self._entity(eid):
            self.app.push_screen(TextPrompt(f"Rename {entity.name} (the old name becomes an alias)", entity.name),
                                 lambda name: name and self._run(self.store.rename, eid, name))

    def _retype(self, eid: str) -> None:
        if entity := self._entity(eid):
            types = tuple(sorted({row.entity.type for row in self.app.loaded.entities}))
            self.app.push_screen(TextPrompt(f"Type of {entity.name}", entity.type, suggestions=types,
                                            help_text="PERSON, ORG, PLACE, PRODUCT, EVENT, OTHER or a new type"
                                                      " · enter saves"),
                                 lambda etype: etype and self._run(self.store.retype, eid, etype))

    def _merge(self, eid: str) -> None:
        if entity := self._entity(eid):
            def save(dst: str | None) -> None:
                if dst and self._run(self.store.merge, eid, dst) is not None:
                    self._replace_focus(eid, dst)
            self.app.push_screen(PickerDialog(f"Merge {entity.name} into…", self._entity_search(eid)), save)

    def _split(self, eid: str) -> None:
        entity = self._entity(eid)
        if entity is None:
            return
        if not entity.aliases:
            self.app.notify(f"{entity.name} has no alias to split out", severity="warning", timeout=3)
            return

        def search(query: str) -> list[tuple[str, str]]:
            return [(alias, alias) for alias in entity.aliases if query.casefold() in alias.casefold()]
        self.app.push_screen(PickerDialog(f"Split which alias out of {entity.name}?", search),
                             lambda alias: alias and self._run(self.store.split_alias, eid, alias))

    def _note(self, eid: str) -> None:
        if entity := self._entity(eid):
            self.app.push_screen(NoteEditor(f"Note on {entity.name}", entity.notes),
                                 lambda text: text is not None and self._run(self.store.set_note, eid, text))

    def _tags(self, eid: str) -> None:
        if entity := self._entity(eid):
            def save(text: str | None) -> None:
                if text is not None:
                    self._run(self.store.set_tags, eid, [t for t in text.split(",") if t.strip()])
            self.app.push_screen(TextPrompt(f"Tags of {entity.name} (comma separated)", ", ".join(entity.tags),
                                            allow_empty=True), save)

    def _delete(self, eid: str) -> None:
        if entity := self._entity(eid):
            mentions, articles = self.store.entity_counts(eid)
            def save(yes: bool | None) -> None:
                if yes and self._run(self.store.delete_entity, eid) is not None:
                    self._replace_focus(eid, None)
            counts = f"{_count(mentions, 'mention')} in {_count(articles, 'article')}; ctrl+z brings it back"
            self.app.push_screen(ConfirmDialog(f"Delete {entity.name}?", counts), save)

    # ----- events -------------------------------------------------------------------------------
    def _event(self, event_id: str) -> None:
        event = self.store.event(event_id)
        if event is None:
            self.app.notify("Only events can be edited here (not figures)", severity="warning", timeout=3)
            return
        names = {eid: self.app.name_of(eid) for eid in event.participants}

        def resolve(name: str) -> str | None:
            found = self.store.find_entity(name)
            return found.id if found else None

        def save(fields: dict | None) -> None:
            if fields:
                summary = (event.summary or "the event")[:50]
                self._run(self.store.edit_event, event_id, **fields,
                          say=f"Edited {summary!r}: {', '.join(sorted(fields))}",
                          affected={*event.participants, *fields.get("participants", ())})
                self._refresh_whole_timeline(event_id)
        self.app.push_screen(EventEditor(event, names, resolve), save)

    # ----- undo / redo --------------------------------------------------------------------------
    def _undo(self, _subject=None) -> None:
        self._history(redo=False)

    def _redo(self, _subject=None) -> None:
        self._history(redo=True)

    def _history(self, *, redo: bool) -> None:
        """Undo or redo the last edit and say which; a view on an entity it removed moves on."""
        store = self.store
        if not (store.can_redo if redo else store.can_undo):
            self.app.notify("Nothing to redo" if redo else "Nothing to undo", timeout=2)
            return
        done, call = ("Redone", store.redo) if redo else ("Undone", store.undo)
        edit = self._run(call, quiet=True)
        if edit is None:
            return
        what = edit.summary.split(": ", 1)[-1]
        self.app.notify(f"{done}: {what}", timeout=4)
        for key in edit.after:
            if key.startswith("event:"):
                self._refresh_whole_timeline(key.partition(":")[2])
        focus = self.app._focus
        now = store.entity(focus) if focus is not None else None
        if focus is not None and (now is None or now.id != focus):
            self._replace_focus(focus, now.id if now else None)

    # ----- refreshing the panes -----------------------------------------------------------------
    def refresh(self, affected: set[str]) -> None:
        """Read again the rows of ``affected`` entities, the focus lists, and the detail pane."""
        app, store = self.app, self.store
        loaded = app.loaded
        affected = {eid for eid in affected if eid}
        if app._focus:
            affected.add(app._focus)
        rows = {row.entity.id: row for row in loaded.entities}
        for eid in affected:
            entity = store.entity(eid)
            if entity is None or entity.id != eid or not store.is_listed(entity.id):
                rows.pop(eid, None)  # deleted, merged into another (read below), or left with no mention
                loaded.by_id.pop(eid, None)
            if entity is not None and store.is_listed(entity.id):
                mentions, articles = store.entity_counts(entity.id)
                rows[entity.id] = EntityRow(entity, mentions, articles, store.entity_latest(entity.id))
                loaded.by_id[entity.id] = entity
        loaded.entities[:] = list(rows.values())
        loaded.stats["entities"] = dict(Counter(row.entity.type for row in loaded.entities))  # the status bar's
        app.entities_pane.set_entities(loaded.entities)
        if app._focus and store.entity(app._focus) is not None:
            app.views.show_focus(app._focus)
        for pane in (app.timeline_pane, app.articles_pane):
            pane._cache.clear()
            pane.refresh()
        self._refresh_detail()
        app.update_status()

    def _refresh_detail(self) -> None:
        app = self.app
        target = app._detail
        if isinstance(target, EntityTarget):
            entity = self.store.entity(target.entity_id)
            app.views.show_detail(EntityTarget(entity.id) if entity else None)
        elif isinstance(target, (ArticleTarget, SentenceTarget)):
            app.detail_pane.reader.reload(app.views.reader_data(target))

    def _replace_focus(self, old: str, new: str | None) -> None:
        """After a merge or delete, a view on ``old`` moves to ``new`` (or to nothing)."""
        app = self.app
        detail = app._detail
        if isinstance(detail, EntityTarget) and detail.entity_id == old:
            detail = EntityTarget(new) if new else None
        if app._focus == old or detail != app._detail:
            app.navigate(View(new if app._focus == old else app._focus, detail, app._current_pane()))

    def _refresh_whole_timeline(self, event_id: str) -> None:
        """An edited event may have moved: order the whole-store timeline again (in a worker)."""
        if self.app.whole is not None and self.store.event(event_id) is not None:
            self.app.reload_whole_lists()


def touched_entities(edit: Edit) -> set[str]:
    """Entity ids an edit changed: its entity rows and the entities its mention rows point at."""
    ids = set()
    for side in (edit.before, edit.after):
        for key, value in side.items():
            table, _, ident = key.partition(":")
            if table == "entity":
                ids.add(ident)
                if value and value.get("merged_into"):
                    ids.add(value["merged_into"])
            elif table == "mention" and value and value.get("entity"):
                ids.add(value["entity"])
            elif table == "event" and value:
                ids.update(value.get("parts") or ())
    return ids


def guess_type(body: str, start: int, end: int, name: str) -> str:
    """A first guess at the type of a hand-marked name, from the extractor's own typing rules."""
    try:
        from dateline.store.extract.naming.name_typing import LowerCaseUse, type_votes

        at = body.find(name, start, end) if name else -1
        votes = type_votes(body, name.split(), at, at + len(name), False, LowerCaseUse(body)) if at >= 0 else None
    except Exception:  # a guess only: any failure leaves the type for the user to choose
        return "OTHER"
    return max(votes, key=votes.get) if votes else "OTHER"


def _entity_label(entity) -> str:
    aliases = f"  ({', '.join(entity.aliases[:3])})" if entity.aliases else ""
    return f"{entity.type:<6} {entity.name}{aliases}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
