"""The `/` filter input: filters the pane it was opened for, live as the user types."""
from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import Input

from dateline.tui.widgets.inert_widgets import InertInput


class FilterBar(InertInput):
    """An ``Input`` that remembers which pane it filters. Hidden until `/`; what is typed or pasted is
    drawn inertly."""

    # Its own layer (``app.tcss`` declares it on the screen): opening or closing it draws one line over
    # the panes' bottom border instead of shrinking every pane, which re-laid out and re-drew the whole
    # screen before the key showed (issue 15: 70–100 ms for `/`, `enter`, `escape`). Hidden, not taken out
    # of the layout: Textual numbers the painting order of every widget laid out after a displayed one, so
    # toggling ``display`` changed the order of every pane and re-drew the whole screen (about 330 lines,
    # 30–60 ms at 100k articles); toggling ``visibility`` re-draws the bar's line only.
    DEFAULT_CSS = """
    FilterBar { layer: filter-bar; dock: bottom; margin-bottom: 1; visibility: hidden; height: 1; border: none;
                padding: 0 1; }
    FilterBar:focus { border: none; }
    FilterBar.-open { visibility: visible; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="filter: fuzzy on names, aliases, titles; dates like 2025-06", id="filter-bar")
        self.pane_id: str | None = None
        self.previous = ""

    class Applied(Message):
        """The filter text for a pane changed (``final`` once the user pressed `enter`)."""

        def __init__(self, pane_id: str, query: str, final: bool) -> None:
            super().__init__()
            self.pane_id = pane_id
            self.query = query
            self.final = final

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.pane_id is not None:
            self.post_message(self.Applied(self.pane_id, event.value, final=False))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.pane_id is not None:
            self.post_message(self.Applied(self.pane_id, event.value, final=True))
        self.close()

    def moved_past(self, message: Applied) -> bool:
        """A live filter text the bar has already moved past: its letters came in one burst (the bar took them
        all before its first change reached the app), so filtering it would only delay the latest text."""
        return self.pane_id != message.pane_id or self.value != message.query

    def on_mount(self) -> None:
        self.cursor_blink = not self.app.is_headless  # tests and snapshots need a steady cursor

    def open_for(self, pane_id: str, current: str, label: str) -> None:
        self.pane_id = pane_id
        self.previous = current
        dates = "; or a date like 2025-06" if pane_id == "timeline" else ""
        self.placeholder = f"filter {label}: fuzzy on names, aliases, titles{dates}"
        self.value = current
        self.add_class("-open")
        self.visible = True  # at once, so it can take the focus at once (``focus()`` waits a turn)
        self.screen.set_focus(self)
        self.cursor_position = len(current)

    def close(self) -> None:
        self.remove_class("-open")
        self.visible = False
        self.pane_id = None

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")
