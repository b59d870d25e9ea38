"""The app's main screen: moving the focus repaints the panes it leaves and reaches, not the whole screen.

Textual's ``Screen.focused`` is a reactive that repaints the whole screen when it changes, so `1`–`4`,
`tab` and opening the reader re-drew about 330 lines (a full update) before their first frame could leave
(issue 15). Here the focus move marks only the two panes' regions: their borders (``:focus``, and the
detail pane's ``:focus-within``) are in the next frame, drawn from what did not change.
"""
from __future__ import annotations

from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

PANES = ("entities", "timeline", "articles", "detail")


class MainScreen(Screen):
    """The panes' screen; the same as Textual's but for what a focus change repaints."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def watch_focused(self, old: Widget | None, new: Widget | None) -> None:
        regions = [region for region in (pane_region(old), pane_region(new)) if region]
        if regions:
            self.refresh(*regions)  # into the screen's next frame directly, not after each pane's own turn


def pane_region(widget: Widget | None) -> Region | None:
    """The screen region of the pane holding ``widget`` (None outside the panes)."""
    for node in widget.ancestors_with_self if widget is not None else ():
        if node.id in PANES and isinstance(node, Widget):
            return node.region
    return None
