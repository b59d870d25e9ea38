"""Property tests: extraction never crashes and every offset indexes the text it was given."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.store.extract import extract
from dateline.store.extract.sentences import split_sentences

NEWSY = st.sampled_from([
    "U.S.", "Mr.", "Co.", "Jan.", "May", "may", "Monday", "last week", "in April", "2019", "March 3,",
    "$40 billion", "US$1.4bn", "GB #20.1 billion", "34.5%", "down from", "145%", "rose", "fell", "\n",
    "\u201cQuote.\u201d", "''", "``", " ", ".", "...", "?", "seven hours", "the first quarter", "He Lifeng\u2018s",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=6)), max_size=60).map(" ".join),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=200),
)
PUBLISHED = st.one_of(st.none(), st.dates().map(str), st.text(max_size=12))


def check_offsets(text: str, result: dict) -> None:
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
    for date in result["dates"]:
        assert text[date["start"]:date["end"]] == date["text"]
        assert date["precision"] in ("day", "week", "month", "quarter", "year", "range")
    for figure in result["figures"]:
        assert text[figure["start"]:figure["end"]] == figure["text"]
        assert 0 <= figure["sentence"]["start"] <= figure["start"] < figure["end"] <= len(text)
    for event in result["events"]:
        assert 0 <= event["sentence"]["start"] < event["sentence"]["end"] <= len(text)
        assert (event["date"] is None) == (event["precision"] == "unknown")
    for entity in result["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, PUBLISHED)
def test_arbitrary_text_never_breaks_extraction(text, published):
    check_offsets(text, extract(text, published))


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n", "\x00\x1f"):
        result = extract(text, "2025-06-10")
        assert (result["dates"], result["figures"], result["events"]) == ([], [], [])
        check_offsets(text, result)


def test_huge_paragraph_is_handled():
    sentence = ("China's May customs data showed exports to the U.S. plunged 34.5% on Monday, "
                "while Co. shares rose 4.8% and U.S. tariffs remain at 30%, down from 145% ")
    text = sentence * 400  # about 60,000 characters with no line break
    result = extract(text, "2025-06-10")
    check_offsets(text, result)
    assert len([f for f in result["figures"] if f["unit"] == "%"]) == 4 * 400


FIGURE_BITS = st.sampled_from([
    "US$", "U.S. $", "$", "€", "£", "GB #", "#", "USD ", "Rs. ", "a dozen", "a half", "half", "twenty-five",
    "seven", "40", "1,234.5", ".5", "billion", "bn", "m", "million", "billions of dollars", "%", " percent",
    "percentage points", "-", " to ", " and ", "between", "nearly", "yuan", "cents", "hours", "people", "A320",
])
FIGURE_TEXTS = st.lists(st.one_of(FIGURE_BITS, st.sampled_from([" ", "", ".", ","]), st.text(max_size=3)),
                        max_size=40).map("".join)
DATE_BITS = st.sampled_from([
    "Monday", "May", "March 3", ", 2019", "the", "last", "this", "next", "week", "weekend", "year", "day",
    "quarter", "first", "of", "ago", "two", "1990s", "\n", "later", "earlier", "Christmas Day", "the same",
])
DATE_TEXTS = st.lists(st.one_of(DATE_BITS, st.sampled_from([" ", "", ".", ","]), st.text(max_size=3)),
                      max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(FIGURE_TEXTS)
def test_figure_scan_finds_what_a_full_scan_finds(text):
    from dateline.store.extract.numbers import figures

    full = [m.span() for m in figures.FIGURE_RE.finditer(text)]
    assert [m.span() for m in figures._figure_matches(text)] == full


@settings(max_examples=300, deadline=None)
@given(DATE_TEXTS)
def test_date_scan_finds_what_a_full_scan_finds(text):
    from dateline.store.extract.dating import dates

    full = [m.span() for line in _lines(text) for m in dates.PATTERN.finditer(text, *line)]
    assert [m.span() for m in dates._matches(text)] == full


def _lines(text: str):
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        yield start, end
        start = end + 1
