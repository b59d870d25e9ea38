"""Sentence splitting: abbreviations, initials, quotes and line breaks."""
from __future__ import annotations

import pytest

from dateline.store.extract.sentences import split_sentences


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith went home. He slept.", ["Mr. Smith went home.", "He slept."]),
    ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
    ("U.S. Commerce Secretary Howard Lutnick spoke.", ["U.S. Commerce Secretary Howard Lutnick spoke."]),
    ("Exports to the U.S. fell. The data surprised.", ["Exports to the U.S. fell.", "The data surprised."]),
    ("Cars by General Motors Co. GM, and Ford Motor Co. F, sold.",
     ["Cars by General Motors Co. GM, and Ford Motor Co. F, sold."]),
    ("It closed on Jan. 5 at noon. Then it reopened.", ["It closed on Jan. 5 at noon.", "Then it reopened."]),
    ("\u201cWe\u2019re spending time together,\u201d he said. \u201cIt works.\u201d Next.",
     ["\u201cWe\u2019re spending time together,\u201d he said.", "\u201cIt works.\u201d", "Next."]),
    ("``We want to know.'' He left.", ["``We want to know.''", "He left."]),
    ("Title without a stop\nMarch 01, 2008\nBody text here.", ["Title without a stop", "March 01, 2008",
                                                             "Body text here."]),
    ("Airbus parent EADS N.V. (EADS) won. It cheered.", ["Airbus parent EADS N.V. (EADS) won.", "It cheered."]),
    ("Is it? Yes! Maybe...", ["Is it?", "Yes!", "Maybe..."]),
    ("Prices rose 4.5 percent. Shares fell.", ["Prices rose 4.5 percent.", "Shares fell."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_split(text, expected):
    assert pieces(text) == expected


def test_offsets_are_trimmed_and_in_order():
    text = "  First one.   Second one.\n\n Third "
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert not text[start].isspace() and not text[end - 1].isspace()
