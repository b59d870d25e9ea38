"""After a hand edit takes an entity's only mention away, no view names it any more (issue 16).

Marking "Geneva agreement" over Geneva's only mention rejects that mention: the article's events
and figures stop listing Geneva, the entity list drops it, and exports follow."""
from __future__ import annotations


from dateline.store import NewArticle, Store
from dateline.store.export import Selection, export
from dateline.tui.app.app import DatelineApp
from annotate_helpers import entity_rows, open_article, select_text
from tui_fake_store import run_async, settle, timeline_texts

BODY = "Howard Lutnick said on Monday that tariffs of 30% stay under the Geneva agreement.\n"


def geneva_article() -> NewArticle:
    def mention(text):
        start = BODY.index(text)
        return {"start": start, "end": start + len(text), "text": text, "role": None}

    entities = [{"name": "Howard Lutnick", "type": "PERSON", "aliases": [], "roles": [], "ticker": None,
                 "mentions": [mention("Howard Lutnick")]},
                {"name": "Geneva", "type": "PLACE", "aliases": [], "roles": [], "ticker": None,
                 "mentions": [mention("Geneva")]}]
    sentence = {"start": 0, "end": len(BODY) - 1}
    events = [{"date": "2025-06-09", "precision": "day", "date_text": "Monday", "summary": "Lutnick on tariffs",
               "participants": ["Howard Lutnick", "Geneva"], "place": "Geneva", "sentence": sentence}]
    at = BODY.index("30%")
    figures = [{"start": at, "end": at + 3, "text": "30%", "value": 30.0, "unit": "%", "metric": "tariffs",
                "direction": None, "period": "2025-06", "baseline": None, "entities": ["Geneva"],
                "sentence": sentence}]
    return NewArticle(title="Tariff truce holds", body=BODY, url="https://example.com/geneva", source="Wire",
                      published="2025-06-10", origin="geneva.txt",
                      extraction={"entities": entities, "events": events, "figures": figures},
                      sentences=[(0, len(BODY) - 1)])


def names(store, ids) -> set[str]:
    return {store.entity(e).name for e in ids if store.entity(e)}


@run_async
async def test_marking_over_an_only_mention_drops_the_entity_from_every_view(tmp_path):
    store = Store.open(tmp_path / "db")
    store.add_articles([geneva_article()])
    lutnick = store.find_entity("Howard Lutnick").id
    assert "Geneva" in names(store, store.events()[0].participants)
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await open_article(pilot, "Tariff truce")
        await select_text(pilot, "Geneva agreement")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert store.find_entity("Geneva agreement") is not None
        assert "Geneva" not in entity_rows(app), "an entity with no mention left leaves the list"
        await pilot.press("escape", "escape", "2")
        await settle(pilot)
        assert not any("Geneva" in text for text in timeline_texts(app)), timeline_texts(app)
    event = store.events()[0]
    assert names(store, event.participants) == {"Howard Lutnick"} and event.place is None
    assert store.figures()[0].entities == ()
    assert "Geneva" not in [e.name for e in store.entities()]
    assert [e.id for e in store.events(lutnick)] == [event.id]
    out = tmp_path / "out.json"
    export(store, Selection(events=[event.id]), "json", out)
    assert "Geneva\"" not in out.read_text(encoding="utf-8").replace("Geneva agreement", ""), "exports follow"
    store.undo()
    assert "Geneva" in names(store, store.events()[0].participants), "undo brings it back"
    assert "Geneva" in [e.name for e in store.entities()]
    store.close()
