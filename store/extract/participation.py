"""Whether a name takes part in its sentence or only modifies another noun there.

A product named as a modifier ("iPhone 4 users", "the iPod line", "iPhone 4's antenna") describes the
noun after it: the sentence is about the users, the line, the antenna, not about an event of the
product. People and organisations stay participants when named so ("Airbus chief X said the company
will cut jobs" is about Airbus; "GM's sales fell" is about GM), except when the noun is another party
related to them ("Gallois' predecessor resigned", "Airbus parent EADS", "Emirates' rivals"): the
sentence is about that party. A person named only as the owner of a thing that is not an act of theirs
("Jobs's health", "Steve Jobs' success") does not take part in what the sentence reports either.
"""
from __future__ import annotations

import re

__all__ = ["only_modifies", "only_possessor"]

# The nouns a product names only as a modifier: the people who hold it and its parts or kin. Event
# nouns ("iPod sales", "A380 deliveries", "iPod use") and what the product is ("iPod music player")
# keep it a participant, as annotators of event timelines count them.
_HOLDERS = frozenset("""users user owners owner buyers buyer customers customer subscribers fans developers
    holders sellers retailers shareholders investors employees workers staff makers maker""".split())
_KIN = frozenset("""line lines lineup family range series brand antenna antennas screen battery display
    division unit team accessories accessory version versions generation rate rates""".split())
# A product's models written in small letters after its name ("iPod nano", "iPad mini"): another
# product, not this one.
_MODELS = frozenset("nano mini touch shuffle classic pro air max plus ultra lite".split())
_NEXT_WORDS_RE = re.compile(r"(?:[ \t]+[a-z][a-z-]*\b){1,3}")  # "iPhone 4 return rate": up to three
_HELD_RE = re.compile(r"\b(?:" + "|".join(sorted(_HOLDERS)) + r")\s+of\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
                      r"(?:(?:new|latest|old|older|current)\s+)?$")
# "iPhone 4's antenna" only modifies; "the iPod's music player" is what the product is, and "the S&P 500's
# decline", "the A380's delivery" are events of the product (an index's moves, a model's launch).
_POSSESSIVE_RE = re.compile(r"(?:'s?|\u2019s?)[ \t]+(?!(?:[a-z]+[ \t]+)*(?:portable|music|media|digital)?[ \t]*"
                            r"(?:player|players|phone|phones|device|devices)\b)"
                            r"(?!(?:[\w%-]+[ \t]+){0,3}?(?:decline|declines|fall|falls|rise|rises|drop|drops|gain|"
                            r"gains|loss|losses|slide|plunge|rally|close|worst|best|launch|debut|delay|delays|delivery|"
                            r"deliveries|first[ \t]+flight)\b)")


# Another party named through this one: "Gallois' predecessor", "Airbus parent EADS", "its rival".
_RELATED_RE = re.compile(r"(?:'s?|\u2019s?)?[ \t]+(?:(?:former|new|main|chief|biggest|largest|nearest|closest|"
                         r"corporate|majority)[ \t]+)?(?:predecessors?|successors?|parent|rivals?|competitors?|"
                         r"wife|husband|widow|son|daughter|brother|sister|father|mother)\b")
# What a person's possessive may name and still be the person's act: "Obama's plan", "Jobs's keynote".
_ACTS = frozenset("""plan plans proposal proposals decision decisions announcement statement statements comments
    comment remarks speech keynote presentation visit trip resignation departure appointment arrival return death
    arrest trial testimony call letter bid offer request campaign administration government election victory
    defeat interview memo order orders veto move warning promise pledge absence absences leave email e-mail
    message note tenure""".split())
_PERSON_POSSESSIVE_RE = re.compile(r"(?:'s?|\u2019s?)[ \t]+([a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2})")


def only_possessor(text: str, start: int, end: int, kind: str | None) -> bool:
    """Whether the person mention at ``start:end`` only owns a thing that is not an act of theirs
    ("Jobs's health", "Steve Jobs' success"; not "Obama's plan")."""
    if kind != "PERSON":
        return False
    owned = _PERSON_POSSESSIVE_RE.match(text, end)
    if owned is None:
        return False
    return not any(w in _ACTS for w in owned.group(1).split())  # "Jobs' last two absences" is his act


def only_modifies(text: str, start: int, end: int, kind: str | None) -> bool:
    """Whether the product mention at ``start:end`` only modifies a noun ("iPhone 4 users", "the iPod
    line", "iPhone 4's antenna"), names what people hold ("owners of its new iPhone 4") or is part of
    a model's name ("the iPod nano"); or, whatever its kind, names another party related to it
    ("Gallois' predecessor", "Airbus parent EADS")."""
    if _RELATED_RE.match(text, end):
        return True
    if kind != "PRODUCT":
        return False
    if _POSSESSIVE_RE.match(text, end) or _HELD_RE.search(text, max(0, start - 50), start):
        return True
    nxt = _NEXT_WORDS_RE.match(text, end)
    if nxt is None:
        return False
    words = nxt.group().split()
    return words[0] in _MODELS or any(w in _HOLDERS or w in _KIN for w in words)
