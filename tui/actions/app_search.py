"""`ctrl+f`: full-text search from any pane and the palette (one ``TextSearch`` per app, issue 16).

The search runs within the articles the articles pane lists when a focus or a filter narrows it,
else over the whole store. The chosen result opens the reader at its first match; `n`/`N` there
go to the next/previous match.
"""
from __future__ import annotations

import threading

from dateline.store.index.search import SearchIndex
from dateline.tui.app_host import AppHost
from dateline.tui.messages import SentenceTarget, View
from dateline.tui.dialogs.search_screen import SearchChoice, SearchScreen


class TextSearch:
    """Opens the search screen over ``app``'s store and keeps the store's search index."""

    def __init__(self, app: AppHost) -> None:
        self.app = app
        self._search_index: SearchIndex | None = None
        self._search_synced = -1
        self._search_lock = threading.Lock()
        self._last_search = ""

    def search_index(self) -> SearchIndex:
        """The store's search index, with any article it lacks added (run in a worker)."""
        store = self.app.store
        assert store is not None
        with self._search_lock:
            if self._search_index is None:
                self._search_index = SearchIndex.for_store(store)
            articles = store.articles()
            if len(articles) != self._search_synced:
                self._search_index.update((a.id for a in articles), store.body)
                self._search_synced = len(articles)
            return self._search_index

    def open(self) -> None:
        app = self.app
        if app.store is None:
            return
        pane = app.articles_pane
        narrowed = app._focus is not None or bool(pane.filter_query)
        within = {row.key for row in pane.lines if row.selectable} if narrowed else None
        scope = f"the {len(within)} articles listed" if within is not None else "the whole store"
        app.push_screen(SearchScreen(self.search_index, within, scope, self._last_search), self._open_search_choice)

    def _open_search_choice(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self._last_search = choice.query
        start, end = choice.spans[0]
        self.app.navigate(View(self.app._focus, SentenceTarget(choice.article_id, start, end), "detail"))
        self.app.detail_pane.reader.set_search_spans(choice.article_id, choice.spans)

    def close(self) -> None:
        """Close the search index (when the app closes)."""
        if self._search_index is not None:
            self._search_index.close()
