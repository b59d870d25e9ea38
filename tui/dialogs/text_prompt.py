"""One line of text to type: a new name, a type, tags. `enter` saves, `escape` cancels."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input

from dateline.tui.dialogs.base import Dialog, error_line, hint, label
from dateline.tui.widgets.inert_widgets import InertInput


class TextPrompt(Dialog):
    """Ask for one line; dismisses with the text (stripped) or None when cancelled."""

    def __init__(self, title: str, value: str = "", *, help_text: str = "", suggestions: tuple[str, ...] = (),
                 allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.help_text = help_text
        self.suggestions = suggestions
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield label(self.title_text)
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield InertInput(self.value, id="prompt-input", suggester=suggester)
            yield error_line()
            yield hint(self.help_text or "enter saves · escape cancels")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text and not self.allow_empty:
            self.show_error("type something, or press escape")
            return
        self.dismiss(text)
