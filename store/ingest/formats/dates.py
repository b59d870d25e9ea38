"""Publication dates written by people and feeds, read as ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import date

_MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?(?![a-z])"
_DAY = r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?<!\d)(?P<year>\d{4})(?!\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

# Each pattern names year, day and either month (a number) or mon (a name).
DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d.])(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?=T\d|\s*$)"),
    re.compile(_WEEKDAY + _DAY + r"(?:\s+of)?[\s-]+" + _MONTH + r",?[\s-]+" + _YEAR, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?<![\d.])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)" + _YEAR),
]


def parse_date(value: str) -> str | None:
    """The first calendar date in ``value`` as ``YYYY-MM-DD``; ``None`` when there is none.

    Reads ISO dates and timestamps, ``2025/06/10``, ``Tue, 10 Jun 2025 14:00 GMT``, ``June 10, 2025``,
    ``10th of June 2025``, ``10.06.2025`` (day first) and ``06/10/2025`` (month first unless the
    first number cannot be a month). A timestamp keeps the calendar day it was written in.
    """
    found = find_date(value)
    return found[0] if found else None


def find_date(value: str, anchored: bool = False) -> tuple[str, int, int] | None:
    """The earliest valid date in ``value`` as (iso, start, end); ``anchored`` wants it at index 0."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value[:500]
    best: tuple[str, int, int] | None = None
    for pattern in DATE_PATTERNS:
        matches = [pattern.match(text)] if anchored else pattern.finditer(text)
        for match in matches:
            if match is None:
                continue
            iso = _iso_from(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _iso_from(match: re.Match) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mon"):
        month = _MONTH_NAMES[groups["mon"].lower()]
        day = int(groups["day"])
    elif groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        day_first = groups["sep"] == "." or first > 12
        day, month = (first, second) if day_first else (second, first)
    else:
        month, day = int(groups["month"]), int(groups["day"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
