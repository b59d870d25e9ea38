"""Date strings as the timeline orders them: the first day a date covers, its precision, a sort key.

Extraction writes dates at their real precision (``2025-06-09``, ``2025-W23``, ``2025-Q2``,
``2025-04``, ``2025``, ``2025-06-01/2025-06-07``). These pure functions are shared by the store
(which orders timelines) and the app (which labels and groups them); they are cached because a
store holds a few thousand distinct dates and a million dated records.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
# coarse first on a tie; "reported" (dated by the article's own date, not by the text) after "day"
PRECISIONS = ("year", "quarter", "month", "range", "week", "day", "reported", "unknown")
UNDATED_KEY = "\uffff"  # sorts after every date


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


def precision_rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


@lru_cache(maxsize=65536)
def date_key(date: str | None, precision: str, kind: int = 0) -> str:
    """A string that sorts like (undated last, first day covered, coarser precision first, kind).

    ``kind`` breaks the last tie (events, 0, before figures, 1). Equal dates share one string, so a
    million keys cost a list of references.
    """
    start = start_of(date) if precision != "unknown" else None
    if start is None:
        return f"{UNDATED_KEY}{kind}"
    return f"{start}\x00{precision_rank(precision)}{kind}"


def key_date(key: str) -> tuple[str | None, str]:
    """(first day, precision) back from a ``date_key``: enough to group a record by year and month."""
    if key.startswith(UNDATED_KEY):
        return None, "unknown"
    start, _, rest = key.partition("\x00")
    return start, PRECISIONS[int(rest[:-1])] if rest[:-1].isdigit() and int(rest[:-1]) < len(PRECISIONS) else "unknown"
