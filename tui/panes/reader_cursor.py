"""The reader's text cursor and selection, as plain offsets into the article body (no widget here).

The cursor sits on one character; a selection runs from the anchor (set by `v`, shift+arrows or a
mouse drag) to the cursor, both ends included, as in a vi visual selection. ``lines`` are the
wrapped ``(start, end)`` slices the reader draws, so up/down keep the column across wrapped lines.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, Protocol

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from dateline.store.model import Mention
from dateline.tui.panes.edit_requests import EditRequested
from dateline.tui.widgets.list_row import Row

WORD = re.compile(r"\w+|[^\w\s]+")


class TextCursor:
    """A cursor (and optional selection anchor) over ``body``, moved line by line over ``lines``."""

    def __init__(self) -> None:
        self.body = ""
        self.lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self.offset = 0
        self.anchor: int | None = None
        self._column: int | None = None  # the column up/down try to keep

    def reset(self, body: str, offset: int = 0) -> None:
        """A new article: the cursor goes to ``offset``, the selection is dropped."""
        self.body = body
        self.anchor = None
        self._column = None
        self.offset = self._clamp(offset)

    def set_lines(self, lines: list[tuple[int, int]]) -> None:
        """The wrapped lines changed (new article or new width); the offset stays."""
        self.lines = lines
        self._starts = [start for start, _ in lines]

    # ----- where -----------------------------------------------------------------------------
    def line_index(self, offset: int | None = None) -> int:
        """Index in ``lines`` of the line holding ``offset`` (the cursor by default)."""
        if not self.lines:
            return 0
        return max(0, bisect_right(self._starts, self.offset if offset is None else offset) - 1)

    def selection(self) -> tuple[int, int] | None:
        """The selected body span ``(start, end)``, end excluded, or None."""
        if self.anchor is None:
            return None
        low, high = sorted((self.anchor, self.offset))
        return low, min(len(self.body), high + 1)

    def word_at(self) -> tuple[int, int] | None:
        """The span of the word under the cursor, or None on spaces and punctuation."""
        for match in re.finditer(r"\w+", self.body[max(0, self.offset - 200):self.offset + 200]):
            base = max(0, self.offset - 200)
            if match.start() + base <= self.offset < match.end() + base:
                return match.start() + base, match.end() + base
        return None

    # ----- motions (``extend`` keeps or starts a selection) ---------------------------------------
    def move_to(self, offset: int, *, extend: bool = False, keep_column: bool = False) -> None:
        if extend and self.anchor is None:
            self.anchor = self.offset
        self.offset = self._clamp(offset)
        if not keep_column:
            self._column = None

    def left(self, extend: bool = False) -> None:
        self.move_to(self.offset - 1, extend=extend)

    def right(self, extend: bool = False) -> None:
        self.move_to(self.offset + 1, extend=extend)

    def vertical(self, step: int, extend: bool = False) -> bool:
        """Move to the line above (-1) or below (+1) keeping the column; False at the first/last line."""
        index = self.line_index() + step
        if not self.lines or not 0 <= index < len(self.lines):
            return False
        if self._column is None:
            self._column = self.offset - self.lines[self.line_index()][0]
        start, end = self.lines[index]
        self.move_to(min(start + self._column, max(start, self._last_char(start, end))), extend=extend,
                     keep_column=True)
        return True

    def word_forward(self, extend: bool = False) -> None:
        """To the start of the next word (or run of punctuation)."""
        for match in WORD.finditer(self.body, self.offset + 1):
            if match.start() > self.offset and (match.start() == 0 or not _same_run(self.body, match.start())):
                self.move_to(match.start(), extend=extend)
                return
        self.move_to(len(self.body) - 1, extend=extend)

    def word_back(self, extend: bool = False) -> None:
        """To the start of this word, or of the one before when already there."""
        previous = 0
        for match in WORD.finditer(self.body, max(0, self.offset - 400), self.offset):
            previous = match.start()
        self.move_to(previous, extend=extend)

    def line_start(self, extend: bool = False) -> None:
        if self.lines:
            self.move_to(self.lines[self.line_index()][0], extend=extend)

    def line_end(self, extend: bool = False) -> None:
        if self.lines:
            start, end = self.lines[self.line_index()]
            self.move_to(self._last_char(start, end), extend=extend)

    def toggle_selection(self) -> None:
        """`v`: start a selection at the cursor, or drop the one there is."""
        self.anchor = self.offset if self.anchor is None else None

    def clear_selection(self) -> None:
        self.anchor = None

    # ----- helpers -----------------------------------------------------------------------------
    def _clamp(self, offset: int) -> int:
        return max(0, min(offset, len(self.body) - 1)) if self.body else 0

    def _last_char(self, start: int, end: int) -> int:
        """The last character of a line drawn as ``body[start:end]`` (its trailing spaces left out)."""
        text = self.body[start:end].rstrip()
        return start + max(0, len(text) - 1)


def _same_run(body: str, at: int) -> bool:
    """True when ``body[at]`` continues the word (or punctuation run) that ``body[at - 1]`` belongs to."""
    before, here = body[at - 1], body[at]
    return (before.isalnum() or before == "_") == (here.isalnum() or here == "_") and not before.isspace()


# ----- the reader's keys and mouse over a ``TextCursor`` ---------------------------------------------
CURSOR_STYLE = Style(reverse=True)
SELECTION_STYLE = Style(bgcolor="#005f87")

CURSOR_BINDINGS = [
    Binding("h,left", "text_move('left')", "Cursor left", show=False, id="reader.left"),
    Binding("l,right", "text_move('right')", "Cursor right", show=False, id="reader.right"),
    Binding("w", "text_move('word_forward')", "Next word", show=False, id="reader.word_forward"),
    Binding("b", "text_move('word_back')", "Previous word", show=False, id="reader.word_back"),
    Binding("0", "text_move('line_start')", "Line start", show=False, id="reader.line_start"),
    Binding("dollar_sign", "text_move('line_end')", "Line end", show=False, id="reader.line_end"),
    Binding("shift+left", "text_move('left', True)", "Extend selection left", show=False, id="reader.extend_left"),
    Binding("shift+right", "text_move('right', True)", "Extend selection right", show=False,
            id="reader.extend_right"),
    Binding("shift+up", "text_vertical(-1, True)", "Extend selection up", show=False, id="reader.extend_up"),
    Binding("shift+down", "text_vertical(1, True)", "Extend selection down", show=False, id="reader.extend_down"),
    Binding("v", "toggle_selection", "Start/stop a selection", id="reader.select"),
    Binding("e", "mark_selection", "Mark selection as an entity", id="reader.mark"),
    Binding("x", "reject_mention", "Reject the mention under the cursor", id="reader.reject"),
    Binding("L", "relink_mention", "Relink the mention under the cursor", id="reader.relink"),
]


class ReaderHost(Protocol):
    """The ``ArticleReader`` a ``ReaderCursor`` works for (a ``LineList`` showing one article)."""

    data: Any  # the ``ReaderData`` shown, or None
    mention_index: int | None

    @property
    def lines(self) -> Sequence[Row]: ...
    @property
    def current(self) -> Row | None: ...
    @property
    def current_mention(self) -> Mention | None: ...
    @property
    def has_focus(self) -> bool: ...
    @property
    def scroll_y(self) -> float: ...
    def _place_cursor(self, index: int, *, announce: bool = True) -> None: ...
    def _step(self, delta: int) -> None: ...
    def redraw(self) -> None: ...
    def post_message(self, message: Message) -> bool: ...
    def notify(self, *args: Any, **kwargs: Any) -> Any: ...
    def capture_mouse(self, *args: Any, **kwargs: Any) -> Any: ...
    def release_mouse(self) -> Any: ...


class ReaderCursor:
    """Text cursor keys, selection and mouse drag of an ``ArticleReader`` (one per reader).

    The reader calls ``reset`` when it shows an article and ``decorate_line`` when it draws one;
    the line cursor of the list follows the text cursor.
    """

    def __init__(self, reader: ReaderHost) -> None:
        self.reader = reader
        self.text = TextCursor()
        self._drag_from: int | None = None
        self._body_lines_of: object = None
        self._body_index: list[tuple[int, tuple[int, int]]] = []

    def reset(self, body: str, offset: int = 0) -> None:
        self.text = TextCursor()
        self.text.reset(body, offset)
        self._body_lines_of = None

    def keep(self, text: TextCursor) -> None:
        """Keep ``text`` (the cursor before a reload) over the new layout."""
        self.text, self._body_lines_of = text, None

    def _body_lines(self) -> list[tuple[int, tuple[int, int]]]:
        """(list line index, body slice) of every body line, re-read when the layout changes."""
        lines = self.reader.lines
        if self._body_lines_of is not lines:
            self._body_index = [(i, row.data) for i, row in enumerate(lines) if isinstance(row.data, tuple)]
            self._body_lines_of = lines
            self.text.set_lines([span for _, span in self._body_index])
        return self._body_index

    def decorate_line(self, line: Text, start: int, end: int) -> None:
        """Draw the selection and the cursor on the line showing ``body[start:end]``."""
        if not self.reader.has_focus:
            return
        selected = self.text.selection()
        if selected and selected[0] < end and start < selected[1]:
            line.stylize(SELECTION_STYLE, max(selected[0], start) - start, min(selected[1], end) - start)
        if start <= self.text.offset < max(end, start + 1):
            column = self.text.offset - start
            if column >= len(line.plain):
                line.append(" " * (column - len(line.plain) + 1))
            line.stylize(CURSOR_STYLE, column, column + 1)

    def _text_moved(self) -> None:
        """Put the list's line cursor on the text cursor's line, and the mention cursor on its mention."""
        reader = self.reader
        lines = self._body_lines()
        if lines:
            reader._place_cursor(lines[self.text.line_index()][0], announce=False)
        if reader.data is not None:
            offset = self.text.offset
            hit = next((i for i, m in enumerate(reader.data.mentions) if m.start <= offset < m.end), None)
            if hit is None and lines:
                start, end = lines[self.text.line_index()][1]
                hit = next((i for i, m in enumerate(reader.data.mentions) if start <= m.start < end), None)
            reader.mention_index = hit
        reader.redraw()

    def move(self, motion: str, extend: bool = False) -> None:
        """A motion of ``TextCursor`` by name (`h`, `l`, `w`, `b`, `0`, `$`, shift+arrows)."""
        if self.reader.data is None:
            return
        self._body_lines()
        getattr(self.text, motion)(extend=extend)
        self._text_moved()

    def vertical(self, step: int, extend: bool = False) -> None:
        """Up or down a line, keeping the column; above the body, through the header rows."""
        reader = self.reader
        if reader.data is None:
            return
        lines = self._body_lines()
        on_body = reader.current is not None and isinstance(reader.current.data, tuple)
        if on_body and self.text.vertical(step, extend):
            self._text_moved()
            return
        if on_body and step > 0:
            return  # the last line
        reader._step(step)  # the header rows (participants) above the body
        current = reader.current
        if current is not None and isinstance(current.data, tuple) and lines:
            self.text.move_to(current.data[0], extend=extend)
            self._text_moved()

    def to_body_start(self) -> None:
        """After `g`: the line cursor may rest on the title; the text cursor starts the body."""
        if self.reader.data is not None:
            self.text.move_to(0, extend=self.text.anchor is not None)
            self.reader.redraw()

    def follow_line(self) -> None:
        """The line cursor jumped (top, bottom, half page): the text cursor goes to that line's start."""
        row = self.reader.current
        if self.reader.data is not None and row is not None and isinstance(row.data, tuple):
            if not row.data[0] <= self.text.offset < max(row.data[1], row.data[0] + 1):
                self._body_lines()
                self.text.move_to(row.data[0], extend=self.text.anchor is not None)
                self._text_moved()

    def toggle_selection(self) -> None:
        if self.reader.data is not None:
            self.text.toggle_selection()
            self._text_moved()

    def move_to(self, offset: int) -> None:
        """Put the text cursor on a body offset (a mention jump, a search hit)."""
        if self.reader.data is not None:
            self._body_lines()
            self.text.move_to(offset)
            self._text_moved()

    # ----- edits ---------------------------------------------------------------------------------
    def mention_under_cursor(self) -> Mention | None:
        """The mention the text cursor is in, else the highlighted one of the cursor's line."""
        data = self.reader.data
        if data is None:
            return None
        offset = self.text.offset
        inside = next((m for m in data.mentions if m.start <= offset < m.end), None)
        return inside or self.reader.current_mention

    def mark_selection(self) -> None:
        reader = self.reader
        if reader.data is None:
            return
        span = self.text.selection() or self.text.word_at()
        if span is None:
            reader.notify("Select some text first: v, then move the cursor", severity="warning", timeout=3)
            return
        reader.post_message(EditRequested(reader, "mark", (reader.data.article.id, *span)))  # type: ignore[arg-type]

    def mention_edit(self, kind: str) -> None:
        """`x` / `L`: reject or relink the mention under the cursor."""
        mention = self.mention_under_cursor()
        if mention is None:
            self.reader.notify("No mention under the cursor", severity="warning", timeout=3)
            return
        self.reader.post_message(EditRequested(self.reader, kind, mention))  # type: ignore[arg-type]

    # ----- mouse ---------------------------------------------------------------------------------
    def _offset_at(self, event: Any) -> int | None:
        reader = self.reader
        offset = event.get_content_offset(reader)
        if offset is None or reader.data is None:
            return None
        index = round(reader.scroll_y) + offset.y
        lines = reader.lines
        if not 0 <= index < len(lines) or not isinstance(lines[index].data, tuple):
            return None
        start, end = lines[index].data
        return offset_at_cell(reader.data.body, start, end, offset.x)

    def mouse_down(self, event: Any) -> None:
        at = self._offset_at(event)
        if at is None:
            return
        self._body_lines()
        self.text.move_to(at)
        self.text.clear_selection()
        self._drag_from = at
        self.reader.capture_mouse()
        self._text_moved()

    def mouse_move(self, event: Any) -> None:
        if self._drag_from is None or not event.button:
            return
        at = self._offset_at(event)
        if at is not None and at != self.text.offset:
            self.text.anchor = self._drag_from
            self.text.move_to(at)
            self._text_moved()

    def mouse_up(self, event: Any) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.reader.release_mouse()


def offset_at_cell(body: str, start: int, end: int, cell: int) -> int:
    """The body offset drawn at screen column ``cell`` of the line showing ``body[start:end]``."""
    used = 0
    for index in range(start, end):
        used += cell_len(body[index])
        if used > cell:
            return index
    return max(start, end - 1) if end > start else start
