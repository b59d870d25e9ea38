"""`ctrl+f`: full-text search from any pane and the palette (a mixin of ``DatelineApp``, issue 16).

The search runs within the articles the articles pane lists when a focus or a filter narrows it,
else over the whole store. The chosen result opens the reader at its first match; `n`/`N` there
go to the next/previous match.
"""
from __future__ import annotations

import threading

from store.search import SearchIndex
from tui.messages import SentenceTarget, View
from tui.search_screen import SearchChoice, SearchScreen


class TextSearch:
    """Needs the app's ``store``, ``_focus``, ``articles_pane``, ``detail_pane`` and ``navigate``."""

    _search_index: SearchIndex | None = None
    _search_synced = -1
    _search_lock = threading.Lock()
    _last_search = ""

    def search_index(self) -> SearchIndex:
        """The store's search index, with any article it lacks added (run in a worker)."""
        with self._search_lock:
            if self._search_index is None:
                self._search_index = SearchIndex.for_store(self.store)
            articles = self.store.articles()
            if len(articles) != self._search_synced:
                self._search_index.update((a.id for a in articles), self.store.body)
                self._search_synced = len(articles)
            return self._search_index

    def action_search_text(self) -> None:
        if self.store is None:
            return
        pane = self.articles_pane
        narrowed = self._focus is not None or bool(pane.filter_query)
        within = {row.key for row in pane.lines if row.selectable} if narrowed else None
        scope = f"the {len(within)} articles listed" if within is not None else "the whole store"
        self.push_screen(SearchScreen(self.search_index, within, scope, self._last_search), self._open_search_choice)

    def _open_search_choice(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self._last_search = choice.query
        start, end = choice.spans[0]
        self.navigate(View(self._focus, SentenceTarget(choice.article_id, start, end), "detail"))
        self.detail_pane.reader.set_search_spans(choice.article_id, choice.spans)

    def on_unmount(self) -> None:  # noqa: D102 - chained by the app's own on_unmount
        if self._search_index is not None:
            self._search_index.close()
