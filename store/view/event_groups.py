"""One event reported several times reads as one timeline row: grouping an entity's timeline.

Two events of an entity's timeline are one when they come from the same sentence (a sentence naming
"Monday" and "Tuesday" yields two dated events with one summary), or when they have the same date
(the same first day at the same precision) and say the same thing: their summaries share at least
half of their content words, or a third when they also have the same participants. Grouping keeps the
first event of a group (earliest in timeline order) as its row; every member stays reachable as a
source. A figure groups with the same value and unit on the same date. Undated events group only
within a sentence.
"""
from __future__ import annotations

import bisect
import re
from array import array

__all__ = ["group_timeline", "content_words", "same_wording"]

_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and for that with from this have has had was were will would said says its their
    they them his her she him also been are but not which who what when where after before about into over
    than then there these those other more most some such only just very""".split())
WORDING_SAME = 0.5
WORDING_SAME_PEOPLE = 1 / 3


def content_words(text: str) -> frozenset[str]:
    """The words that carry a summary's meaning, lowercased, plural "s" dropped."""
    return frozenset(w.rstrip("s") for w in _WORD_RE.findall(text.lower()) if w not in _STOP)


def same_wording(a: frozenset[str], b: frozenset[str], same_people: bool) -> bool:
    if not a or not b:
        return False
    overlap = len(a & b) / len(a | b)
    return overlap >= WORDING_SAME or (same_people and overlap >= WORDING_SAME_PEOPLE)


class _DayRows:
    """The rows kept so far on one date, indexed by the rarest of their words (prefix filtering).

    Two summaries that say the same thing share at least a third of their words, so each shares one of
    the rarest ``n - ceil(n / 3) + 1`` of its ``n`` words with the other's (words ranked by how many of
    the date's rows hold them, the same ranking for every row of the date). Only those words are
    indexed and looked up: a word every row holds (the entity's own name) is rarely among them, so a
    date with thousands of reports costs about what its rows cost, and a row is compared only with
    the few kept rows that share a rare word with it. Same result as comparing every pair. A date with
    at most ``INDEX_AFTER`` rows (``rank`` None) is scanned instead, which is cheaper than ranking."""

    __slots__ = ("rank", "rows", "postings")

    def __init__(self, rank: dict[str, int] | None) -> None:
        self.rank = rank
        self.rows: list[tuple[int, frozenset[str], frozenset]] = []
        self.postings: dict[str, list[int]] = {}

    def _prefix(self, words: frozenset[str]) -> list[str]:
        rank = self.rank or {}
        ordered = sorted(words, key=lambda w: (rank.get(w, 0), w))
        return ordered[:len(ordered) - (len(ordered) + 2) // 3 + 1]

    def same_as(self, words: frozenset[str], people: frozenset) -> int | None:
        """The first kept row that says the same as ``words`` (with ``people``), or None."""
        same_people = len(people) > 1
        if self.rank is None:
            return next((row for row, r_words, r_people in self.rows
                         if same_wording(words, r_words, same_people and people == r_people)), None)
        found: set[int] = set()
        for word in self._prefix(words):
            found.update(self.postings.get(word, ()))
        for at in sorted(found):
            row, r_words, r_people = self.rows[at]
            if same_wording(words, r_words, same_people and people == r_people):
                return row
        return None

    def add(self, row: int, words: frozenset[str], people: frozenset) -> None:
        at = len(self.rows)
        self.rows.append((row, words, people))
        if self.rank is None:
            return
        for word in self._prefix(words):
            self.postings.setdefault(word, []).append(at)


CHECK_EVERY = 512  # rows between two looks at ``stop``
INDEX_AFTER = 24  # rows on one date past which the date's rows are ranked and indexed


def group_timeline(entries: array, keys: list[str], describe,
                   stop=None) -> tuple[list[int], dict[int, tuple[int, ...]]] | None:
    """Indexes of the rows to keep, and for each kept row that stands for several events the entries
    of all of them (its own first). ``describe(i)`` gives entry ``i``'s (sentence key, text getter):
    the getter returns (summary, participants) and is called only when another event shares the
    entry's date; a sentence key starting with "f" (a figure) groups by that key alone. ``stop()``,
    asked now and then, ends the work early: None is returned."""
    kept: list[int] = []
    members: dict[int, list[int]] = {}
    by_sentence: dict[tuple, int] = {}
    day = _DayRows({})
    day_key: str | None = None
    said: dict[int, tuple[frozenset[str], frozenset]] = {}  # the current date's rows: words, people
    n = len(entries)
    for i in range(n):
        if stop is not None and i % CHECK_EVERY == 0 and stop():
            return None
        sentence, text_of = describe(i)
        rep = by_sentence.get(sentence)
        if rep is None and sentence[0] == "f":
            rep = by_sentence[sentence] = i
            kept.append(i)
        elif rep is None:
            key = keys[i] if i < len(keys) else ""
            dated = "\x00" in key
            alone = not dated or ((i == 0 or keys[i - 1] != key) and (i + 1 >= n or keys[i + 1] != key))
            if alone:  # no other event on its date: nothing to compare with
                rep = i
                kept.append(i)
            else:
                if key != day_key:  # a new date: a long one's rows are read once, their words ranked
                    day_key, said = key, {}
                    day = _DayRows(None)
                    if bisect.bisect_right(keys, key, i) - i > INDEX_AFTER:
                        said = _rows_of_date(i, key, keys, describe)
                        rank: dict[str, int] = {}
                        for words, _ in said.values():
                            for word in words:
                                rank[word] = rank.get(word, 0) + 1
                        day = _DayRows(rank)
                words, people = said[i] if i in said else _said(text_of)
                rep = day.same_as(words, people)
                if rep is None:
                    rep = i
                    kept.append(i)
                    day.add(i, words, people)
            by_sentence[sentence] = rep
        if rep != i:
            members.setdefault(rep, [entries[rep]]).append(entries[i])
    return kept, {entries[rep]: tuple(group) for rep, group in members.items()}


def _said(text_of) -> tuple[frozenset[str], frozenset]:
    summary, participants = text_of()
    return content_words(summary), frozenset(participants)


def _rows_of_date(first: int, key: str, keys: list[str], describe) -> dict[int, tuple[frozenset[str], frozenset]]:
    """Words and people of the event rows from ``first`` on that share its date key (keys are sorted)."""
    said = {}
    i = first
    while i < len(keys) and keys[i] == key:
        sentence, text_of = describe(i)
        if sentence[0] != "f":
            said[i] = _said(text_of)
        i += 1
    return said
