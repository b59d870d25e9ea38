"""Moving between views and panes (one ``Navigation`` per app): the history of views (`backspace`,
`alt+left/right`), which pane is in use, `escape`, and the detail pane following the cursor.

A ``View`` is a focused entity, what the detail pane shows, the pane in use and the filters it was
reached with; ``navigate`` records it like following a link, ``apply_view`` shows it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ScreenStackError

from dateline.tui.app_host import AppHost
from dateline.tui.app.app_views import FocusViews
from dateline.tui.panes.entities_pane import EntitiesPane
from dateline.tui.widgets.filter_bar import FilterBar
from dateline.tui.widgets.line_list import LineList
from dateline.tui.messages import RowHighlighted, Target, View

PANES = ("entities", "timeline", "articles", "detail")
LIST_PANE_IDS = ("entities", "timeline", "articles")
PREVIEW_DELAY = 0.04  # seconds: a held-down cursor key repaints the detail pane once it rests


class Navigation:
    """The views and pane focus of ``app``; ``views`` fills the panes for a view."""

    def __init__(self, app: AppHost, views: FocusViews) -> None:
        self.app = app
        self.views = views
        self.last_pane = "entities"
        self._pending_preview: tuple[Target | None] | None = None
        self._preview_timer: Any = None

    def navigate(self, view: View) -> None:
        """Go to ``view`` and record it, like following a link."""
        history = self.app.history
        history.replace(self._here())
        if view.filters is None:  # a view remembers the filters it was reached with
            view = replace(view, filters=self._list_filters())
        history.push(view)
        self.apply_view(view)

    def _here(self) -> View:
        """The current view with the pane in use and the detail as they are now."""
        return replace(self.app.history.current, pane=self.current_pane(), detail=self.app._detail)

    def _list_filters(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, self.app.pane(name).filter_query) for name in LIST_PANE_IDS)

    def apply_view(self, view: View) -> None:
        app = self.app
        if app.loaded is None:
            return
        self._pending_preview = None  # a cursor's preview still waiting is older than this view: it must not cover it
        for name, query in view.filters or ():  # back and forward restore the filters as they were
            if app.pane(name).filter_query != query:
                app.pane(name).set_query(query)
        # the state, the cursor, the focus and the status bar now; the panes that change after the next
        # frame (``StagedWork``): a key that changes every pane shows its first response at once
        if view.focus != app._focus:
            self.views.show_focus(view.focus, staged=True)
        self.views.show_detail(view.detail, staged=True)
        self.focus_pane(view.pane)
        app.update_status()

    def focus_pane(self, name: str) -> None:
        app = self.app
        if name == "detail":
            app.detail_pane.focus_active()
        elif name in PANES:
            pane = app.pane(name)
            screen = app.screen
            if pane.screen is screen:  # not under a dialog opened meanwhile
                screen.set_focus(pane)  # at once: keys already queued go where the user sent them
            pane.focus()  # and again after any focus change queued before this one

    def current_pane(self) -> str:
        try:
            node = self.app.focused
        except ScreenStackError:  # a focus event still queued while the app shuts down
            return self.last_pane
        while node is not None:
            if node.id in PANES:
                return node.id
            node = node.parent
        return self.last_pane

    def focus_moved(self, name: str) -> None:
        """After a focus change to pane ``name``: the list panes' ``-active`` marks follow."""
        if name != self.last_pane:
            self.last_pane = name
            for pane_id in LIST_PANE_IDS:
                self.app.pane(pane_id).set_class(pane_id == name or (name == "detail" and pane_id == "entities"),
                                                 "-active")

    def cycle_pane(self, step: int) -> None:
        index = PANES.index(self.current_pane())
        self.focus_pane(PANES[(index + step) % len(PANES)])

    def back(self) -> None:
        history = self.app.history
        history.replace(self._here())
        view = history.back()
        if view is None:
            self.app.bell()
        else:
            self.apply_view(view)

    def forward(self) -> None:
        view = self.app.history.forward()
        if view is None:
            self.app.bell()
        else:
            self.apply_view(view)

    def clear(self) -> None:
        """`escape`: close the filter bar, else clear the pane's filters, else drop the focus."""
        app = self.app
        bar = app.query_one(FilterBar)
        if bar.is_open:
            pane_id = bar.pane_id
            bar.close()
            if pane_id:
                app.pane(pane_id).set_query("")
                self.focus_pane(pane_id)  # at once: the keys typed after `escape` go to the pane
            app.update_status()
            return
        pane = app.pane(self.current_pane())
        if isinstance(pane, LineList) and pane.filter_query:
            pane.set_query("")
        elif isinstance(pane, EntitiesPane) and pane.clear_type_filter():
            pass
        elif app._focus is not None or app._detail is not None:
            self.navigate(View(None, None, self.current_pane()))
        app.update_status()

    # ----- the detail pane follows the cursor -------------------------------------------------------
    def highlighted(self, message: RowHighlighted) -> None:
        """A list's cursor moved: show its row in the detail pane once the cursor rests."""
        if message.source.parent is self.app.detail_pane or message.target is None:
            return
        self._pending_preview = (message.target,)
        if self._preview_timer is None:
            self._preview_timer = self.app.set_timer(PREVIEW_DELAY, self._show_preview)
        else:
            self._preview_timer.reset()  # a held key keeps pushing the update back until it rests

    def _show_preview(self) -> None:
        self._preview_timer = None
        if self._pending_preview is not None:
            (target,) = self._pending_preview
            self._pending_preview = None
            if target != self.app._detail:
                self.views.show_detail(target)
