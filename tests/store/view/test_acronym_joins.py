"""Issue 13: an article that writes only "GM" puts its items on "General Motors" (store, real command, app)."""
from __future__ import annotations

import json

import pytest

from dateline.store import Store
from dateline.store.index.index import MachineEntity
from dateline.store.view.acronyms import acronym_joins, initials
from dateline.tui.app.app import DatelineApp
from tests.cli.test_cli import dateline
from tests.store_helpers import ingested_store
from tui_fake_store import entity_id_named, focus_by_filter, run_async, timeline_texts

DEFINED = {
    "defines.txt": ("GM closes plants", "2009-03-02",
                    "General Motors (GM) said on Monday it would close two plants. GM will also cut 2,000 jobs, "
                    "the company said."),
    "only.txt": ("GM sells Hummer", "2009-03-05",
                 "GM sold its Hummer brand to Tengzhong on Thursday. Shares of GM rose 3 percent."),
}
BA_ONLY = {"only.txt": ("Strike", "2010-03-20", "BA cancelled 1,100 flights on Saturday.")}
BRITISH_AIRWAYS = {f"ba{i}.txt": (f"Airline {i}", f"2010-03-0{i}",
                                  f"British Airways said on Monday it would add {i} flights. British Airways "
                                  f"expects more passengers.") for i in range(1, 4)}


def names(store: Store) -> set[str]:
    return {entity.name for entity in store.entities()}


def summaries(store: Store, name: str) -> list[str]:
    timeline = store.timeline(entity_id_named(store, name))
    return [getattr(timeline[i], "summary", "") for i in range(len(timeline))]


def org(name: str, *forms: str, etype: str = "ORG") -> MachineEntity:
    return MachineEntity(id=name.lower(), name=name, type=etype, forms=[name, *forms])


def test_initials_skip_small_words_and_legal_forms():
    assert initials("General Motors") == "GM"
    assert initials("Federal Aviation Administration") == "FAA"
    assert initials("Bank of America Corp.") == "BA"
    assert initials("Standard & Poor's") == "SP"
    assert initials("Airbus") == ""


def test_rule_defined_elsewhere_or_one_much_more_mentioned_organisation_never_a_place_or_person():
    gm, motors = org("GM"), org("General Motors", "GM")
    assert acronym_joins([gm, motors], {"gm": 50, "general motors": 1}) == {"gm": "general motors"}
    ba, airways = org("BA"), org("British Airways")
    assert acronym_joins([ba, airways], {"ba": 2, "british airways": 6}) == {"ba": "british airways"}
    assert acronym_joins([ba, airways], {"ba": 2, "british airways": 5}) == {}  # not much more mentioned
    assert acronym_joins([ba, airways, org("Bank of America")], {"ba": 1, "british airways": 9}) == {}  # two
    assert acronym_joins([gm, org("General Mills", "GM"), motors], {}) == {}  # defined by two: neither
    assert acronym_joins([org("NASA"), org("NASA T", "NASA")], {"nasa t": 9}) == {}  # not its initials
    assert acronym_joins([org("NSW", etype="PLACE"), org("New South Wales", etype="PLACE")],
                         {"new south wales": 9}) == {}
    assert acronym_joins([gm, org("Gary Mitchell", "GM", etype="PERSON")], {"gary mitchell": 9}) == {}


@pytest.fixture
def gm_store(tmp_path):
    store = ingested_store(tmp_path, DEFINED)
    yield store
    store.close()


def test_an_acronym_another_article_defines_puts_its_items_on_the_full_name(gm_store):
    assert "GM" not in names(gm_store)
    motors = gm_store.entity(entity_id_named(gm_store, "General Motors"))
    assert "GM" in motors.aliases
    assert any("sold its Hummer brand" in s for s in summaries(gm_store, "General Motors"))
    assert gm_store.entity_counts(motors.id)[1] == 2  # both articles


def test_a_hand_split_keeps_the_acronym_apart_across_reopening_and_undo_joins_it_again(gm_store, tmp_path):
    gm_store.split_alias(entity_id_named(gm_store, "General Motors"), "GM")
    assert "GM" in names(gm_store)
    assert not any("Hummer" in s for s in summaries(gm_store, "General Motors"))
    assert any("Hummer" in s for s in summaries(gm_store, "GM"))
    gm_store.close()
    with Store.open(tmp_path / "db", wait=10) as store:
        assert "GM" in names(store)
        assert not any("Hummer" in s for s in summaries(store, "General Motors"))
        store.undo()
        assert "GM" not in names(store)
        assert any("Hummer" in s for s in summaries(store, "General Motors"))


def test_a_hand_rename_of_the_acronym_wins(gm_store):
    gm_store.split_alias(entity_id_named(gm_store, "General Motors"), "GM")
    gm_store.rename(entity_id_named(gm_store, "GM"), "Grand Mercantile")
    assert "Grand Mercantile" in names(gm_store)
    assert not any("Hummer" in s for s in summaries(gm_store, "General Motors"))


def test_initials_join_only_the_one_much_more_mentioned_organisation(tmp_path):
    with ingested_store(tmp_path / "joined", {**BA_ONLY, **BRITISH_AIRWAYS}) as store:
        assert "BA" not in names(store)
        assert any("cancelled 1,100 flights" in s for s in summaries(store, "British Airways"))
    rare = {**BA_ONLY, "ba1.txt": BRITISH_AIRWAYS["ba1.txt"]}
    with ingested_store(tmp_path / "rare", rare) as store:
        assert "BA" in names(store)
    bank = {"bank.txt": ("Bank", "2010-03-09", "Bank of America said on Tuesday it would cut fees.")}
    with ingested_store(tmp_path / "two", {**BA_ONLY, **BRITISH_AIRWAYS, **bank}) as store:
        assert "BA" in names(store) and "Bank of America" in names(store)


def test_export_entity_through_the_real_command_holds_the_acronym_articles_items(tmp_path):
    files = []
    for name, (title, date, body) in DEFINED.items():
        path = tmp_path / name
        path.write_text(f"title: {title}\ndate: {date}\n\n{body}", encoding="utf-8")
        files.append(str(path))
    db = tmp_path / "db"
    assert dateline("ingest", "--db", str(db), *files).returncode == 0
    out = dateline("export", "--db", str(db), "--format", "jsonl", "--entity", "General Motors", "-o", "-")
    assert out.returncode == 0, out.stderr.decode()
    events = [r for r in map(json.loads, out.stdout.decode().splitlines()) if r["kind"] == "event"]
    hummer = [r for r in events if "Hummer" in r["summary"]]
    assert hummer and hummer[0]["date"] == "2009-03-05"


@run_async
async def test_the_apps_timeline_of_the_company_shows_the_acronym_articles_items(gm_store):
    app = DatelineApp(gm_store)
    async with app.run_test(size=(180, 50)) as pilot:
        await focus_by_filter(pilot, "General Motors")
        rows = timeline_texts(app)
        assert any("sold its Hummer brand" in row for row in rows)
        assert any("close two plants" in row for row in rows)
