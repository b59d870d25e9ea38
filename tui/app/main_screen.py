"""The app's main screen: moving the focus repaints what the move changes, not the whole screen (issue 15).

Textual's ``Screen.focused`` is a reactive that repaints the whole screen when it changes, so `1`–`4`,
`tab` and opening the reader re-drew about 330 lines (a full update) before their first frame could
leave. The widgets the focus leaves and reaches repaint themselves (their ``:focus`` styles, and the
detail pane's ``:focus-within``), and so do the panes whose ``-active`` or ``-current`` marks change.
"""
from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class MainScreen(Screen):
    """The panes' screen; the same as Textual's but for the whole-screen repaint on a focus change."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
