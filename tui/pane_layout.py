"""Which panes are on screen (a mixin of ``DatelineApp``, issue 16).

`z` zooms the pane in use to the whole screen and back; a terminal narrower than ``SINGLE_BELOW``
columns (80×24) always shows one pane at a time, switched with `1`–`4`, `tab` and `enter`. The
pane in use carries ``-current`` and the CSS (``app.tcss``) hides the others. The key bar follows
the focused pane; `ctrl+k` hides it (remembered in the settings).
"""
from __future__ import annotations

from tui.key_bar import KeyBar, pane_keys
from tui.settings import load_settings, save_setting

PANE_IDS = ("entities", "timeline", "articles", "detail")


class PaneLayout:
    """Needs the app's ``_current_pane``, ``pane`` and ``focused``."""

    def restore_key_bar(self) -> None:
        self._show_key_bar(load_settings().get("key_bar") is not False)

    def _show_key_bar(self, shown: bool) -> None:
        self.query_one(KeyBar).set_class(not shown, "-hidden")
        self.set_class(shown, "-keys")  # the filter bar sits one line higher (app.tcss)

    def mark_current_pane(self, name: str) -> None:
        """Mark the pane in use (``-current``) for the zoomed and one-pane layouts; update the key bar."""
        for pane_id in PANE_IDS:
            self.pane(pane_id).set_class(pane_id == name, "-current")
        self.query_one("#lists").set_class(name == "detail", "-detail-current")
        self.update_key_bar()

    def update_key_bar(self) -> None:
        node = self.focused
        if node is None or not any(node is self.pane(p) or self.pane(p) in node.ancestors for p in PANE_IDS):
            node = None
        self.query_one(KeyBar).show_keys(pane_keys(self, node))

    def action_zoom(self) -> None:
        """Show the pane in use on the whole screen, or all the panes again."""
        self.mark_current_pane(self._current_pane())
        self.toggle_class("-zoomed")

    def action_toggle_key_bar(self) -> None:
        shown = self.query_one(KeyBar).has_class("-hidden")
        self._show_key_bar(shown)
        problem = save_setting("key_bar", shown)
        if problem:
            self.notify(problem, severity="warning")
