"""One fuzzy matcher (store/fuzzy.py) for filters, the palette and Go to entity; typos find names."""
from __future__ import annotations

from dateline.store.index.fuzzy import positions, rank, score
from tests.cli.test_cli import dateline
from dateline.tui.app.app import DatelineApp
from tui_fake_store import run_async, screen_text, settle

JOBS = (b"title: Apple founder remembered\ndate: 2011-10-06\n\n"
        b"Steve Jobs, the co-founder of Apple, died on Wednesday in Palo Alto. Tim Cook said Steve Jobs "
        b"had changed the world. Howard Lutnick of Cantor Fitzgerald paid tribute.\n")
NAMES = ["Steve Jobs", "Howard Lutnick", "He Lifeng", "Steven Spielberg", "Jobs report", "Apple Inc."]


def test_grades_from_exact_to_typo_and_nothing_for_noise():
    assert score("steve jobs", "Steve Jobs") == 1.0
    assert 1.0 > score("steve", "Steve Jobs") > score("jobs", "Steve Jobs") > score("eve", "Steve Jobs")
    assert score("eve", "Steve Jobs") > score("sjbs", "Steve Jobs") > score("steve jbos", "Steve Jobs") > 0
    assert score("zzzz", "Steve Jobs") == 0
    assert rank("steve jbos", NAMES, lambda n: (n,)) == ["Steve Jobs"]
    assert rank("lutn", NAMES, lambda n: (n,)) == ["Howard Lutnick"]
    assert rank("hlfng", NAMES, lambda n: (n,)) == ["He Lifeng"]
    assert rank("qqqq", NAMES, lambda n: (n,)) == []


def test_positions_are_the_matched_letters():
    assert positions("lutn", "Howard Lutnick") == [7, 8, 9, 10]
    assert positions("hlfng", "He Lifeng") == [0, 3, 5, 7, 8]
    typo = positions("steve jbos", "Steve Jobs")
    assert set(typo) <= set(range(10)) and len(typo) >= 8


@run_async
async def test_go_to_entity_finds_a_typo_and_highlights_the_matched_letters(tmp_path):
    db = tmp_path / "store"
    assert dateline("ingest", "--db", str(db), "-", stdin=JOBS).returncode == 0
    app = DatelineApp(db)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g", *"steve jbos")
        await settle(pilot, 0.5)
        assert "Go to entity: Steve Jobs" in screen_text(app)
        from textual.command import CommandList

        option = app.screen.query_one(CommandList).get_option_at_index(0)
        prompt = option.prompt
        styled = {i for span in prompt.spans if "underline" in str(span.style) for i in range(span.start, span.end)}
        name_at = prompt.plain.index("Steve Jobs")
        assert {name_at + i for i in positions("steve jbos", "Steve Jobs")} <= styled, prompt.spans
        await pilot.press("enter")
        await settle(pilot)
        assert "focus: Steve Jobs" in screen_text(app)
