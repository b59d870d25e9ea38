"""``LineList``: the one list widget. A ``ScrollView`` that draws only the visible lines.

Rows are plain ``Row`` records; a subclass turns one into a ``rich.text.Text`` in ``render_row``.
Only the lines on screen are rendered (and cached), so 100,000 rows scroll as fast as ten.
The list has a cursor (skipping header rows); it owns a fuzzy filter (``ListFilter``, list_filter.py)
and its row marks (``RowMarks``, row_marking.py), and keeps thin key actions that call them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from dateline.store.index.fuzzy import matcher
from dateline.tui.widgets.list_bindings import LIST_BINDINGS
from dateline.tui.widgets.list_filter import ListFilter, Stop, graded_rows
from dateline.tui.widgets.list_row import Row
from dateline.tui.messages import FilterRequested, RowChosen, RowHighlighted
from dateline.tui.safe_text import clean
from dateline.tui.widgets.row_marking import SELECTION_BINDINGS, RowMarks

CACHE_LIMIT = 2000


class LineList(ScrollView, can_focus=True):
    """A virtual list with a cursor, a filter and a selection."""

    COMPONENT_CLASSES = {
        "line-list--cursor",
        "line-list--cursor-blurred",
        "line-list--header",
        "line-list--selected",
    }
    DEFAULT_CSS = """
    LineList { overflow-x: hidden; overflow-y: scroll; }  /* a scrollbar that never comes and goes: no relayout */
    LineList > .line-list--cursor { background: $accent 60%; }
    LineList > .line-list--cursor-blurred { background: $accent 25%; }
    LineList > .line-list--header { text-style: bold; color: $text-accent; }
    LineList > .line-list--selected { background: $success 30%; }
    """
    BINDINGS = LIST_BINDINGS
    ALLOW_SELECT = False  # rows are records, not free text: clicks move the cursor
    #: Whether rows depend on the width (wrapped text): then a resize lays them out again.
    WRAPS = False
    #: Whether rows can be selected (issue 6); draws a one-cell marker gutter.
    SELECTABLE = False
    #: Whether a new list scrolls to its first selectable row (a card keeps its head in view instead).
    SHOW_FIRST_ROW_ON_LOAD = True
    #: What the empty list says.
    EMPTY = "nothing here"
    #: Whether a filter lists whole-word matches before fuzzy ones (False keeps the order, e.g. dates).
    RANK_FILTER = True
    #: The marking keys, for panes that allow marking; the column names `y` puts first.
    SELECTION_BINDINGS = SELECTION_BINDINGS
    COPY_HEADER: tuple[str, ...] = ()

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[Row] = []
        self._lines: Sequence[Row] = []
        self._shown = 0
        self._filter = ListFilter(self)
        self._selected = RowMarks(self)
        self._cache: dict[tuple, Strip] = {}
        self._style_memo: dict[str, Style] = {}
        self._positions: dict[str, int] | None = None
        self._laid_out_width = 0

    # ----- data -------------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        """Every row, before the filter (a list, or a ``LazyRows`` that makes rows as they are read)."""
        return self._rows

    @property
    def lines(self) -> Sequence[Row]:
        """The lines drawn now (filtered rows plus any headers)."""
        return self._lines

    @property
    def shown_count(self) -> int:
        """How many rows the filter lets through (headers not counted)."""
        return self._shown

    @property
    def filter_query(self) -> str:
        return self._filter.query

    @property
    def filtering(self) -> bool:
        """A worker is filtering; the list shows nothing until it lands."""
        return self._filter.filtering

    @property
    def selected(self) -> list[Row]:
        """The selected rows, in the order they were selected."""
        return self._selected.rows

    @property
    def current(self) -> Row | None:
        """The row under the cursor."""
        if 0 <= self.cursor < len(self._lines) and self._lines[self.cursor].selectable:
            return self._lines[self.cursor]
        return None

    def set_rows(self, rows: Sequence[Row], *, keep_cursor: bool = False, cursor_key: str | None = None) -> None:
        """Replace every row; the filter stays. The cursor goes to ``cursor_key`` or the top."""
        old_key = self.current.key if keep_cursor and self.current else None
        self._rows = rows
        self._selected.refresh(rows)
        self._relayout(cursor_key or old_key)

    def layout_lines(self, rows: Sequence[Row], width: int) -> Sequence[Row]:
        """Turn the filtered rows into lines; panes add headers or wrap text here."""
        return rows

    def render_row(self, row: Row, width: int) -> Text:
        """The text of one row; the default shows ``row.data`` (a ``Text``) or its key."""
        if isinstance(row.data, Text):
            return row.data
        return Text(clean(str(row.data if row.data is not None else row.key)), no_wrap=True)

    def row_cells(self, row: Row) -> list[str]:
        """The cells `y` copies for a row (tab-separated)."""
        return [self.render_row(row, 10_000).plain]

    def _relayout(self, cursor_key: str | None = None, filtered: Sequence[Row] | None = None) -> None:
        width = max(self.scrollable_content_region.width, 20)
        self._laid_out_width = width
        rows = filtered if filtered is not None else self._filter.filtered_now(self._rows, cursor_key)
        if rows is None:  # a worker is filtering a long list
            rows = []
        self._shown = len(rows)
        self._lines = self.layout_lines(rows, width - (1 if self.SELECTABLE else 0))
        self._positions = None
        self._cache.clear()
        self._set_virtual_size(Size(width, len(self._lines)))
        index = self._index_of(cursor_key) if cursor_key else None
        if index is None:  # a new list: start at the top
            self.scroll_to(y=0, animate=False)
            index = self._next_selectable(0, 1)
            if not self.SHOW_FIRST_ROW_ON_LOAD:
                self.set_reactive(LineList.cursor, index)
                self.refresh()
                return
        self._place_cursor(index, announce=False)
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size without a layout pass of the whole screen (``virtual_size`` asks
        for one): only when the scrollbar appears or goes does the layout change."""
        if size == self.virtual_size:
            return
        had_scrollbar = self.show_vertical_scrollbar
        self.set_reactive(Widget.virtual_size, size)
        self._refresh_scrollbars()
        if self.show_vertical_scrollbar != had_scrollbar:
            self.refresh(layout=True)
        else:
            self._scroll_update(size)
            self.refresh()

    def _index_of(self, key: str) -> int | None:
        if hasattr(self._lines, "index_of"):  # a lazy list finds a key without making its rows
            return self._lines.index_of(key)
        if self._positions is None:
            self._positions = {line.key: index for index, line in enumerate(self._lines) if line.selectable}
        return self._positions.get(key)

    # ----- cursor -----------------------------------------------------------------------------
    def _next_selectable(self, start: int, step: int) -> int:
        index = start
        while 0 <= index < len(self._lines):
            if self._lines[index].selectable:
                return index
            index += step
        return self.cursor if 0 <= self.cursor < len(self._lines) else 0

    def _place_cursor(self, index: int, *, announce: bool = True) -> None:
        if not self._lines:
            self.set_reactive(LineList.cursor, 0)
            return
        index = max(0, min(index, len(self._lines) - 1))
        old = self.cursor
        self.set_reactive(LineList.cursor, index)
        self._refresh_index(old)
        self._refresh_index(index)
        self._scroll_cursor_into_view()
        if announce:
            self.post_message(RowHighlighted(self, self.current.target if self.current else None))

    def move_cursor_to_key(self, key: str, *, announce: bool = False) -> bool:
        """Put the cursor on the row with ``key`` (if shown)."""
        index = self._index_of(key)
        if index is None:
            return False
        self._place_cursor(index, announce=announce)
        return True

    def move_cursor_to_line(self, index: int, *, top: bool = False) -> None:
        """Put the cursor on a line index; with ``top``, scroll that line near the top."""
        self._place_cursor(index, announce=False)
        if top:
            self.scroll_to(y=max(0, index - 2), animate=False)

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _refresh_index(self, index: int) -> None:
        """Repaint line ``index`` if on screen. ``ScrollView.refresh_line`` takes the line's index in
        the whole list (it subtracts the scroll offset itself): passing a screen row repainted the
        wrong line once the list had scrolled, and the highlight stayed behind (issue 16)."""
        if 0 <= index - round(self.scroll_y) < self.scrollable_content_region.height:
            self.refresh_line(index)

    def _step(self, delta: int) -> None:
        if not self._lines:
            return
        step = 1 if delta > 0 else -1
        target = max(0, min(self.cursor + delta, len(self._lines) - 1))
        index = target
        while 0 <= index < len(self._lines) and not self._lines[index].selectable:
            index += step
        if not 0 <= index < len(self._lines):
            index = self._next_selectable(target, -step)
        self._place_cursor(index)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self._place_cursor(self._next_selectable(0, 1))

    def action_last(self) -> None:
        self._place_cursor(self._next_selectable(len(self._lines) - 1, -1))

    def action_half_page(self, direction: int) -> None:
        self._step(direction * max(1, self.scrollable_content_region.height // 2))

    def action_choose(self) -> None:
        row = self.current
        if row is not None and row.target is not None:
            self.post_message(RowChosen(self, row.target))

    def action_filter(self) -> None:
        """Ask for the filter bar. Answered at once when the app can (``open_filter``): the keys a user
        types right after `/` are already queued and must land in the filter, not run pane commands."""
        request = FilterRequested(self, self._filter.query)
        open_filter = getattr(self.app, "open_filter", None)
        if open_filter is not None:
            open_filter(request)
        else:
            self.post_message(request)

    # ----- filter (list_filter.py): panes override how rows match ---------------------------------
    def set_query(self, query: str) -> None:
        """Filter the rows (fuzzy on ``Row.search``, see ``make_grader``); the cursor goes to the top."""
        self._filter.set_query(query)

    def make_grader(self, query: str) -> Callable[[Row], int]:
        """How well a row matches a filter: 2 whole words, 1 fuzzy, 0 not at all (panes may override)."""
        grade = matcher(query)
        return lambda row: grade(self.search_text(row))

    def search_text(self, row: Row) -> str:
        """The lower-cased text a filter matches; panes may build it on demand instead of up front."""
        return row.search

    def filter_rows(self, query: str, rows: Sequence[Row], stop: Stop = lambda: False) -> Sequence[Row] | None:
        """The rows ``query`` lets through, in the order shown (None if ``stop()`` said to give up)."""
        return graded_rows(self.make_grader(query), rows, self.RANK_FILTER, stop)

    def _update_titles(self) -> None:
        """Panes show their counts and filter in the border here."""

    # ----- marks (row_marking.py) -----------------------------------------------------------------
    def action_toggle_selected(self) -> None:
        self._selected.mark_current(None)

    def action_select(self) -> None:
        self._selected.mark_current(True)

    def action_unselect(self) -> None:
        self._selected.mark_current(False)

    def action_select_all(self) -> None:
        self._selected.mark_all()

    def action_clear_selection(self) -> None:
        self._selected.clear()

    def action_copy_rows(self) -> None:
        """`y`: the marked rows (or the cursor row) as tab-separated text, through OSC 52."""
        self._selected.copy()

    # ----- drawing ----------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        width = max(self.scrollable_content_region.width, 20)
        if width != self._laid_out_width:
            if self.WRAPS:
                self._relayout(self.current.key if self.current else None)
            else:
                self._laid_out_width = width
                self._cache.clear()
                self._set_virtual_size(Size(width, len(self._lines)))
        self._scroll_cursor_into_view()

    def redraw(self) -> None:
        """Draw every line again (the cached lines are dropped)."""
        self._cache.clear()
        self.refresh()

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_memo.clear()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        """The rich style of the widget ("") or of a component class, memoised until styles change."""
        style = self._style_memo.get(name)
        if style is None:
            style = self.rich_style if not name else self.get_component_rich_style(name, partial=True)
            self._style_memo[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self._style("")
        if not self._lines:
            if y == 0:
                empty = "filtering…" if self.filtering else self.EMPTY
                text = Text(f" {empty}", style="italic dim").render(self.app.console)
                return Strip(list(text)).crop_extend(0, width, None).apply_style(base)
            return Strip.blank(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        row = self._lines[index]
        is_cursor = index == self.cursor and row.selectable
        is_selected = row.key in self._selected
        key = (index, width, is_cursor, is_selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            strip = self._draw(row, width, is_cursor, is_selected)
            self._cache[key] = strip
        return strip

    def _draw(self, row: Row, width: int, is_cursor: bool, is_selected: bool) -> Strip:
        text = Text(no_wrap=True, end="")
        if self.SELECTABLE:
            text.append("•" if is_selected else " ", style="bold")
        text.append_text(self.render_row(row, width - (1 if self.SELECTABLE else 0)))
        segments = list(text.render(self.app.console))
        # the widget's own colours go under the row's text: text drawn without them shows the
        # terminal's default background (a black bar on a light theme, issue 16)
        line_style = self._style("")
        if not row.selectable and not row.continued:
            line_style += self._style("line-list--header")
        if is_selected:
            line_style += self._style("line-list--selected")
        if is_cursor:
            line_style += self._style("line-list--cursor" if self.has_focus else "line-list--cursor-blurred")
        return Strip(segments).crop_extend(0, width, None).apply_style(line_style)

    # ----- mouse ------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if 0 <= index < len(self._lines) and self._lines[index].selectable:
            self.focus()
            self._place_cursor(index)
            if event.chain >= 2:
                self.action_choose()
