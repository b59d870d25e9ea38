"""Issue 13 through ``dateline extract``: what an item on a timeline is and how it is dated.

Every text here is written for the test (not from any eval set)."""
from __future__ import annotations

import json

from dateline.store.ingest import extract_filter as cli

HEADER = "title: {title}\ndate: {date}\n\n"


def extract(tmp_path, capsys, body: str, date: str = "2009-03-05", title: str = "Test") -> dict:
    path = tmp_path / "article.txt"
    path.write_text(HEADER.format(title=title, date=date) + body, encoding="utf-8")
    assert cli.main([str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def events_with(result: dict, name: str) -> list[dict]:
    return [e for e in result["events"] if name in e["participants"]]


def test_a_sentence_without_a_time_phrase_is_reported_on_the_article_date(tmp_path, capsys):
    result = extract(tmp_path, capsys, "Harmon Freight says that it will be compensated for the delays. "
                                       "Nothing else moved at the docks.")
    [event] = events_with(result, "Harmon Freight")
    assert (event["date"], event["precision"], event["date_text"]) == ("2009-03-05", "reported", None)


def test_an_undated_article_leaves_its_events_undated(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Harmon Freight says that it will be compensated for the delays.", encoding="utf-8")
    assert cli.main([str(path)]) == 0
    [event] = events_with(json.loads(capsys.readouterr().out), "Harmon Freight")
    assert (event["date"], event["precision"]) == (None, "unknown")


def test_a_name_in_a_passing_list_is_not_taking_part(tmp_path, capsys):
    body = ("Shoppers compared phones from Nokia, Motorola, Samsung and Sony Ericsson at the fair. "
            "Nokia cut its prices.")
    result = extract(tmp_path, capsys, body)
    assert [e["summary"] for e in events_with(result, "Samsung")] == []
    assert len(events_with(result, "Nokia")) == 1


def test_he_carries_the_person_of_the_sentences_before(tmp_path, capsys):
    body = "Mayor Alan Brecker opened the new bridge. He thanked the engineers who built it."
    result = extract(tmp_path, capsys, body)
    summaries = [e["summary"] for e in events_with(result, "Alan Brecker")]
    assert any(s.startswith("He thanked") for s in summaries)


def test_background_dates_are_context_and_do_not_place_the_event(tmp_path, capsys):
    cases = {
        "The Dow Jones index had its worst fall since 1987, a drop of 9%.": ("1987", "reference"),
        "Tarnow Airways cut flights following the 2001 attacks.": ("2001", "background"),
        "Orbis Bank said its bad loans rose to 17%, up from 14% a year ago.": ("2008", "comparison"),
        "Maria Veldt, born in Lisbon on February 24, 1955, leads Orbis Bank.": ("1955-02-24", "birth"),
        "Corvane Motors promised to repay all its loans by 2017.": ("2017", "deadline"),
        "Orbis Bank shares fell 2.99 percent from the close of trading Wednesday.": ("2009-03-04", "comparison"),
    }
    for sentence, (value, role) in cases.items():
        result = extract(tmp_path, capsys, sentence)
        [event] = result["events"]
        assert (event["date"], event["precision"]) == ("2009-03-05", "reported"), sentence
        assert [(c["value"], c["role"]) for c in event["context"]] == [(value, role)], sentence


def test_a_placing_date_still_places_next_to_a_context_date(tmp_path, capsys):
    result = extract(tmp_path, capsys, "On Tuesday Orbis Bank posted its worst loss since 1987.")
    [event] = result["events"]
    assert (event["date"], event["precision"]) == ("2009-03-03", "day")
    assert [c["role"] for c in event["context"]] == ["reference"]


def test_figures_are_not_dated_by_comparison_or_birth_dates(tmp_path, capsys):
    body = ("Orbis Bank said its bad loans rose to 17%, up from 14% a year ago. "
            "Maria Veldt, born in Lisbon on February 24, 1955, built a company worth $348.8 billion.")
    figures = {f["text"]: f for f in extract(tmp_path, capsys, body)["figures"]}
    assert (figures["17%"]["period"], figures["17%"]["period_kind"]) == ("2009-03-05", "reported")
    assert figures["$348.8 billion"]["period"] == "2009-03-05"
    assert figures["$348.8 billion"]["period_kind"] == "reported"


def test_a_month_span_takes_the_year_of_its_other_end(tmp_path, capsys):
    result = extract(tmp_path, capsys, "Sales slowed between September and October of 2007.", date="2008-11-20")
    assert [(d["text"], d["value"]) for d in result["dates"]] == [("September", "2007-09"),
                                                                 ("October of 2007", "2007-10")]


def test_a_bare_month_after_through_due_or_by_resolves_forward(tmp_path, capsys):
    body = "The discount runs through June. The payment is due in May. A decision is needed by early June."
    result = extract(tmp_path, capsys, body, date="2008-08-05")
    assert [d["value"] for d in result["dates"]] == ["2009-06", "2009-05", "2009-06"]
    past = extract(tmp_path, capsys, "Sales rose through June.", date="2008-08-05")
    assert [d["value"] for d in past["dates"]] == ["2008-06"]


def test_figure_metrics_are_noun_phrases(tmp_path, capsys):
    body = ("On Friday it rose 9%. Exports to the U.S. fell 34.5% in May. "
            "Tariffs on Chinese goods remain at 30%.")
    metrics = {f["text"]: f["metric"] for f in extract(tmp_path, capsys, body, date="2025-06-10")["figures"]}
    assert metrics == {"9%": None, "34.5%": "Exports to the U.S.", "30%": "Tariffs on Chinese goods"}


def test_a_figure_belongs_to_the_organisation_not_the_speaking_person(tmp_path, capsys):
    body = "Corvane Motors chief Louis Garand said the company will cut nearly 14,000 jobs."
    result = extract(tmp_path, capsys, body)
    [figure] = result["figures"]
    assert "Corvane Motors" in figure["entities"] and "Louis Garand" not in figure["entities"]


def test_she_refers_to_the_subject_of_the_sentence_before(tmp_path, capsys):
    body = "Analyst Mary Kolb praised Alan Brecker for the bridge. She expects traffic to double."
    result = extract(tmp_path, capsys, body)
    expects = next(e for e in result["events"] if e["summary"].startswith("She expects"))
    assert expects["participants"] == ["Mary Kolb"]
