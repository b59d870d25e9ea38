"""Issue 13, precision: what is not an item of an entity's timeline, through ``dateline extract``.

Every text here is written for the test (not from any eval set)."""
from __future__ import annotations

import json
from pathlib import Path

from dateline.store.ingest import extract_filter as cli
from tests.store.view.test_timeline_items import events_with, extract

SEED = Path(__file__).resolve().parents[3] / "store" / "demo" / "000_c502444593958914.txt"


def test_a_product_named_as_a_modifier_does_not_take_part(tmp_path, capsys):
    body = ("Harmon Freight launched the iWidget 7 on Monday. The iWidget 7 return rate is low. "
            "Harmon Freight will give owners of its new iWidget 7 a free case. The iWidget 7's battery drains fast.")
    result = extract(tmp_path, capsys, body)
    summaries = [e["summary"] for e in events_with(result, "iWidget 7")]
    assert summaries == ["Harmon Freight launched the iWidget 7 on Monday."]
    assert len(events_with(result, "Harmon Freight")) == 2


def test_a_sentence_opening_with_a_camel_case_name_is_its_own_sentence(tmp_path, capsys):
    body = "Films will retail for $9.99, although some studios want a higher price. iBeam is the biggest store."
    result = extract(tmp_path, capsys, body)
    [event] = events_with(result, "iBeam")
    assert event["summary"] == "iBeam is the biggest store."
    assert all("iBeam" not in f["entities"] for f in result["figures"])


def test_a_figure_is_not_given_the_previous_sentences_person_when_its_own_names_someone(tmp_path, capsys):
    body = ("Chief executive Alan Brecker said the iWidget 7 will change music. "
            "The new iWidget 7 comes in a 30GB edition for $299.")
    result = extract(tmp_path, capsys, body)
    assert {f["text"]: f["entities"] for f in result["figures"]} == {"30GB": ["iWidget 7"], "$299": ["iWidget 7"]}


def test_a_figure_is_not_about_a_name_in_a_later_clause(tmp_path, capsys):
    body = "Retailers expect sales to reach 40,000 units, although some stores say Corvane Motors will wait."
    [figure] = extract(tmp_path, capsys, body)["figures"]
    assert figure["entities"] == []


def test_each_date_of_a_sentence_keeps_the_names_of_its_own_part(tmp_path, capsys):
    body = "Corvane Motors hired Rita Olsen in 1996, and opened the Tarnow plant in 2003."
    result = extract(tmp_path, capsys, body)
    assert [e["date"] for e in events_with(result, "Rita Olsen")] == ["1996"]
    assert [e["date"] for e in events_with(result, "Corvane Motors")] == ["1996", "2003"]


def test_a_one_word_fragment_is_no_event(tmp_path, capsys):
    result = extract(tmp_path, capsys, "Rita Olsen opened the plant.\nRita\n")
    assert [e["summary"] for e in events_with(result, "Rita Olsen")] == ["Rita Olsen opened the plant."]


def test_the_seeds_peak_rate_baseline_is_reported_on_its_articles_date(capsys):
    assert cli.main([str(SEED)]) == 0
    by_text = {f["text"]: f for f in json.loads(capsys.readouterr().out)["figures"]}
    peak = by_text["145%"]
    assert (peak["period"], peak["period_kind"], peak["metric"]) == ("2025-06-10", "reported", "peak rates")
    assert by_text["30%"]["baseline"] == 145


def test_a_product_models_name_in_small_letters_is_not_the_product(tmp_path, capsys):
    body = "Harmon Freight shipped the iWidget on Monday. Harmon Freight unveiled the iWidget nano on Tuesday."
    result = extract(tmp_path, capsys, body)
    assert [e["summary"] for e in events_with(result, "iWidget")] == ["Harmon Freight shipped the iWidget on Monday."]
