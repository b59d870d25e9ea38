"""Loading the store off the UI thread, with progress (one ``StoreLoading`` per app).

The store is opened (or read again) in a worker; entities come first so the app is usable early, then
the whole-store timeline and article list. Once loaded, the app follows what other processes commit.
The app routes its ``LoadProgress``, ``StoreLoaded``, ``StoreFollowed`` and worker-state messages here.
"""
from __future__ import annotations

import gc
from typing import Any

from textual.widgets import ProgressBar

from dateline.tui.app_host import AppHost
from dateline.tui.app.app_views import FocusViews
from dateline.tui.app.loading import LOADING, EntityLists, load_entities, load_whole_lists
from dateline.tui.messages import ArticleTarget, LoadProgress, SentenceTarget, StoreFollowed, StoreLoaded

FOLLOW_SECONDS = 1.0  # how often the app looks for what other processes committed (one stat of two files)

UNSET = object()  # "no focus shown yet" (``None`` means the whole store)


class StoreLoading:
    """Opens and reads the store for ``app`` in workers; ``views`` shows what was read."""

    def __init__(self, app: AppHost, views: FocusViews) -> None:
        self.app = app
        self.views = views
        self._follow_timer: Any = None

    def load_store(self, reread: bool = False) -> None:
        """Open the store if given a path (or read it again from disk), then read the whole-store lists."""
        self.app.run_worker(lambda: self._load(reread), thread=True, exclusive=True, group="load",
                            exit_on_error=False, name="load_store")

    def _load(self, reread: bool) -> None:
        app = self.app
        if reread and app.store is not None:
            app.post_message(LoadProgress(0.0, "reading the store again"))
            app.store.reload()
        if app.store is None:
            from dateline.store.api import open_store  # the store is only imported when the app has to open one

            app.post_message(LoadProgress(0.0, "opening store"))
            app.store = open_store(app._open_path, verify=False)  # bodies are checked below, after paint
        store = app.store
        report = lambda fraction, label: app.post_message(LoadProgress(fraction, label))  # noqa: E731
        app.post_message(StoreLoaded(load_entities(store, report)))
        app.post_message(StoreLoaded(load_whole_lists(store, report)))
        store.verify_texts()  # damage found here stops every write and is said (the worker's error)
        store.tidy()  # only now, on a store that checked out, may dead writers' debris go

    def reload_whole_lists(self) -> None:
        """Order the whole-store lists again (after an edit moved an event), off the UI thread."""
        app = self.app
        app.run_worker(lambda: app.post_message(StoreLoaded(load_whole_lists(app.store, lambda fraction, label: None))),
                       thread=True, exclusive=True, group="whole", exit_on_error=False, name="reload_whole_lists")

    def progress(self, message: LoadProgress) -> None:
        bar = self.app.query_one(ProgressBar)
        bar.add_class("-loading")
        bar.update(total=100, progress=round(message.fraction * 100))
        self.app._busy = message.label
        self.app.update_status()

    def loaded(self, message: StoreLoaded) -> None:
        app, data = self.app, message.data
        if isinstance(data, EntityLists):
            app.loaded = data
            app.whole = None
            app.entities_pane.set_entities(data.entities)
            app.timeline_pane.name_of = app.name_of
            for pane in (app.timeline_pane, app.articles_pane):
                pane.EMPTY = LOADING
            app._focus = UNSET
            app.apply_view(app.history.current)
            if app.history.current.detail is None and app.focused is app.entities_pane:
                app.preview_cursor(app.entities_pane)  # at start-up the card of the first entity
            return
        app.whole = data
        app.query_one(ProgressBar).remove_class("-loading")
        app._busy = None
        for pane in (app.timeline_pane, app.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        if app._focus is None:  # the whole-store lists were showing "loading…"
            self.views.show_focus(None)
        app.update_status()
        gc.freeze()  # the loaded records live for the whole session: keep them out of GC passes
        app.idle_gc.start(app)
        if self._follow_timer is None:
            self._follow_timer = app.set_interval(FOLLOW_SECONDS, self._follow_tick, name="follow-store")

    def _follow_tick(self) -> None:
        app = self.app
        if app.store is None or app._busy or any(
                w.group in ("load", "follow") and not w.is_finished for w in app.workers):
            return
        app.run_worker(self._follow, thread=True, exclusive=True, group="follow", exit_on_error=False,
                       name="follow_store")

    def _follow(self) -> None:
        """Take in what other windows and commands committed; make the panes' data again off the UI thread."""
        app, store = self.app, self.app.store
        assert store is not None
        changes = store.follow()
        if not changes.changed:
            return
        quiet = lambda fraction, label: None  # noqa: E731
        new = changes.new_articles
        parts = [f"{new} new article{'s' * (new != 1)}"] if new else []
        if changes.new_edits:
            parts.append(f"{changes.new_edits} edit{'s' * (changes.new_edits != 1)} made elsewhere")
        summary = ", ".join(parts) or "the store was re-extracted elsewhere"
        app.post_message(StoreFollowed(summary, load_entities(store, quiet), load_whole_lists(store, quiet)))

    def followed(self, message: StoreFollowed) -> None:
        """Show what arrived without moving the user: focus, cursors, filters and marks stay."""
        app = self.app
        app.loaded, app.whole = message.entities, message.whole
        app.entities_pane.set_entities(message.entities.entities)
        self.views.refresh_focus_lists()
        if not isinstance(app._detail, (ArticleTarget, SentenceTarget)):  # an open reader is left as it is
            self.views.show_detail(app._detail)
        app.notify(message.summary, title="Store updated", timeout=4, markup=False)
        app.update_status()

    def worker_changed(self, event: Any) -> None:
        """A failed load is said in one toast (and the status bar stops saying "loading")."""
        app = self.app
        if event.worker.group == "load" and event.state.name == "ERROR":
            app._busy = None
            app.query_one(ProgressBar).remove_class("-loading")
            loaded = app.store is not None and app.loaded is not None
            what = "The store is damaged; read-only" if loaded else "Could not load the store"
            app.notify(f"{what}: {event.worker.error}", severity="error", timeout=30, markup=False)
            app.update_status()

    def reload(self) -> None:
        """`ctrl+r`: read the store again from disk."""
        self.app._busy = "reloading"
        self.app.update_status()
        self.load_store(reread=True)
