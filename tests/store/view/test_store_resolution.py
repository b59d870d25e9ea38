"""One real-world thing, one entity across the store: legal forms, abbreviations and tickers (issue 12)."""
from __future__ import annotations

from dateline.store import Store
from dateline.store.index.catalog import entity_id, former_entity_id, resolution_key
from store_helpers import article, ent


def test_resolution_key_ignores_legal_forms_dots_and_the() -> None:
    assert resolution_key("ORG", "General Motors Co.") == resolution_key("ORG", "General Motors") == "general motors"
    assert resolution_key("ORG", "Ford Motor Company") == resolution_key("ORG", "Ford Motor Co.")
    assert resolution_key("ORG", "U.S. Federal Reserve") == resolution_key("ORG", "US Federal Reserve")
    assert resolution_key("ORG", "Apple Inc.") == "apple" and resolution_key("ORG", "Company") == "company"
    assert resolution_key("PERSON", "Sammy Davis Jr.") != resolution_key("PERSON", "Sammy Davis")
    assert entity_id("ORG", "General Motors") == former_entity_id("ORG", "General Motors")  # plain names keep ids


def test_one_company_under_its_legal_name_its_short_name_and_its_ticker(tmp_path) -> None:
    one = "General Motors Co. $GM said sales rose. Tesla Inc. (TSLA) fell."
    two = "General Motors cut jobs. $TSLA rose and TSLA options traded."
    with Store.open(tmp_path / "s") as s:
        s.add_articles([
            article(one, [ent("General Motors Co.", "ORG", one, "General Motors Co.", ticker="GM"),
                          ent("Tesla Inc.", "ORG", one, "Tesla Inc.", ticker="TSLA")], title="one"),
            article(two, [ent("General Motors", "ORG", two), ent("TSLA", "ORG", two, "TSLA", ticker="TSLA")],
                    title="two")])
        gm = s.find_entity("General Motors")
        assert gm is not None and gm.ticker == "GM" and s.entity_counts(gm.id)[1] == 2
        tesla = s.find_entity("Tesla Inc.")
        assert s.entity_counts(tesla.id) == (3, 2)
        three = "Thomson Reuters Corp. (NYSE: TRI) rose."
        four = "TRI rose 2% on Friday."
        s.add_articles([article(three, [ent("Thomson Reuters Corp.", "ORG", three, "Thomson Reuters Corp.",
                                            ticker="TRI")], title="three"),
                        article(four, [ent("TRI", "ORG", four)], title="four")])  # a bare ticker, no cashtag
        tr = s.find_entity("Thomson Reuters Corp.")
        assert tr.ticker == "TRI" and s.entity_counts(tr.id)[1] == 2


def test_hand_edits_on_an_id_from_before_follow_the_entity(tmp_path) -> None:
    body = "General Motors Co. said sales rose."
    with Store.open(tmp_path / "s") as s:
        s.add_articles([article(body, [ent("General Motors Co.", "ORG", body)])])
        old = former_entity_id("ORG", "General Motors Co.")
        assert old != entity_id("ORG", "General Motors Co.")
        assert s.view.resolve(old) == entity_id("ORG", "General Motors Co.")


def test_reextract_resolves_an_older_store_and_keeps_the_hand_edits(tmp_path, monkeypatch) -> None:
    """A store built with whole-name ids: re-extraction makes one entity, and the note made by hand stays."""
    import dateline.store.index.catalog as catalog

    one, two = "General Motors Co. said sales rose.", "General Motors cut jobs."
    monkeypatch.setattr(catalog, "entity_id", catalog.former_entity_id)  # how older stores named entities
    with Store.open(tmp_path / "s") as s:
        s.add_articles([article(one, [ent("General Motors Co.", "ORG", one)], title="one"),
                        article(two, [ent("General Motors", "ORG", two)], title="two")])
        old = s.find_entity("General Motors Co.")
        s.set_note(old.id, "Check the recall.")
        assert len({e.id for e in s.entities()}) == 2
    monkeypatch.undo()
    extraction = {one: [ent("General Motors Co.", "ORG", one)], two: [ent("General Motors", "ORG", two)]}
    with Store.open(tmp_path / "s") as s:
        s.reextract(lambda body, published: ({"entities": extraction[body], "events": [], "figures": []},
                                             [(0, len(body))]))
        [gm] = s.entities()
        assert s.entity_counts(gm.id)[1] == 2 and gm.notes == "Check the recall."
