"""Find time expressions and resolve them against the publication date.

``find_dates(text, published, sentences)`` returns ``{start, end, text, value, precision}`` dicts.
Values are ISO (``2025-06-09``, ``2025-W23``, ``2025-06``, ``2025-Q1``, ``2025``) or ``start/end``.
Durations ("seven hours", "three years"), percentages and the verb "may" are not dates.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from dateline.store.extract.dating.date_patterns import (DEADLINE_BEFORE_RE, FUTURE_RE, PAST_NEAR_RE, SPAN_YEAR_RE,
                                                         MONTH_NUMBER, ORDINALS, PATTERN, SEASON_MONTHS, WEEKDAY_NUMBER,
                                                         BE_BEFORE_RE, CORE_AFTER, CORE_BEFORE, CORE_RE, COUNT_NOUN_RE,
                                                         COUNT_WORDS, GIVEN_NAMES, MAY_AFTER_VERB, MAY_BEFORE,
                                                         NAMED_DAYS, NAME_NEXT_RE, NUMBER_LABELS, OF_YEAR_RE,
                                                         PAST_BEFORE_RE, TITLE_AFTER_DAY_RE)
from dateline.store.extract.dating import dates_calendar as cal
from dateline.store.extract.limits import MAX_DATES
from dateline.store.extract.sentences import windows_around

__all__ = ["find_dates", "parse_published"]

Resolved = tuple[str, str]  # (value, precision)



def may_is_month(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "May" at ``start`` names the month rather than the modal verb."""
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    next_word = after[0].strip(".,;:!?\"\u201d").lower() if after else ""
    if next_word in MAY_AFTER_VERB:
        return False
    if not before:
        return False
    prev = before[-1].lower()
    return prev in MAY_BEFORE or prev.endswith(("'s", "\u2019s", "s'", "s\u2019"))


def _after_preposition(ctx: "_Context", match: re.Match) -> bool:
    before = ctx.text[max(0, match.start() - 12):match.start()].split()
    return bool(before) and before[-1].lower() in MAY_BEFORE


def parse_published(published: str | None) -> dt.date | None:
    """The publication date from an ISO string (extra time or zone parts are ignored)."""
    if not published or not isinstance(published, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def find_dates(text: str, published: str | None, sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Every resolvable time expression in ``text``, in order."""
    anchor = parse_published(published)
    starts = [s for s, _ in sentences] if sentences else []
    context = _Context(text, anchor, sentences or [], starts)
    found: list[dict] = []
    for match in _matches(text):
        if len(found) >= MAX_DATES:
            break
        kind = match.lastgroup
        resolver = _RESOLVERS.get(kind or "")
        if resolver is None:
            continue
        try:
            resolved = resolver(match, context)
        except (ValueError, OverflowError):
            resolved = None
        if resolved is None:
            continue
        start, end = match.span(kind)
        value, precision = resolved
        found.append({"start": start, "end": end, "text": text[start:end], "value": value,
                      "precision": precision})
        if precision == "day":
            context.last_day = value
    return found


def _matches(text: str):
    """PATTERN matches line by line (a date never runs across a line break, e.g. from a title into the
    dateline below it), scanning only the stretches around a word every date expression contains."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        for lo, hi in windows_around(CORE_RE, text, start, end, CORE_BEFORE, CORE_AFTER):
            yield from PATTERN.finditer(text, lo, hi)
        start = end + 1


class _Context:
    """What a resolver needs: the text, the anchor date, sentence bounds, the last day mentioned."""

    __slots__ = ("text", "anchor", "sentences", "starts", "last_day")

    def __init__(self, text: str, anchor: dt.date | None, sentences: list[tuple[int, int]], starts: list[int]):
        self.text, self.anchor, self.sentences, self.starts = text, anchor, sentences, starts
        self.last_day: str | None = None

    def sentence_around(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.sentences[i][1] >= pos:
            return self.sentences[i]
        return (max(0, pos - 120), min(len(self.text), pos + 60))

    def is_future(self, match: re.Match, deadline: bool = False) -> bool:
        """Whether the clause around ``match`` speaks of the future ("will", "is expected to", ...);
        with ``deadline``, also a month after "through", "due in", "by" ("through June").

        A past verb right before the expression wins: "said on Friday that it would ..." is past."""
        start, end = match.span()
        s_start, s_end = self.sentence_around(start)
        past = PAST_BEFORE_RE.search(self.text, max(s_start, start - 40), start)
        if past and not BE_BEFORE_RE.search(self.text, max(s_start, past.start() - 8), past.start()):
            return False  # "said on Friday", but not "will be held on Friday"
        window = self.text[max(s_start, start - 70): min(s_end, end + 45)]
        if FUTURE_RE.search(window) is not None:
            return True
        if not deadline:
            return False
        # "through June", "due in May", "by early June": a deadline lies ahead, unless a past verb
        # governs it ("rose through June", "was due in May").
        phrase = DEADLINE_BEFORE_RE.search(self.text, max(s_start, start - 30), start)
        return phrase is not None and not PAST_NEAR_RE.search(self.text, max(s_start, phrase.start() - 30),
                                                              phrase.start())


# --- helpers -----------------------------------------------------------------------------------

def _full(match: re.Match, ctx: _Context) -> Resolved | None:
    """"March 3, 2019", "Monday, May 18", "11 December 2009": a day, in the nearest year if none is given."""
    dmy = match["full_dmy"] is not None
    month = MONTH_NUMBER[match["g_month" if dmy else "f_month"].rstrip(".").lower()]
    day = cal.day_number(match["g_day" if dmy else "f_day"])
    year = cal.year_of(match["g_year" if dmy else "f_year"])
    if year is None:
        if ctx.anchor is None:
            return None
        year = cal.year_for_day(ctx.anchor, month, day, ctx.is_future(match))
    return cal.iso(dt.date(year, month, day)), "day"


def _iso_date(match: re.Match, ctx: _Context) -> Resolved | None:
    return cal.iso(dt.date(int(match["i_y"]), int(match["i_m"]), int(match["i_d"]))), "day"


def _month_with_year(match: re.Match, ctx: _Context) -> Resolved | None:
    month = MONTH_NUMBER[match["m_month"].rstrip(".").lower()]
    return cal.month(int(match["m_year"]), month), "month"


def _bare_month(match: re.Match, ctx: _Context) -> Resolved | None:
    name = match["b_month"]
    if name == "May" and not may_is_month(ctx.text, match.start("b_month"), match.end("b_month")):
        return None
    if name in GIVEN_NAMES and NAME_NEXT_RE.match(ctx.text, match.end()) and not _after_preposition(ctx, match):
        return None  # "April Ryan, a reporter"
    if ctx.anchor is None:
        return None
    month = MONTH_NUMBER[name.rstrip(".").lower()]
    modifier = (match["b_mod"] or "").lower()
    of_year = OF_YEAR_RE.match(ctx.text, match.end())  # "October of next year"
    relative_year = {"this": 0, "last": -1, "next": 1}.get(of_year[1].lower()) if of_year else None
    span_year = SPAN_YEAR_RE.match(ctx.text, match.end())  # "between September and October of 2007"
    if span_year is not None:
        year = int(span_year["year"])
    elif relative_year is not None:
        year = ctx.anchor.year + relative_year
    elif modifier == "last":
        year = ctx.anchor.year - 1 if month >= ctx.anchor.month else ctx.anchor.year
    elif modifier == "next":
        year = ctx.anchor.year + 1 if month <= ctx.anchor.month else ctx.anchor.year
    else:
        year = cal.month_year(ctx.anchor, month, ctx.is_future(match, deadline=True))
    return cal.month(year, month), "month"


def _weekday_name(match: re.Match, ctx: _Context) -> Resolved | None:
    if ctx.anchor is None:
        return None
    before = ctx.text[max(0, match.start() - 12):match.start()].split()
    if before and before[-1].strip("`'\"\u2018\u201c").lower() in NAMED_DAYS:
        return None
    if TITLE_AFTER_DAY_RE.match(ctx.text, match.end()):
        return None  # "the Sunday Times"
    weekday = WEEKDAY_NUMBER[match["w_day"].lower()]
    modifier = (match["w_mod"] or "").lower()
    if modifier == "next":
        direction = 2
    elif modifier == "last":
        direction = -2
    else:
        direction = 1 if ctx.is_future(match) else -1
    return cal.iso(cal.weekday(ctx.anchor, weekday, direction)), "day"


def _relative_day(match: re.Match, ctx: _Context) -> Resolved | None:
    if ctx.anchor is None:
        return None
    word = (match["r_word"] or "").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if (match["r_mod"] or "").lower() == "last":
        offset = -1
    return cal.iso(ctx.anchor + dt.timedelta(days=offset)), "day"


def _relative_unit(match: re.Match, ctx: _Context) -> Resolved | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    which = " ".join((match["u_which"] or "this").lower().split())
    unit = (match["u_unit"] or match["u_unit2"]).lower()
    if unit == "years":
        if which != "this":
            return None  # "in recent/last years" is a stretch of time, not a year
        unit = "year"
    step = {"last": -1, "previous": -1, "this past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    if unit == "week":
        return cal.week(anchor + dt.timedelta(days=7 * step)), "week"
    if unit == "month":
        return cal.month(*cal.shift_month(anchor.year, anchor.month, step)), "month"
    if unit == "year":
        return f"{anchor.year + step:04d}", "year"
    if unit == "quarter":
        year, quarter = divmod((anchor.year * 4 + (anchor.month - 1) // 3) + step, 4)
        return f"{year:04d}-Q{quarter + 1}", "quarter"
    if unit == "weekend":
        return cal.weekend(anchor, step, ctx.is_future(match)), "range"
    if unit in SEASON_MONTHS:
        return cal.season(anchor, unit.replace("fall", "autumn"), step), "range"
    return None


def _season_year(match: re.Match, ctx: _Context) -> Resolved | None:
    return cal.season_range(int(match["s_year"]), match["s_season"].lower().replace("fall", "autumn")), "range"


def _ago(match: re.Match, ctx: _Context) -> Resolved | None:
    if ctx.anchor is None:
        return None
    count = cal.word_number(match["a_count"])
    if count is None:
        return None
    unit = match["a_unit"].lower().rstrip("s")
    anchor = ctx.anchor
    if unit == "day":
        return cal.iso(anchor - dt.timedelta(days=count)), "day"
    if unit == "week":
        return cal.iso(anchor - dt.timedelta(days=7 * count)), "day"
    if unit == "month":
        return cal.month(*cal.shift_month(anchor.year, anchor.month, -count)), "month"
    if unit == "decade":
        count *= 10
    return f"{anchor.year - count:04d}", "year"


def _quarter(match: re.Match, ctx: _Context) -> Resolved | None:
    """"the first quarter", "Q3 2009", "the last quarter": a quarter; without a year, the one in the
    publication year, or last year's when it has not begun yet and the clause is not about the future."""
    ordinal = (match["q_ord"] or match["q_num"] or "").lower()
    year = cal.year_of(match["q_year"] or match["q_year2"])
    relative = (match["q_rel"] or "").lower()
    anchor = ctx.anchor
    if ordinal in ("last", "previous") and year is None and not relative:
        if anchor is None:
            return None
        y, q = divmod(anchor.year * 4 + (anchor.month - 1) // 3 - 1, 4)
        return f"{y:04d}-Q{q + 1}", "quarter"
    quarter = ORDINALS.get(ordinal, 4)  # "the last/final quarter of 2009" is its fourth
    if year is None:
        if anchor is None:
            return None
        year = anchor.year + {"last": -1, "next": 1}.get(relative, 0)
        starts_in = (dt.date(year, 3 * quarter - 2, 1) - anchor).days
        if not relative and starts_in > 62 and not ctx.is_future(match):
            year -= 1  # "fourth-quarter results" reported in January
    return f"{year:04d}-Q{quarter}", "quarter"


def _half(match: re.Match, ctx: _Context) -> Resolved | None:
    year = cal.year_of(match["h_year"])
    if year is None:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year + {"last": -1, "next": 1}.get((match["h_rel"] or "").lower(), 0)
    first = match["h_ord"].lower() == "first"
    return (f"{year:04d}-01/{year:04d}-06" if first else f"{year:04d}-07/{year:04d}-12"), "range"


def _year_end(match: re.Match, ctx: _Context) -> Resolved | None:
    if ctx.anchor is None:
        return None
    return f"{ctx.anchor.year:04d}-12-31", "day"


def _decade(match: re.Match, ctx: _Context) -> Resolved | None:
    start = int(match["d_decade"])
    part = (match["d_part"] or "").lower().strip()
    first, last = start, start + 9
    if part == "early":
        last = start + 3
    elif part.startswith("mid"):
        first, last = start + 3, start + 6
    elif part == "late":
        first = start + 6
    return f"{first}/{last}", "range"


def _bare_year(match: re.Match, ctx: _Context) -> Resolved | None:
    before = ctx.text[max(0, match.start() - 12):match.start()].split()
    if before and (before[-1].lower() in COUNT_WORDS or before[-1].lower() in NUMBER_LABELS):
        return None  # "about 2000 troops", "Flight 1907"
    if COUNT_NOUN_RE.match(ctx.text, match.end()):
        return None
    after = ctx.text[match.end():match.end() + 12].split("\n", 1)[0].split()
    if before and after and before[-1][:1].isupper() and after[0][:1].isupper() \
            and before[-1].lower() not in MAY_BEFORE:
        return None  # part of a name: "Russell 2000 Index", "Windows 2000 Server"
    return match["y_year"], "year"


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31), "valentine's day": (2, 14)}


def _holiday(match: re.Match, ctx: _Context) -> Resolved | None:
    """Fixed-date holidays ("Christmas Day", "New Year's Eve 2009"), in the nearest year if none is given."""
    name = " ".join(match["hol_name"].lower().replace("\u2019", "'").split())
    month, day = _HOLIDAYS[name]
    year = cal.year_of(match["hol_year"])
    if year is None:
        if ctx.anchor is None:
            return None
        year = cal.year_for_day(ctx.anchor, month, day, ctx.is_future(match))
    return cal.iso(dt.date(year, month, day)), "day"


def _next_day(match: re.Match, ctx: _Context) -> Resolved | None:
    """"the following day", "the previous day": one day after or before the last day named."""
    base = dt.date.fromisoformat(ctx.last_day) if ctx.last_day else ctx.anchor
    if base is None:
        return None
    step = 1 if match["nd_which"].lower() in ("following", "next") else -1
    return cal.iso(base + dt.timedelta(days=step)), "day"


def _same_day(match: re.Match, ctx: _Context) -> Resolved | None:
    """"the same day", "the end of the day": the last day named before, else the publication day."""
    if ctx.last_day is not None:
        return ctx.last_day, "day"
    return (cal.iso(ctx.anchor), "day") if ctx.anchor else None


_RESOLVERS = {
    "full": _full, "full_dmy": _full, "iso": _iso_date, "month_year": _month_with_year, "quarter": _quarter,
    "half": _half, "year_end": _year_end, "season_year": _season_year, "rel_unit": _relative_unit,
    "ago": _ago, "rel_day": _relative_day, "weekday": _weekday_name, "decade": _decade,
    "bare_month": _bare_month, "year": _bare_year, "same_day": _same_day, "holiday": _holiday,
    "next_day": _next_day,
}
