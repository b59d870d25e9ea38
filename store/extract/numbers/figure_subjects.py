"""Whom a figure is about: the names of its sentence, less a person who only speaks."""
from __future__ import annotations

import re

from dateline.store.extract.participation import only_modifies

__all__ = ["figure_subjects"]

_SPEAKER_AFTER_RE = re.compile(r"[\s,]*(?:\w+\s+){0,2}?(?:said|says|told|added|stated|noted|explained)\b",
                               re.IGNORECASE)
# Where a later clause starts: a name after it is not what a figure before it measures.
_LATER_CLAUSE_RE = re.compile(r";|,\s+(?:but|while|whereas|although|though|which)\b", re.IGNORECASE)
_SPEAKER_BEFORE_RE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def figure_subjects(text: str, found: list[tuple[int, int, dict]], actors_only: bool = False,
                    figure_end: int | None = None) -> list[str]:
    """The names a figure's sentence is about: every name but a person who only speaks ("Airbus chief
    Louis Gallois said the company will cut 10,000 jobs" is about Airbus), a product named only as a
    modifier ("the iPod nano's capacity") or a name in a later clause than the figure's ("priced at
    $29, but free to anyone with an iPhone 4"); a speaker stays when no one else is named."""
    if actors_only:  # people and organisations only
        found = [m for m in found if m[2].get("type") in ("PERSON", "ORG")]
    if figure_end is not None and found:
        later = _LATER_CLAUSE_RE.search(text, figure_end, found[-1][0])
        found = [m for m in found if later is None or m[0] < later.start()]
    found = [m for m in found if not only_modifies(text, m[0], m[1], m[2].get("type"))]
    names = list(dict.fromkeys(e["name"] for _, _, e in found))
    speakers = {e["name"] for start, end, e in found if e.get("type") == "PERSON" and
                (_SPEAKER_AFTER_RE.match(text, end) or _SPEAKER_BEFORE_RE.search(text, max(0, start - 40), start))}
    about = [n for n in names if n not in speakers]
    return about if about else names
