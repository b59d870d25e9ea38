"""What a pane sends to ask for a hand edit (``EditRequested``), and the entity edit keys panes bind.

A module of its own so that panes can ask for edits without importing the app's edit glue
(``edit_actions.py``), which itself reads the panes.
"""
from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget


class EditRequested(Message):
    """A pane asks for a hand edit: ``kind`` names it, ``subject`` is an entity id, event id,
    ``Mention`` or ``(article id, start, end)`` span."""

    def __init__(self, source: Widget, kind: str, subject: object) -> None:
        super().__init__()
        self.source = source
        self.kind = kind
        self.subject = subject


def entity_edit_bindings(prefix: str) -> list:
    """The entity edit keys of a pane (``action_edit(kind)``), with ids ``<prefix>.<kind>``."""
    keys = (("r", "rename", "Rename (old name becomes an alias)"), ("t", "retype", "Change the type"),
            ("m", "merge", "Merge into another entity"), ("S", "split", "Split an alias out"),
            ("n", "note", "Edit the note"), ("number_sign", "tags", "Edit tags"), ("d", "delete", "Delete"))
    return [Binding(key, f"edit('{kind}')", description, id=f"{prefix}.{kind}") for key, kind, description in keys]
