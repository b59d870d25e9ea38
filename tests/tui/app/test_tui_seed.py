"""Issue 4's "Done when" on a store built by the real ingest + extraction path (``store.testing``)."""
from __future__ import annotations

import pytest

from dateline.store.testing import seed_store
from dateline.tui.app.app import DatelineApp
from dateline.tui.panes.article_reader import ArticleReader
from dateline.tui.messages import EntityTarget, SentenceTarget
from tui_fake_store import entity_id_named, focus_by_filter, run_async, settle, timeline_labels, timeline_texts

SIZE = (160, 50)


@pytest.fixture(scope="module")
def seed_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "db"
    seed_store(path).close()
    return path


@pytest.fixture
def store(seed_path):
    from dateline.store import Store

    store = Store.open(seed_path)
    yield store
    store.close()


@run_async
async def test_done_when_lutnick_on_the_real_seed(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Lutnick")
        lutnick = entity_id_named(store, "Howard Lutnick")
        assert app.history.current.focus == lutnick
        assert {"2025-06-09", "2025-06-10"} <= set(timeline_labels(app))
        card = app.detail_pane.card
        assert "U.S. Commerce Secretary" in card.data.entity.roles
        connected = {entity.name for entity, _, _ in card.data.connected}
        assert {"Scott Bessent", "Jamieson Greer", "He Lifeng"} <= connected
        await pilot.press("2", "enter")
        await settle(pilot)
        assert isinstance(app.focused, ArticleReader)
        target = app.history.current.detail
        assert isinstance(target, SentenceTarget)
        reader = app.detail_pane.reader
        start, end = reader.current.data
        assert start <= target.start < end and reader.data.sentence == (target.start, target.end)
        await pilot.press("backspace")
        await settle(pilot)
        current = app.history.current
        assert (current.focus, current.detail, current.pane) == (lutnick, EntityTarget(lutnick), "timeline")


@run_async
async def test_done_when_china_on_the_real_seed(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        lines = timeline_texts(app)
        assert any(line.startswith("2025-04") and "restrictions" in line for line in lines)
        for value in ("34.5%", "4.8%", "11.4%"):
            assert any(value in line for line in lines), value


@run_async
async def test_done_when_trump_call_on_the_real_seed(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Donald Trump")
        assert any(line.startswith("2025-W23") and "Xi Jinping" in line for line in timeline_texts(app))


@run_async
async def test_done_when_trump_tariff_figures_on_the_real_seed(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Donald Trump")
        lines = timeline_texts(app)
        assert any("30%" in line for line in lines) and any("145%" in line for line in lines)
