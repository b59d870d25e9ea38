"""Header and date parsing: worked examples plus hypothesis properties."""
from __future__ import annotations

import string
from datetime import date, datetime, time, timezone
from email.utils import format_datetime

import pytest
from hypothesis import example, given, settings, strategies as st

from dateline.store.ingest.formats.headers import FIELDS, parse_date, split_header

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize("value, expected", [
    ("2025-06-10", "2025-06-10"),
    ("2025-06-10T23:30:00-05:00", "2025-06-10"),  # the day as written, not shifted to UTC
    ("2025/6/9", "2025-06-09"),
    ("20250610", "2025-06-10"),
    ("Tue, 10 Jun 2025 14:00:00 GMT", "2025-06-10"),
    ("June 10, 2025", "2025-06-10"),
    ("Monday, May 18, 2015", "2015-05-18"),
    ("Sept. 3, 2024", "2024-09-03"),
    ("the 10th of June 2025", "2025-06-10"),
    ("10.06.2025", "2025-06-10"),   # dots: day first
    ("06/10/2025", "2025-06-10"),   # slashes: month first ...
    ("25/12/2024", "2024-12-25"),   # ... unless the first number cannot be a month
    ("Published on 2 January 2020 at 10:00", "2020-01-02"),
    ("2024-02-30", None),
    ("June 2025", None),
    ("Page 12 of 2025", None),
    ("tomorrow", None),
    ("", None),
])
def test_parse_date_examples(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("text, header, body", [
    (" date 2025-06-10 U.S. officials met.", {"date": "2025-06-10"}, "U.S. officials met."),
    ("Dateline: June 10, 2025 \u2014 WASHINGTON said more.", {"date": "June 10, 2025"}, "WASHINGTON said more."),
    ("title: A\nDate: 2020-01-02\nSource: Wire\nlink: https://x.example/a\n\nBody.",
     {"title": "A", "date": "2020-01-02", "source": "Wire", "url": "https://x.example/a"}, "Body."),
    ("Headline\nDate: 2020-01-02\nBody.", {"title": "Headline", "date": "2020-01-02"}, "Body."),
    ("Headline\nWednesday, March 4, 2020\nBody.", {"title": "Headline", "date": "Wednesday, March 4, 2020"}, "Body."),
    ("---\ntitle: 'Quoted: yes'\ndate: 2020-01-02\nsummary: >\n  folded\n---\nBody.",
     {"title": "Quoted: yes", "date": "2020-01-02"}, "Body."),
    ("+++\ntitle = \"Toml\"\ndate = 2020-01-02\n+++\nBody.", {"title": "Toml", "date": "2020-01-02"}, "Body."),
    ("What Happened: prose with a colon.\nMore.", {}, "What Happened: prose with a colon.\nMore."),
    ("---\nno closing fence\nBody.", {}, "---\nno closing fence\nBody."),
    ("The date 2025-06-10 is inside a sentence.", {}, "The date 2025-06-10 is inside a sentence."),
])
def test_split_header_examples(text, header, body):
    found, offset = split_header(text)
    assert {k: v for k, v in found.items() if v is not None} == header
    assert text[offset:] == body


@FAST
@given(st.text())
@example("---\n")
@example(" date ")
@example("title:\n\n")
@example("\ufeff---\ntitle: x\n---")
def test_split_header_never_crashes_and_offset_is_in_range(text):
    header, offset = split_header(text)
    assert set(header) == set(FIELDS)
    assert all(value is None or isinstance(value, str) for value in header.values())
    assert 0 <= offset <= len(text)


_words = st.text(string.ascii_letters, min_size=1, max_size=10)
_titles = st.lists(_words, min_size=1, max_size=8).map(" ".join)
_bodies = st.lists(_words, min_size=1, max_size=30).map(lambda words: "Body " + " ".join(words) + ".")
_dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@FAST
@given(_titles, _dates, _bodies, st.sampled_from(["Title", "title", "TITLE"]), st.sampled_from(["\n", "\n\n"]))
def test_header_lines_round_trip(title, day, body, key, gap):
    text = f"{key}: {title}\nDate: {day.isoformat()}\nsource: Wire{gap}{body}"
    header, offset = split_header(text)
    assert header["title"] == title
    assert parse_date(header["date"]) == day.isoformat()
    assert header["source"] == "Wire"
    assert text[offset:] == body


@FAST
@given(_dates, _bodies, st.sampled_from([" ", "", "  "]))
def test_inline_dateline_round_trip(day, body, lead):
    text = f"{lead}date {day.isoformat()} {body}"
    header, offset = split_header(text)
    assert parse_date(header["date"]) == day.isoformat()
    assert text[offset:] == body


@FAST
@given(st.text(max_size=200))
@example("31/31/2020")
@example("0000-01-01")
def test_parse_date_is_valid_iso_or_none(value):
    result = parse_date(value)
    assert result is None or date.fromisoformat(result).isoformat() == result


@FAST
@given(st.dates())
def test_iso_dates_round_trip(day):
    assert parse_date(day.isoformat()) == day.isoformat()


@FAST
@given(_dates, st.times(), st.sampled_from(["Z", "+02:00", "-05:00", ""]))
def test_iso_timestamps_keep_their_day(day, moment, zone):
    assert parse_date(f"{day.isoformat()}T{moment.isoformat()}{zone}") == day.isoformat()


@FAST
@given(_dates)
def test_human_and_feed_formats_round_trip(day):
    expected = day.isoformat()
    assert parse_date(f"{day:%B} {day.day}, {day.year}") == expected
    assert parse_date(f"{day:%A}, {day.day} {day:%b} {day.year}") == expected
    assert parse_date(f"{day.day:02d}.{day.month:02d}.{day.year}") == expected
    stamp = datetime.combine(day, time(9, 30), tzinfo=timezone.utc)
    assert parse_date(format_datetime(stamp)) == expected  # RFC 822, as RSS writes it
