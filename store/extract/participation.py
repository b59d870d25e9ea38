"""Whether a name takes part in its sentence or only modifies another noun there.

A product named as a modifier ("iPhone 4 users", "the iPod line", "iPhone 4's antenna") describes the
noun after it: the sentence is about the users, the line, the antenna, not about an event of the
product. People and organisations stay participants when named so ("Airbus chief X said the company
will cut jobs" is about Airbus; "GM's sales fell" is about GM).
"""
from __future__ import annotations

import re

__all__ = ["only_modifies"]

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
_POSSESSIVE_RE = re.compile(r"(?:'s?|\u2019s?)[ \t]+(?!(?:[a-z]+[ \t]+)*(?:portable|music|media|digital)?[ \t]*"
                            r"(?:player|players|phone|phones|device|devices)\b)")


def only_modifies(text: str, start: int, end: int, kind: str | None) -> bool:
    """Whether the product mention at ``start:end`` only modifies a noun ("iPhone 4 users", "the iPod
    line", "iPhone 4's antenna"), names what people hold ("owners of its new iPhone 4") or is part of
    a model's name ("the iPod nano")."""
    if kind != "PRODUCT":
        return False
    if _POSSESSIVE_RE.match(text, end) or _HELD_RE.search(text, max(0, start - 50), start):
        return True
    nxt = _NEXT_WORDS_RE.match(text, end)
    if nxt is None:
        return False
    words = nxt.group().split()
    return words[0] in _MODELS or any(w in _HOLDERS or w in _KIN for w in words)
