"""The seed article's gold entities, checked against the built-in name finder alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.store.extract.naming.names import find_entities
from dateline.store.extract.sentences import split_sentences

FIXTURES = Path(__file__).parents[3] / "fixtures" / "extract"
TEXT = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
GOLD = json.loads((FIXTURES / "seed_gold.json").read_text(encoding="utf-8"))["entities"]
ENTITIES = find_entities(TEXT, split_sentences(TEXT))


def norm(s: str | None) -> str:
    return " ".join((s or "").replace("\u2019", "'").replace("\u2018", "'").lower().split())


def names_of(entity: dict) -> set[str]:
    return ({norm(entity["name"])} | {norm(a) for a in entity["aliases"]}
            | {norm(TEXT[m["start"]:m["end"]]) for m in entity["mentions"]})


def entity_for(gold: dict) -> dict | None:
    for surface in [gold["name"], *gold["surface"]]:
        for entity in ENTITIES:
            if norm(surface) in names_of(entity):
                return entity
    return None


@pytest.mark.parametrize("gold", GOLD["required"], ids=lambda g: g["name"])
def test_required_entity(gold: dict) -> None:
    entity = entity_for(gold)
    assert entity is not None, f"{gold['name']} not found"
    assert entity["type"] == gold["type"]
    assert {norm(s) for s in gold["surface"]} <= names_of(entity)
    roles = " | ".join(norm(r) for r in entity["roles"])
    for role in gold.get("roles", []):
        assert norm(role) in roles
    if gold.get("ticker"):
        assert entity["ticker"] == gold["ticker"]


def test_canonical_names_and_mention_counts() -> None:
    by_name = {e["name"]: e for e in ENTITIES}
    assert len(by_name["Howard Lutnick"]["mentions"]) == 4
    assert by_name["He Lifeng"]["mentions"][0]["text"] == "He Lifeng"  # not "He Lifeng‘s"
    us = [m["text"] for m in by_name["United States"]["mentions"]]
    assert us.count("U.S.") == 6
    assert sum(m["text"] == "China" for m in by_name["China"]["mentions"]) == 5
    assert len(by_name["Donald Trump"]["mentions"]) == 3


def test_nothing_forbidden_is_an_entity() -> None:
    forbidden = {norm(x) for x in GOLD["must_not_be_entities"]}
    assert not [e["name"] for e in ENTITIES if norm(e["name"]) in forbidden]
    assert not [m["text"] for e in ENTITIES for m in e["mentions"] if norm(m["text"]) in forbidden]


def test_mentions_index_the_text_and_carry_roles() -> None:
    for entity in ENTITIES:
        assert entity["type"] in ("PERSON", "ORG", "PLACE")
        for m in entity["mentions"]:
            assert TEXT[m["start"]:m["end"]] == m["text"]
    lutnick = next(e for e in ENTITIES if e["name"] == "Howard Lutnick")
    assert lutnick["mentions"][0]["role"] == "U.S. Commerce Secretary"
