"""The status bar: focused entity, active filters, selections, read-only flag, store path, counts
(most useful first, so a narrow terminal cuts the least useful)."""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.widget import Widget

from dateline.tui.safe_text import clean


@dataclass(frozen=True, slots=True)
class Status:
    path: str = ""
    counts: str = ""
    focus: str | None = None
    filters: tuple[str, ...] = ()
    selected: tuple[str, ...] = ()
    readonly: str | None = None  # the reason, when read-only
    busy: str | None = None  # what a worker is doing
    waiting: int = 0  # keys typed ahead that wait for their list (app/held_keys.py)
    extra: dict = field(default_factory=dict)


class StatusBar(Widget):
    """One line at the bottom; always built from ``Text`` so nothing in it is markup.

    A plain ``Widget`` (not ``Static``): its size never changes, so an update repaints one line
    instead of asking for a layout pass of the whole screen.
    """

    DEFAULT_CSS = "StatusBar { height: 1; dock: bottom; background: $panel; color: $text; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()

    def render(self) -> Text:
        return self._line

    def show(self, status: Status) -> None:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        if status.busy:
            line.append(f" ⏳ {clean(status.busy)} ", style="bold reverse")
        if status.waiting:
            keys = "key waits" if status.waiting == 1 else "keys wait"
            line.append(f" ⌛ {status.waiting} {keys} for the list ", style="bold reverse")
        if status.readonly is not None:
            line.append(" READ-ONLY ", style="bold white on red")
            if status.readonly:
                line.append(f" {clean(status.readonly)}", style="red")
        line.append(" focus: ", style="dim")
        line.append(clean(status.focus) if status.focus else "—", style="bold" if status.focus else "dim")
        if status.filters:
            line.append(" │ filters: ", style="dim")
            line.append(", ".join(clean(f) for f in status.filters), style="yellow")
        if status.selected:
            line.append(" │ selected: ", style="dim")
            line.append(", ".join(status.selected), style="green")
        line.append(f" │ {clean(status.path)}", style="bold")
        if status.counts:
            line.append(f" │ {status.counts}", style="dim")
        self._line = line
        self.refresh()


def counts_text(stats: dict) -> str:
    """``12 articles · 40 entities · 9 events · 3 figures`` from ``Store.stats()``."""
    if not stats:
        return ""
    entities = sum(stats.get("entities", {}).values())
    counts = ((stats.get("articles", 0), "article", "articles"), (entities, "entity", "entities"),
              (stats.get("events", 0), "event", "events"), (stats.get("figures", 0), "figure", "figures"))
    return " · ".join(f"{number} {one if number == 1 else many}" for number, one, many in counts)
