"""``store.event_groups``: which rows of an entity's timeline read as one event."""
from __future__ import annotations

from array import array

from store.event_groups import group_timeline

DAY, OTHER_DAY, UNDATED = "2025-06-09\x005", "2025-06-10\x005", "\uffff0"


def group(rows):
    """rows: (key, sentence key, summary, participants); returns the kept summaries and group sizes."""
    entries = array("q", [i * 2 for i in range(len(rows))])
    keys = [r[0] for r in rows]
    kept, groups = group_timeline(entries, keys, lambda i: (rows[i][1], lambda: (rows[i][2], rows[i][3])))
    return [(rows[i][2], len(groups.get(entries[i], (0,)))) for i in kept]


def test_two_articles_saying_the_same_on_one_date_are_one_row():
    rows = [(DAY, ("a", 0), "Acme agreed on Monday to buy Widget for $2 billion", ("acme", "widget")),
            (DAY, ("b", 0), "Acme agreed on Monday to buy rival Widget for $2 billion", ("acme", "widget")),
            (DAY, ("c", 0), "Acme shares fell sharply on the news", ("acme",))]
    assert group(rows) == [(rows[0][2], 2), (rows[2][2], 1)]


def test_the_same_words_on_different_dates_or_undated_stay_apart():
    rows = [(DAY, ("a", 0), "Acme agreed to buy Widget", ()), (OTHER_DAY, ("b", 0), "Acme agreed to buy Widget", ()),
            (UNDATED, ("c", 0), "Acme agreed to buy Widget", ()), (UNDATED, ("d", 0), "Acme agreed to buy Widget", ())]
    assert [size for _, size in group(rows)] == [1, 1, 1, 1]


def test_the_events_of_one_sentence_are_one_row_at_its_first_date():
    rows = [(DAY, ("a", 7), "talks resumed", ()), (OTHER_DAY, ("a", 7), "talks resumed", ())]
    assert group(rows) == [("talks resumed", 2)]


def test_equal_figures_on_one_date_are_one_row():
    rows = [(DAY, ("f", DAY, 2e9, "USD"), "", ()), (DAY, ("f", DAY, 2e9, "USD"), "", ()),
            (DAY, ("f", DAY, 3e9, "USD"), "", ())]
    assert [size for _, size in group(rows)] == [2, 1]
