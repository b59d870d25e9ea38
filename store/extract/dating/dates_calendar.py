"""Calendar arithmetic for resolving time expressions: ISO values, weeks, months, seasons."""
from __future__ import annotations

import datetime as dt

from dateline.store.extract.dating.date_patterns import NUMBER_WORDS, SEASON_MONTHS

def iso(day: dt.date) -> str:
    return day.isoformat()


def week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_number(raw: str) -> int:
    return int(raw.rstrip("stndrhSTNDRH"))


def year_of(raw: str | None) -> int | None:
    if not raw:
        return None
    return int(raw[-4:]) if raw[-4:].isdigit() else None


def year_for_day(anchor: dt.date, month: int, day: int, future: bool) -> int:
    """The year of a day named without one ("June 15"): the publication year, unless that puts it
    well past the publication date in a clause not about the future (then last year), or well before
    it in one about the future (then next year)."""
    ahead = (dt.date(anchor.year, month, min(day, 28)) - anchor).days
    if future:
        return anchor.year + 1 if ahead < -30 else anchor.year
    return anchor.year - 1 if ahead > 90 else anchor.year


def month_year(anchor: dt.date, month: int, future: bool) -> int:
    """Bare month names: past months this year, later months last year, unless the clause is future."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def weekday(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """``direction`` -1: on or before the anchor; +1: on or after; -2 / +2: strictly before / after."""
    if direction < 0:
        back = (anchor.weekday() - weekday) % 7 or (7 if direction == -2 else 0)
        return anchor - dt.timedelta(days=back)
    ahead = (weekday - anchor.weekday()) % 7 or (7 if direction == 2 else 0)
    return anchor + dt.timedelta(days=ahead)


def word_number(raw: str) -> int | None:
    raw = raw.lower().strip("[]")
    if raw.isdigit():
        return int(raw)
    return NUMBER_WORDS.get(raw)


# --- resolvers (one per named group in PATTERN) ------- ---------------------------------------

def weekend(anchor: dt.date, step: int, future: bool) -> str:
    if step == 0 and anchor.weekday() >= 5:
        saturday = anchor - dt.timedelta(days=anchor.weekday() - 5)
    elif step > 0 or (step == 0 and future):
        saturday = weekday(anchor, 5, 2)
    else:
        saturday = weekday(anchor, 5, -2)
        if step < 0 and anchor.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
    return f"{iso(saturday)}/{iso(saturday + dt.timedelta(days=1))}"


def season_range(year: int, season: str) -> str:
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return f"{month(year, first)}/{month(end_year, last)}"


def season(anchor: dt.date, season: str, step: int) -> str:
    """``last``: the latest one over before the anchor; ``this``: the one in (or of) the anchor's year;
    ``next``: the first one starting after the anchor."""
    year = anchor.year - (1 if season == "winter" and anchor.month <= 2 else 0)
    if step < 0:
        while season_bounds(year, season)[1] >= anchor:
            year -= 1
    elif step > 0:
        while season_bounds(year, season)[0] <= anchor:
            year += 1
    return season_range(year, season)


def season_bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASON_MONTHS[season]
    end_year, end_month = shift_month(year + (1 if last < first else 0), last, 1)
    return dt.date(year, first, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
