"""Editable fields that show control characters inertly while keeping the value exact.

Textual's ``Input`` and ``TextArea`` draw their value as typed or prefilled: a name holding ESC or a
bidi override (prefilled into a rename prompt, or pasted into a filter) would reach the terminal.
These draw ``clean(value)`` instead; ``clean`` keeps the length, so the cursor and selection stay
where they were, and the value the dialog returns is what the user typed, byte for byte.
"""
from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import Input, TextArea

from dateline.tui.safe_text import clean


class InertHighlighter(Highlighter):
    """Returns a copy of the text with every unsafe character swapped for its placeholder."""

    def __call__(self, text: str | Text) -> Text:
        source = text if isinstance(text, Text) else Text(text)
        shown = source.copy()
        shown.plain = clean(source.plain)
        return shown

    def highlight(self, text: Text) -> None:  # the whole work is in __call__
        pass


class InertInput(Input):
    """An ``Input`` whose value is drawn inertly (see the module docstring)."""

    def __init__(self, value: str | None = None, **kwargs) -> None:
        kwargs.setdefault("highlighter", InertHighlighter())
        super().__init__(value, **kwargs)


class InertTextArea(TextArea):
    """A ``TextArea`` whose lines are drawn inertly; tabs stay tabs (the area expands them)."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = "\t".join(clean(part) for part in line.plain.split("\t"))
        return line
