"""Shared display rules: type badges and colours, dates at their real precision, figure labels."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rich.text import Text

from dateline.store.view.dating import start_of
from dateline.store.model import Figure
from dateline.tui.safe_text import clean

TYPE_STYLES = {
    "PERSON": "bold #5fafff",
    "ORG": "bold #ffaf5f",
    "PLACE": "bold #87d787",
    "PRODUCT": "bold #5fd7d7",
    "EVENT": "bold #d7d75f",
    "OTHER": "bold #d7afff",
}
TYPE_BADGES = {"PERSON": "PER", "ORG": "ORG", "PLACE": "PLC", "PRODUCT": "PRD", "EVENT": "EVT", "OTHER": "OTH"}
ARROWS = {"up": "↑", "down": "↓"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def set_type_styles(styles: dict[str, str]) -> None:
    """Use a theme's type colours from now on (``theme_colours.type_styles``)."""
    TYPE_STYLES.update(styles)


def type_style(entity_type: str) -> str:
    return TYPE_STYLES.get(entity_type, TYPE_STYLES["OTHER"])


def badge(entity_type: str) -> Text:
    """A three-letter coloured badge for an entity type (unknown types show their first letters)."""
    label = TYPE_BADGES.get(entity_type) or clean(entity_type)[:3].upper() or "???"
    return Text(f"{label:<3}", style=type_style(entity_type), end="")


@lru_cache(maxsize=65536)
def date_label(date: str | None, precision: str) -> str:
    """``2025-06-09``, ``2025-W23``, ``2025-04``, ``2025-Q2``, ``2025``, a range, or ``undated``."""
    if not date or precision == "unknown":
        return "undated"
    if precision == "reported":
        return f"reported {clean(date)}"  # the article's date: reported on, not happened on
    if precision == "week" and "/" in date:
        start = date.split("/", 1)[0]
        if m := _DAY.match(start):
            year, week, _ = dt.date(int(m[1]), int(m[2]), int(m[3])).isocalendar()
            return f"{year}-W{week:02d}"
    if precision == "range" and "/" in date:
        start, end = date.split("/", 1)
        return f"{start}→{end}"
    return clean(date)


@lru_cache(maxsize=65536)
def group_label(date: str | None, precision: str) -> tuple[str, str]:
    """The (year, month) headers an item sits under on the timeline."""
    start = start_of(date) if precision != "unknown" else None
    if start is None:
        return ("undated", "")
    year = start[:4]
    if precision == "year":
        return (year, "")
    if precision == "quarter":
        return (year, f"Q{(int(start[5:7]) - 1) // 3 + 1}")
    return (year, MONTHS[int(start[5:7]) - 1] if start[5:7].isdigit() and 1 <= int(start[5:7]) <= 12 else "")


_UNIT_SPELLINGS = {"%": ("%", "percent", "per cent", "pct")}


def unit_suffix(figure: Figure) -> str:
    """The unit to show after a figure's text: none when the text already says it ("30GB" is in
    gb, "20 to 25 percent" in %, "10,000 jobs" and "10,000 job" in jobs)."""
    unit = (figure.unit or "").strip()
    if not unit:
        return ""
    text = figure.text.lower()
    spellings = _UNIT_SPELLINGS.get(unit, (unit.lower(), unit.lower().rstrip("s")))
    return "" if any(s and s in text for s in spellings) else clean(unit)


def figure_value(figure: Figure) -> str:
    """The figure as the article wrote it, with its direction arrow."""
    arrow = ARROWS.get(figure.direction or "", "·")
    return f"{arrow} {clean(figure.text)}"
