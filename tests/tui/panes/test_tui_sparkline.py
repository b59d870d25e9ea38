"""The card's "Mentions over time" covers the whole span, binned to fit, ends and peak labelled (issue 16)."""
from __future__ import annotations

from dateline.store import NewArticle, Store
from dateline.tui.app.app import DatelineApp
from dateline.tui.panes.sparkline import binned, sparkline
from tui_fake_store import card_texts, focus_by_filter, run_async, settle


def test_bins_months_then_quarters_then_years_to_fit():
    histogram = (("2009-02", 20), ("2010-05", 3), ("2013-12", 12))
    labels, values, unit = binned(histogram, 60)
    assert unit == "month" and len(labels) == 59 and sum(values) == 35
    labels, values, unit = binned(histogram, 30)
    assert unit == "quarter" and labels[0] == "2009-Q1" and labels[-1] == "2013-Q4" and sum(values) == 35
    labels, values, unit = binned(histogram, 10)
    assert unit == "year" and labels == ["2009", "2010", "2011", "2012", "2013"] and values == [20, 3, 0, 0, 12]
    labels, values, unit = binned((("1950-01", 1), ("2025-01", 2)), 10)
    assert unit == "10 years" and sum(values) == 3 and len(labels) <= 10
    spark = sparkline(histogram, 10)
    assert (spark.first, spark.last, spark.peak, spark.peak_count, spark.total) == ("2009", "2013", "2009", 20, 35)


def _gm_article(number: int, published: str, mentions: int) -> NewArticle:
    body = " ".join(f"General Motors sold cars {i}." for i in range(mentions)) + "\n"
    starts = [i for i in range(len(body)) if body.startswith("General Motors", i)]
    entity = {"name": "General Motors", "type": "ORG", "aliases": [], "roles": [], "ticker": None,
              "mentions": [{"start": s, "end": s + 14, "text": "General Motors", "role": None} for s in starts]}
    return NewArticle(title=f"GM report {number}", body=body, url=f"https://example.com/gm{number}",
                      source="Example Wire", published=published, origin=f"gm{number}.txt",
                      extraction={"entities": [entity], "events": [], "figures": []}, sentences=[(0, len(body) - 1)])


@run_async
async def test_card_sparkline_covers_a_multi_year_entity(tmp_path):
    store = Store.open(tmp_path / "db")
    store.add_articles([_gm_article(1, "2009-03-02", 20), _gm_article(2, "2010-07-01", 3),
                        _gm_article(3, "2013-12-05", 12)])
    app = DatelineApp(store)
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            await focus_by_filter(pilot, "General Motors")
            card = card_texts(app)
            at = card.index(next(line for line in card if line.startswith("Mentions over time")))
            heading, bars, ends, peak = card[at:at + 4]
            assert ends.split()[0].startswith("2009") and ends.split()[-1].startswith("2013"), ends
            assert "2009" in peak and "20 mentions" in peak and "35 in all" in peak, peak
            assert bars[0] == "█", "the 2009 peak is drawn, not dropped"
    finally:
        store.close()
