"""The columnar catalog (``store/index/columns.py``): it reads back every row as it was stored, and an open
store's index answers with the documents its shard files hold, keeping no Python object per row."""
from __future__ import annotations

import gc
import tracemalloc
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.store.disk.shards import read_catalog
from dateline.store.index.chunked import ChunkedPostings
from dateline.store.index.columns import RowTable
from dateline.store.index.index import MachineIndex
from dateline.store.index.packed import unpack_ints
from dateline.store.index.postings import shard_postings
from dateline.store.testing import seed_store

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.floats(allow_nan=False),
                    st.text(max_size=12), st.sampled_from(["2025-06", "day", "", "é\u2028", "\ud800x"]))
int_lists = st.lists(st.integers(-5, 2**33), max_size=4)
values = st.one_of(scalars, int_lists, st.lists(st.lists(st.text(max_size=3), max_size=2), max_size=2))


def _exact(value):
    """A value with its types spelled out (1, 1.0 and True are equal in Python, not here)."""
    if isinstance(value, (list, tuple, array)):
        return ("list", [_exact(v) for v in value])
    return (type(value).__name__, repr(value))


def _no_bools(value):
    if isinstance(value, (list, array)):
        return [_no_bools(v) for v in value]
    return int(value) if type(value) is bool else value


def test_an_int_list_column_keeps_an_empty_string_or_dict_as_it_was():
    """Found by the property below: iterating ``""`` or ``{}`` yields no int, so they read back as ``[]``."""
    table = RowTable("n")
    table.add_articles([[[[1, 2]], [""]], [[{}], [[]]]])
    assert [_exact(table.row(g)[0]) for g in range(4)] == [_exact([1, 2]), _exact(""), _exact({}), _exact([])]


@settings(max_examples=150, deadline=None)
@given(kinds=st.text("osinxt", min_size=1, max_size=6), data=st.data())
def test_a_row_table_reads_back_every_row_as_stored(kinds, data):
    table = RowTable(kinds)
    stored: list[list] = []
    for _ in range(data.draw(st.integers(1, 4))):  # shards, each a few articles of a few rows
        articles = data.draw(st.lists(st.lists(st.lists(values, max_size=len(kinds) + 1), max_size=3), max_size=4))
        table.add_articles(articles)
        for rows in articles:
            stored.append(rows)
    g = 0
    for number, rows in enumerate(stored):
        assert table.count(number) == len(rows)
        for row in rows:
            want = (list(row) + [None] * len(kinds))[:len(kinds)]  # a short row's missing fields read as None
            got = table.row(g)
            for kind, w, v in zip(kinds, want, got):
                if kind == "x" and w == []:
                    w = None  # a sparse column keeps no empty list
                if kind in "in":  # int columns store a bool as an int (no catalog int field holds one)
                    w, v = _no_bools(w), _no_bools(v)
                assert _exact(v) == _exact(w)
            g += 1
    assert len(table) == g


@settings(max_examples=100, deadline=None)
@given(shards=st.lists(st.lists(st.tuples(st.sampled_from("abcde"), st.lists(st.integers(0, 999), max_size=5)),
                                max_size=6), max_size=5), read_after=st.integers(0, 5))
def test_posting_pieces_join_to_the_concatenated_lists(shards, read_after):
    postings, want, want_extra = ChunkedPostings(), {}, {}
    for s, lists in enumerate(shards):
        if s == read_after:
            for key in list(postings):
                postings[key]  # joined: later shards extend the joined arrays
        keys = [key for key, _ in lists]
        flat = array("i", [v for _, values in lists for v in values])
        extra = array("i", [v + 1 for _, values in lists for v in values])
        ends = array("q", [0])
        for _, values in lists:
            ends.append(ends[-1] + len(values))
        postings.add_shard(keys, s * 1000, flat, ends, extra)
        for key, values in lists:
            if values:
                want.setdefault(key, []).extend(s * 1000 + v for v in values)
                want_extra.setdefault(key, []).extend(v + 1 for v in values)
    assert {key: list(postings[key]) for key in postings} == want
    assert {key: list(postings.extra(key)) for key in postings} == want_extra


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, array):
        return list(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_an_open_store_gives_back_the_documents_its_shards_hold(tmp_path):
    store = seed_store(tmp_path / "db", demo=True)
    try:
        machine, on_disk = store.machine, {}
        for shard in store.manifest.shards:
            for doc in read_catalog(store.path / shard.catalog, shard.catalog_sum)[0]:
                on_disk[doc["id"]] = doc
        assert list(machine.docs) == list(on_disk) and len(on_disk) > 50
        events = figures = 0
        for aid, doc in on_disk.items():
            got = machine.docs[aid]
            got["m"] = list(unpack_ints(got["m"]))
            want = {**doc, "m": list(unpack_ints(doc["m"]))}
            want["v"] = [[*row, None] if len(row) == 9 else row for row in doc["v"]]
            want["v"] = [row[:9] + [row[9] or None] for row in want["v"]]  # no context: None, as read
            assert _plain(got) == want
            assert [machine.event_row(aid, i) for i in range(machine.event_count(aid))] == got["v"]
            article = machine.article(aid)
            assert (article.title, article.url, article.published, article.length) == (
                doc.get("title") or "", doc.get("url"), doc.get("published"), doc.get("length"))
            events, figures = events + len(doc["v"]), figures + len(doc["f"])
        assert (machine.n_events, machine.n_figures) == (events, figures) and events and figures
        assert machine.by_hash == {doc["hash"]: aid for aid, doc in on_disk.items()}
    finally:
        store.close()


def _documents(n: int, shard: int) -> list[dict]:
    """``n`` catalog documents shaped as ingest writes them: 9 events and 4 figures each."""
    docs = []
    for k in range(n):
        aid = f"{shard:04d}{k:012d}"
        events = [[f"{100 * i}.0", f"2024-0{1 + i % 9}", "month", "May", f"Summary {aid} {i} " + "x" * 80,
                   [0, 1, 2], 3, 100 * i, 100 * i + 90, []] for i in range(9)]
        figures = [[10 * i, 10 * i + 4, f"{i}.5%", i + 0.5, "%", f"metric {aid} {i}", "up", "2024-W49", None, [1],
                    0, 50, "stated"] for i in range(4)]
        docs.append({"id": aid, "title": f"Title {aid}", "url": f"https://bench.invalid/{aid}", "source": "Generated",
                     "published": "2024-04-12", "ingested_at": "2026-12-01T03:11:36+00:00", "origin": f"/c#{k}",
                     "length": 1000, "hash": aid + "ab", "e": [0, 1, 2, 3], "c": [1, 2, 1, 1], "m": "AAAAAA==",
                     "v": events, "f": figures})
    return docs


def test_the_index_keeps_no_python_object_per_row():
    """Issue 15: at 100,000 articles the parsed rows (a list and its strings and ints per event and figure)
    were most of the app's 1.8 GB. What the index keeps of a row is now a few bytes a field."""
    registry = [{"id": f"e{g}", "name": f"Name {g}", "type": "ORG"} for g in range(4)]
    index = MachineIndex(registry)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for shard in range(3):
            docs = _documents(1000, shard)
            index.add_shard(docs, shard_postings(docs), f"texts-{shard:05d}.g1.json")
            del docs
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    rows = index.n_events + index.n_figures
    assert rows == 3000 * 13
    assert kept / rows < 300, f"{kept / rows:.0f} bytes kept per row"  # parsed documents: about 700
