"""Fuzzy matching for filters and "Go to…": substring hits first, then letters in order."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def score(query: str, text: str) -> float:
    """Higher is better; 0 means no match. ``query`` must already be casefolded."""
    t = text.casefold()
    if not query:
        return 1.0
    pos = t.find(query)
    if pos >= 0:
        return 100.0 - min(pos, 50) + (20.0 if pos == 0 or not t[pos - 1].isalnum() else 0.0)
    i = 0
    gaps = 0
    last = -1
    for ch in query:
        j = t.find(ch, i)
        if j < 0:
            return 0.0
        if last >= 0:
            gaps += j - last - 1
        last = j
        i = j + 1
    return max(1.0, 40.0 - gaps)


def rank(query: str, items: Iterable[T], keys: Callable[[T], Iterable[str]],
         weight: Callable[[T], float] | None = None, limit: int | None = None) -> list[T]:
    """Items whose keys match ``query``, best first (ties broken by ``weight``, higher first)."""
    q = query.casefold().strip()
    scored = []
    for item in items:
        best = max((score(q, k) for k in keys(item)), default=0.0)
        if best > 0:
            scored.append((best, item))
    if weight is not None:
        scored.sort(key=lambda si: (-si[0], -weight(si[1])))
    else:
        scored.sort(key=lambda si: -si[0])
    out = [item for _, item in scored]
    return out[:limit] if limit else out
