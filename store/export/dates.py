"""Dateline's ISO dates at their real precision, turned into what each export format wants.

A date is ``2025-06-09`` (day), ``2025-W23`` (week), ``2025-06`` (month), ``2025-Q1`` (quarter),
``2025`` (year) or ``start/end`` (range of any of these). Formats that cannot say "week" or "quarter"
get a start and an end at the finest precision they can state truthfully.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")

Part = tuple[int, int | None, int | None]  # year, month or None, day or None


def _single(text: str) -> tuple[Part, Part | None] | None:
    """Start part and (only when it differs in kind) end part of one non-range date."""
    text = text.strip()
    if m := _DAY.match(text):
        y, mo, d = map(int, m.groups())
        date(y, mo, d)  # raises ValueError on 2025-02-30
        return (y, mo, d), None
    if m := _WEEK.match(text):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        sunday = monday + timedelta(days=6)
        return (monday.year, monday.month, monday.day), (sunday.year, sunday.month, sunday.day)
    if m := _MONTH.match(text):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return (y, mo, None), None
    if m := _QUARTER.match(text):
        y, q = int(m[1]), int(m[2])
        return (y, 3 * q - 2, None), (y, 3 * q, None)
    if m := _YEAR.match(text):
        return (int(m[1]), None, None), None
    return None


def parts(iso: str | None) -> tuple[Part, Part | None] | None:
    """``(start, end)`` as (year, month, day) with unknown fields ``None``; end is ``None`` when
    the start alone says it (a day, a month, a year). ``None`` for no date or an unreadable one."""
    if not iso:
        return None
    try:
        if "/" in iso:
            first, _, last = iso.partition("/")
            a, b = _single(first), _single(last)
            if a is None or b is None:
                return None
            return a[0], b[1] or b[0]
        return _single(iso)
    except ValueError:
        return None


def part_text(part: Part) -> str:
    """``(2025, 6, None)`` → ``2025-06``: an ISO prefix at the part's own precision."""
    year, month, day = part
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def first_day(part: Part) -> date:
    year, month, day = part
    return date(year, month or 1, day or 1)


def last_day(part: Part) -> date:
    year, month, day = part
    if month is None:
        return date(year, 12, 31)
    if day is None:
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def span(iso: str | None) -> tuple[date, date] | None:
    """The first and last calendar day an ISO date (of any precision) covers."""
    found = parts(iso)
    if found is None:
        return None
    start, end = found
    return first_day(start), last_day(end or start)


def overlaps(iso: str | None, lo: date | None, hi: date | None) -> bool:
    """Whether the date touches the window ``[lo, hi]``; an undated record never does."""
    covered = span(iso)
    if covered is None:
        return False
    return (lo is None or covered[1] >= lo) and (hi is None or covered[0] <= hi)


def chronological(iso: str | None) -> tuple:
    """Sort key: by first day, then last day; undated or unreadable dates last."""
    covered = span(iso)
    return (0, *covered) if covered else (1, date.max, date.max)
