"""The one fuzzy matcher: list filters, the command palette and "Go to entity…".

Grades, best first: exact, prefix, word start, substring, letters in order (``lutnk`` finds "Howard
Lutnick"), and last a typo-tolerant match (rapidfuzz: ``steve jbos`` finds "Steve Jobs"). ``positions``
tells which letters of a candidate matched, for highlighting.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
DATE_PREFIX = re.compile(r"^\d{4}(-(\d{1,2}|W\d{0,2}|Q\d?)?(-\d{0,2})?)?$")
TYPO_CUTOFF = 80.0  # rapidfuzz WRatio (0..100) a typo match needs: "steve jbos" ~ "Steve Jobs" is 90
TYPO_MIN_LENGTH = 4  # shorter queries match too much by similarity alone


def is_date_prefix(query: str) -> bool:
    """True for queries such as ``2025``, ``2025-06``, ``2025-06-1``, ``2025-W2`` or ``2025-Q``."""
    return bool(DATE_PREFIX.match(query.strip()))


def matcher(query: str) -> Callable[[str], int]:
    """Return a grader over lower-cased haystacks: 2 = every word is a substring, 1 = every word is
    a subsequence (so ``lutnk`` finds "howard lutnick"), 0 = no match. Fast enough for 100k rows."""
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


def score(query: str, candidate: str, *, typo: bool = True) -> float:
    """Rank ``candidate`` for ``query`` in 0..1: exact 1 > prefix > word start > substring (earlier is
    better) > letters in order (fewer gaps is better) > a typo match (unless ``typo=False``); 0 is none."""
    q, c = query.casefold().strip(), candidate.casefold()
    if not q:
        return 0.5
    if c == q:
        return 1.0
    if c.startswith(q):
        return 0.9
    if f" {q}" in f" {c}":
        return 0.8
    pos = c.find(q)
    if pos >= 0:
        return 0.7 - min(pos, 50) / 500
    if is_subsequence(q, c):
        return 0.5 - min(_gaps(q, c), 100) / 500
    similarity = _typo_similarity(q, c) if typo else 0.0
    return 0.1 + similarity / 1000 if similarity else 0.0


def positions(query: str, candidate: str) -> list[int]:
    """Offsets of the letters of ``candidate`` that match ``query`` (for highlighting)."""
    q, c = query.casefold().strip(), candidate.casefold()
    if not q:
        return []
    pos = c.find(q)
    if pos >= 0:
        return list(range(pos, pos + len(q)))
    if is_subsequence(q, c):
        found, at = [], 0
        for letter in q:
            at = c.find(letter, at)
            found.append(at)
            at += 1
        return found
    from rapidfuzz.distance import Indel

    return [i for op in Indel.opcodes(q, c) if op.tag == "equal" for i in range(op.dest_start, op.dest_end)]


def rank(query: str, items: Iterable[T], keys: Callable[[T], Iterable[str]],
         weight: Callable[[T], float] | None = None, limit: int | None = None) -> list[T]:
    """Items whose keys match ``query``, best first (ties broken by ``weight``, higher first). Typo
    matches are looked for only when the exact grades leave room under ``limit``, in one rapidfuzz pass."""
    scored: list[tuple[float, T]] = []
    unmatched: list[tuple[T, tuple[str, ...]]] = []
    for item in items:
        item_keys = tuple(keys(item))
        best = max((score(query, k, typo=False) for k in item_keys), default=0.0)
        if best > 0:
            scored.append((best, item))
        else:
            unmatched.append((item, item_keys))
    if limit is None or len(scored) < limit:
        scored += _typo_hits(query.casefold().strip(), unmatched)
    scored.sort(key=(lambda si: (-si[0], -weight(si[1]))) if weight else (lambda si: -si[0]))
    out = [item for _, item in scored]
    return out[:limit] if limit else out


def _typo_hits(q: str, unmatched: list[tuple[T, tuple[str, ...]]]) -> list[tuple[float, T]]:
    if len(q) < TYPO_MIN_LENGTH or not unmatched:
        return []
    from rapidfuzz import fuzz, process

    owners = [item for item, item_keys in unmatched for _ in item_keys]
    choices = [k.casefold() for _, item_keys in unmatched for k in item_keys]
    best: dict[int, float] = {}
    for _choice, similarity, index in process.extract_iter(q, choices, scorer=fuzz.WRatio,
                                                           score_cutoff=TYPO_CUTOFF):
        key = id(owners[index])
        best[key] = max(best.get(key, 0.0), similarity)
    seen: set[int] = set()
    hits = []
    for item in owners:
        if id(item) in best and id(item) not in seen:
            seen.add(id(item))
            hits.append((0.1 + best[id(item)] / 1000, item))
    return hits


def _gaps(q: str, c: str) -> int:
    gaps, last, at = 0, -1, 0
    for letter in q:
        at = c.find(letter, at)
        if last >= 0:
            gaps += at - last - 1
        last, at = at, at + 1
    return gaps


def _typo_similarity(q: str, c: str) -> float:
    """rapidfuzz's weighted similarity (whole, partial and token-wise), or 0 below the cutoff."""
    if len(q) < TYPO_MIN_LENGTH:
        return 0.0
    from rapidfuzz import fuzz

    return fuzz.WRatio(q, c, score_cutoff=TYPO_CUTOFF)
