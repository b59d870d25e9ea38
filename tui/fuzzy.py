"""Fuzzy matching for the `/` filters and the command palette: fast enough for 100k rows."""
from __future__ import annotations

import re
from collections.abc import Callable

DATE_PREFIX = re.compile(r"^\d{4}(-(\d{1,2}|W\d{0,2}|Q\d?)?(-\d{0,2})?)?$")


def is_date_prefix(query: str) -> bool:
    """True for queries such as ``2025``, ``2025-06``, ``2025-06-1``, ``2025-W2`` or ``2025-Q``."""
    return bool(DATE_PREFIX.match(query.strip()))


def matcher(query: str) -> Callable[[str], int]:
    """Return a grader over lower-cased haystacks: 2 = every word is a substring, 1 = every word is
    a subsequence (so ``lutnk`` finds "howard lutnick"), 0 = no match.
    """
    words = query.casefold().split()
    if not words:
        return lambda haystack: 2

    def grade(haystack: str) -> int:
        best = 2
        for word in words:
            if word in haystack:
                continue
            if not is_subsequence(word, haystack):
                return 0
            best = 1
        return best

    return grade


def is_subsequence(word: str, haystack: str) -> bool:
    """True if the letters of ``word`` appear in ``haystack`` in order (one ``find`` per letter:
    linear, where a ``l.*?u.*?t`` regex backtracks on long lines that do not match)."""
    at = 0
    for letter in word:
        at = haystack.find(letter, at) + 1
        if not at:
            return False
    return True


def score(query: str, candidate: str) -> float:
    """Rank ``candidate`` for ``query`` in 0..1: exact > prefix > word start > substring > subsequence."""
    q, c = query.casefold().strip(), candidate.casefold()
    if not q:
        return 0.5
    if c == q:
        return 1.0
    if c.startswith(q):
        return 0.9
    if f" {q}" in f" {c}":
        return 0.8
    if q in c:
        return 0.6
    return 0.3 if matcher(q)(c) else 0.0
