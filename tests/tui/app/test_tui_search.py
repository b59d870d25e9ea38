"""Full-text search (issue 16): `ctrl+f`, a "quoted phrase" on the demo store finds its article,
ranked with a highlighted snippet; `enter` opens the reader at the match; `n`/`N` walk the matches."""
from __future__ import annotations

import pytest

from dateline.store import Store
from dateline.store.demo import demo_paths
from dateline.store.ingest import ingest_paths
from dateline.store.index.search import MARK_START, SearchIndex, fts_query, match_spans, parse_query, snippet
from dateline.tui.app.app import DatelineApp
from dateline.tui.panes.article_reader import ArticleReader
from dateline.tui.messages import SentenceTarget
from dateline.tui.dialogs.search_screen import SearchResults, SearchScreen
from tui_fake_store import run_async, settle

PHRASE = "twice as fast at half the price"


@pytest.fixture
def demo_store(tmp_path):
    store = Store.open(tmp_path / "demo")
    ingest_paths(store, [str(p) for p in demo_paths()])
    yield store
    store.close()


def test_queries_are_words_and_phrases_never_fts_syntax():
    assert parse_query('rare earth "tariff truce"') == ["rare", "earth", "tariff truce"]
    assert parse_query('NEAR(a b) OR "x" AND -y *') == ["NEAR a", "b", "OR", "x", "AND", "y"]
    assert fts_query(['say "hi"']) == '"say ""hi"""'
    body = "The Tariff\ntruce held; a tariff truce again."
    assert match_spans(body, ["tariff truce"]) == [(4, 16), (25, 37)]


def test_index_follows_the_store_and_rebuilds_a_damaged_file(store, tmp_path):
    index = SearchIndex.for_store(store)
    assert index.update([a.id for a in store.articles()], store.body) == 1
    assert index.update([a.id for a in store.articles()], store.body) == 0, "nothing new: nothing indexed"
    hits, ranked = index.search('"Howard Lutnick"')
    assert [h.article_id for h in hits] == [store.articles()[0].id] and ranked
    assert index.search('"Lutnick Howard"') == ([], True), "a phrase is in order"
    assert MARK_START + "Lutnick" in snippet(store.body(hits[0].article_id), ["Lutnick"])
    index.update([], store.body)
    assert index.search("Lutnick") == ([], True), "an article the store no longer has is dropped"
    path = index.path
    index.close()
    path.write_bytes(b"not a database at all" * 100)
    again = SearchIndex(path)
    assert again.update([a.id for a in store.articles()], store.body) == 1
    again.close()


@run_async
async def test_phrase_search_opens_the_reader_at_the_match_and_n_walks_matches(demo_store):
    app = DatelineApp(demo_store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*f'"{PHRASE}" iPhone', "enter")
        await settle(pilot, 0.3)
        results = app.screen.query_one(SearchResults)
        assert len(results.lines) == 1 and app.screen.seconds < 0.1
        row = results.lines[0]
        title = demo_store.article(row.key).title
        assert title == "Apple launches 3G iPhone"
        snippet = results.render_row(row, 300)
        assert any(span.style == "bold reverse" for span in snippet.spans), "the match is highlighted"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ArticleReader)
        target = app.history.current.detail
        body = demo_store.body(row.key)
        assert isinstance(target, SentenceTarget) and body[target.start:target.end].lower() in (PHRASE, "iphone")
        reader = app.detail_pane.reader
        assert reader.text.offset == target.start, "the reader opens at the first match"
        matches = match_spans(body, [PHRASE, "iPhone"])
        await pilot.press("n")
        assert reader.text.offset == matches[1][0]
        await pilot.press("N")
        assert reader.text.offset == matches[0][0]


@run_async
async def test_search_within_the_focus_only(store, tmp_path):
    from annotate_helpers import extra_article

    store.add_articles([extra_article()])
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"Lutnick", "enter")
        await settle(pilot, 0.3)
        assert len(app.screen.query_one(SearchResults).lines) == 2
        await pilot.press("escape")
        await pilot.press("1", "slash", *"Geneva", "enter", "enter")
        await settle(pilot)
        await pilot.press("ctrl+f", *"Lutnick", "enter")
        await settle(pilot, 0.3)
        lines = app.screen.query_one(SearchResults).lines
        assert len(lines) == 1 and app._focus is not None, "only the focused entity's articles"


def test_an_index_of_another_layout_is_built_again(store, tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE VIRTUAL TABLE body USING fts5(aid UNINDEXED, text)")
    old.execute("INSERT INTO body VALUES ('x', 'Lutnick')")
    old.commit()
    old.close()
    index = SearchIndex(path)
    assert index.update([a.id for a in store.articles()], store.body) == 1
    assert [h.article_id for h in index.search("Lutnick")[0]] == [store.articles()[0].id]
    index.close()
