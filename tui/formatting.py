"""Shared display rules: type badges and colours, dates at their real precision, figure labels."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rich.text import Text

from store.model import Event, Figure
from tui.safe_text import clean

TYPE_STYLES = {
    "PERSON": "bold #5fafff",
    "ORG": "bold #ffaf5f",
    "PLACE": "bold #87d787",
    "OTHER": "bold #d7afff",
}
TYPE_BADGES = {"PERSON": "PER", "ORG": "ORG", "PLACE": "PLC", "OTHER": "OTH"}
ARROWS = {"up": "↑", "down": "↓"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def type_style(entity_type: str) -> str:
    return TYPE_STYLES.get(entity_type, TYPE_STYLES["OTHER"])


def badge(entity_type: str) -> Text:
    """A three-letter coloured badge for an entity type (unknown types show their first letters)."""
    label = TYPE_BADGES.get(entity_type) or clean(entity_type)[:3].upper() or "???"
    return Text(f"{label:<3}", style=type_style(entity_type), end="")


@lru_cache(maxsize=65536)
def start_of(date: str | None) -> str | None:
    """The first day (ISO) a date string covers, for sorting and grouping; None when undated."""
    if not date:
        return None
    first = date.split("/", 1)[0]
    if m := _WEEK.match(first):
        try:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        except ValueError:
            return f"{m[1]}-01-01"
    if m := _QUARTER.match(first):
        return f"{m[1]}-{(int(m[2]) - 1) * 3 + 1:02d}-01"
    if len(first) == 4 and first.isdigit():
        return f"{first}-01-01"
    if len(first) == 7 and first[:4].isdigit():
        return f"{first}-01"
    return first if first[:4].isdigit() else None


@lru_cache(maxsize=65536)
def date_label(date: str | None, precision: str) -> str:
    """``2025-06-09``, ``2025-W23``, ``2025-04``, ``2025-Q2``, ``2025``, a range, or ``undated``."""
    if not date or precision == "unknown":
        return "undated"
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


def event_sort_key(event: Event) -> tuple[int, str, int]:
    start = start_of(event.date) if event.precision != "unknown" else None
    return (start is None, start or "", _precision_rank(event.precision))


def figure_sort_key(figure: Figure) -> tuple[int, str, int]:
    precision = figure_precision(figure.period)
    start = start_of(figure.period) if precision != "unknown" else None
    return (start is None, start or "", _precision_rank(precision))


@lru_cache(maxsize=65536)
def figure_precision(period: str | None) -> str:
    """The precision a figure's period string carries."""
    if not period or not period[:4].isdigit():
        return "unknown"
    if "/" in period:
        return "range"
    if _WEEK.match(period):
        return "week"
    if _QUARTER.match(period):
        return "quarter"
    return {4: "year", 7: "month", 10: "day"}.get(len(period), "range")


def _precision_rank(precision: str) -> int:
    order = ("year", "quarter", "month", "range", "week", "day", "unknown")
    return order.index(precision) if precision in order else len(order)


def figure_value(figure: Figure) -> str:
    """The figure as the article wrote it, with its direction arrow."""
    arrow = ARROWS.get(figure.direction or "", "·")
    return f"{arrow} {clean(figure.text)}"
