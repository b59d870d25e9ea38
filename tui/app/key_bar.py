"""The key bar: one line above the status bar with the keys of the pane in use (issue 16).

Built from the focused widget's own bindings (``show=True``, as the user's keymap left them) and a
few app keys, always as ``Text``: nothing in it is markup. `ctrl+k` hides and shows it.
"""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from dateline.tui.app.keys import bindings_of

APP_KEYS = ("app.search", "app.zoom", "app.help", "app.key_bar")  # the app's keys worth a place on every pane's bar


def short_label(description: str) -> str:
    """ "Sort: count/name/latest" → "Sort"; "Rename (old name becomes an alias)" → "Rename". """
    return description.split(" (", 1)[0].split(":", 1)[0].strip()


def pane_keys(app, node) -> list[tuple[str, str]]:
    """(keys, label) of ``node``'s shown bindings, then the app's ``APP_KEYS``, in binding order."""
    found: dict[str, tuple[list[str], str]] = {}
    for source, wanted in ((node, None), (app, APP_KEYS)):
        if source is None:
            continue
        for key, bindings in bindings_of(app, source).items():
            for binding in bindings:
                if not binding.id or not binding.show or (wanted is not None and binding.id not in wanted):
                    continue
                keys, _ = found.setdefault(binding.id, ([], short_label(binding.description or binding.action)))
                shown = app.get_key_display(binding) if key == binding.key else key
                if shown not in keys:
                    keys.append(shown)
    return [(",".join(keys[:2]), label) for keys, label in found.values()]


class KeyBar(Widget):
    """One line: ``key label`` pairs of the focused pane."""

    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $boost; color: $text-muted; }
    KeyBar.-hidden { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()

    def render(self) -> Text:
        return self._line

    def show_keys(self, keys: list[tuple[str, str]]) -> None:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for key, label in keys:
            line.append(f" {key} ", style="bold reverse")
            line.append(f" {label}  ")
        self._line = line
        self.refresh()
