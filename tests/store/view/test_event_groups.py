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


def brute_force(rows):
    """Every row compared with every row kept before it on its date: what grouping must equal."""
    from dateline.store.view.event_groups import content_words, same_wording

    kept, size, by_sentence = [], {}, {}
    for i, (key, sentence, summary, people) in enumerate(rows):
        rep = by_sentence.get(sentence)
        if rep is None:
            words, people = content_words(summary), frozenset(people)
            rep = next((k for k in kept if rows[k][0] == key and "\x00" in key and same_wording(
                words, content_words(rows[k][2]), len(people) > 1 and people == frozenset(rows[k][3]))), None)
            if rep is None:
                kept.append(i)
                rep = i
            by_sentence[sentence] = rep
        size[rep] = size.get(rep, 0) + 1
    return [(rows[i][2], size[i] if size[i] > 1 else 1) for i in kept]


def test_grouping_by_the_rarest_words_finds_what_comparing_every_pair_finds():
    import random

    rnd = random.Random(5)
    vocab = ["corvane"] * 8 + [f"w{n:03d}" for n in range(60)]  # one word in most rows: the entity's name
    for _ in range(30):
        rows = []
        for i in range(rnd.randint(2, 80)):
            if rows and rnd.random() < 0.4:  # a near copy of an earlier report
                base = rnd.choice(rows)[2].split()
                summary = " ".join(w for w in base if rnd.random() < 0.8) + " " + rnd.choice(vocab)
            else:
                summary = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 9)))
            people = rnd.choice([(), ("a",), ("a", "b"), ("a", "c")])
            rows.append((rnd.choice([DAY, DAY, OTHER_DAY]), (f"s{i}", 0), summary, people))
        rows.sort(key=lambda r: r[0])
        assert group(rows) == brute_force(rows)


def test_a_word_every_report_holds_does_not_make_every_report_a_candidate(monkeypatch):
    """5,000 reports on one date that all name the entity ("Corvane ...") and otherwise share nothing:
    before, each was compared with every kept row holding "Corvane" (12.5 million comparisons); now the
    word every row holds is never looked up, and no two rows are compared."""
    import dateline.store.view.event_groups as event_groups

    def word(n: int) -> str:  # a word of letters only, one per number
        return "".join("abcdefghijklmnopqrstuvwxyz"[n // 26 ** k % 26] for k in range(4))
    rows = [(DAY, ("a", i), "Corvane " + " ".join(word(i * 11 + k) for k in range(11)), ()) for i in range(5000)]
    rows.append((DAY, ("b", 0), rows[10][2], ()))
    compared = 0
    same = event_groups.same_wording

    def counted(*args):
        nonlocal compared
        compared += 1
        return same(*args)
    monkeypatch.setattr(event_groups, "same_wording", counted)
    got = group(rows)
    assert len(got) == 5000 and dict(got)[rows[10][2]] == 2
    assert compared == 1  # the copy, with the row it copies


def test_stop_ends_grouping_early():
    rows = [(DAY, ("a", i), f"report {i}", ()) for i in range(2000)]
    entries = array("q", [i * 2 for i in range(len(rows))])
    asked = []
    found = group_timeline(entries, [r[0] for r in rows], lambda i: (rows[i][1], lambda: (rows[i][2], ())),
                           stop=lambda: asked.append(1) or len(asked) > 1)
    assert found is None and len(asked) == 2


def test_a_long_timeline_is_handed_out_ungrouped_until_grouped_and_one_within_the_limit_grouped(tmp_path,
                                                                                                 monkeypatch):
    """``GROUP_NOW``: a timeline up to it is grouped when made; a longer one comes ungrouped, and
    ``grouped()`` (the timeline pane's worker) groups it and puts it in its place; sources are right
    either way; a change to the store meanwhile drops the result."""
    import dateline.store.view.view_events as view_events
    from dateline.store.model import Event
    from tests.store_helpers import ingested_store

    store = ingested_store(tmp_path, {
        "a.txt": ("A", "2025-06-10", "Corvane Motors agreed on Monday to buy Widget Parts for $2 billion."),
        "b.txt": ("B", "2025-06-11", "Corvane Motors agreed on Monday to buy rival Widget Parts for $2 billion.")})
    try:
        corvane = next(e.id for e in store.entities() if e.name == "Corvane Motors")

        def agreed(timeline) -> list[str]:
            return [timeline[i].id for i in range(len(timeline))
                    if isinstance(timeline[i], Event) and "agreed" in timeline[i].summary]

        assert len(agreed(store.timeline(corvane))) == 1
        monkeypatch.setattr(view_events, "GROUP_NOW", 1)
        store.view.events.forget_entity_timelines()
        pending = store.timeline(corvane)
        first, second = agreed(pending)
        assert len(store.record_sources(second, corvane)) == 2  # sources are grouped even before
        store.view.events.forget_entity_timelines()
        pending = store.timeline(corvane)
        assert not hasattr(store.view.events._grouped(pending), "grouped")
        store.view.events.forget_entity_timelines()  # the store changed while a worker grouped
        assert pending.grouped() is None
        pending = store.timeline(corvane)
        grouped = pending.grouped()
        assert len(agreed(grouped)) == 1 and store.timeline(corvane) is grouped
    finally:
        store.close()
