"""Property tests: the name finder never crashes and every offset it returns indexes the text."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.store.extract.naming.names import find_entities
from dateline.store.model import ENTITY_TYPES
from dateline.store.extract.sentences import split_sentences

NAMEISH = st.sampled_from(["U.S.", "He", "Lifeng", "\u2018s", "Co.", "GM", "$GM", "(NYSE: GM)", "of", "the",
                           "Bank", "President", "Trump", "What Happened:", "May", "\n", ", ", ". ", "al-",
                           "Smith", "Inc.", "NV", "&", "Zoë", "ŁÓDŹ", "Δ", "\u200b", "\x00", "\t", "-based"])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(NAMEISH, st.text(max_size=5)), max_size=60).map(" ".join))


def check(text: str, entities: list[dict]) -> None:
    for entity in entities:
        assert entity["type"] in ENTITY_TYPES
        assert isinstance(entity["name"], str) and entity["name"]
        assert entity["mentions"]
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_offsets_valid_on_arbitrary_text(text: str) -> None:
    check(text, find_entities(text, split_sentences(text)))


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=5))
def test_any_sentence_list_is_tolerated(text: str, sentences: list[tuple[int, int]]) -> None:
    check(text, find_entities(text, sentences, known={"GM": "ORG", "x": "PLACE"}))


def test_empty_and_blank_text() -> None:
    assert find_entities("", []) == []
    assert find_entities(" \n\t ", split_sentences(" \n\t ")) == []


def test_huge_paragraph_of_capitalised_words_is_fast() -> None:
    text = "Alpha Beta of Gamma & Delta Co. GM President Smith Jones " * 20000  # 1.1 M chars, no sentence ends
    t0 = time.perf_counter()
    entities = find_entities(text, split_sentences(text))
    assert time.perf_counter() - t0 < 20
    check(text, entities)


HEADLINE_WORDS = st.lists(st.sampled_from(["Arab", "Contractors", "Win", "Cup", "Ford", "Motor", "Co.", "Clinton",
                                           "United", "Nations", "von", "der", "Leyen", "M.", "Waugh", "Airbus",
                                           "A380", "Boeing", "787", "Dreamliner", "S&P", "500"]),
                          min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(HEADLINE_WORDS, min_size=1, max_size=6), st.booleans())
@example([["Arab"], ["Contractors", "Contractors", "787"], ["Arab", "Contractors"]], True)  # a group merged away
def test_names_repeated_in_caps_and_in_parts_never_crash(names: list[list[str]], caps_first: bool) -> None:
    """Regression: a headline in capitals, the name in full, then its last word alone (a KeyError in linking)."""
    head = " ".join(" ".join(n) for n in names).upper() + ".\n" if caps_first else ""
    body = " ".join(f"{' '.join(n)} beat {' '.join(n[-1:])} on Friday. {n[-1]} won." for n in names)
    text = head + body
    check(text, find_entities(text, split_sentences(text)))
