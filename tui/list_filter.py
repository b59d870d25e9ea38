"""Filtering a list (`/`): fuzzy on each row's search text, in a worker thread for long lists.

A mixin of ``LineList``: it needs the list's ``_rows``, ``_query`` and ``_relayout``. A list of
more than ``ASYNC_FILTER_ROWS`` rows (the whole-store timeline holds a million) is filtered off the
UI thread: the pane says "filtering…" and stays usable, a newer query cancels the older one, and
the result is laid out when it lands.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from store.fuzzy import matcher

if TYPE_CHECKING:
    from tui.list_row import Row

ASYNC_FILTER_ROWS = 20_000
CHECK_EVERY = 2048  # rows between checks that the filter is still wanted

Stop = Callable[[], bool]


class ListFiltering:
    """The filter of a list pane; panes override ``make_grader``, ``search_text`` or ``filter_rows``."""

    #: Whether a filter lists whole-word matches before fuzzy ones (False keeps the order, e.g. dates).
    RANK_FILTER = True
    filtering = False  # a worker is filtering; the list shows nothing until it lands

    def set_query(self, query: str) -> None:
        """Filter the rows (fuzzy on ``Row.search``, see ``make_grader``); the cursor goes to the top."""
        self._query = query.strip()
        self._relayout()

    def make_grader(self, query: str) -> Callable[[Row], int]:
        """How well a row matches a filter: 2 whole words, 1 fuzzy, 0 not at all (panes may override)."""
        grade = matcher(query)
        return lambda row: grade(self.search_text(row))

    def search_text(self, row: Row) -> str:
        """The lower-cased text a filter matches; panes may build it on demand instead of up front."""
        return row.search

    def filter_rows(self, query: str, rows: Sequence[Row], stop: Stop = lambda: False) -> Sequence[Row] | None:
        """The rows ``query`` lets through, in the order shown (None if ``stop()`` said to give up)."""
        grade = self.make_grader(query)
        graded = []
        for number, row in enumerate(rows):
            if number % CHECK_EVERY == 0 and stop():
                return None
            graded.append((grade(row), row))
        if self.RANK_FILTER:  # whole-word matches first, each group in the pane's order
            return [row for g, row in graded if g == 2] + [row for g, row in graded if g == 1]
        return [row for g, row in graded if g]

    def _filtered_now(self, rows: Sequence[Row], cursor_key: str | None) -> Sequence[Row] | None:
        """The filtered rows if they are quick to make, else None after starting a worker."""
        if not self._query:
            self.filtering = False
            return rows
        if len(rows) <= ASYNC_FILTER_ROWS:
            self.filtering = False
            return self.filter_rows(self._query, rows)
        self.filtering = True
        self._filter_in_worker(self._query, rows, cursor_key)
        return None

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _filter_in_worker(self, query: str, rows: Sequence[Row], cursor_key: str | None) -> None:
        worker = get_current_worker()
        filtered = self.filter_rows(query, rows, lambda: worker.is_cancelled)
        if filtered is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._filter_landed, query, rows, filtered, cursor_key)

    def _filter_landed(self, query: str, rows: Sequence[Row], filtered: Sequence[Row], cursor_key: str | None) -> None:
        if query == self._query and rows is self._rows:  # else a newer query or list took over
            self.filtering = False
            self._relayout(cursor_key, filtered=filtered)
            self._update_titles()

    def _update_titles(self) -> None:
        """Panes show their counts and filter in the border here."""
