"""``LineList``: draws only visible rows, skips headers, filters, selects and copies (issue 6 keys)."""
from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.messages import ArticleTarget, RowChosen, RowHighlighted
from tui_fake_store import run_async


class CountingList(LineList):
    SELECTABLE = True
    BINDINGS = [*LineList.SELECTION_BINDINGS]

    def __init__(self) -> None:
        super().__init__(id="list")
        self.rendered: list[str] = []

    def render_row(self, row: Row, width: int) -> Text:
        self.rendered.append(row.key)
        return Text(row.search, end="") if row.selectable else row.data

    def row_cells(self, row: Row) -> list[str]:
        return [row.key, row.search]


class ListApp(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.seen: list[object] = []

    def compose(self) -> ComposeResult:
        yield CountingList()

    def on_mount(self) -> None:
        self.query_one(CountingList).set_rows(self.rows)
        self.query_one(CountingList).focus()

    def on_row_highlighted(self, message: RowHighlighted) -> None:
        self.seen.append(("highlight", message.target))

    def on_row_chosen(self, message: RowChosen) -> None:
        self.seen.append(("chosen", message.target))


def many_rows(count: int, header_every: int = 0) -> list[Row]:
    rows = []
    for number in range(count):
        if header_every and number % header_every == 0:
            rows.append(Row(key=f"h{number}", data=Text(f"header {number}"), selectable=False))
        rows.append(Row(key=f"r{number}", target=ArticleTarget(f"a{number}"), search=f"row number {number}"))
    return rows


@run_async
async def test_hundred_thousand_rows_render_only_visible_lines():
    app = ListApp(many_rows(100_000))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        assert len(widget.rendered) <= 40, "only the rows on screen are drawn"
        widget.rendered.clear()
        await pilot.press("G")
        await pilot.pause()
        assert widget.current.key == "r99999"
        assert set(widget.rendered) <= {f"r{n}" for n in range(99_970, 100_000)}
        await pilot.press("g", "ctrl+d")
        assert widget.cursor == widget.scrollable_content_region.height // 2


@run_async
async def test_cursor_skips_headers_and_announces_moves():
    app = ListApp(many_rows(10, header_every=3))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        assert widget.current.key == "r0"
        await pilot.press("j", "j", "j")
        assert widget.current.key == "r3", "the header before r3 is skipped"
        await pilot.press("k")
        assert widget.current.key == "r2"
        await pilot.press("enter")
        await pilot.pause()
        assert ("chosen", ArticleTarget("a2")) in app.seen
        assert ("highlight", ArticleTarget("a3")) in app.seen


@run_async
async def test_filter_is_fuzzy_and_keeps_order():
    app = ListApp(many_rows(200))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        widget.set_query("number 19")
        keys = [row.key for row in widget.lines]
        expected = ["r19", "r119", *(f"r{n}" for n in range(190, 200)), "r109"]
        assert keys[:13] == expected, "whole words first, then fuzzy"
        widget.set_query("rw nm 199")  # subsequences of each word
        assert [row.key for row in widget.lines] == ["r199"]
        widget.set_query("no such row")
        assert widget.lines == [] and widget.current is None
        widget.set_query("")
        assert len(widget.lines) == 200


@run_async
async def test_selection_keys_and_copy():
    app = ListApp(many_rows(20))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        await pilot.press("space", "space", "s")
        assert [row.key for row in widget.selected] == ["r0", "r1", "r2"]
        await pilot.press("k", "u")
        assert [row.key for row in widget.selected] == ["r0", "r1"]
        await pilot.press("y")
        assert app.clipboard == "r0\trow number 0\nr1\trow number 1"
        await pilot.press("U")
        assert widget.selected == []
        widget.set_query("number 1")
        await pilot.press("ctrl+a")
        assert len(widget.selected) == 11
        widget.set_query("")
        assert len(widget.selected) == 11, "selection survives filtering"


@run_async
async def test_held_key_collapses_highlight_messages():
    app = ListApp(many_rows(5000))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        for _ in range(300):
            widget.action_cursor_down()
        await pilot.pause()
        highlights = [target for kind, target in app.seen if kind == "highlight"]
        assert highlights[-1] == ArticleTarget("a300")
        assert len(highlights) < 300, "queued cursor moves replace each other"


def highlighted_rows(app, widget) -> list[str]:
    """The texts of the screen rows painted with the focused cursor's background (what the user sees)."""
    cursor_bg = widget.get_component_rich_style("line-list--cursor", partial=True).bgcolor
    region = widget.content_region
    rows = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        cells = [segment for segment in strip.crop(region.x, region.right)]
        if cells and any(segment.style and segment.style.bgcolor == cursor_bg for segment in cells):
            rows.append("".join(segment.text for segment in cells).strip())
    return rows


@run_async
async def test_highlight_follows_cursor_after_bottom_and_half_pages():
    app = ListApp(many_rows(200))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(CountingList)
        await pilot.press("g", "G")
        await pilot.pause()
        assert highlighted_rows(app, widget) == ["row number 199"]
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert widget.current.key == "r196"
        assert highlighted_rows(app, widget) == ["row number 196"], "the highlight is the cursor"
        await pilot.press("ctrl+u")
        await pilot.pause()
        expected = f"row number {widget.current.key[1:]}"
        assert highlighted_rows(app, widget) == [expected]
        await pilot.press("ctrl+d", "j")
        await pilot.pause()
        assert highlighted_rows(app, widget) == [f"row number {widget.current.key[1:]}"]
