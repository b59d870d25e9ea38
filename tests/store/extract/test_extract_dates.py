"""Time expressions resolved against the publication date, one table per phrase class."""
from __future__ import annotations

import pytest

from dateline.store.extract.dating.dates import find_dates, parse_published
from dateline.store.extract.sentences import split_sentences

PUBLISHED = "2025-06-10"  # a Tuesday


def dates_in(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(d["text"], d["value"], d["precision"]) for d in find_dates(text, published, split_sentences(text))]


def only(text: str, published: str | None = PUBLISHED) -> tuple[str, str, str]:
    found = dates_in(text, published)
    assert len(found) == 1, found
    return found[0]


WEEKDAYS = [
    ("Talks resumed Tuesday in London.", ("Tuesday", "2025-06-10", "day")),
    ("They met on Monday.", ("Monday", "2025-06-09", "day")),
    ("The vote took place on Wednesday.", ("Wednesday", "2025-06-04", "day")),
    ("The minister will visit on Friday.", ("Friday", "2025-06-13", "day")),
    ("The firm said on Friday that it would cut jobs.", ("Friday", "2025-06-06", "day")),
    ("The firm said it would cut jobs on Friday.", ("Friday", "2025-06-13", "day")),
    ("Updates are expected later Tuesday.", ("later Tuesday", "2025-06-10", "day")),
    ("The report comes out next Monday.", ("next Monday", "2025-06-16", "day")),
    ("Shares fell last Tuesday.", ("last Tuesday", "2025-06-03", "day")),
    ("Prices rose on Thursday, May 8, 2025.", ("Thursday, May 8, 2025", "2025-05-08", "day")),
]

RELATIVE_DAYS = [
    ("The bank said yesterday that rates would hold.", ("yesterday", "2025-06-09", "day")),
    ("Markets are closed today.", ("today", "2025-06-10", "day")),
    ("The court rules tomorrow.", ("tomorrow", "2025-06-11", "day")),
    ("Police said last night the road was closed.", ("last night", "2025-06-09", "day")),
    ("He spoke earlier today.", ("earlier today", "2025-06-10", "day")),
]

WEEKS_MONTHS_YEARS = [
    ("The two leaders spoke last week.", ("last week", "2025-W23", "week")),
    ("Talks continue this week.", ("this week", "2025-W24", "week")),
    ("Sales fell last month.", ("last month", "2025-05", "month")),
    ("The rule takes effect next month.", ("next month", "2025-07", "month")),
    ("Output grew last year.", ("last year", "2024", "year")),
    ("Prices have doubled earlier this year.", ("earlier this year", "2025", "year")),
    ("The plant opens next year.", ("next year", "2026", "year")),
    ("Exports fell in the previous year.", ("the previous year", "2024", "year")),
]

MONTHS = [
    ("China imposed the restrictions in April.", ("April", "2025-04", "month")),
    ("China's May customs data showed a fall.", ("May", "2025-05", "month")),
    ("Trade slowed in May, officials said.", ("May", "2025-05", "month")),
    ("In June Apple cut prices.", ("June", "2025-06", "month")),
    ("The deal was signed in November.", ("November", "2024-11", "month")),
    ("The plant will open in September.", ("September", "2025-09", "month")),
    ("Talks began in July 2003.", ("July 2003", "2003-07", "month")),
    ("The fund closed in early March.", ("early March", "2025-03", "month")),
]

DAYS_OF_MONTH = [
    ("The law passed on March 3.", ("March 3", "2025-03-03", "day")),
    ("It was founded March 01, 2008.", ("March 01, 2008", "2008-03-01", "day")),
    ("The flight left on 11 December.", ("11 December", "2024-12-11", "day")),
    ("Filed on Jan. 5, 2024 in Ohio.", ("Jan. 5, 2024", "2024-01-05", "day")),
    ("The ISO date 2024-02-29 is valid.", ("2024-02-29", "2024-02-29", "day")),
    ("The launch is set for June 1st.", ("June 1st", "2025-06-01", "day")),
]

QUARTERS_AND_YEARS = [
    ("Profit rose in the first quarter.", ("the first quarter", "2025-Q1", "quarter")),
    ("Revenue fell in the third quarter of 2009.", ("the third quarter of 2009", "2009-Q3", "quarter")),
    ("Growth slowed in the last quarter.", ("the last quarter", "2025-Q1", "quarter")),
    ("Results for Q4 2024 were strong.", ("Q4 2024", "2024-Q4", "quarter")),
    ("The company was founded in 2019.", ("2019", "2019", "year")),
    ("Profits beat 1989's record.", ("1989", "1989", "year")),
    ("Inflation peaked in the 1970s.", ("the 1970s", "1970/1979", "range")),
    ("The team won ten years ago.", ("ten years ago", "2015", "year")),
    ("Crops failed last summer.", ("last summer", "2024-06/2024-08", "range")),
    ("The lake froze in the winter of 2010.", ("the winter of 2010", "2010-12/2011-02", "range")),
    ("Fans gathered this weekend.", ("this weekend", "2025-06-07/2025-06-08", "range")),
    ("Sales will be counted by the end of the year.", ("the end of the year", "2025-12-31", "day")),
]


@pytest.mark.parametrize(
    "text, expected",
    WEEKDAYS + RELATIVE_DAYS + WEEKS_MONTHS_YEARS + MONTHS + DAYS_OF_MONTH + QUARTERS_AND_YEARS,
)
def test_phrase_resolves(text, expected):
    assert only(text) == expected


NOT_DATES = [
    "Exports rose 20.25% while imports fell 19.90%.",   # percentages
    "Officials May be forced to resign.",               # the modal verb
    "He may travel abroad.",
    "Prime Minister Theresa May said the vote would go ahead.",
    "Negotiators talked for nearly seven hours.",       # durations
    "The project took three years to finish.",
    "The festival continues a 2000 year old tradition.",
    "A survey of 1709 schoolchildren found gaps.",
    "The Russell 2000 Index fell sharply.",
    "Flight 1907 landed safely.",
    "Protesters gathered at 1600 Pennsylvania Avenue.",
    "The curfew starts at 1800 GMT.",
    "Markets crashed on Black Monday.",
    "He told the Sunday Times about it.",
    "April Ryan asked a question.",
    "Stores open on Mondays.",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert dates_in(text) == []


def test_dates_do_not_cross_line_breaks():
    text = "Markets to stay closed until Friday\nSeptember 18, 2008\nThe exchange said so."
    found = dates_in(text, "2008-09-18")
    assert ("Friday", "2008-09-19", "day") in found
    assert ("September 18, 2008", "2008-09-18", "day") in found


def test_relative_phrases_need_a_publication_date():
    assert dates_in("They met on Monday and again last week.", None) == []
    assert dates_in("The law passed on March 3, 2019.", None) == [("March 3, 2019", "2019-03-03", "day")]


def test_parse_published_accepts_timestamps_and_rejects_junk():
    assert str(parse_published("2025-06-10T08:00:00Z")) == "2025-06-10"
    assert parse_published("June 10") is None
    assert parse_published("2025-02-30") is None


MORE_PHRASES = [
    ("Elections will be held on March 5.", "2025-06-10", ("March 5", "2026-03-05", "day")),
    ("She arrived on the 5th of May.", "2025-11-20", ("the 5th of May", "2025-05-05", "day")),
    ("Fourth-quarter profit rose 8%.", "2025-01-20", ("Fourth-quarter", "2024-Q4", "quarter")),
    ("Sales should recover in the fourth quarter.", "2025-01-20", ("the fourth quarter", "2025-Q4", "quarter")),
    ("Shops reopen after Christmas Day.", "2025-06-01", ("Christmas Day", "2024-12-25", "day")),
    ("Fireworks lit up New Year's Eve 2009.", "2025-06-01", ("New Year's Eve 2009", "2009-12-31", "day")),
    ("The rally was on May 3. Police left the following day.", "2025-06-10",
     ("the following day", "2025-05-04", "day")),
    ("Crowds gathered this past weekend.", "2025-06-10", ("this past weekend", "2025-06-07/2025-06-08", "range")),
]


@pytest.mark.parametrize("text, published, expected", MORE_PHRASES)
def test_holidays_and_anaphoric_days(text, published, expected):
    assert dates_in(text, published)[-1] == expected
