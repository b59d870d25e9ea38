"""Issue 13, who takes part: causes of false and missing timeline items seen on the broadened held-out
check, each through ``dateline extract``. Every text here is written for the test (not from any eval set)."""
from __future__ import annotations

from tests.store.view.test_timeline_items import events_with, extract


def entity(result: dict, name: str) -> dict:
    return next(e for e in result["entities"] if e["name"] == name)


def test_a_person_who_only_owns_what_the_sentence_is_about_does_not_take_part(tmp_path, capsys):
    body = ("Rita Olsen opened the Tarnow plant. Analysts said Rita Olsen's health had worsened. "
            "Rita Olsen's predecessor, Tom Brandt, resigned after 99 days. Rita Olsen's plan was approved.")
    result = extract(tmp_path, capsys, body)
    summaries = [e["summary"] for e in events_with(result, "Rita Olsen")]
    assert summaries == ["Rita Olsen opened the Tarnow plant.", "Rita Olsen's plan was approved."]
    assert [f["entities"] for f in result["figures"] if f["text"] == "99 days"] == [["Tom Brandt"]]


def test_a_company_named_only_to_point_at_its_parent_or_rival_does_not_take_part(tmp_path, capsys):
    body = "Delays slammed Corvane Motors' parent company Harmon Group. Analysts said Corvane parent Harmon Group fell."
    result = extract(tmp_path, capsys, body)
    assert events_with(result, "Corvane Motors") == []
    assert len(events_with(result, "Harmon Group")) == 2


def test_an_airline_named_like_a_place_is_the_airline_not_the_country(tmp_path, capsys):
    body = ("Dubai's Emirates said it had ordered 32 more jets from Harmon Aero. "
            "This is an investment for the UAE (United Arab Emirates), one analyst said.")
    result = extract(tmp_path, capsys, body)
    assert entity(result, "Emirates")["type"] == "ORG"
    assert "Emirates" not in entity(result, "United Arab Emirates")["aliases"]
    assert [e["summary"][:16] for e in events_with(result, "Emirates")] == ["Dubai's Emirates"]


def test_a_dateline_with_a_state_abbreviation_and_a_dash_is_one_sentence(tmp_path, capsys):
    body = ("EVERETT, Wash. \u2013 Harmon Aero has announced a new schedule for its jet. "
            "DETROIT, Mich. - Corvane said so.")
    result = extract(tmp_path, capsys, body)
    assert [e["summary"][:14] for e in events_with(result, "Harmon Aero")] == ["EVERETT, Wash."]
    assert [e["summary"][:15] for e in events_with(result, "Corvane")] == ["DETROIT, Mich. "]


def test_a_model_named_in_the_plural_is_the_model(tmp_path, capsys):
    body = "Harmon Aero delivered the first HX450 on Monday. Airlines have ordered 193 HX450s so far."
    result = extract(tmp_path, capsys, body)
    model = entity(result, "HX450")
    assert model["aliases"] == ["HX450s"] and len(model["mentions"]) == 2
    assert len(events_with(result, "HX450")) == 2


def test_every_way_of_writing_a_market_index_is_the_index(tmp_path, capsys):
    body = ("The Dow Jones industrials rose 108 points. It was the worst year for the Dow since 1931. "
            "The Dow Jones Industrial Average closed at 8,776. Dow Chemical shares fell. "
            "The Standard & Poor's 500 index lost 38.5 percent. "
            "\u201cIt is painful,\u201d S&P analyst Howard Silverblatt said.")
    result = extract(tmp_path, capsys, body)
    dow = entity(result, "Dow Jones Industrial Average")
    assert sorted(m["text"] for m in dow["mentions"]) == ["Dow", "Dow Jones Industrial Average",
                                                          "Dow Jones industrials"]
    assert len(events_with(result, "Dow Jones Industrial Average")) == 3
    assert [e["summary"][:12] for e in events_with(result, "S&P 500")] == ["The Standard"]


def test_a_name_written_in_capitals_once_is_named_as_written_elsewhere(tmp_path, capsys):
    result = extract(tmp_path, capsys, "PRESIDENT OBAMA delivered an ultimatum. Mr. Obama was more demanding.")
    assert entity(result, "Obama")["aliases"] == ["OBAMA"]


def test_an_index_or_model_named_as_the_owner_of_its_own_move_takes_part(tmp_path, capsys):
    body = ("The S&P 500's 52 percent decline was the worst since 1937. The HX450's first flight slipped to June. "
            "The HX450's cabin is wide.")
    result = extract(tmp_path, capsys, body)
    assert len(events_with(result, "S&P 500")) == 1
    assert [e["summary"][:17] for e in events_with(result, "HX450")] == ["The HX450's first"]


def test_an_airliner_model_is_one_name_however_it_is_written(tmp_path, capsys):
    body = ("Harmon Air ordered 20 787s and 10 787-9s from Boeing. The first Dreamliner deliveries slipped. "
            "Delays hit its 787 Dreamliner programme. Regulators grounded the 737 MAX. Airbus delivered two "
            "A380s; the Airbus A380-800 seats 525. Boeing cut 787 jobs and paid $787 million.")
    result = extract(tmp_path, capsys, body)
    assert sorted(m["text"] for m in entity(result, "Boeing 787")["mentions"]) == [
        "787 Dreamliner", "787-9s", "787s", "Dreamliner"]
    assert entity(result, "Boeing 737 MAX")["aliases"] == ["737 MAX"]
    assert sorted(m["text"] for m in entity(result, "Airbus A380")["mentions"]) == ["A380s", "Airbus A380-800"]
    assert [e["summary"][:14] for e in events_with(result, "Boeing 787")] == [
        "Harmon Air ord", "The first Drea", "Delays hit its"]
