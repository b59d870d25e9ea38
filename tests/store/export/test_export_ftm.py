"""FollowTheMoney lines: stable ids, the right schemata, dates at true precision; validated with
the ``followthemoney`` model when that package is installed."""
from __future__ import annotations

import json

import pytest

from dateline.store.export import export, filtered_selection
from dateline.store.export.formats.ftm import ftm_dates, ftm_id
from dateline.store.export.selection import Selection
from test_export_fakestore import make_store


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _export_all(tmp_path):
    store = make_store()
    out = tmp_path / "all.ftm.json"
    count = export(store, filtered_selection(store), "ftm", out)
    return store, _lines(out), count


def test_schemata_and_stable_ids(tmp_path):
    store, proxies, count = _export_all(tmp_path)
    assert count == len(proxies)
    by_id = {p["id"]: p for p in proxies}
    assert len(by_id) == len(proxies)
    assert by_id[ftm_id("entity", "e1")]["schema"] == "Person"
    company = by_id[ftm_id("entity", "e2")]
    assert company["schema"] == "Company" and company["properties"]["ticker"] == ["HFL"]
    assert by_id[ftm_id("entity", "e5")]["schema"] == "Organization"
    assert by_id[ftm_id("entity", "e3")]["schema"] == "Address"
    note = by_id[ftm_id("note", "e1")]
    assert note["schema"] == "Note" and note["properties"]["entity"] == [ftm_id("entity", "e1")]
    assert note["properties"]["description"] == ["Former port official."]
    _, again, _ = _export_all(tmp_path)
    assert [p["id"] for p in again] == [p["id"] for p in proxies]


def test_event_mention_article_properties(tmp_path):
    store, proxies, _ = _export_all(tmp_path)
    by_id = {p["id"]: p for p in proxies}
    week = by_id[ftm_id("event", "v4")]["properties"]
    assert week["startDate"] == ["2025-06-02"] and week["endDate"] == ["2025-06-08"]
    assert week["involved"] == [ftm_id("entity", "e1"), ftm_id("entity", "e5")]
    assert week["location"] == ["Rotterdam"] and week["addressEntity"] == [ftm_id("entity", "e3")]
    assert week["proof"] == [ftm_id("article", "a2")]
    assert week["summary"] == ["Okafor met Rotterdam port officials"]
    quarter = by_id[ftm_id("event", "v2")]["properties"]
    assert quarter["startDate"] == ["2025-04"] and quarter["endDate"] == ["2025-06"]
    day = by_id[ftm_id("event", "v1")]["properties"]
    assert day["startDate"] == ["2025-06-09"] and "endDate" not in day
    assert "startDate" not in by_id[ftm_id("event", "v6")]["properties"]
    mention = by_id[ftm_id("mention", "m1")]
    assert mention["schema"] == "Mention"
    assert mention["properties"]["resolved"] == [ftm_id("entity", "e2")]
    assert mention["properties"]["document"] == [ftm_id("article", "a1")]
    assert mention["properties"]["name"] == ["Harbor Freight Lines"]
    place_mention = by_id[ftm_id("mention", "m3")]["properties"]
    assert "resolved" not in place_mention and place_mention["detectedSchema"] == ["Address"]
    article = by_id[ftm_id("article", "a2")]["properties"]
    assert article["title"] == ["Okafor meets port officials"] and article["publishedAt"] == ["2025-06-12"]
    assert article["bodyText"] == [store.body("a2")]
    figure = by_id[ftm_id("figure", "f1")]
    assert figure["schema"] == "Note" and figure["properties"]["entity"] == [ftm_id("entity", "e2")]
    assert "javascript" not in json.dumps(by_id[ftm_id("article", "a3")])


def test_dates_keep_their_precision():
    assert ftm_dates("2025") == ("2025", None)
    assert ftm_dates("2025-06") == ("2025-06", None)
    assert ftm_dates("2025-Q4") == ("2025-10", "2025-12")
    assert ftm_dates("2025-W01") == ("2024-12-30", "2025-01-05")
    assert ftm_dates("2025-03-01/2025-Q3") == ("2025-03-01", "2025-09")
    assert ftm_dates(None) == (None, None) and ftm_dates("soon") == (None, None)


def test_validates_with_followthemoney(tmp_path):
    ftm = pytest.importorskip("followthemoney", reason="followthemoney not installed (test extra)")
    from followthemoney.exc import InvalidData

    store, proxies, _ = _export_all(tmp_path)
    ids = {p["id"] for p in proxies}
    for data in proxies:
        try:
            proxy = ftm.model.get_proxy(data, cleaned=False)
        except InvalidData as exc:  # unknown schema or property
            pytest.fail(f"{data['schema']} {data['id']}: {exc}")
        schema = proxy.schema
        assert not schema.abstract
        assert [p for p in schema.required if not proxy.get(p)] == []
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (schema.name, name)
            assert proxy.get(name) == values, (schema.name, name)  # survived cleaning unchanged
            if prop.type.name == "entity":
                assert set(values) <= ids, (schema.name, name)  # whole export: no dangling refs
                for ref in values:
                    target = ftm.model.get(next(p["schema"] for p in proxies if p["id"] == ref))
                    assert target.is_a(prop.range), (schema.name, name, target.name)


def test_only_selected_records(tmp_path):
    store = make_store()
    out = tmp_path / "two.ftm.json"
    assert export(store, Selection(entities=["e5"], events=["v1"]), "ftm", out) == 2
    assert [p["schema"] for p in _lines(out)] == ["Organization", "Event"]


def test_products_and_events_become_assets_and_events():
    ftm = pytest.importorskip("followthemoney", reason="followthemoney not installed (test extra)")
    from dateline.store.export.formats.ftm import entity_proxies, schema_of
    from dateline.store.model import Entity

    jet = Entity(id="p1", name="Boeing 787 Dreamliner", type="PRODUCT", aliases=("787",), tags=("aviation",))
    cup = Entity(id="v1", name="World Cup", type="EVENT", notes="Every four years.")
    assert (schema_of(jet), schema_of(cup)) == ("Asset", "Event")
    for entity in (jet, cup):
        data = entity_proxies(entity)[0]
        proxy = ftm.model.get_proxy(data, cleaned=False)
        assert proxy.get("name") == [entity.name] and not proxy.schema.abstract
