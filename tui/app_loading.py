"""Loading the store off the UI thread, with progress, for ``DatelineApp`` (a mixin).

The store is opened (or read again) in a worker; entities come first so the app is usable early, then
the whole-store timeline and article list.
"""
from __future__ import annotations

import gc

from textual import work
from textual.widgets import ProgressBar

from tui.loading import EntityLists, load_entities, load_whole_lists
from tui.messages import ArticleTarget, LoadProgress, SentenceTarget, StoreFollowed, StoreLoaded

FOLLOW_SECONDS = 1.0  # how often the app looks for what other processes committed (one stat of two files)

UNSET = object()  # "no focus shown yet" (``None`` means the whole store)


class StoreLoading:
    """Handlers are found by name (``on_load_progress``): ``@on`` only works on Textual classes.
    Needs the app's panes, ``_apply``, ``_show_focus``, ``_name_of`` and ``_update_status``."""

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_store(self, reread: bool = False) -> None:
        """Open the store if given a path (or read it again from disk), then read the whole-store lists."""
        if reread and self.store is not None:
            self.post_message(LoadProgress(0.0, "reading the store again"))
            self.store.reload()
        if self.store is None:
            from store import Store  # the store is only imported when the app has to open one

            self.post_message(LoadProgress(0.0, "opening store"))
            self.store = Store.open(self._open_path, verify=False)  # bodies are checked below, after paint
        report = lambda fraction, label: self.post_message(LoadProgress(fraction, label))  # noqa: E731
        self.post_message(StoreLoaded(load_entities(self.store, report)))
        self.post_message(StoreLoaded(load_whole_lists(self.store, report)))
        self.store.verify_texts()  # damage found here stops every write and is said (the worker's error)
        self.store.tidy()  # only now, on a store that checked out, may dead writers' debris go

    @work(thread=True, exclusive=True, group="whole", exit_on_error=False)
    def reload_whole_lists(self) -> None:
        """Order the whole-store lists again (after an edit moved an event), off the UI thread."""
        self.post_message(StoreLoaded(load_whole_lists(self.store, lambda fraction, label: None)))

    def on_load_progress(self, message: LoadProgress) -> None:
        bar = self.query_one(ProgressBar)
        bar.add_class("-loading")
        bar.update(total=100, progress=round(message.fraction * 100))
        self._busy = message.label
        self._update_status()

    def on_store_loaded(self, message: StoreLoaded) -> None:
        data = message.data
        if isinstance(data, EntityLists):
            self.loaded = data
            self.whole = None
            self.entities_pane.set_entities(data.entities)
            self.timeline_pane.name_of = self._name_of
            for pane in (self.timeline_pane, self.articles_pane):
                pane.EMPTY = "loading…"
            self._focus = UNSET
            self._apply(self.history.current)
            if self.history.current.detail is None and self.focused is self.entities_pane:
                self.preview_cursor(self.entities_pane)  # at start-up the card of the first entity
            return
        self.whole = data
        self.query_one(ProgressBar).remove_class("-loading")
        self._busy = None
        for pane in (self.timeline_pane, self.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        if self._focus is None:  # the whole-store lists were showing "loading…"
            self._show_focus(None)
        self._update_status()
        gc.freeze()  # the loaded records live for the whole session: keep them out of GC passes
        self.idle_gc.start(self)
        if getattr(self, "_follow_timer", None) is None:
            self._follow_timer = self.set_interval(FOLLOW_SECONDS, self._follow_tick, name="follow-store")

    def _follow_tick(self) -> None:
        if self.store is None or self._busy or any(
                w.group in ("load", "follow") and not w.is_finished for w in self.workers):
            return
        self.follow_store()

    @work(thread=True, exclusive=True, group="follow", exit_on_error=False)
    def follow_store(self) -> None:
        """Take in what other windows and commands committed; make the panes' data again off the UI thread."""
        changes = self.store.follow()
        if not changes.changed:
            return
        quiet = lambda fraction, label: None  # noqa: E731
        new = changes.new_articles
        parts = [f"{new} new article{'s' * (new != 1)}"] if new else []
        if changes.new_edits:
            parts.append(f"{changes.new_edits} edit{'s' * (changes.new_edits != 1)} made elsewhere")
        summary = ", ".join(parts) or "the store was re-extracted elsewhere"
        self.post_message(StoreFollowed(summary, load_entities(self.store, quiet), load_whole_lists(self.store, quiet)))

    def on_store_followed(self, message: StoreFollowed) -> None:
        """Show what arrived without moving the user: focus, cursors, filters and marks stay."""
        self.loaded, self.whole = message.entities, message.whole
        self.entities_pane.set_entities(self.loaded.entities)
        self._refresh_focus_lists()
        if not isinstance(self._detail, (ArticleTarget, SentenceTarget)):  # an open reader is left as it is
            self._show_detail(self._detail)
        self.notify(message.summary, title="Store updated", timeout=4, markup=False)
        self._update_status()

    def on_worker_state_changed(self, event) -> None:
        if event.worker.group == "load" and event.state.name == "ERROR":
            self._busy = None
            self.query_one(ProgressBar).remove_class("-loading")
            loaded = self.store is not None and self.loaded is not None
            what = "The store is damaged; read-only" if loaded else "Could not load the store"
            line = f"{what}: {event.worker.error}"
            self.notify(line, severity="error", timeout=30, markup=False)
            self._update_status()

    def action_reload(self) -> None:
        self._busy = "reloading"
        self._update_status()
        self.load_store(reread=True)
