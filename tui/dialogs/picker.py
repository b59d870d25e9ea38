"""Pick one item by fuzzy search: an entity to merge into or relink to, an alias to split out."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from dateline.tui.dialogs.base import Dialog, error_line, hint, label
from dateline.tui.dialogs.fuzzy_field import FuzzyField, Search


class PickerDialog(Dialog):
    """Type to narrow, up/down to move, `enter` picks: dismisses with the chosen key or None."""

    def __init__(self, title: str, search: Search, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.search = search
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield label(self.title_text)
            yield FuzzyField(self.search, self.value, placeholder="type a name…", id="picker")
            yield error_line()
            yield hint("type to search · ↑/↓ move · enter picks · escape cancels")

    def on_mount(self) -> None:
        self.query_one(FuzzyField).input.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        chosen = self.query_one(FuzzyField).chosen
        if chosen is None:
            self.show_error("nothing matches: type part of a name")
            return
        self.dismiss(chosen)
