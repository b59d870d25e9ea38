"""Issue 5's "Done when", on a store built by the real ingest and extraction (seed + demo corpus)
plus one article whose extraction missed He Lifeng and split Howard Lutnick into a duplicate."""
from __future__ import annotations

import subprocess
import sys

import pytest

from dateline.store import Store
from dateline.store.testing import seed_store
from annotate_helpers import (SIZE, extra_article, focus_entity, mention_texts, notifications, open_article,
                                    select_text)
from dateline.tui.app.app import DatelineApp
from tui_fake_store import run_async, settle


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    store = seed_store(tmp_path / "db", demo=True)
    store.add_articles([extra_article()])
    store.close()
    return tmp_path / "db"


def named(store, name: str) -> list:
    return [entity for entity in store.entities() if entity.name == name]


def occurrences(store, text: str) -> int:
    """Whole occurrences of ``text`` in every article body."""
    import re

    pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
    return sum(len(pattern.findall(store.body(article.id))) for article in store.articles())


@run_async
async def test_done_when_mark_merge_undo_reopen(db):
    store = Store.open(db)
    articles_before = len(store.articles())
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # mark "He Lifeng" in the article that missed it: e, enter
        await open_article(pilot, "Geneva follow")
        await select_text(pilot, "He Lifeng", occurrence=1)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        (he,) = named(store, "He Lifeng")
        assert he.type == "PERSON"
        assert mention_texts(store, he.id) == ["He Lifeng"] * occurrences(store, "He Lifeng")
        assert any(n.startswith("linked ") for n in notifications(app))
        # merge the duplicate into Howard Lutnick: m, pick, enter
        (lutnick,) = named(store, "Howard Lutnick")
        (duplicate,) = named(store, "H. Lutnick")
        kept = mention_texts(store, lutnick.id)
        await focus_entity(pilot, "H. Lutnick")
        await pilot.press("m", *"Howard Lutnick", "enter")
        await settle(pilot)
        assert mention_texts(store, lutnick.id) == sorted([*kept, "H. Lutnick"])
        assert store.entity(duplicate.id).id == lutnick.id
        # ctrl+z undoes the merge (and says so)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert mention_texts(store, duplicate.id) == ["H. Lutnick"] and mention_texts(store, lutnick.id) == kept
        assert any("Undone: merge" in n for n in notifications(app))
        # one more kept edit: a note on He Lifeng
        await focus_entity(pilot, "He Lifeng")
        await pilot.press("n", *"Led the Chinese side.", "ctrl+s")
        await settle(pilot)
        await pilot.press("q")
    store.close()
    # quit and reopen: the mark and the note are kept, the merge stays undone
    again = DatelineApp(str(db))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reopened = again.store
        assert len(reopened.articles()) == articles_before
        (he_again,) = named(reopened, "He Lifeng")
        assert he_again.id == he.id and he_again.notes == "Led the Chinese side."
        assert mention_texts(reopened, he.id) == ["He Lifeng"] * occurrences(reopened, "He Lifeng")
        assert mention_texts(reopened, duplicate.id) == ["H. Lutnick"]
        await focus_entity(pilot, "He Lifeng")
        row = again.entities_pane.current.data
        assert row.entity.id == he.id and row.mentions == occurrences(reopened, "He Lifeng")
        assert [e.action for e in reopened.log()] == ["mark", "merge", "undo", "note"]
    again.store.close()
    # `dateline reextract` leaves every kept edit in place
    done = subprocess.run([sys.executable, "-m", "dateline.tui.cli", "reextract", "--db", str(db)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Store.open(db) as after:
        (he_after,) = named(after, "He Lifeng")
        assert he_after.notes == "Led the Chinese side."
        assert mention_texts(after, he_after.id) == ["He Lifeng"] * occurrences(after, "He Lifeng")
