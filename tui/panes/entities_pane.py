"""Entities pane: every entity with its type badge, mention and article counts; sort and type filter."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding

from dateline.store.index.fuzzy import matcher
from dateline.store.model import ENTITY_TYPES, Entity
from dateline.tui.panes.edit_requests import EditRequested, entity_edit_bindings
from dateline.tui.formatting import badge, type_style
from dateline.tui.widgets.lazy_rows import HeadedLines, LazyRows
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.widgets.list_filter import CHECK_EVERY, Stop
from dateline.tui.messages import EntityTarget
from dateline.tui.safe_text import clean, literal

SORTS = ("count", "name", "latest")


def entity_search_text(entity: Entity) -> str:
    """What `/` matches for an entity: its name, aliases, ticker and ``#tags``, lower-cased."""
    tags = (f"#{tag}" for tag in entity.tags)
    return " ".join((entity.name, *entity.aliases, entity.ticker or "", *tags)).casefold()


@dataclass(frozen=True, slots=True)
class EntityRow:
    """What the pane shows about one entity (counts are computed once, at load)."""

    entity: Entity
    mentions: int
    articles: int
    latest: str | None
    search: str = field(init=False, repr=False, compare=False)  # what `/` matches, made with the row (at load)

    def __post_init__(self) -> None:
        object.__setattr__(self, "search", entity_search_text(self.entity))


def entity_row(item: EntityRow) -> Row:
    return Row(key=item.entity.id, target=EntityTarget(item.entity.id), data=item)


class EntityRows(LazyRows):
    """The pane's rows, made as the list reads them, with the ``EntityRow`` items they are made from: a
    filter grades the items and makes no row for an entity it does not let through (at 100k articles
    the list holds over 40,000 entities)."""

    def __init__(self, items: Sequence[EntityRow]) -> None:
        super().__init__(len(items), lambda i: entity_row(items[i]), lambda i: items[i].entity.id)
        self.items = items


COLUMNS_ROW = Row(key="\x00columns", data=Text(f"{'type':<3} {'ments':>6} {'arts':>5} name", end=""), selectable=False)


class EntitiesPane(LineList):
    """The list of entities. `enter` makes the entity under the cursor the focus."""

    BINDINGS = [
        *LineList.SELECTION_BINDINGS,
        Binding("o", "cycle_sort", "Sort: count/name/latest", id="entities.sort"),
        Binding("f", "cycle_type", "Filter by type", id="entities.type"),
        *entity_edit_bindings("entities"),
    ]
    SELECTABLE = True
    COPY_HEADER = ("name", "type", "mentions", "articles", "ticker", "latest")
    EMPTY = "no entities"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entities: list[EntityRow] = []
        self.sort = "count"
        self.type_filter: str | None = None

    def set_entities(self, entities: list[EntityRow]) -> None:
        """Show these entities (sorted and type-filtered by the pane's current settings)."""
        self._entities = entities
        self._rebuild(keep_cursor=True)

    def _rebuild(self, keep_cursor: bool = False) -> None:
        entities = self._entities
        if self.type_filter:
            entities = [row for row in entities if row.entity.type == self.type_filter]
        if self.sort == "name":
            entities = sorted(entities, key=lambda row: row.entity.name.casefold())
        elif self.sort == "latest":
            entities = sorted(entities, key=lambda row: (row.latest or "", row.mentions), reverse=True)
        else:
            entities = sorted(entities, key=lambda row: (-row.mentions, -row.articles, row.entity.name.casefold()))
        self.set_rows(EntityRows(entities), keep_cursor=keep_cursor)
        self._update_titles()

    def search_text(self, row: Row) -> str:
        return row.data.search

    def filter_rows(self, query: str, rows: Sequence[Row], stop: Stop = lambda: False) -> Sequence[Row] | None:
        """Grade the entities, not rows made for them: whole-word matches first, then fuzzy ones."""
        items = rows.items if isinstance(rows, EntityRows) else None
        if items is None:
            return super().filter_rows(query, rows, stop)
        grade = self._item_grader(query)
        words: list[EntityRow] = []
        letters: list[EntityRow] = []
        for number, item in enumerate(items):
            if number % CHECK_EVERY == 0 and stop():
                return None
            graded = grade(item)
            if graded == 2:
                words.append(item)
            elif graded == 1:
                letters.append(item)
        return EntityRows(words + letters)

    def _update_titles(self) -> None:
        parts = [f"by {self.sort}"]
        if self.type_filter:
            parts.append(self.type_filter)
        if self.filter_query:
            parts.append(f"/{self.filter_query}")
        count = "filtering…" if self.filtering else f"{self.shown_count}"
        self.border_subtitle = literal(f"{count} · " + " · ".join(parts))

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def make_grader(self, query: str):
        """`/#tag` lists the entities tagged so (a tag prefix is enough); other queries are fuzzy."""
        grade = self._item_grader(query)
        return lambda row: grade(row.data)

    def _item_grader(self, query: str) -> Callable[[EntityRow], int]:
        if query.startswith("#") and len(query) > 1:
            wanted = query[1:].strip().casefold()
            return lambda item: 2 if any(tag.casefold().startswith(wanted) for tag in item.entity.tags) else 0
        grade_text = matcher(query)
        return lambda item: grade_text(item.search)

    def action_edit(self, kind: str) -> None:
        """An entity edit key (rename, merge, tags…) on the entity under the cursor."""
        row = self.current
        self.post_message(EditRequested(self, kind, row.key if row is not None else None))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._rebuild(keep_cursor=True)
        self.notify(f"Entities sorted by {self.sort}", timeout=2)

    def action_cycle_type(self) -> None:
        known = sorted({row.entity.type for row in self._entities}, key=lambda t: (t not in ENTITY_TYPES, t))
        cycle: list[str | None] = [None, *known]
        index = cycle.index(self.type_filter) if self.type_filter in cycle else 0
        self.type_filter = cycle[(index + 1) % len(cycle)]
        self._rebuild()

    def clear_type_filter(self) -> bool:
        """Drop the type filter; True if there was one."""
        if self.type_filter is None:
            return False
        self.type_filter = None
        self._rebuild(keep_cursor=True)
        return True

    def layout_lines(self, rows, width: int):
        """The rows under one line of column headers (what the numbers are)."""
        if not rows:
            return rows
        return HeadedLines(rows, [(0, len(rows), ("columns",))], lambda state, group: ([COLUMNS_ROW], state))

    def render_row(self, row: Row, width: int) -> Text:
        if not row.selectable:
            return row.data
        item: EntityRow = row.data
        line = Text(no_wrap=True, end="")
        line.append_text(badge(item.entity.type))
        line.append(f" {item.mentions:>6} {item.articles:>5} ", style="dim")
        line.append(clean(item.entity.name), style=type_style(item.entity.type).replace("bold ", ""))
        if item.entity.ticker:
            line.append(f" ${clean(item.entity.ticker)}", style="dim")
        return line

    def row_cells(self, row: Row) -> list[str]:
        item: EntityRow = row.data
        return [clean(item.entity.name), item.entity.type, str(item.mentions), str(item.articles),
                clean(item.entity.ticker or ""), item.latest or ""]
