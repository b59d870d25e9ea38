"""Yes or no before something destructive: `y`/`enter` confirms, `n`/`escape` cancels."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from dateline.tui.dialogs.base import Dialog, hint, label


class ConfirmDialog(Dialog):
    """Dismisses with True (confirmed) or None."""

    BINDINGS = [
        Binding("y,enter", "confirm", "Yes", id="confirm.yes"),
        Binding("n", "cancel", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield label(self.question)
            if self.detail:
                yield hint(self.detail)
            yield hint("y / enter: yes · n / escape: no")

    def action_confirm(self) -> None:
        self.dismiss(True)
