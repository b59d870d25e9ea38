"""Marking rows in a list (issue 6, VisiData habits): space / s / u / ctrl+a / U, and `y` to copy.

``RowMarks`` is owned by a ``LineList``: it keeps the list's marks (a ``RowSelection``) and carries
out its marking keys; the list says which rows are shown and under the cursor (``MarkingHost``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from dateline.tui.clipboard import copy_rows
from dateline.tui.widgets.list_row import Row
from dateline.tui.widgets.selection import RowSelection

MARK_ALL_LIMIT = 50_000  # rows `ctrl+a` marks at most

SELECTION_BINDINGS = [
    Binding("space", "toggle_selected", "Toggle selection", show=False, id="list.toggle"),
    Binding("s", "select", "Select row", show=False, id="list.select"),
    Binding("u", "unselect", "Unselect row", show=False, id="list.unselect"),
    Binding("ctrl+a", "select_all", "Select all shown", show=False, id="list.select_all"),
    Binding("U", "clear_selection", "Clear selection", show=False, id="list.clear_selection"),
    Binding("y", "copy_rows", "Copy rows", show=False, id="list.copy"),
]


class SelectionChanged(Message):
    """The set of selected rows of a list changed."""

    def __init__(self, source: Widget, count: int) -> None:
        super().__init__()
        self.source = source
        self.count = count

    @property
    def control(self) -> Widget:
        return self.source


class MarkingHost(Protocol):
    """The list a ``RowMarks`` works for."""

    SELECTABLE: bool
    COPY_HEADER: tuple[str, ...]

    @property
    def current(self) -> Row | None: ...
    @property
    def lines(self) -> Sequence[Row]: ...
    @property
    def shown_count(self) -> int: ...
    @property
    def app(self) -> Any: ...
    def _step(self, delta: int) -> None: ...
    def row_cells(self, row: Row) -> list[str]: ...
    def redraw(self) -> None: ...
    def post_message(self, message: Message) -> bool: ...
    def notify(self, *args: Any, **kwargs: Any) -> Any: ...


class RowMarks:
    """The marked rows of one list and its marking keys (kept by record id: see ``RowSelection``)."""

    def __init__(self, host: MarkingHost) -> None:
        self.host = host
        self.selection = RowSelection()

    def __contains__(self, key: object) -> bool:
        return key in self.selection

    @property
    def rows(self) -> list[Row]:
        """The selected rows, in the order they were selected."""
        return self.selection.rows

    def refresh(self, rows: Sequence[Row]) -> None:
        """The list got new rows: marked records take the new rows that stand for them."""
        self.selection.refresh(rows)

    def _set(self, rows: Iterable[Row], on: bool) -> None:
        if self.selection.mark(rows, on):
            self._changed()

    def _changed(self) -> None:
        self.host.redraw()
        self.host.post_message(SelectionChanged(self.host, len(self.selection)))  # type: ignore[arg-type]

    def mark_current(self, on: bool | None) -> None:
        """Mark (True), unmark (False) or toggle (None) the cursor's row, then move down."""
        row = self.host.current
        if not self.host.SELECTABLE or row is None:
            return
        self._set([row], (row.key not in self.selection) if on is None else on)
        self.host._step(1)

    def mark_all(self) -> None:
        host = self.host
        if not host.SELECTABLE:
            return
        shown = host.shown_count
        if shown > MARK_ALL_LIMIT:  # each mark keeps its row: a million would cost a gigabyte
            host.notify(f"{shown:,} rows is too many to mark one by one (up to {MARK_ALL_LIMIT:,}): narrow the "
                        "list with / or a focus first", severity="warning", timeout=5, markup=False)
            return
        self._set(host.lines, True)

    def clear(self) -> None:
        if self.host.SELECTABLE and self.selection.clear():
            self._changed()

    def copy(self) -> None:
        """`y`: the marked rows (or the cursor row) as tab-separated text, through OSC 52."""
        host = self.host
        rows = self.rows or ([host.current] if host.current else [])
        header = [list(host.COPY_HEADER)] if rows and host.COPY_HEADER else []
        copied, message = copy_rows(host.app, header + [host.row_cells(row) for row in rows], headed=bool(header))
        host.notify(message, severity="information" if copied else "warning", markup=False)
