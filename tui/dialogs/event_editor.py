"""Edit an event: its date and the date's precision, its summary and who takes part."""
from __future__ import annotations

import re
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select

from dateline.store.model import PRECISIONS, Event
from dateline.tui.dialogs.base import Dialog, error_line, hint, label
from dateline.tui.widgets.inert_widgets import InertInput
from dateline.tui.safe_text import clean

DATE_SHAPES = {  # precision -> what its date looks like
    "day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}", "reported": r"\d{4}-\d{2}-\d{2}", "quarter": r"\d{4}-Q[1-4]", "year": r"\d{4}",
    "range": r"\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?",
}
Resolve = Callable[[str], str | None]  # a typed name -> entity id


class EventEditor(Dialog):
    """Dismisses with ``{date, precision, summary, participants}`` (only what changed) or None."""

    def __init__(self, event: Event, names: dict[str, str], resolve: Resolve) -> None:
        super().__init__()
        self.event = event
        self.names = names  # entity id -> name, for the current participants
        self.resolve = resolve

    def compose(self) -> ComposeResult:
        event = self.event
        with Vertical(id="dialog"):
            yield label("Date (2025-06-09, 2025-W23, 2025-06, 2025-Q2, 2025 or start/end; empty: undated)")
            yield InertInput(event.date or "", id="event-date")
            yield label("Precision")
            yield Select([(p, p) for p in PRECISIONS], value=event.precision, allow_blank=False, id="event-precision")
            yield label("Summary")
            yield InertInput(event.summary, id="event-summary")
            yield label("Participants (names, comma separated)")
            yield InertInput(", ".join(self.names.get(p, p) for p in event.participants), id="event-participants")
            yield error_line()
            yield hint("tab: next field · enter saves · escape cancels")

    def on_mount(self) -> None:
        self.query_one("#event-date", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        date = self.query_one("#event-date", Input).value.strip() or None
        precision = self.query_one("#event-precision", Select).value
        if date is None:
            precision = "unknown"
        elif precision == "unknown" or not re.fullmatch(DATE_SHAPES[precision], date):
            self.show_error(f"{date!r} is not a {precision} date")
            return
        summary = self.query_one("#event-summary", Input).value.strip()
        if not summary:
            self.show_error("the summary cannot be empty")
            return
        names = [n.strip() for n in self.query_one("#event-participants", Input).value.split(",") if n.strip()]
        ids = []
        for name in names:
            known = next((eid for eid, shown in self.names.items() if name in (shown, clean(shown))), None)
            eid = known or self.resolve(name)
            if eid is None:
                self.show_error(f"no entity named {name!r}")
                return
            ids.append(eid)
        fields = {"date": date, "precision": precision, "summary": summary, "participants": ids}
        old = {"date": self.event.date, "precision": self.event.precision, "summary": self.event.summary,
               "participants": list(self.event.participants)}
        self.dismiss({key: value for key, value in fields.items() if value != old[key]})
