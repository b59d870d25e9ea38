"""Cross-article acronyms: an organisation written only as "GM" in one article is the "General Motors" of others.

Within an article extraction already joins "General Motors (GM) … GM"; an article that writes only "GM" leaves
an entity "GM" of its own, so the company's timeline misses its items. ``acronym_joins`` says which such
entities the store's view joins to a full name:

- **defined**: another article linked that acronym to exactly one organisation whose initials it is ("General
  Motors (GM)", "GM, General Motors' …" made "GM" one of its forms; "NASA T", a cut-off name that also took
  the form "NASA", is not spelt out by it) — that one;
- **initials**: else, when exactly one organisation of the store has those initials ("British Airways" for
  "BA"; "Bank of America" would make it two, and then neither) and it is mentioned at least ``MUCH_MORE``
  times as often as the acronym.

Only an organisation joins an organisation (never a place or a person). The view applies a join only while
the acronym's entity carries no hand edit: splitting "GM" out of "General Motors", renaming, merging or
deleting "GM" (any hand edit on it) keeps it apart, and undoing that edit joins it again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dateline.store.index.index import MachineEntity

ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")  # "GM", "BA", "FAA", "S&P": two to six capitals, no digits
MUCH_MORE = 3  # the one organisation with those initials is joined only if mentioned this many times as often
_SKIPPED_WORDS = frozenset({"of", "the", "and", "&", "for", "de"})
_LEGAL_FORMS = frozenset({"INC", "CORP", "CORPORATION", "CO", "COMPANY", "LTD", "LIMITED", "PLC", "LLC", "AG",
                          "SA", "SE", "NV"})


def initials(name: str) -> str:
    """ "General Motors" -> "GM", "Federal Aviation Administration" -> "FAA", "Bank of America Corp." -> "BA";
    "" for a one-word name."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _SKIPPED_WORDS
             and w.rstrip(".,").upper() not in _LEGAL_FORMS]
    return "".join(w[0] for w in words).upper() if len(words) > 1 and all(w[0].isalpha() for w in words) else ""


def acronym_joins(entities: Iterable[MachineEntity], mentions: Mapping[str, int]) -> dict[str, str]:
    """Acronym entity id -> the organisation's entity id it joins, over the store's ``entities`` (those it holds)
    and their ``mentions`` counts."""
    acronyms: list[MachineEntity] = []
    defined: dict[str, set[str]] = {}
    by_initials: dict[str, list[str]] = {}
    for ent in entities:
        if ent.type != "ORG":
            continue
        if ACRONYM.fullmatch(ent.name):
            acronyms.append(ent)
            continue
        if not (key := initials(ent.name)):
            continue
        by_initials.setdefault(key, []).append(ent.id)
        for form in ent.forms:
            if ACRONYM.fullmatch(form) and form.replace("&", "") in (key, key + "S"):
                defined.setdefault(form, set()).add(ent.id)
    joins: dict[str, str] = {}
    for ent in acronyms:
        spelt_out = defined.get(ent.name, set()) - {ent.id}
        if len(spelt_out) == 1:
            joins[ent.id] = next(iter(spelt_out))
        elif not spelt_out:
            same = by_initials.get(ent.name.replace("&", ""), [])
            if len(same) == 1 and mentions.get(same[0], 0) >= MUCH_MORE * max(1, mentions.get(ent.id, 0)):
                joins[ent.id] = same[0]
    return joins
