"""The `/` filter: the fuzzy matcher, and long lists filtered in a worker thread."""
from __future__ import annotations

import re

from hypothesis import given, strategies as st

import dateline.tui.widgets.list_filter as list_filter
from dateline.tui.app.app import DatelineApp
from dateline.store.index.fuzzy import is_subsequence, matcher
from tui_fake_store import run_async, settle

SIZE = (160, 50)
letters = st.text(alphabet="abcdé .-x", max_size=12)


@given(letters, st.text(alphabet="abcdé .-xyz", max_size=80))
def test_subsequence_agrees_with_a_regex(word, haystack):
    pattern = ".*?".join(re.escape(ch) for ch in word)
    assert is_subsequence(word, haystack) == bool(re.search(pattern, haystack, re.DOTALL))


def test_matcher_grades_words_then_letters():
    grade = matcher("lutnk howard")
    assert grade("howard lutnick") == 1 and matcher("lutnick")("howard lutnick") == 2
    assert grade("howard lutz") == 0


@run_async
async def test_a_long_list_is_filtered_in_a_worker_and_the_newest_query_wins(store, monkeypatch):
    monkeypatch.setattr(list_filter, "ASYNC_FILTER_ROWS", 3)  # the seed's 9 timeline rows count as long
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        pane.set_query("london")
        assert pane.filtering and not pane.lines and pane.border_subtitle.startswith("filtering…")
        pane.set_query("2025-04")  # typed on before the first result landed
        await settle(pilot)
        assert not pane.filtering
        assert [line.data.label for line in pane.lines if line.selectable] == ["2025-04"]
        assert pane.border_subtitle == "1 · /2025-04"
        pane.set_query("lutnick")
        await settle(pilot)
        summaries = [line.data.record.summary for line in pane.lines if line.selectable]
        assert summaries and all("Lutnick" in s or "talks" in s.lower() for s in summaries)
        pane.set_query("")
        assert len([line for line in pane.lines if line.selectable]) == 9


@run_async
async def test_timeline_prefers_words_and_falls_back_to_letters_in_order(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.timeline_pane
        pane.set_query("trade")  # words: only the rows that say "trade", though "t…r…a…d…e" is in others
        summaries = [line.data.record.summary for line in pane.lines if line.selectable]
        assert summaries and all("trade" in pane.search_text(line) for line in pane.lines if line.selectable)
        pane.set_query("xjnpng")  # no row has these letters as a word: fuzzy finds Xi Jinping's call
        assert [line.data.label for line in pane.lines if line.selectable] == ["2025-W23"]
