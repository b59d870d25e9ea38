"""Filtering a list (`/`): fuzzy on each row's search text, in a worker thread for long lists.

``ListFilter`` is owned by a ``LineList``; it keeps the query and runs it. The list says how rows
match (``FilterHost.filter_rows``, which panes override) and lays out what the filter lets through.
A list of more than ``ASYNC_FILTER_ROWS`` rows (the whole-store timeline holds a million) is filtered
off the UI thread: the pane says "filtering…" and stays usable, a newer query cancels the older one,
and the result is laid out when it lands.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from textual.worker import get_current_worker

from dateline.tui.widgets.list_row import Row

ASYNC_FILTER_ROWS = 20_000
CHECK_EVERY = 2048  # rows between checks that the filter is still wanted

Stop = Callable[[], bool]
Grade = Callable[[Row], int]


class FilterHost(Protocol):
    """The list a ``ListFilter`` works for."""

    @property
    def rows(self) -> Sequence[Row]: ...
    @property
    def app(self) -> Any: ...
    def filter_rows(self, query: str, rows: Sequence[Row], stop: Stop = ...) -> Sequence[Row] | None: ...
    def _relayout(self, cursor_key: str | None = None, filtered: Sequence[Row] | None = None) -> None: ...
    def _update_titles(self) -> None: ...
    def run_worker(self, *args: Any, **kwargs: Any) -> Any: ...


def graded_rows(grade: Grade, rows: Sequence[Row], rank: bool, stop: Stop) -> list[Row] | None:
    """The rows ``grade`` lets through (2 whole words, 1 fuzzy, 0 not at all): with ``rank`` whole-word
    matches first, each group in the list's order (None if ``stop()`` said to give up)."""
    graded = []
    for number, row in enumerate(rows):
        if number % CHECK_EVERY == 0 and stop():
            return None
        graded.append((grade(row), row))
    if rank:
        return [row for g, row in graded if g == 2] + [row for g, row in graded if g == 1]
    return [row for g, row in graded if g]


class ListFilter:
    """The query of one list and its filtering, at once or in a worker."""

    def __init__(self, host: FilterHost) -> None:
        self.host = host
        self.query = ""
        self.filtering = False  # a worker is filtering; the list shows nothing until it lands

    def set_query(self, query: str) -> None:
        """Filter the rows; the list lays them out again with the cursor at the top."""
        self.query = query.strip()
        self.host._relayout()

    def filtered_now(self, rows: Sequence[Row], cursor_key: str | None) -> Sequence[Row] | None:
        """The filtered rows if they are quick to make, else None after starting a worker."""
        if not self.query:
            self.filtering = False
            return rows
        if len(rows) <= ASYNC_FILTER_ROWS:
            self.filtering = False
            return self.host.filter_rows(self.query, rows)
        self.filtering = True
        query = self.query
        self.host.run_worker(lambda: self._filter_in_worker(query, rows, cursor_key), thread=True, exclusive=True,
                             group="filter", exit_on_error=False, name="filter")
        return None

    def _filter_in_worker(self, query: str, rows: Sequence[Row], cursor_key: str | None) -> None:
        worker = get_current_worker()
        filtered = self.host.filter_rows(query, rows, lambda: worker.is_cancelled)
        if filtered is not None and not worker.is_cancelled:
            self.host.app.call_from_thread(self._landed, query, rows, filtered, cursor_key)

    def _landed(self, query: str, rows: Sequence[Row], filtered: Sequence[Row], cursor_key: str | None) -> None:
        if query == self.query and rows is self.host.rows:  # else a newer query or list took over
            self.filtering = False
            self.host._relayout(cursor_key, filtered=filtered)
            self.host._update_titles()
