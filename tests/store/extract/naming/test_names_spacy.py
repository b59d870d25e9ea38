"""The optional spaCy backend (skipped unless spaCy and an English pipeline are installed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.store.extract.naming import spacy_backend
from dateline.store.extract.naming.names import find_entities
from dateline.store.extract.sentences import split_sentences

pytestmark = pytest.mark.skipif(not spacy_backend.available(), reason="spaCy or its English pipeline missing")
TEXT = (Path(__file__).parents[3] / "fixtures" / "extract" / "seed.txt").read_text(encoding="utf-8")


def test_spacy_backend_keeps_the_document_level_steps() -> None:
    entities = {e["name"]: e for e in find_entities(TEXT, split_sentences(TEXT), backend="spacy")}
    assert entities["Howard Lutnick"]["type"] == "PERSON"
    assert "Lutnick" in entities["Howard Lutnick"]["aliases"]
    assert "U.S. Commerce Secretary" in entities["Howard Lutnick"]["roles"]
    assert entities["General Motors Co."]["ticker"] == "GM"
    assert entities["Stellantis NV"]["ticker"] == "STLA"
    assert entities["United States"]["type"] == "PLACE"
    for entity in entities.values():
        for m in entity["mentions"]:
            assert TEXT[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("text", ["", "\n\n", "\x00 Apple Inc. \u200b said\n\nTalks with He Lifeng\u2018s team",
                                  "A " * 3000])
def test_spacy_backend_offsets_on_odd_text(text: str) -> None:
    for entity in find_entities(text, split_sentences(text), backend="spacy"):
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
