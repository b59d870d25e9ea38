"""Keys typed before the list they go to is ready wait for it (one ``HeldKeys`` per app, issue 15).

At 100,000 articles a filter runs in a worker (``list_filter.py``) and a very frequent entity's lists are
read in one (``app_views.py``); meanwhile the list is empty ("filtering…", "loading…"). A key typed then —
``/name`` ``enter`` ``enter`` written at once, or ``2`` ``j`` ``enter`` under load — found no row: the
``enter`` that was to focus the first match did nothing, and later keys acted on whatever was there. Now a
key that arrives while the focused list waits is kept, and so is every key after it, and all are read
again, in the order typed, once the list has its rows: the same as if the user had waited. So do the keys
typed after the filter bar's ``enter``: they are for the pane the bar hands the focus back to, not for the
bar (Textual hands every key already read to the widget focused when it was read). A list that never gets
its rows (a failed worker) lets the keys go after ``MAX_HOLD`` seconds.
"""
from __future__ import annotations

import time
from collections import deque
from typing import Any

from textual import events

from dateline.tui.app.loading import LOADING
from dateline.tui.widgets.filter_bar import FilterBar
from dateline.tui.widgets.line_list import LineList

CHECK_EVERY = 0.005  # seconds between looks at the list while keys wait
MAX_HOLD = 10.0  # seconds a key may wait for a list (a failed worker never delivers its rows)


class HeldKeys:
    """Keeps keys typed ahead of a list's rows and posts them again, in order, when the rows are there."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._held: deque[events.Key] = deque()
        self._since = 0.0
        self._timer: Any = None
        self._submitting: FilterBar | None = None
        self._releasing: events.Key | None = None

    @property
    def held(self) -> int:
        return len(self._held)

    def hold(self, event: events.Key) -> bool:
        """True if ``event`` must wait (it is kept and posted again later); False to handle it now."""
        if event is self._releasing:
            self._releasing = None
            return False
        if not self._held and not self._waits() and not self._answering():
            if isinstance(self.app.focused, FilterBar) and event.key == "enter":
                self._submitting = self.app.focused  # the keys after it go where the bar hands the focus
            return False
        if not self._held:
            self._since = time.monotonic()
        self._held.append(event)
        self.app.update_status()  # the key is seen at once: the status bar says it waits
        if self._timer is None:
            self._timer = self.app.set_interval(CHECK_EVERY, self._release_when_ready, name="held-keys")
        return True

    def _waits(self) -> bool:
        if self._submitting is not None:
            if self.app.focused is self._submitting:
                return True  # the bar has its `enter` but has not closed and handed the focus back yet
            self._submitting = None
        focused = self.app.focused  # a list filtering in a worker, or whose rows a worker reads
        return isinstance(focused, LineList) and (focused.filtering or (not focused.lines and focused.EMPTY == LOADING))

    def _answering(self) -> bool:
        """The app is still answering the key before: a message it caused waits in some queue (a key on its
        way up from the focused widget, a row chosen, a filter applied). Keys typed meanwhile wait for it:
        Textual would hand them to the widget focused now, before that answer moves the focus or the rows."""
        pumps = [self.app, self.app.screen, *self.app.screen.walk_children()]
        for pump in pumps:
            queued = getattr(getattr(pump, "_message_queue", None), "_queue", ())
            if any(not (isinstance(m, events.Key) and not m.is_forwarded) and not isinstance(m, events.Timer)
                   for m in queued):
                return True
        return False

    def _release_when_ready(self) -> None:
        if not self.app.screen_stack:  # the app is closing
            self._held.clear()
        elif self._held and (self._releasing is not None or self._waits() or self._answering()) and \
                time.monotonic() - self._since < MAX_HOLD:
            return  # or the key posted last has not arrived: posting the next now, it would look new and be held again
        if self._held:  # one at a time: the next waits for this one's answer
            self._releasing = self._held.popleft()  # the same event: a dialog knows it was typed before it showed
            self._since = time.monotonic()
            self.app.post_message(self._releasing)
        if not self._held and self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.app.screen_stack:
            self.app.update_status()  # one key fewer waits (or none: the mark goes)
