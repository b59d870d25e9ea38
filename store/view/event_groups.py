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

import re
from array import array

__all__ = ["group_timeline", "content_words", "same_wording"]

_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and for that with from this have has had was were will would said says its their
    they them his her she him also been are but not which who what when where after before about into over
    than then there these those other more most some such only just very""".split())
WORDING_SAME = 0.5
WORDING_SAME_PEOPLE = 1 / 3
INDEX_AFTER = 24  # rows kept on one date before they are indexed by word


def content_words(text: str) -> frozenset[str]:
    """The words that carry a summary's meaning, lowercased, plural "s" dropped."""
    return frozenset(w.rstrip("s") for w in _WORD_RE.findall(text.lower()) if w not in _STOP)


def same_wording(a: frozenset[str], b: frozenset[str], same_people: bool) -> bool:
    if not a or not b:
        return False
    overlap = len(a & b) / len(a | b)
    return overlap >= WORDING_SAME or (same_people and overlap >= WORDING_SAME_PEOPLE)


class _DayRows:
    """The rows kept so far on one date. Past ``INDEX_AFTER`` rows they are indexed by their content
    words, and a new row is compared only with the rows sharing a word with it (a row sharing none
    cannot say the same thing): a date with thousands of reports costs what its shared words cost,
    not every pair; a date with a few is scanned, which is cheaper than keeping an index."""

    __slots__ = ("rows", "postings")

    def __init__(self) -> None:
        self.rows: list[tuple[int, frozenset[str], frozenset]] = []
        self.postings: dict[str, list[int]] | None = None

    def same_as(self, words: frozenset[str], people: frozenset) -> int | None:
        """The first kept row that says the same as ``words`` (with ``people``), or None."""
        same_people = len(people) > 1
        if self.postings is None:
            return next((row for row, r_words, r_people in self.rows
                         if same_wording(words, r_words, same_people and people == r_people)), None)
        shared: dict[int, int] = {}
        for word in words:
            for at in self.postings.get(word, ()):
                shared[at] = shared.get(at, 0) + 1
        for at in sorted(shared):
            row, r_words, r_people = self.rows[at]
            overlap = shared[at] / (len(words) + len(r_words) - shared[at])
            if overlap >= WORDING_SAME or (same_people and people == r_people and overlap >= WORDING_SAME_PEOPLE):
                return row
        return None

    def add(self, row: int, words: frozenset[str], people: frozenset) -> None:
        self.rows.append((row, words, people))
        if self.postings is None and len(self.rows) > INDEX_AFTER:
            self.postings = {}
            for at, (_, r_words, _) in enumerate(self.rows):
                for word in r_words:
                    self.postings.setdefault(word, []).append(at)
        elif self.postings is not None:
            for word in words:
                self.postings.setdefault(word, []).append(len(self.rows) - 1)


def group_timeline(entries: array, keys: list[str], describe) -> tuple[list[int], dict[int, tuple[int, ...]]]:
    """Indexes of the rows to keep, and for each kept row that stands for several events the entries
    of all of them (its own first). ``describe(i)`` gives entry ``i``'s (sentence key, text getter):
    the getter returns (summary, participants) and is called only when another event shares the
    entry's date; a sentence key starting with "f" (a figure) groups by that key alone."""
    kept: list[int] = []
    members: dict[int, list[int]] = {}
    by_sentence: dict[tuple, int] = {}
    day_rows: dict[str, _DayRows] = {}
    n = len(entries)
    for i in range(n):
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
                summary, participants = text_of()
                words, people = content_words(summary), frozenset(participants)
                day = day_rows.get(key)
                if day is None:
                    day = day_rows[key] = _DayRows()
                rep = day.same_as(words, people)
                if rep is None:
                    rep = i
                    kept.append(i)
                    day.add(i, words, people)
            by_sentence[sentence] = rep
        if rep != i:
            members.setdefault(rep, [entries[rep]]).append(entries[i])
    return kept, {entries[rep]: tuple(group) for rep, group in members.items()}
