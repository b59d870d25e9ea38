"""An input with a fuzzy completion list under it: typing narrows the list, up/down move in it."""
from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from dateline.tui.widgets.inert_widgets import InertInput
from dateline.tui.safe_text import literal

Search = Callable[[str], list[tuple[str, str]]]  # query -> [(key, label)], best first
SHOWN = 8


class CompletionInput(InertInput):
    """An ``Input`` whose up/down keys move the highlight of the list below it."""

    BINDINGS = [
        Binding("down", "move(1)", "Next match", show=False, id="completion.next"),
        Binding("up", "move(-1)", "Previous match", show=False, id="completion.previous"),
    ]

    def action_move(self, step: int) -> None:
        options = self.parent.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = (current + step) % options.option_count


class FuzzyField(Vertical):
    """``Input`` + ``OptionList``; ``chosen`` is the key of the highlighted match (None if none)."""

    DEFAULT_CSS = "FuzzyField { height: auto; } FuzzyField OptionList { height: auto; max-height: 8; }"

    def __init__(self, search: Search, value: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.search = search
        self.value = value
        self.placeholder = placeholder
        self._keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield CompletionInput(self.value, placeholder=self.placeholder)
        yield OptionList()

    def on_mount(self) -> None:
        self._fill(self.value)

    @property
    def input(self) -> Input:
        return self.query_one(CompletionInput)

    @property
    def text(self) -> str:
        return self.input.value.strip()

    @property
    def chosen(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self._keys:
            return None
        return self._keys[options.highlighted]

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """A click (or enter in the list) picks that match: submit as if typed."""
        event.stop()
        self.query_one(OptionList).highlighted = event.option_index
        self.input.post_message(Input.Submitted(self.input, self.input.value))

    def _fill(self, query: str) -> None:
        matches = self.search(query.strip())[:SHOWN]
        self._keys = [key for key, _ in matches]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(literal(text)) for _, text in matches])
        options.display = bool(matches)
        if matches:
            options.highlighted = 0
