"""Textual's web driver, but an app whose server is gone (its standard input ended) quits.

Textual's own driver stops reading at end of input and leaves the app running with no one to see it;
``dateline serve`` runs each browser tab's app with this driver so nothing outlives its connection.
"""
from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class EndingWebDriver(WebDriver):
    """``WebDriver`` that asks the app to exit when standard input ends."""

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        finally:
            if not self.exit_event.is_set():  # not a normal quit: the server closed our input
                self._app.post_message(messages.ExitApp())
