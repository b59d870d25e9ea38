"""Selections: the rows each list pane has marked, and the export ``Selection`` they stand for.

A pane's marks are kept by record id, not by position, so they outlive the filter, a new focus
and navigation: a marked row that is hidden or replaced stays marked and shows marked again when
it comes back. ``export_scopes`` turns the marks into the choices the export dialog offers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.store.export import Selection, connected_selection
from dateline.store.model import Event, Figure
from dateline.tui.messages import ArticleTarget, EntityTarget, SentenceTarget

if TYPE_CHECKING:
    from dateline.store.export import ExportSource
    from dateline.tui.widgets.list_row import Row

LIST_PANES = ("entities", "timeline", "articles")


class RowSelection:
    """The marked rows of one list, by record id, in the order they were marked."""

    def __init__(self) -> None:
        self._rows: dict[str, Row] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    @property
    def rows(self) -> list[Row]:
        return list(self._rows.values())

    @property
    def keys(self) -> list[str]:
        return list(self._rows)

    def mark(self, rows: Iterable[Row], on: bool) -> bool:
        """Mark (or unmark) rows that stand for a record; True if anything changed."""
        changed = False
        for row in rows:
            if not row.selectable or row.target is None:
                continue
            if on and row.key not in self._rows:
                self._rows[row.key] = row
                changed = True
            elif not on and row.key in self._rows:
                del self._rows[row.key]
                changed = True
        return changed

    def toggle(self, row: Row) -> bool:
        """Flip one row's mark; True if it is marked now."""
        on = row.key not in self._rows
        self.mark([row], on)
        return on and row.key in self._rows

    def clear(self) -> bool:
        """Drop every mark; True if there were any."""
        had = bool(self._rows)
        self._rows.clear()
        return had

    def refresh(self, rows: Sequence[Row]) -> None:
        """Swap kept rows for the new rows with the same id (fresh data after a reload)."""
        if not self._rows:
            return
        kept = self._rows
        if hasattr(rows, "index_of"):  # a lazy list: look the marked keys up instead of making every row
            for key in kept:
                if (i := rows.index_of(key)) is not None:
                    kept[key] = rows[i]
            return
        for row in rows:
            if row.key in kept:
                kept[row.key] = row


def record_kind(row: Row) -> str | None:
    """Which export list a row's record belongs to: entities, events, figures or articles."""
    target = row.target
    if isinstance(target, EntityTarget):
        return "entities"
    if isinstance(target, ArticleTarget):
        return "articles"
    if isinstance(target, SentenceTarget):
        record = getattr(row.data, "record", None)
        if isinstance(record, Figure):
            return "figures"
        if isinstance(record, Event):
            return "events"
    return None


def selection_of(rows: Iterable[Row]) -> Selection:
    """The export ``Selection`` of some rows, by the kind of record each stands for."""
    ids: dict[str, list[str]] = {"entities": [], "events": [], "figures": [], "articles": []}
    for row in rows:
        kind = record_kind(row)
        if kind is not None:
            ids[kind].append(row.key)
    return Selection(**ids)


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe, lower-case form of ``text`` (``Howard Lutnick`` -> ``howard-lutnick``)."""
    words = re.findall(r"[^\W_]+", text.casefold())
    return "-".join(words)[:limit].strip("-") or "export"


@dataclass(frozen=True, slots=True)
class ExportScope:
    """One answer to "what to export": a label, a file stem, and how to build its ``Selection``."""

    key: str  # "pane" | "all" | "connected"
    label: str
    stem: str
    rows: tuple[Row, ...] = ()
    entity_ids: tuple[str, ...] = ()
    enabled: bool = True
    from_marks: bool = True  # False when it stands in for missing marks (the cursor row, the focus)

    def selection(self, store: ExportSource) -> Selection:
        """The ids to export; "connected" reads the store, so call it off the UI thread."""
        if self.key == "connected":
            return connected_selection(store, self.entity_ids)
        return selection_of(self.rows)


def _count(count: int, noun: str = "row", nouns: str = "rows") -> str:
    return f"{count} {noun if count == 1 else nouns}"


def export_scopes(marked: dict[str, list[Row]], pane: str, cursor_row: Row | None,
                  focus: tuple[str, str] | None) -> list[ExportScope]:
    """The three choices: the pane's marks (or its cursor row), every pane's marks, and everything
    connected to the marked entities (or to the focused entity when none is marked).

    ``marked`` maps each list pane to its marked rows; ``focus`` is the focused (id, name).
    """
    own = marked.get(pane, [])
    if own:
        pane_scope = ExportScope("pane", f"Selected in {pane}: {_count(len(own))}", f"dateline-{pane}", tuple(own))
    elif cursor_row is not None and record_kind(cursor_row):
        pane_scope = ExportScope("pane", f"Nothing marked: the one {pane} row under the cursor", f"dateline-{pane}",
                                 (cursor_row,),
                                 from_marks=False)
    else:
        pane_scope = ExportScope("pane", f"Selected in {pane}: nothing", f"dateline-{pane}", enabled=False)
    every = [row for name in LIST_PANES for row in marked.get(name, [])]
    counts = ", ".join(f"{name} {len(marked[name])}" for name in LIST_PANES if marked.get(name))
    all_scope = ExportScope("all", f"All selections: {counts or 'nothing'}", "dateline-selection",
                            tuple(every), enabled=bool(every))
    entities = [row for row in marked.get("entities", []) if record_kind(row) == "entities"]
    if entities:
        names = [getattr(getattr(row.data, "entity", None), "name", row.key) for row in entities]
        what = names[0] if len(names) == 1 else _count(len(names), "selected entity", "selected entities")
        connected = ExportScope("connected", f"Everything connected to {what}",
                                f"dateline-{slug(names[0])}" if len(names) == 1 else "dateline-connected",
                                entity_ids=tuple(row.key for row in entities))
    elif focus is not None:
        connected = ExportScope("connected", f"Everything connected to {focus[1]} (the focus)",
                                f"dateline-{slug(focus[1])}", entity_ids=(focus[0],), from_marks=False)
    else:
        connected = ExportScope("connected", "Everything connected to the selected entities: none selected",
                                "dateline-connected", enabled=False)
    return [pane_scope, all_scope, connected]


def default_scope(scopes: list[ExportScope]) -> int:
    """The first choice built from marks; else the first that has anything in it."""
    usable = [index for index, scope in enumerate(scopes) if scope.enabled]
    return next((index for index in usable if scopes[index].from_marks), usable[0] if usable else 0)
