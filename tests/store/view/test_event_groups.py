"""``store.event_groups``: which rows of an entity's timeline read as one event."""
from __future__ import annotations

from array import array

from dateline.store.view.event_groups import group_timeline

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


def test_thousands_of_reports_on_one_date_are_compared_only_with_rows_sharing_a_word():
    """Every report compared with every row kept on its date took about 10 s for 3,000 distinct
    reports on one date; past a few rows a date's rows are indexed by word (about 0.3 s)."""
    import random
    import time

    rnd = random.Random(3)
    vocab = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(3000)]
    rows = [(DAY, ("a", i), " ".join(rnd.choice(vocab) for _ in range(12)), ()) for i in range(3000)]
    rows += [(DAY, ("b", 0), rows[10][2], ()), (DAY, ("c", 0), rows[2000][2] + " again", ())]
    started = time.perf_counter()
    got = group(rows)
    assert time.perf_counter() - started < 3
    sizes = {summary: size for summary, size in got}
    assert len(got) == 3000 and sizes[rows[10][2]] == 2 and sizes[rows[2000][2]] == 2


def test_a_timeline_longer_than_the_limit_is_shown_ungrouped_and_one_within_it_grouped(tmp_path, monkeypatch):
    """The stated limit (``GROUP_LIMIT`` rows, an entity focused on the app's thread), tested both sides."""
    import dateline.store.view.view_events as view_events
    from dateline.store.model import Event
    from tests.store_helpers import ingested_store

    store = ingested_store(tmp_path, {
        "a.txt": ("A", "2025-06-10", "Corvane Motors agreed on Monday to buy Widget Parts for $2 billion."),
        "b.txt": ("B", "2025-06-11", "Corvane Motors agreed on Monday to buy rival Widget Parts for $2 billion.")})
    try:
        corvane = next(e.id for e in store.entities() if e.name == "Corvane Motors")

        def agreed_rows() -> int:
            store.view.events.forget_entity_timelines()
            timeline = store.timeline(corvane)
            return sum(isinstance(timeline[i], Event) and "agreed" in timeline[i].summary for i in range(len(timeline)))

        assert agreed_rows() == 1
        monkeypatch.setattr(view_events, "GROUP_LIMIT", -1)
        store.view.events.forget_entity_timelines()
        rows = len(store.timeline(corvane))  # ungrouped
        monkeypatch.setattr(view_events, "GROUP_LIMIT", rows)
        assert agreed_rows() == 1
        monkeypatch.setattr(view_events, "GROUP_LIMIT", rows - 1)
        assert agreed_rows() == 2
    finally:
        store.close()
