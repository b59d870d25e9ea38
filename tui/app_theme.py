"""The app's theme: restored at start, remembered when changed, type colours following it (a mixin of
``DatelineApp``)."""
from __future__ import annotations

from textual.theme import Theme

from tui.formatting import set_type_styles
from tui.line_list import LineList
from tui.settings import load_settings, save_setting
from tui.theme_colours import type_styles


class ThemeMemory:
    """Needs the app's ``theme``, ``available_themes``, ``theme_changed_signal`` and ``_show_detail``."""

    def restore_theme(self) -> None:
        """Use the theme chosen last time (an unknown name is ignored), then follow every change."""
        saved = load_settings().get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self._use_theme_colours()
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _use_theme_colours(self) -> None:
        set_type_styles(type_styles(self.get_css_variables()))

    def _theme_changed(self, theme: Theme) -> None:
        self._use_theme_colours()
        problem = save_setting("theme", theme.name)
        if problem:
            self.notify(problem, severity="warning")
        for widget in self.query(LineList):
            widget.notify_style_update()
            widget.refresh()
        if getattr(self, "loaded", None) is not None:
            self._show_detail(self._detail)  # the card's rows hold coloured text: make them again
