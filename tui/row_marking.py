"""Marking rows in a list (issue 6, VisiData habits): space / s / u / ctrl+a / U, and `y` to copy.

A mixin of ``LineList``: it needs the list's ``_selected`` (a ``RowSelection``), ``current``,
``_lines``, ``shown_count``, ``_step``, ``row_cells``, ``_cache`` and ``SELECTABLE``.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.clipboard import copy_rows

if TYPE_CHECKING:
    from tui.list_row import Row


MARK_ALL_LIMIT = 50_000  # rows `ctrl+a` marks at most


class SelectionChanged(Message):
    """The set of selected rows of a list changed."""

    def __init__(self, source: Widget, count: int) -> None:
        super().__init__()
        self.source = source
        self.count = count

    @property
    def control(self) -> Widget:
        return self.source


class RowMarking:
    """The marking keys of a list pane; panes that allow marking add ``SELECTION_BINDINGS``."""

    COPY_HEADER: tuple[str, ...] = ()  # the column names `y` puts first

    SELECTION_BINDINGS = [
        Binding("space", "toggle_selected", "Toggle selection", show=False, id="list.toggle"),
        Binding("s", "select", "Select row", show=False, id="list.select"),
        Binding("u", "unselect", "Unselect row", show=False, id="list.unselect"),
        Binding("ctrl+a", "select_all", "Select all shown", show=False, id="list.select_all"),
        Binding("U", "clear_selection", "Clear selection", show=False, id="list.clear_selection"),
        Binding("y", "copy_rows", "Copy rows", show=False, id="list.copy"),
    ]

    @property
    def selected(self) -> list[Row]:
        """The selected rows, in the order they were selected."""
        return self._selected.rows

    def _set_selected(self, rows: Iterable[Row], on: bool) -> None:
        if self._selected.mark(rows, on):
            self._selection_changed()

    def _selection_changed(self) -> None:
        self._cache.clear()
        self.refresh()
        self.post_message(SelectionChanged(self, len(self._selected)))

    def _mark_current(self, on: bool | None) -> None:
        row = self.current
        if not self.SELECTABLE or row is None:
            return
        self._set_selected([row], (row.key not in self._selected) if on is None else on)
        self._step(1)

    def action_toggle_selected(self) -> None:
        self._mark_current(None)

    def action_select(self) -> None:
        self._mark_current(True)

    def action_unselect(self) -> None:
        self._mark_current(False)

    def action_select_all(self) -> None:
        if not self.SELECTABLE:
            return
        shown = self.shown_count
        if shown > MARK_ALL_LIMIT:  # each mark keeps its row: a million would cost a gigabyte
            self.notify(f"{shown:,} rows is too many to mark one by one (up to {MARK_ALL_LIMIT:,}): narrow the "
                        "list with / or a focus first", severity="warning", timeout=5, markup=False)
            return
        self._set_selected(self._lines, True)

    def action_clear_selection(self) -> None:
        if self.SELECTABLE and self._selected.clear():
            self._selection_changed()

    def action_copy_rows(self) -> None:
        """`y`: the marked rows (or the cursor row) as tab-separated text, through OSC 52."""
        rows = self.selected or ([self.current] if self.current else [])
        header = [list(self.COPY_HEADER)] if rows and self.COPY_HEADER else []
        copied, message = copy_rows(self.app, header + [self.row_cells(row) for row in rows], headed=bool(header))
        self.notify(message, severity="information" if copied else "warning", markup=False)
