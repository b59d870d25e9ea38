"""The app's theme: restored at start, remembered when changed, type colours following it (one
``ThemeMemory`` per app)."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.theme import Theme

from dateline.tui.formatting import set_type_styles
from dateline.tui.widgets.line_list import LineList
from dateline.tui.settings import load_settings, save_setting
from dateline.tui.theme_colours import type_styles


class ThemeMemory:
    """Keeps ``app``'s theme across runs; ``redraw_detail`` makes the detail pane again (its rows hold
    coloured text) once something is loaded."""

    def __init__(self, app: App, redraw_detail: Callable[[], None]) -> None:
        self.app = app
        self.redraw_detail = redraw_detail

    def restore(self) -> None:
        """Use the theme chosen last time (an unknown name is ignored), then follow every change."""
        app = self.app
        saved = load_settings().get("theme")
        if isinstance(saved, str) and saved in app.available_themes:
            app.theme = saved
        self._use_theme_colours()
        app.theme_changed_signal.subscribe(app, self._theme_changed)

    def _use_theme_colours(self) -> None:
        set_type_styles(type_styles(self.app.get_css_variables()))

    def _theme_changed(self, theme: Theme) -> None:
        self._use_theme_colours()
        problem = save_setting("theme", theme.name)
        if problem:
            self.app.notify(problem, severity="warning")
        for widget in self.app.query(LineList):
            widget.notify_style_update()
            widget.refresh()
        self.redraw_detail()
