"""A multi-line note: a ``TextArea``; `ctrl+s` saves, `escape` cancels (enter is a new line)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import TextArea

from dateline.tui.dialogs.base import Dialog, hint, label
from dateline.tui.widgets.inert_widgets import InertTextArea


class NoteEditor(Dialog):
    """Dismisses with the note text (trailing spaces trimmed) or None."""

    DEFAULT_CSS = "NoteEditor TextArea { height: 12; }"
    BINDINGS = [Binding("ctrl+s", "save", "Save note", priority=True, id="note.save")]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield label(self.title_text)
            yield InertTextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield hint("ctrl+s saves · escape cancels")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.rstrip())
