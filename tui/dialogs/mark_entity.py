"""Mark a selection as an entity: name (prefilled), type, and optionally an existing entity to link to."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input

from dateline.store.model import ENTITY_TYPES
from dateline.tui.dialogs.base import Dialog, error_line, hint, label
from dateline.tui.dialogs.fuzzy_field import FuzzyField, Search
from dateline.tui.widgets.inert_widgets import InertInput

TYPE_RULE = "PERSON, ORG, PLACE, PRODUCT, EVENT, OTHER or a new type (letters, digits, _)"


@dataclass(frozen=True, slots=True)
class MarkChoice:
    """What the user asked for: a new entity (``link_to`` None) or a link to an existing one."""

    name: str
    type: str
    link_to: str | None


class MarkEntityDialog(Dialog):
    """`enter` in any field saves. With text in "link to", the highlighted match is linked."""

    def __init__(self, selected: str, name: str, etype: str, search: Search, link_name: str = "",
                 types: tuple[str, ...] = ENTITY_TYPES) -> None:
        super().__init__()
        self.selected = selected
        self.name_value = name
        self.type_value = etype
        self.search = search
        self.link_name = link_name
        self.types = tuple(dict.fromkeys((*ENTITY_TYPES, *types)))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield label(f"Mark “{self.selected[:60]}” as an entity")
            yield label("Name")
            yield InertInput(self.name_value, id="mark-name")
            yield label(f"Type: {TYPE_RULE}")
            yield InertInput(self.type_value, id="mark-type",
                             suggester=SuggestFromList(self.types, case_sensitive=False))
            yield label("Link to an existing entity (leave empty for a new one)")
            yield FuzzyField(self.search, self.link_name, placeholder="type to search names and aliases",
                             id="mark-link")
            yield error_line()
            yield hint("tab: next field · enter saves · escape cancels")

    def on_mount(self) -> None:
        self.query_one("#mark-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one("#mark-name", Input).value.strip()
        etype = self.query_one("#mark-type", Input).value.strip().upper() or "OTHER"
        link = self.query_one(FuzzyField)
        link_to = link.chosen if link.text else None
        if link.text and link_to is None:
            self.show_error(f"no entity matches {link.text!r}: clear the field to make a new entity")
            return
        if not name and link_to is None:
            self.show_error("a name cannot be empty")
            return
        if not link_to and (not etype[0].isalpha() or not etype.replace("_", "").isalnum() or len(etype) > 20):
            self.show_error(f"not a type: {etype!r} — {TYPE_RULE}")
            return
        self.dismiss(MarkChoice(name, etype, link_to))
