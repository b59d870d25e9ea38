"""Events: one per dated sentence (or per event word), with participants, place and refer-back."""
from __future__ import annotations

from dateline.store.extract.dating.dates import find_dates
from dateline.store.extract.events import find_events
from dateline.store.extract.sentences import split_sentences


def entity(name: str, kind: str, text: str, *surfaces: str) -> dict:
    mentions = []
    for surface in surfaces or (name,):
        start = text.find(surface)
        while start != -1:
            mentions.append({"start": start, "end": start + len(surface), "text": surface, "role": None})
            start = text.find(surface, start + 1)
    return {"name": name, "type": kind, "aliases": [], "roles": [], "ticker": None, "mentions": mentions}


TEXT = ("Finance ministers Ann Ray and Bo Li held talks in Paris on Monday. "
        "The negotiations resumed Tuesday. "
        "Canada imposed new tariffs. "
        "Both sides are expected to issue updates later Tuesday.\n"
        "March 3, 2025\n"
        "Prices were stable, according to Reuters.")
ENTITIES = [entity("Ann Ray", "PERSON", TEXT), entity("Bo Li", "PERSON", TEXT), entity("Paris", "PLACE", TEXT),
            entity("Canada", "PLACE", TEXT), entity("Reuters", "ORG", TEXT)]


def events() -> list[dict]:
    sentences = split_sentences(TEXT)
    return find_events(TEXT, sentences, find_dates(TEXT, "2025-06-10", sentences), ENTITIES)


def test_dated_sentence_gives_event_with_participants_and_place():
    first = events()[0]
    assert (first["date"], first["precision"], first["date_text"]) == ("2025-06-09", "day", "Monday")
    assert first["participants"] == ["Ann Ray", "Bo Li"]
    assert first["place"] == "Paris"
    assert "held talks in Paris" in first["summary"]
    assert TEXT[first["sentence"]["start"]:first["sentence"]["end"]].startswith("Finance ministers")


def test_refer_back_inherits_participants_and_place():
    second = events()[1]
    assert second["date"] == "2025-06-10"
    assert second["participants"] == ["Ann Ray", "Bo Li"]
    assert second["place"] == "Paris"


def test_undated_event_word_gives_unknown_precision():
    third = events()[2]
    assert (third["date"], third["precision"], third["date_text"]) == (None, "unknown", None)
    assert third["participants"] == ["Canada"]


def test_pronoun_subject_refers_to_previous_event():
    fourth = events()[3]
    assert fourth["date_text"] == "later Tuesday"
    assert fourth["participants"] == ["Canada"]


def test_dateline_alone_and_plain_sentences_give_no_event():
    texts = [TEXT[e["sentence"]["start"]:e["sentence"]["end"]] for e in events()]
    assert "March 3, 2025" not in texts
    assert not any(t.startswith("Prices were stable") for t in texts)
    assert len(events()) == 4


def test_source_is_not_a_participant():
    text = "Exports fell on Monday, according to Reuters."
    sentences = split_sentences(text)
    found = find_events(text, sentences, find_dates(text, "2025-06-10", sentences),
                        [entity("Reuters", "ORG", text)])
    assert found[0]["participants"] == []


def test_one_event_per_distinct_date_and_long_summaries_are_cut():
    text = "On Monday and again on Tuesday " + "the board met and " * 30 + "agreed."
    sentences = split_sentences(text)
    found = find_events(text, sentences, find_dates(text, "2025-06-11", sentences), [])
    assert [e["date"] for e in found] == ["2025-06-09", "2025-06-10"]
    assert all(len(e["summary"].split()) <= 25 for e in found)


def test_sentence_naming_another_kind_of_event_keeps_its_own_participants():
    text = ("Ann Ray and Bo Li held talks in Paris on Monday. "
            "The talks follow a phone call between Cy Doe and Di Roe last week.")
    people = [entity(n, "PERSON", text) for n in ("Ann Ray", "Bo Li", "Cy Doe", "Di Roe")]
    sentences = split_sentences(text)
    found = find_events(text, sentences, find_dates(text, "2025-06-10", sentences),
                        people + [entity("Paris", "PLACE", text)])
    call = found[-1]
    assert (call["date"], call["precision"]) == ("2025-W23", "week")
    assert call["participants"] == ["Cy Doe", "Di Roe"]
    assert call["place"] is None
