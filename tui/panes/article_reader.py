"""The article reader in the detail pane: wrapped text with every mention highlighted by type.

Offsets stay exact: ``safe_text.clean`` keeps the length, and every wrapped line keeps the
``(start, end)`` slice of the body it shows. `n`/`N` walk the mentions; `enter` focuses the entity
under the mention cursor. Opening at a sentence scrolls there and highlights it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from dateline.store.model import Article, Mention
from dateline.tui.formatting import type_style
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.messages import EntityTarget, RowChosen, SentenceTarget
from dateline.tui.panes.reader_cursor import CURSOR_BINDINGS, ReaderCursor, TextCursor, offset_at_cell
from dateline.tui.safe_text import clean

WORD = re.compile(r"\S+\s*|\s+")
SENTENCE_STYLE = Style(bgcolor="#5f5f00")
MENTION_CURSOR = Style(reverse=True, bold=True)


@dataclass(frozen=True, slots=True)
class ReaderData:
    """An article, its body, its mentions (with each entity's type) and the sentence to show."""

    article: Article
    body: str
    mentions: tuple[Mention, ...]
    types: dict[str, str]
    sentence: tuple[int, int] | None = None
    participants: tuple[tuple[str, str, str], ...] = ()  # (entity id, name, type) of the event/figure
    facts: tuple[str, ...] = ()  # what the event or figure says (``record_facts``)
    sources: tuple[tuple[str, str, str, int, int], ...] = ()  # other reports: (aid, label, record id, start, end)


def wrap_offsets(body: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``body[start:end]`` into (start, end) slices no wider than ``width`` cells."""
    lines: list[tuple[int, int]] = []
    line_start, used = start, 0
    for match in WORD.finditer(body, start, end):
        word_start, word = match.start(), match.group()
        cells = cell_len(word.rstrip())
        if used and used + cells > width:
            lines.append((line_start, word_start))
            line_start, used = word_start, 0
        word_end = word_start + len(word)
        while cell_len(body[line_start:word_end].rstrip()) > width and word_end - line_start > 1:
            cut = line_start + 1
            while cut < word_start + len(word) and cell_len(body[line_start:cut + 1]) <= width:
                cut += 1
            lines.append((line_start, cut))
            line_start = cut
        used = cell_len(body[line_start:word_start + len(word)])
    lines.append((line_start, end))
    return lines


class ArticleReader(LineList):
    """A scrollable, highlighted article with a text cursor (``ReaderCursor``, reader_cursor.py) for marking."""

    BINDINGS = [
        Binding("n", "next_mention", "Next mention (search match)", id="reader.next_mention"),
        Binding("N", "previous_mention", "Previous mention (search match)", id="reader.previous_mention"),
        *CURSOR_BINDINGS,
    ]
    WRAPS = True
    EMPTY = "no article"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: ReaderData | None = None
        self._starts: list[int] = []
        self.mention_index: int | None = None
        self.reader_cursor = ReaderCursor(self)

    @property
    def text(self) -> TextCursor:
        """The text cursor (and selection) over the article body."""
        return self.reader_cursor.text

    def show(self, data: ReaderData) -> None:
        """Show an article; with ``data.sentence`` the cursor lands on that sentence."""
        self.data = data
        self._starts = [m.start for m in data.mentions]
        self.mention_index = None
        self.reader_cursor.reset(data.body, data.sentence[0] if data.sentence else 0)
        self.set_rows([Row(key="article", selectable=False)])
        if data.sentence:
            self.scroll_to_offset(data.sentence[0])
            first = bisect_right(self._starts, data.sentence[0] - 1)
            if first < len(data.mentions) and data.mentions[first].start < data.sentence[1]:
                self._set_mention(first)

    def reload(self, data: ReaderData) -> None:
        """The same article after an edit (new highlights): the cursor, selection and scroll stay."""
        if self.data is None or data.article.id != self.data.article.id:
            self.show(data)
            return
        text, scroll = self.text, self.scroll_y
        self.data = data
        self._starts = [m.start for m in data.mentions]
        self.set_rows([Row(key="article", selectable=False)], keep_cursor=True)
        self.reader_cursor.keep(text)
        self.scroll_to(y=scroll, animate=False)
        text.clear_selection()
        self.move_text_cursor(text.offset)

    def on_resize(self, event) -> None:
        row = self.current
        anchor = row.data[0] if row is not None and isinstance(row.data, tuple) else None
        super().on_resize(event)
        if anchor is not None:
            self.scroll_to_offset(anchor)

    @property
    def current_mention(self) -> Mention | None:
        if self.data is None or self.mention_index is None:
            return None
        return self.data.mentions[self.mention_index]

    def scroll_to_offset(self, offset: int) -> None:
        """Put the cursor on the line holding body offset ``offset`` and scroll it near the top."""
        for index, line in enumerate(self.lines):
            if isinstance(line.data, tuple) and line.data[0] <= offset < max(line.data[1], line.data[0] + 1):
                self.move_cursor_to_line(index, top=True)
                return

    def layout_lines(self, rows: Sequence[Row], width: int) -> list[Row]:
        data = self.data
        if data is None:
            return []
        article = data.article
        lines = [Row(key="title", data=Text(clean(article.title), style="bold", end=""))]
        meta = " · ".join(clean(part) for part in (article.published, article.source, article.url) if part)
        lines.append(Row(key="meta", data=Text(meta, style="dim", end="")))
        for number, (eid, name, etype) in enumerate(data.participants):
            label = Text("involves " if number == 0 else "         ", style="dim", end="")
            label.append(clean(name), style=type_style(etype))
            lines.append(Row(key=f"who:{eid}", target=EntityTarget(eid), data=label))
        for number, fact in enumerate(data.facts):  # already cleaned: untrusted parts are literal text
            lines.append(Row(key=f"fact{number}", data=Text(fact, style="dim", end=""), selectable=False))
        if data.sources:
            lines.append(Row(key="sources", selectable=False,
                             data=Text(f"{len(data.sources) + 1} sources; also in:", style="dim", end="")))
        for aid, label, record_id, start, end in data.sources:
            lines.append(Row(key=f"src:{record_id}", target=SentenceTarget(aid, start, end, record_id),
                             data=Text("  " + clean(label), end="")))
        lines.append(Row(key="gap", data=Text(end=""), selectable=False))
        body = data.body
        offset = 0
        for number, paragraph in enumerate(body.split("\n")):
            start, end = offset, offset + len(paragraph)
            for part, (line_start, line_end) in enumerate(wrap_offsets(body, start, end, max(10, width))):
                lines.append(Row(key=f"p{number}.{part}", data=(line_start, line_end)))
            offset = end + 1
        return lines

    def render_row(self, row: Row, width: int) -> Text:
        if not isinstance(row.data, tuple) or self.data is None:
            return row.data if isinstance(row.data, Text) else Text(end="")
        start, end = row.data
        data = self.data
        line = Text(clean(data.body[start:end]).rstrip("\n"), no_wrap=True, end="")
        if data.sentence:
            s0, s1 = max(data.sentence[0], start), min(data.sentence[1], end)
            if s0 < s1:
                line.stylize(SENTENCE_STYLE, s0 - start, s1 - start)
        first = max(0, bisect_right(self._starts, start) - 1)
        for index in range(first, len(data.mentions)):
            mention = data.mentions[index]
            if mention.start >= end:
                break
            if mention.end <= start:
                continue
            style = Style.parse(type_style(data.types.get(mention.entity_id, "OTHER"))) + Style(underline=True)
            if index == self.mention_index:
                style += MENTION_CURSOR
            line.stylize(style, max(mention.start, start) - start, min(mention.end, end) - start)
        self.reader_cursor.decorate_line(line, start, end)
        return line

    # ----- the text cursor (reader_cursor.py) ---------------------------------------------------
    def move_text_cursor(self, offset: int) -> None:
        """Put the text cursor on a body offset (a mention jump, a search hit)."""
        self.reader_cursor.move_to(offset)

    def action_text_move(self, motion: str, extend: bool = False) -> None:
        self.reader_cursor.move(motion, extend)

    def action_text_vertical(self, step: int, extend: bool = False) -> None:
        self.reader_cursor.vertical(step, extend)

    def action_cursor_down(self) -> None:
        self.reader_cursor.vertical(1)

    def action_cursor_up(self) -> None:
        self.reader_cursor.vertical(-1)

    def action_first(self) -> None:
        super().action_first()
        self.reader_cursor.to_body_start()

    def action_last(self) -> None:
        super().action_last()
        self.reader_cursor.follow_line()

    def action_half_page(self, direction: int) -> None:
        super().action_half_page(direction)
        self.reader_cursor.follow_line()

    def action_toggle_selection(self) -> None:
        self.reader_cursor.toggle_selection()

    def action_mark_selection(self) -> None:
        self.reader_cursor.mark_selection()

    def action_reject_mention(self) -> None:
        self.reader_cursor.mention_edit("reject")

    def action_relink_mention(self) -> None:
        self.reader_cursor.mention_edit("relink")

    def on_mouse_down(self, event) -> None:
        self.reader_cursor.mouse_down(event)

    def on_mouse_move(self, event) -> None:
        self.reader_cursor.mouse_move(event)

    def on_mouse_up(self, event) -> None:
        self.reader_cursor.mouse_up(event)

    # ----- the mention cursor -----------------------------------------------------------------
    def _set_mention(self, index: int | None) -> None:
        self.mention_index = index
        self._cache.clear()
        self.refresh()

    def _step(self, delta: int) -> None:
        super()._step(delta)
        row = self.current
        if row is not None and isinstance(row.data, tuple) and self.data:
            index = bisect_right(self._starts, row.data[0] - 1)
            inside = index < len(self._starts) and self._starts[index] < row.data[1]
            self._set_mention(index if inside else None)

    def set_search_spans(self, article_id: str, spans) -> None:
        """The matches of a full-text search in this article: `n`/`N` go through them (issue 16)."""
        self._search = (article_id, tuple(spans))

    def _search_spans(self) -> tuple:
        search = getattr(self, "_search", None)
        if search and self.data and search[0] == self.data.article.id:
            return search[1]
        return ()

    def action_next_mention(self) -> None:
        if self._search_spans():
            self._jump_match(1)
        else:
            self._jump_mention(1)

    def action_previous_mention(self) -> None:
        if self._search_spans():
            self._jump_match(-1)
        else:
            self._jump_mention(-1)

    def _jump_match(self, step: int) -> None:
        """The text cursor to the next (or previous) search match, wrapping around."""
        starts = [start for start, _ in self._search_spans()]
        offset = self.text.offset
        after = [s for s in starts if (s > offset if step > 0 else s < offset)]
        target = (min(after) if step > 0 else max(after)) if after else (starts[0] if step > 0 else starts[-1])
        self.move_text_cursor(target)
        self.scroll_to_offset(target)

    def _jump_mention(self, step: int) -> None:
        if not self.data or not self.data.mentions:
            return
        count = len(self.data.mentions)
        index = (0 if step > 0 else count - 1) if self.mention_index is None else (self.mention_index + step) % count
        self._set_mention(index)
        offset = self.data.mentions[index].start
        self.text.move_to(offset)
        for number, line in enumerate(self.lines):
            if isinstance(line.data, tuple) and line.data[0] <= offset < line.data[1]:
                self._place_cursor(number, announce=False)
                break

    def action_choose(self) -> None:
        row = self.current
        if row is not None and row.target is not None:
            self.post_message(RowChosen(self, row.target))
        elif self.current_mention is not None:
            self.post_message(RowChosen(self, EntityTarget(self.current_mention.entity_id)))

    def on_click(self, event) -> None:
        """A click on a highlighted mention puts the mention cursor there; a double click follows it."""
        offset = event.get_content_offset(self)
        row = None
        if offset is not None and 0 <= round(self.scroll_y) + offset.y < len(self.lines):
            row = self.lines[round(self.scroll_y) + offset.y]
        if row is None or not isinstance(row.data, tuple) or self.data is None:
            return  # header rows (participants) are handled by LineList.on_click
        event.stop()
        self.focus()
        self._place_cursor(round(self.scroll_y) + offset.y, announce=False)
        at = offset_at_cell(self.data.body, row.data[0], row.data[1], offset.x)
        hit = next((i for i, m in enumerate(self.data.mentions) if m.start <= at < m.end), None)
        self._set_mention(hit)
        if hit is not None and event.chain >= 2:
            self.action_choose()

    def action_filter(self) -> None:
        self.notify("`/` filters the list panes; use n / N to walk the mentions here", timeout=3)

