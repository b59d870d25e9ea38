"""Timeline pane: events and figures by date, under year and month headers."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding

from store.model import Event, Figure
from tui.formatting import (date_label, event_sort_key, figure_precision, figure_sort_key,
                            figure_value, group_label, start_of)
from tui.edit_actions import EditRequested
from tui.fuzzy import is_date_prefix, matcher
from tui.line_list import LineList, Row
from tui.messages import SentenceTarget
from tui.safe_text import clean

DATE_WIDTH = 10
KEEP_ROWS_OVER = 5000  # lists this long (the whole store) keep their rows for the next time


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """An event or a figure with its display date and the (year, month) it is grouped under."""

    record: Event | Figure
    label: str
    group: tuple[str, str]
    start: str | None

    @property
    def entity_ids(self) -> tuple[str, ...]:
        record = self.record
        return record.participants if isinstance(record, Event) else record.entities


def timeline_items(events, figures) -> list[TimelineItem]:
    """Merge events and figures into one date-ordered list (undated last)."""
    keyed = []
    for event in events:
        item = TimelineItem(event, date_label(event.date, event.precision),
                            group_label(event.date, event.precision), start_of(event.date))
        keyed.append((event_sort_key(event), 0, item))
    for figure in figures:
        precision = figure_precision(figure.period)
        item = TimelineItem(figure, date_label(figure.period, precision),
                            group_label(figure.period, precision), start_of(figure.period))
        keyed.append((figure_sort_key(figure), 1, item))
    keyed.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _, _, item in keyed]


class TimelinePane(LineList):
    """Dated events and figures. `enter` opens the sentence a line came from."""

    BINDINGS = [*LineList.SELECTION_BINDINGS,
                Binding("E", "edit_event", "Edit the event (date, summary, participants)", id="timeline.edit_event")]
    SELECTABLE = True
    RANK_FILTER = False  # keep date order under the headers
    EMPTY = "no events or figures"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.name_of: Callable[[str], str] = lambda entity_id: entity_id
        self._kept: tuple[list | None, list[Row]] = (None, [])
        self.note = ""

    def set_items(self, items: list[TimelineItem], note: str = "") -> None:
        """Show these items (``note`` says when they are part of the store). The rows of the last list
        seen twice (the whole store) are kept, so going back to it does not rebuild 100k rows."""
        self.note = note
        if items is self._kept[0]:
            self.set_rows(self._kept[1])
            self._update_titles()
            return
        rows = [Row(key=item.record.id, data=item,
                    target=SentenceTarget(item.record.article_id, item.record.sentence_start,
                                          item.record.sentence_end, item.record.id))
                for item in items]
        if len(items) > KEEP_ROWS_OVER:
            self._kept = (items, rows)
        self.set_rows(rows)
        self._update_titles()

    def action_edit_event(self) -> None:
        row = self.current
        record = row.data.record if row is not None else None
        if not isinstance(record, Event):
            self.notify("Only events can be edited (move onto an event, not a figure)", severity="warning", timeout=3)
            return
        self.post_message(EditRequested(self, "event", record.id))

    def search_text(self, row: Row) -> str:
        item: TimelineItem = row.data
        record = item.record
        what = record.summary if isinstance(record, Event) else f"{record.text} {record.metric or ''}"
        return f"{item.label} {what} {' '.join(map(self.name_of, item.entity_ids))}".casefold()

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def _update_titles(self) -> None:
        count = sum(1 for line in self.lines if line.selectable)
        shown = self.note or f"{count}"
        self.border_subtitle = shown + (f" · /{clean(self.filter_query)}" if self.filter_query else "")

    def make_grader(self, query: str):
        if is_date_prefix(query):
            prefix = query.strip()
            return lambda row: 2 if (row.data.label.startswith(prefix) or (row.data.start or "").startswith(prefix)
                                     or (_raw_date(row.data.record) or "").startswith(prefix)) else 0
        grade = matcher(query)
        return lambda row: grade(self.search_text(row))

    def layout_lines(self, rows: list[Row], width: int) -> list[Row]:
        lines: list[Row] = []
        year = month = None
        for row in rows:
            item: TimelineItem = row.data
            item_year, item_month = item.group
            if item_year != year:
                year, month = item_year, None
                lines.append(Row(key=f"#{item_year}", data=Text(f"── {item_year} ──", end=""), selectable=False))
            if item_month and item_month != month:
                month = item_month
                lines.append(Row(key=f"#{item_year}-{item_month}", data=Text(f" {item_month}", end=""), selectable=False))
            lines.append(row)
        return lines

    def render_row(self, row: Row, width: int) -> Text:
        if not row.selectable:
            return row.data
        item: TimelineItem = row.data
        record = item.record
        line = Text(no_wrap=True, end="")
        line.append(f"{item.label:<{DATE_WIDTH}} ", style="bold" if item.label != "undated" else "dim")
        if isinstance(record, Event):
            line.append(clean(record.summary))
        else:
            style = {"up": "green", "down": "red"}.get(record.direction or "", "")
            line.append(figure_value(record), style=f"bold {style}".strip())
            if record.unit and record.unit not in record.text:
                line.append(f" {clean(record.unit)}", style="dim")
            if record.metric:
                line.append(f" {clean(record.metric)}")
        if item.entity_ids:
            line.append(" · " + ", ".join(clean(self.name_of(eid)) for eid in item.entity_ids), style="dim italic")
        return line

    def row_cells(self, row: Row) -> list[str]:
        item: TimelineItem = row.data
        record = item.record
        what = clean(record.summary) if isinstance(record, Event) else f"{clean(record.text)} {clean(record.metric or '')}"
        names = ", ".join(clean(self.name_of(eid)) for eid in item.entity_ids)
        return [item.label, what.strip(), names, record.article_id]


def _raw_date(record: Event | Figure) -> str | None:
    return record.date if isinstance(record, Event) else record.period
