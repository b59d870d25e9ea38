"""``Row``: one line of a ``LineList`` (a module of its own, so the list's helpers need not import the list)."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.tui.messages import Target


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a list. ``target`` is what `enter` opens; ``search`` is what `/` matches."""

    key: str
    target: Target | None = None
    search: str = ""
    data: object = None
    selectable: bool = True
    continued: bool = False  # the rest of an expanded row's text: drawn plain, not as a header
