"""Timeline pane: events and figures by date, under year and month headers."""
from __future__ import annotations

import bisect
import re
import textwrap
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from rich.text import Text
from textual.binding import Binding
from textual.worker import get_current_worker

from dateline.store.view.dating import key_date, start_of
from dateline.store.model import Event, Figure
from dateline.store.index.sequences import FIGURE, Timeline
from dateline.tui.panes.edit_requests import EditRequested
from dateline.tui.formatting import date_label, figure_value, group_label, unit_suffix
from dateline.store.index.fuzzy import is_date_prefix, matcher
from dateline.tui.widgets.lazy_rows import ExpandedLines, HeadedLines, LazyRows, runs_of
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.widgets.list_filter import CHECK_EVERY, Stop
from dateline.tui.messages import RowChosen, SentenceTarget
from dateline.tui.safe_text import clean, literal

DATE_WIDTH = 10
REPORTED = "reported "  # date_label's prefix for a row dated by its article, not by its text


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """An event or a figure with its display date and the (year, month) it is grouped under."""

    record: Event | Figure
    label: str
    group: tuple[str, str]
    start: str | None
    sources: tuple[tuple[str, str, int, int], ...] = ()  # every report of a grouped row, its own first

    @property
    def entity_ids(self) -> tuple[str, ...]:
        record = self.record
        return record.participants if isinstance(record, Event) else record.entities


class TimelineRows(LazyRows):
    """The rows of a store ``Timeline``, made as they are shown, with their year/month header lines
    laid out once (from the index's dates: no record is made). ``note`` says when it is part of a list."""

    def __init__(self, timeline: Timeline, note: str = "", newest_first: bool = False):
        super().__init__(len(timeline), self._row, timeline.record_id)
        self.timeline = timeline
        self.note = note
        self.newest_first = newest_first
        runs = _scanned_runs(timeline.keys) if newest_first else _key_runs(timeline.keys)
        self.lines = HeadedLines(self, runs, year_month_headers)

    def reversed(self) -> TimelineRows:
        """The same timeline newest first (undated entries stay last)."""
        keys = self.timeline.keys
        dated = sum(end - first for first, end, group in _key_runs(keys) if group != ("undated", ""))
        order = [*range(dated - 1, -1, -1), *range(dated, len(keys))]
        return TimelineRows(self.timeline.subset(order), self.note, newest_first=True)

    def _row(self, i: int) -> Row:
        record = self.timeline[i]
        date, precision = self.timeline.date(i)
        sources = self.timeline.sources(i) if self.timeline.source_count(i) > 1 else ()
        item = TimelineItem(record, date_label(date, precision), group_label(date, precision), start_of(date), sources)
        return Row(key=record.id, data=item,
                   target=SentenceTarget(record.article_id, record.sentence_start, record.sentence_end, record.id))


def _key_runs(keys: list[str]):
    """(first, end, (year, month)) runs of a sorted key list: one step per distinct date, not per row."""
    first = 0
    while first < len(keys):
        end = bisect.bisect_right(keys, keys[first], first)
        yield first, end, _key_group(keys[first])
        first = end


_FIGURE_TERM = re.compile(r"(?:^|\s)(unit:(\S+)|dir:(up|down)|([↑↓]))(?=\s|$)", re.IGNORECASE)


def figure_terms(query: str) -> tuple[str, Callable[[Figure], bool] | None]:
    """Split ``unit:%``, ``dir:down`` (or ``↓``), ``dir:up`` (``↑``) out of a timeline filter: (the
    rest of the query, a test that keeps only the figures they describe, or None)."""
    units, directions = set(), set()
    for _, unit, direction, arrow in _FIGURE_TERM.findall(query):
        if unit:
            units.add(unit.casefold())
        else:
            directions.add({"↑": "up", "↓": "down"}.get(arrow, direction.lower()))
    if not units and not directions:
        return query, None
    rest = _FIGURE_TERM.sub(" ", query).strip()

    def test(figure: Figure) -> bool:
        unit = (figure.unit or "").casefold()
        return ((not units or unit in units or any(u in figure.text.casefold() for u in units))
                and (not directions or figure.direction in directions))
    return rest, test


def _scanned_runs(keys: list[str]):
    """(first, end, (year, month)) runs of keys in any order (newest first): one pass."""
    first = 0
    while first < len(keys):
        group, end = _key_group(keys[first]), first + 1
        while end < len(keys) and (keys[end] == keys[end - 1] or _key_group(keys[end]) == group):
            end += 1
        yield first, end, group
        first = end


@lru_cache(maxsize=65536)
def _key_group(key: str) -> tuple[str, str]:
    return group_label(*key_date(key))


def year_month_headers(month: str | None, group: tuple[str, str]) -> tuple[list[Row], str | None]:
    """The header lines before an item of ``group`` (year, month); the state is the last month headed."""
    year, item_month = group
    lines = []
    if month is None or not month.startswith(f"{year}|"):
        lines.append(Row(key=f"#{year}", data=Text(f"── {year} ──", end=""), selectable=False))
        month = f"{year}|"
    if item_month and month != f"{year}|{item_month}":
        lines.append(Row(key=f"#{year}-{item_month}", data=Text(f" {item_month}", end=""), selectable=False))
        month = f"{year}|{item_month}"
    return lines, month


EMPTY_TIMELINE = Timeline(array("q"), [], None)
GROUPING = "timeline-grouping"  # the worker group that groups a long timeline


class GroupsLater(Protocol):
    """A timeline the store hands out before grouping its reports (a long one: grouping it would hold
    up the focus): ``grouped`` groups it, or gives None when asked to stop or when the store changed."""

    def grouped(self, stop: Callable[[], bool] | None = None) -> Timeline | None: ...


class TimelinePane(LineList):
    """Dated events and figures. `enter` opens the sentence a line came from."""

    BINDINGS = [*LineList.SELECTION_BINDINGS,
                Binding("o", "toggle_order", "Sort: oldest/newest first", id="timeline.sort"),
                Binding("w", "expand", "Expand the row (whole text)", id="timeline.expand"),
                Binding("E", "edit_event", "Edit the event (date, summary, participants)", id="timeline.edit_event"),
                Binding("right_square_bracket", "next_source", "Open the next source of a grouped row (×N)",
                        show=False, id="timeline.next_source")]
    SELECTABLE = True
    COPY_HEADER = ("date", "what", "entities", "article")
    RANK_FILTER = False  # keep date order under the headers
    EMPTY = "no events or figures"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.name_of: Callable[[str], str] = lambda entity_id: entity_id
        self.note = ""
        self.newest_first = False
        self._items: TimelineRows | None = None
        self.expanded: str | None = None  # the key of the row shown whole
        self._source_opened: tuple[str, int] | None = None  # (row key, which source `]` opened last)

    def set_items(self, rows: TimelineRows, keep_cursor: bool = False) -> None:
        """Show a timeline (its ``note`` says when it is part of the store), in the pane's order."""
        self.note = rows.note
        self._items = rows
        self.set_rows(rows.reversed() if self.newest_first and isinstance(rows, TimelineRows) else rows,
                      keep_cursor=keep_cursor)
        self._update_titles()
        self._group_later(rows)

    def _group_later(self, rows: TimelineRows) -> None:
        """A long timeline the store did not group yet is grouped in a worker: its rows show ungrouped
        until the grouped ones land (the cursor stays on its row); showing another timeline first (the
        user moved on) cancels the worker, and its result is dropped."""
        self.workers.cancel_group(self, GROUPING)
        pending: GroupsLater | None = getattr(rows.timeline, "grouped", None) and rows.timeline \
            if isinstance(rows, TimelineRows) else None
        if pending is None:
            return

        def group() -> None:
            worker = get_current_worker()
            done = pending.grouped(lambda: worker.is_cancelled)
            if done is not None and not worker.is_cancelled:
                self.app.call_from_thread(self._grouping_landed, rows, done)
        self.run_worker(group, thread=True, exclusive=True, group=GROUPING, exit_on_error=False, name="group_timeline")

    def _grouping_landed(self, rows: TimelineRows, grouped: Timeline) -> None:
        if self._items is rows:  # still the timeline shown
            self.set_items(TimelineRows(grouped, rows.note), keep_cursor=True)

    def action_expand(self) -> None:
        """`w`: show the row under the cursor whole (wrapped under it), or cut it again."""
        row = self.current
        if row is None:
            return
        self.expanded = None if self.expanded == row.key else row.key
        self._relayout(row.key)

    def action_toggle_order(self) -> None:
        """`o`: oldest first (the default) or newest first; the cursor stays on its row."""
        self.newest_first = not self.newest_first
        if self._items is not None:
            self.set_items(self._items, keep_cursor=True)
        self.notify(f"Timeline: {'newest' if self.newest_first else 'oldest'} first", timeout=2)

    def action_next_source(self) -> None:
        """`]`: open the next report of a row that several articles (or sentences) report, in turn."""
        row = self.current
        if row is None or not row.selectable:
            return
        sources = row.data.sources
        if not sources:
            self.notify("This row has one source: enter opens it", timeout=2)
            return
        last = self._source_opened[1] if self._source_opened and self._source_opened[0] == row.key else 0
        at = (last + 1) % len(sources)
        self._source_opened = (row.key, at)
        article_id, record_id, start, end = sources[at]
        self.post_message(RowChosen(self, SentenceTarget(article_id, start, end, record_id)))

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
        return self._search_text(item.label, what, item.entity_ids)

    def _search_text(self, label: str, what: str, entity_ids: tuple[str, ...]) -> str:
        return f"{label} {what} {' '.join(map(self.name_of, entity_ids))}".casefold()

    def filter_rows(self, query: str, rows: Sequence[Row], stop: Stop = lambda: False) -> Sequence[Row] | None:
        """A timeline is filtered from the index (dates, summaries, names): only matches become rows,
        kept in date order. A date prefix (``2025-06``) matches the date as shown, its first day or as
        written; words match as substrings, or, when no row has them all, letters in order (fuzzy)."""
        if not isinstance(rows, TimelineRows):
            return super().filter_rows(query, rows, stop)
        timeline = rows.timeline
        query, figure_test = figure_terms(query)
        if figure_test is not None:
            kept = [i for i in range(len(timeline)) if timeline.kind(i) == FIGURE and figure_test(timeline[i])]
            timeline = timeline.subset(kept)
            if not query.strip():
                return TimelineRows(timeline, rows.note, rows.newest_first)
        if is_date_prefix(query):
            prefix = query.strip()

            def grade(i: int) -> int:
                date, precision = timeline.date(i)
                return 2 if (date_label(date, precision).startswith(prefix) or (start_of(date) or "").startswith(prefix)
                             or (date or "").startswith(prefix)) else 0
        else:
            grade_text = matcher(query)

            def grade(i: int) -> int:
                what, entity_ids = timeline.text(i)
                return grade_text(self._search_text(date_label(*timeline.date(i)), what, entity_ids))
        words, letters = array("i"), array("i")  # whole-word matches; letters-in-order (fuzzy) matches
        for i in range(len(timeline)):
            if i % CHECK_EVERY == 0 and stop():
                return None
            graded = grade(i)
            if graded == 2:
                words.append(i)
            elif graded == 1:
                letters.append(i)
        # on long summaries letters-in-order match almost anything: fuzzy only when no word matches
        return TimelineRows(timeline.subset(words or letters), rows.note, rows.newest_first)

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def _update_titles(self) -> None:
        shown = "filtering…" if self.filtering else (self.note or f"{self.shown_count}")
        order = " · newest first" if self.newest_first else ""
        self.border_subtitle = literal(shown + order + (f" · /{self.filter_query}" if self.filter_query else ""))

    def layout_lines(self, rows: Sequence[Row], width: int) -> Sequence[Row]:
        if isinstance(rows, TimelineRows):
            lines = rows.lines  # laid out once per timeline
        else:
            lines = HeadedLines(rows, runs_of([row.data.group for row in rows]), year_month_headers)  # filtered
        at = lines.index_of(self.expanded) if self.expanded else None
        if at is None:
            return lines
        whole = self.render_row(lines[at], 100_000).plain
        if len(whole) <= width - 1:
            return lines  # nothing was cut
        indent = " " * (DATE_WIDTH + 1)
        wrapped = textwrap.wrap(whole[DATE_WIDTH + 1:], max(10, width - len(indent) - 2))
        extra = [Row(key=f"\x00more{n}", data=Text(indent + part, style="italic", end=""), selectable=False,
                     continued=True) for n, part in enumerate(wrapped)]
        return ExpandedLines(lines, at, extra)

    def render_row(self, row: Row, width: int) -> Text:
        if not row.selectable:
            return row.data
        item: TimelineItem = row.data
        record = item.record
        line = Text(no_wrap=True, end="")
        if item.label.startswith(REPORTED):  # "2025-06-10 reported …": dates stay in one column
            line.append(f"{item.label[len(REPORTED):]:<{DATE_WIDTH}} ", style="dim")
            line.append(REPORTED, style="dim italic")
        else:
            line.append(f"{item.label:<{DATE_WIDTH}} ", style="bold" if item.label != "undated" else "dim")
        if item.sources:  # one event reported several times: "×3", each report opens with `]`
            line.append(f"\u00d7{len(item.sources)} ", style="bold cyan")
        if isinstance(record, Event):
            line.append(clean(record.summary))
        else:
            style = {"up": "green", "down": "red"}.get(record.direction or "", "")
            line.append(figure_value(record), style=f"bold {style}".strip())
            if unit := unit_suffix(record):
                line.append(f" {unit}", style="dim")
            if record.metric:
                line.append(f" {clean(record.metric)}")
        if item.entity_ids:
            line.append(" · " + ", ".join(clean(self.name_of(eid)) for eid in item.entity_ids), style="dim italic")
        return line

    def row_cells(self, row: Row) -> list[str]:
        item: TimelineItem = row.data
        record = item.record
        if isinstance(record, Event):
            what = clean(record.summary)
        else:  # as the row shows it: the arrow, the text, its unit once, the metric
            unit = unit_suffix(record)
            what = f"{figure_value(record)}{' ' + unit if unit else ''} {clean(record.metric or '')}"
        names = ", ".join(clean(self.name_of(eid)) for eid in item.entity_ids)
        return [item.label, what.strip(), names, record.article_id]
