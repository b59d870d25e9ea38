"""Which panes are on screen (one ``PaneLayout`` per app, issue 16).

`z` zooms the pane in use to the whole screen and back; a terminal narrower than ``SINGLE_BELOW``
columns (80×24) always shows one pane at a time, switched with `1`–`4`, `tab` and `enter`. The
pane in use carries ``-current`` and the CSS (``app.tcss``) hides the others. The key bar follows
the focused pane; `ctrl+k` hides it (remembered in the settings).
"""
from __future__ import annotations

from dateline.tui.app_host import AppHost
from dateline.tui.app.key_bar import KeyBar, pane_keys
from dateline.tui.settings import load_settings, save_setting

PANE_IDS = ("entities", "timeline", "articles", "detail")


class PaneLayout:
    """Marks the pane in use, zooms it, and shows or hides the key bar of ``app``."""

    def __init__(self, app: AppHost) -> None:
        self.app = app
        self._current = "entities"

    def restore_key_bar(self) -> None:
        self._show_key_bar(load_settings().get("key_bar") is not False)

    def _show_key_bar(self, shown: bool) -> None:
        self.app.query_one(KeyBar).set_class(not shown, "-hidden")
        self.app.set_class(shown, "-keys")  # the filter bar sits one line higher (app.tcss)

    def mark_current_pane(self, name: str) -> None:
        """Note the pane in use and update the key bar; mark it (``-current``) while one pane is shown."""
        self._current = name
        if self.app.has_class("-zoomed") or self.app.pane("entities").screen.has_class("-single"):
            self.refresh_marks()
        self.update_key_bar()

    def refresh_marks(self) -> None:
        """Mark the pane in use for the zoomed and one-pane layouts (on zoom, resize and start). In the
        grid the marks change nothing, and moving them restyled every widget of the detail pane: a few
        milliseconds before each focus move's first frame (issue 15)."""
        name = self._current
        for pane_id in PANE_IDS:
            self.app.pane(pane_id).set_class(pane_id == name, "-current")
        self.app.query_one("#lists").set_class(name == "detail", "-detail-current")

    def update_key_bar(self) -> None:
        app = self.app
        node = app.focused
        if node is None or not any(node is app.pane(p) or app.pane(p) in node.ancestors for p in PANE_IDS):
            node = None
        app.query_one(KeyBar).show_keys(pane_keys(app, node))

    def zoom(self) -> None:
        """Show the pane in use on the whole screen, or all the panes again."""
        self._current = self.app._current_pane()
        self.refresh_marks()
        self.app.toggle_class("-zoomed")

    def toggle_key_bar(self) -> None:
        shown = self.app.query_one(KeyBar).has_class("-hidden")
        self._show_key_bar(shown)
        problem = save_setting("key_bar", shown)
        if problem:
            self.app.notify(problem, severity="warning")
