"""Round trips of every record kind through a real store folder, and the store's read API."""
from __future__ import annotations

from dateline.store import Store
from dateline.store.model import Article, Entity, Event, Mention
from tests.store_helpers import TALKS, article, talks_article


def test_round_trip_every_record_kind(tmp_path):
    fig_text = "Exports plunged 34.5% in May."
    fig_art = article(fig_text, [], title="Figures", published="2025-06-09", url="https://x.test/f",
                      figures=[{"start": 16, "end": 21, "text": "34.5%", "value": 34.5, "unit": "%",
                                "direction": "down", "metric": "Exports", "period": "2025-05", "baseline": None,
                                "entities": [], "sentence": {"start": 0, "end": len(fig_text)}}])
    with Store.open(tmp_path / "s", wait=1) as s:
        ids = s.add_articles([talks_article(title="Talks", url="https://x.test/t"), fig_art])
        assert len(ids) == 2
    with Store.open(tmp_path / "s", wait=1) as s:
        arts = {a.title: a for a in s.articles()}
        assert isinstance(arts["Talks"], Article)
        assert arts["Talks"].url == "https://x.test/t" and arts["Talks"].published == "2025-06-10"
        assert s.body(arts["Talks"].id) == TALKS
        lutnick = s.find_entity("Lutnick")
        assert isinstance(lutnick, Entity) and lutnick.name == "Howard Lutnick" and lutnick.type == "PERSON"
        assert "Lutnick" in lutnick.aliases
        ments = s.mentions_of(lutnick.id)
        assert all(isinstance(m, Mention) for m in ments)
        assert [TALKS[m.start:m.end] for m in ments] == ["Howard Lutnick", "Lutnick"]
        assert TALKS[ments[1].sentence_start:ments[1].sentence_end].strip() == "Lutnick said talks went well."
        events = s.events(lutnick.id)
        assert [e.date for e in events] == ["2025-06-09"] and isinstance(events[0], Event)
        assert s.entity(events[0].place).name == "London"
        assert {s.entity(p).name for p in events[0].participants} == {"Howard Lutnick", "He Lifeng"}
        all_events = s.events()
        assert [e.date for e in all_events] == ["2025-04", "2025-06-09"]
        fig = s.figures()[0]
        assert (fig.value, fig.unit, fig.direction, fig.period, fig.text) == (34.5, "%", "down", "2025-05", "34.5%")
        assert s.entity_counts(lutnick.id) == (2, 1)
        names = [e.name for e, shared, _ in s.connected(lutnick.id)]
        assert names[0] in ("He Lifeng", "London")
        assert s.connected(lutnick.id, stop=lambda: True) is None  # the app's worker was cancelled
        assert s.connected(lutnick.id, stop=lambda: False) == s.connected(lutnick.id)
        timeline = s.timeline(lutnick.id)
        assert [timeline[i].id for i in range(len(timeline))] == [e.id for e in events]
        whole = s.timeline()  # events and figures in one date order
        assert [getattr(r, "date", None) or r.period for r in whole] == ["2025-04", "2025-05", "2025-06-09"]
        assert [whole.kind(i) for i in range(3)] == [0, 1, 0] and whole.figure_count == 1
        stats = s.stats()
        assert stats["articles"] == 2 and stats["entities"] == {"PERSON": 2, "PLACE": 2}
        assert stats["first_published"] == "2025-06-09" and stats["last_published"] == "2025-06-10"


def test_same_article_twice_is_unchanged(tmp_path):
    with Store.open(tmp_path / "s", wait=1) as s:
        assert len(s.add_articles([talks_article()])) == 1
        assert s.add_articles([talks_article()]) == []
        assert s.known_article(None, "  " + TALKS.replace(" ", "  ") + "\n")
        assert len(s.articles()) == 1


def test_shards_roll_over_and_survive_reopen(tmp_path, monkeypatch):
    import dateline.store.disk.manifest as manifest
    import dateline.store.writing as store_mod

    monkeypatch.setattr(manifest, "SHARD_SIZE", 3)
    monkeypatch.setattr(store_mod, "SHARD_SIZE", 3)
    with Store.open(tmp_path / "s", wait=1) as s:
        for k in range(4):
            s.add_articles([article(f"Article number {k} {j} about Paris.", [("Paris", "PLACE",
                            f"Article number {k} {j} about Paris.")]) for j in range(2)])
        assert len(s.manifest.shards) == 3
        paris = s.find_entity("Paris")
        assert s.entity_counts(paris.id) == (8, 8) and len(s.articles()) == 8  # no article indexed twice
        assert len(s.events()) == 0 and all(s.body(a.id) for a in s.articles())
    files = sorted(p.name for p in (tmp_path / "s").iterdir()
                   if p.name.startswith(("texts", "catalog")) and p.suffix == ".json")
    assert len(files) == 6, files  # replaced shard files are gone
    with Store.open(tmp_path / "s", wait=1) as s:
        assert len(s.articles()) == 8
        caches = {p.name for p in (tmp_path / "s").glob("*.cols")}
        assert caches == {shard.catalog.replace(".json", ".cols") for shard in s.manifest.shards}  # stale ones gone
        paris = s.find_entity("Paris")
        assert s.entity_counts(paris.id) == (8, 8)
        assert all(s.body(a.id).startswith("Article number") for a in s.articles())


def test_search_entities_is_fuzzy_over_names_and_aliases(tmp_path):
    with Store.open(tmp_path / "s", wait=1) as s:
        s.add_articles([talks_article()])
        assert s.search_entities("lutn")[0].name == "Howard Lutnick"
        assert s.search_entities("hlfng")[0].name == "He Lifeng"
        assert s.search_entities("zzzz") == []
