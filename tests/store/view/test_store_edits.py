"""Hand edits: each operation, persistence, undo/redo, propagation, and survival of re-extraction."""
from __future__ import annotations

import pytest

from dateline.store import Store
from dateline.store.view.edits import EditError
from tests.store_helpers import TALKS, article, talks_article

SECOND = "Howard Lutnick spoke in Geneva. He Lifeng was not there. H. Lutnick left."


def _two(s: Store):
    s.add_articles([talks_article(), article(SECOND, [("Howard Lutnick", "PERSON", SECOND),
                                                      ("H. Lutnick", "PERSON", SECOND),
                                                      ("Geneva", "PLACE", SECOND)], title="Second",
                                             published="2025-06-11")])


@pytest.fixture
def s(tmp_path):
    store = Store.open(tmp_path / "s", wait=1)
    _two(store)
    yield store
    store.close()


def test_rename_keeps_old_name_as_alias_and_persists(s, tmp_path):
    lon = s.find_entity("London")
    s.rename(lon.id, "London, UK")
    assert s.entity(lon.id).name == "London, UK" and "London" in s.entity(lon.id).aliases
    s.close()
    with Store.open(tmp_path / "s", wait=1) as again:
        assert again.entity(lon.id).name == "London, UK"
        assert [e.action for e in again.log()] == ["rename"]


def test_retype_note_tags_delete(s):
    g = s.find_entity("Geneva")
    s.retype(g.id, "org")
    s.set_note(g.id, "line one\nline two")
    s.set_tags(g.id, ["#swiss", "city", "city"])
    e = s.entity(g.id)
    assert (e.type, e.notes, e.tags) == ("ORG", "line one\nline two", ("swiss", "city"))
    s.delete_entity(g.id)
    assert s.entity(g.id) is None and all(x.name != "Geneva" for x in s.entities())
    s.undo()
    assert s.entity(g.id).name == "Geneva"
    with pytest.raises(EditError):
        s.retype(g.id, "not a type!")


def test_merge_moves_mentions_and_undo_restores(s):
    full, short = s.find_entity("Howard Lutnick"), s.find_entity("H. Lutnick")
    s.set_tags(short.id, ["dup"])
    before = s.entity_counts(full.id)
    s.merge(short.id, full.id)
    assert s.entity(short.id).id == full.id
    assert s.entity_counts(full.id)[0] == before[0] + 1
    assert "H. Lutnick" in s.entity(full.id).aliases and "dup" in s.entity(full.id).tags
    assert all(e.name != "H. Lutnick" for e in s.entities())
    s.undo()
    assert s.entity_counts(full.id) == before and s.find_entity("H. Lutnick").id == short.id
    s.redo()
    assert s.entity_counts(full.id)[0] == before[0] + 1
    with pytest.raises(EditError):
        s.merge(full.id, full.id)


def test_split_alias_undoes_a_merge_member(s):
    full, short = s.find_entity("Howard Lutnick"), s.find_entity("H. Lutnick")
    s.merge(short.id, full.id)
    s.split_alias(full.id, "H. Lutnick")
    assert s.find_entity("H. Lutnick").id == short.id
    assert "H. Lutnick" not in s.entity(full.id).aliases


def test_split_alias_of_surface_form_makes_new_entity(s):
    full = s.find_entity("Howard Lutnick")
    n = s.entity_counts(full.id)[0]
    s.split_alias(full.id, "Lutnick")
    new = s.find_entity("Lutnick")
    assert new.id != full.id and s.entity_counts(new.id)[0] == 1
    assert s.entity_counts(full.id)[0] == n - 1


def test_reject_and_relink(s):
    he = s.find_entity("He Lifeng")
    m = s.mentions_of(he.id)[0]
    s.reject(m.id)
    assert m.id not in {x.id for x in s.mentions_of(he.id)}
    geneva = s.find_entity("Geneva")
    s.relink(m.id, geneva.id)
    assert m.id in {x.id for x in s.mentions_of(geneva.id)}
    assert s.mentions_in(m.article_id)[0].article_id == m.article_id


def test_mark_propagates_to_every_article_except_rejected(tmp_path):
    bodies = ["Amina Yusuf spoke.", "Amina Yusuf left.", "Amina Yusuf returned. Amina Yusuf smiled."]
    with Store.open(tmp_path / "s", wait=1) as s:
        s.add_articles([article(bodies[0], [], title="A0"), article(bodies[1], [], title="A1"),
                        article(bodies[2], [("Amina Yusuf", "PERSON", bodies[2])], title="A2")])
        by_title = {a.title: a.id for a in s.articles()}
        machine = s.find_entity("Amina Yusuf")
        rejected = s.mentions_in(by_title["A2"])[0]
        s.reject(rejected.id)
        edit, more, arts = s.mark(by_title["A0"], 0, 11, "Amina Yusuf", "PERSON")
        assert (more, arts) == (1, 1)  # A1 linked; A2's other mention was already linked; the rejected one stays
        assert s.find_entity("Amina Yusuf").id == machine.id
        assert rejected.id not in {m.id for m in s.mentions_of(machine.id)}
        assert s.entity_counts(machine.id) == (3, 3)


def test_mark_links_other_occurrences_and_counts_them(tmp_path):
    with Store.open(tmp_path / "s", wait=1) as s:
        bodies = ["Ms Amina Yusuf spoke. Amina Yusuf left.", "Later Amina Yusuf returned.", "No one here."]
        s.add_articles([article(b, [], title=f"A{i}") for i, b in enumerate(bodies)])
        first = next(a for a in s.articles() if a.title == "A0")
        edit, more, arts = s.mark(first.id, 3, 14, "Amina Yusuf", "PERSON")
        assert (more, arts) == (2, 2)
        ent = s.find_entity("Amina Yusuf")
        assert s.entity_counts(ent.id) == (3, 2)
        s.undo()
        assert s.find_entity("Amina Yusuf") is None
        assert s.known_names() == {}
        s.redo()
        assert s.known_names() == {"Amina Yusuf": "PERSON"}


def test_edit_event_date_and_participants(s):
    ev = next(e for e in s.events() if e.date == "2025-04")
    china, lon = s.find_entity("China"), s.find_entity("London")
    s.edit_event(ev.id, date="2025-04-02", precision="day", summary="Export curbs", participants=[china.id, lon.id])
    got = next(e for e in s.events(lon.id) if e.id == ev.id)
    assert (got.date, got.precision, got.summary) == ("2025-04-02", "day", "Export curbs")
    assert got.origin == "manual"
    s.undo()
    assert all(e.id != ev.id for e in s.events(lon.id))


def test_reextract_keeps_every_hand_decision(s, tmp_path):
    full, short = s.find_entity("Howard Lutnick"), s.find_entity("H. Lutnick")
    s.merge(short.id, full.id)
    s.set_note(full.id, "kept")
    he = s.find_entity("He Lifeng")
    rejected = s.mentions_of(he.id)[0]
    s.reject(rejected.id)
    ev = next(e for e in s.events() if e.date == "2025-06-09")
    s.edit_event(ev.id, summary="First day of talks")
    stored = {a.id: s.body(a.id) for a in s.articles()}

    def extract_again(body, published):
        # a "new extractor" that finds the same things as before
        src = talks_article() if body == TALKS else article(SECOND, [("Howard Lutnick", "PERSON", SECOND),
                                                                       ("H. Lutnick", "PERSON", SECOND),
                                                                       ("Geneva", "PLACE", SECOND)])
        return src.extraction, src.sentences

    assert s.reextract(extract_again) == 2
    assert {a.id: s.body(a.id) for a in s.articles()} == stored
    assert s.entity(short.id).id == full.id and s.entity(full.id).notes == "kept"
    assert rejected.id not in {m.id for m in s.mentions_of(he.id)}
    assert next(e for e in s.events() if e.id == ev.id).summary == "First day of talks"
    s.close()
    with Store.open(tmp_path / "s", wait=1) as again:
        assert again.entity(full.id).notes == "kept" and len(again.log()) == 4


def test_stats_of_a_store_whose_articles_are_all_undated(tmp_path):
    """Regression: an entity seen only in undated articles had no 'latest' date and stats() raised KeyError."""
    from dateline.store import Store
    from store_helpers import article

    with Store.open(tmp_path / "undated") as s:
        s.add_articles([article("Ford sold cars.", [("Ford", "ORG", "Ford sold cars.", "Ford")], published=None)])
    with Store.open(tmp_path / "undated", readonly=True) as s:
        assert s.stats()["articles"] == 1 and s.stats()["entities"] == {"ORG": 1}


def test_a_product_marked_by_hand_is_found_by_later_ingests_and_keeps_its_type(tmp_path):
    """PRODUCT and EVENT are types like the others: marked by hand they are known names (was PERSON/ORG/PLACE only)."""
    with Store.open(tmp_path / "p", wait=1) as s:
        s.add_articles([article("Regulators cleared the Dreamliner again.", [], title="A0")])
        first = s.articles()[0]
        s.mark(first.id, 23, 33, "Dreamliner", "PRODUCT")
        ent = s.find_entity("Dreamliner")
        assert ent.type == "PRODUCT" and s.known_names() == {"Dreamliner": "PRODUCT"}
        s.retype(ent.id, "event")
        assert s.entity(ent.id).type == "EVENT" and s.known_names() == {"Dreamliner": "EVENT"}
