"""What every editing dialog shares: a centred bordered box, `escape` to cancel, an error line."""
from __future__ import annotations

import math

from rich.console import RenderableType
from textual import _time
from textual.binding import Binding
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widgets import Static

from dateline.tui.safe_text import literal
from dateline.tui.widgets.dimmed_background import tinted_once


class Dialog(ModalScreen):
    """A modal box; subclasses compose their fields inside ``#dialog`` and ``dismiss`` a result."""

    DEFAULT_CSS = """
    Dialog { align: center middle; background: $background 60%; }
    Dialog > #dialog {
        width: 72; height: auto; max-height: 90%; padding: 0 1;
        border: round $accent; background: $panel;
    }
    Dialog .dialog-label { color: $text-muted; margin-top: 1; }
    Dialog .dialog-hint { color: $text-muted; text-style: italic; margin-top: 1; }
    Dialog .dialog-error { color: $error; text-style: bold; }
    Dialog Input, Dialog Select { margin: 0; }
    Dialog OptionList { height: auto; max-height: 8; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]
    shown_at = math.inf  # when the dialog was first drawn: keys typed before then are type-ahead

    def render_lines(self, crop: Region) -> list[Strip]:
        """Drawing the dialog's first frame, written to the terminal as soon as it is drawn: keys typed from
        now on may answer it. (Marked after the refresh instead, a busy app marked it late, and the keys a
        person typed on seeing the dialog were dropped as typed before it.)"""
        if self.shown_at == math.inf:
            self.shown_at = _time.get_time()
        return super().render_lines(crop)

    def render(self) -> RenderableType:
        return tinted_once(self, super().render())  # the dimmed screen below, each style tinted once

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        """Say what is wrong with the input, and keep the dialog open."""
        self.query_one("#dialog-error", Static).update(literal(message))


def typed_before(screen: Screen, key) -> bool:
    """A key typed before ``screen`` (a dialog) was first drawn: the user could not have meant to answer it,
    so a destructive dialog is never confirmed by keys typed ahead of it."""
    return isinstance(screen, Dialog) and key.time < screen.shown_at


def label(text: str) -> Static:
    """A dialog's question or field name; it may hold names from the data, so it is shown literally."""
    return Static(literal(text), classes="dialog-label", markup=False)


def hint(text: str) -> Static:
    return Static(literal(text), classes="dialog-hint", markup=False)


def error_line() -> Static:
    return Static("", id="dialog-error", classes="dialog-error", markup=False)
