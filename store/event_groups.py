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


def content_words(text: str) -> frozenset[str]:
    """The words that carry a summary's meaning, lowercased, plural "s" dropped."""
    return frozenset(w.rstrip("s") for w in _WORD_RE.findall(text.lower()) if w not in _STOP)


def same_wording(a: frozenset[str], b: frozenset[str], same_people: bool) -> bool:
    if not a or not b:
        return False
    overlap = len(a & b) / len(a | b)
    return overlap >= WORDING_SAME or (same_people and overlap >= WORDING_SAME_PEOPLE)


def group_timeline(entries: array, keys: list[str], describe) -> tuple[list[int], dict[int, tuple[int, ...]]]:
    """Indexes of the rows to keep, and for each kept row that stands for several events the entries
    of all of them (its own first). ``describe(i)`` gives entry ``i``'s (sentence key, text getter):
    the getter returns (summary, participants) and is called only when another event shares the
    entry's date; a sentence key starting with "f" (a figure) groups by that key alone."""
    kept: list[int] = []
    members: dict[int, list[int]] = {}
    by_sentence: dict[tuple, int] = {}
    day_rows: dict[str, list[tuple[int, frozenset[str], frozenset]]] = {}
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
                candidates = day_rows.setdefault(key, [])
                rep = next((r for r, r_words, r_people in candidates
                            if same_wording(words, r_words, len(people) > 1 and people == r_people)), None)
                if rep is None:
                    rep = i
                    kept.append(i)
                    candidates.append((i, words, people))
            by_sentence[sentence] = rep
        if rep != i:
            members.setdefault(rep, [entries[rep]]).append(entries[i])
    return kept, {entries[rep]: tuple(group) for rep, group in members.items()}
