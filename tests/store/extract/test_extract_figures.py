"""Figures: percentages, money and quantities with value, unit, direction, baseline, metric, period."""
from __future__ import annotations

import pytest

from dateline.store.extract.dating.dates import find_dates
from dateline.store.extract.numbers.figures import find_figures, parse_number
from dateline.store.extract.sentences import split_sentences


def figures(text: str, published: str | None = "2025-06-10") -> list[dict]:
    sentences = split_sentences(text)
    return find_figures(text, sentences, find_dates(text, published, sentences), [], published)


def one(text: str, wanted: str) -> dict:
    found = [f for f in figures(text) if wanted in f["text"]]
    assert len(found) == 1, [f["text"] for f in figures(text)]
    return found[0]


@pytest.mark.parametrize("text, wanted, value, unit", [
    ("Exports plunged 34.5% in May.", "34.5%", 34.5, "%"),
    ("Apple reached a 78 percent increase.", "78 percent", 78, "%"),
    ("Layoffs equal about six percent of staff.", "six percent", 6, "%"),
    ("Boeing lost a US$40 billion contract.", "US$40 billion", 40e9, "USD"),
    ("A deal worth GB #20.1 billion was signed.", "GB #20.1 billion", 20.1e9, "GBP"),
    ("The jets cost 9.9 billion yuan in total.", "9.9 billion yuan", 9.9e9, "CNY"),
    ("Boeing secures $11bn of aircraft deals.", "$11bn", 11e9, "USD"),
    ("Profit was \u20ac3.2m last quarter.", "\u20ac3.2m", 3.2e6, "EUR"),
    ("It is priced at \u00a3199 in stores.", "\u00a3199", 199, "GBP"),
    ("Earnings were 26 cents per share.", "26 cents", 0.26, "USD"),
    ("They talked for nearly seven hours.", "nearly seven hours", 7, "hours"),
    ("The company will cut 10,000 jobs.", "10,000 jobs", 10000, "jobs"),
    ("It signed a $1.5-billion deal.", "$1.5-billion", 1.5e9, "USD"),
    ("The firm is worth Rs 500 crore.", "Rs 500 crore", 5e9, "INR"),
    ("He sold EUR 20m of bonds.", "EUR 20m", 20e6, "EUR"),
    ("A 10-percent increase was seen.", "10-percent", 10, "%"),
    ("It fell 2.5 percentage points.", "2.5 percentage points", 2.5, "percentage points"),
])
def test_value_and_unit(text, wanted, value, unit):
    figure = one(text, wanted)
    assert figure["value"] == pytest.approx(value)
    assert figure["unit"] == unit


@pytest.mark.parametrize("text, wanted, direction", [
    ("Exports to the U.S. plunged 34.5%.", "34.5%", "down"),
    ("Overall exports rose 4.8% year-over-year.", "4.8%", "up"),
    ("Exports to other markets increased 11.4%.", "11.4%", "up"),
    ("General Motors reported a 49% decline.", "49%", "down"),
    ("Tariffs remain at 30%, down from 145%.", "30%", "down"),
    ("Tariffs remain at 30%, down from 145%.", "145%", None),
    ("The index stood at 12%.", "12%", None),
    ("A 10% increase and a 12% drop.", "12%", "down"),
    ("The charity raised \u00a3250,000.", "\u00a3250,000", None),
])
def test_direction(text, wanted, direction):
    assert one(text, wanted)["direction"] == direction


def test_baseline_metric_and_period():
    text = ("China\u2019s May customs data showed exports to the U.S. plunged 34.5%. "
            "Tariffs remain at 30%, down from 145%.")
    found = {f["text"]: f for f in figures(text)}
    assert found["34.5%"]["metric"] == "exports to the U.S."
    assert found["34.5%"]["period"] == "2025-05"
    assert found["30%"]["baseline"] == 145
    assert found["30%"]["metric"] == "Tariffs"
    assert one("Overall exports rose 4.8% year-over-year.", "4.8%")["period"] == "year-over-year"


def test_a_rank_is_not_money():
    assert figures("The #1 seed won.") == []


def test_money_without_currency_sign_needs_money_nearby():
    text = "GM asked for US$5 billion in aid on top of the four billion it has already received."
    assert [f["unit"] for f in figures(text)] == ["USD", "USD"]
    assert [f["unit"] for f in figures("Some four million people voted.")] == ["people"]


@pytest.mark.parametrize("text", ["It may rise.", "He was born in 1990.", "Talks on May 5 went well."])
def test_dates_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize("raw, value", [("1,234.5", 1234.5), ("seven", 7), ("twenty-five", 25), ("x", None)])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


def test_period_carries_over_and_present_tense_takes_publication_date():
    text = ("China\u2019s May customs data showed exports plunged 34.5%. However, exports to others rose 11.4%. "
            "Tariffs remain at 30%, down from 145%. Analysts were surprised by 12%.")
    found = {f["text"]: f for f in figures(text, "2025-06-10")}
    assert found["11.4%"]["period"] == "2025-05"
    assert found["30%"]["period"] == "2025-06-10"
    # a baseline is dated like every figure: reported on the article's day (never as "was 145% then")
    assert (found["145%"]["period"], found["145%"]["period_kind"]) == ("2025-06-10", "reported")
    assert (found["12%"]["period"], found["12%"]["period_kind"]) == ("2025-06-10", "reported")
    assert (found["30%"]["period_kind"], found["11.4%"]["period_kind"]) == ("reported", "stated")


def test_figure_inherits_the_actors_of_the_sentence_whose_topic_it_continues():
    from dateline.store.extract import extract

    text = ("Trump's tariff policies have cost companies billions. Current tariffs on Chinese goods remain at "
            "30%, down from peak rates of 145%.\n\nKevin Hassett spoke about exports. Tariffs rose 5% in May.")
    figs = {f["text"]: f for f in extract(text, "2025-06-10")["figures"]}
    assert "Donald Trump" in figs["30%"]["entities"] or "Trump" in figs["30%"]["entities"]
    assert figs["145%"]["entities"] == figs["30%"]["entities"]
    assert "Kevin Hassett" not in figs["5%"]["entities"]  # no shared topic with the sentence before
