"""The `/` filter: the fuzzy matcher, and long lists filtered in a worker thread."""
from __future__ import annotations

import random
import re

from hypothesis import given, strategies as st

import dateline.tui.widgets.list_filter as list_filter
from dateline.store.model import Entity
from dateline.tui.app.app import DatelineApp
from dateline.tui.panes import entities_pane
from dateline.tui.panes.entities_pane import EntitiesPane, EntityRow, EntityRows
from dateline.tui.widgets.line_list import LineList
from dateline.store.index.fuzzy import is_subsequence, matcher
from tui_fake_store import run_async, screen_text, settle

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


# `/` on the entities pane grades the entities themselves (issue 15): at 100k articles the list holds over
# 40,000 entities, and making a row object for each one to filter it took most of a burst's second. The
# result must be exactly the generic filter's: whole-word matches first, then letters in order, `#tag`.
FIRST = ["Olga", "Jamal", "Abena", "Umar", "Ingrid", "Lutnick", "Ana", "Li"]
LAST = ["Schmidt-Okafor", "Okafor", "Adeyemi", "Garcia", "Mensah", "Howard", "Lee", "Moreno"]

def items(n: int, seed: int = 7) -> list[EntityRow]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice('ABCV')}. {rng.choice(LAST)}"
        entity = Entity(id=f"e{i}", name=name, type=rng.choice(["PERSON", "ORG"]),
                        aliases=(name.split()[-1],) if i % 3 else (),
                        ticker="OKF" if i % 97 == 0 else None, tags=("watch",) if i % 50 == 0 else ())
        out.append(EntityRow(entity, rng.randint(1, 99), rng.randint(1, 9), None))
    return out


def test_the_entity_filter_matches_the_generic_filter_and_makes_no_row_it_drops(monkeypatch):
    pane = EntitiesPane()
    rows = EntityRows(items(25_000))
    made = []
    real_row = entities_pane.entity_row
    monkeypatch.setattr(entities_pane, "entity_row", lambda item: made.append(item) or real_row(item))
    for query in ("okafor", "olga okafor", "jml", "#wat", "okf", "zzz", "li"):
        expected = [row.key for row in LineList.filter_rows(pane, query, rows)]  # a row made for each entity
        made.clear()
        got = pane.filter_rows(query, rows)
        assert made == [], "grading made no row"
        assert [got.key_of(i) for i in range(len(got))] == expected, query


def test_a_cancelled_entity_filter_gives_up():
    assert EntitiesPane().filter_rows("okafor", EntityRows(items(5_000)), stop=lambda: True) is None


def test_an_edited_entity_is_matched_by_its_new_name():
    pane = EntitiesPane()
    first = items(3)
    assert len(pane.filter_rows("moreno", EntityRows(first))) == sum("Moreno" in i.entity.name for i in first)
    renamed = [EntityRow(Entity(id=i.entity.id, name="Quentin Zed", type="PERSON"), 1, 1, None) for i in first]
    assert len(pane.filter_rows("quentin", EntityRows(renamed))) == 3


@run_async
async def test_typing_a_filter_in_the_entities_pane_lists_the_matches(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash", *"lutnk", "enter")
        await settle(pilot)
        pane = app.entities_pane
        assert [row.data.entity.name for row in pane.lines if row.selectable] == ["Howard Lutnick"]
        assert "/lutnk" in screen_text(app)
