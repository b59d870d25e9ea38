"""Every ingest format, read from a real fixture file."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.store.ingest.formats.formats import detect_kind, parse_source

FIXTURES = Path(__file__).parents[2] / "fixtures" / "ingest"


def parse(name: str):
    return parse_source(str(FIXTURES / name))


def test_text_with_header_lines():
    [article] = parse("header_lines.txt")
    assert article.title == "Lakeside council approves new tram line"
    assert article.published == "2024-03-14"
    assert article.source == "Northshore Courier"
    assert article.url == "https://courier.example.com/2024/03/14/tram-line"
    assert article.body.startswith("The Lakeside city council voted 9-2")
    assert "Author:" not in article.body
    assert article.body.count("\n\n") == 2  # paragraphs kept
    assert article.warnings == []


def test_seed_inline_dateline():
    [article] = parse("seed_dateline.txt")
    assert article.published == "2025-06-10"
    assert article.body.startswith("U.S. Commerce Secretary Howard Lutnick reported")
    assert "date 2025-06-10" not in article.body
    # The first line is a long sentence, so the title is its start, not the whole paragraph.
    assert article.title.startswith("U.S. Commerce Secretary Howard Lutnick")
    assert len(article.title) <= 81
    assert "\u2018" in article.body  # He Lifeng's U+2018 survives untouched


def test_title_line_then_date_line():
    [article] = parse("title_and_dateline.txt")
    assert (article.title, article.published) == ("Drought declared in three provinces", "2023-08-04")
    assert article.body.startswith("The agriculture ministry declared")


def test_plain_text_markup_is_kept_literally():
    [article] = parse("markup_in_text.txt")
    assert article.title == "Tags stay as written"
    assert article.published == "2021-04-01"
    assert "<b>urgent</b> and **do not forward**, & nothing" in article.body


def test_undated_text_gets_a_warning_not_today():
    [article] = parse("undated.txt")
    assert article.published is None
    assert article.warnings == ["no publication date found; stored undated"]
    assert article.title == "The committee met again to discuss the budget."
    assert article.body.startswith("The committee met again")


def test_markdown_front_matter():
    [article] = parse("front_matter.md")
    assert article.title == "Grain exports fall as river levels drop"
    assert article.published == "2023-09-05"
    assert article.source == "Delta Farm Weekly"
    assert article.url == "https://farmweekly.example.org/grain-exports-fall"
    assert article.body.startswith("Barge operators on the Marrow River cut loads")
    assert "Delta Shippers Association said" in article.body  # link text kept, URL dropped
    assert "**" not in article.body and "](" not in article.body and "---" not in article.body
    assert '"We have not seen water this low since 1998," said harbour master' in article.body
    assert "\n\n" in article.body


def test_html_page():
    [article] = parse("page.html")
    assert article.title == "Solar farm opens near Brackwater"
    assert article.published == "2022-11-08"
    assert article.source == "Valley Ledger"
    assert article.url == "https://ledger.example.net/energy/solar-farm-brackwater"
    assert "A 240-megawatt solar farm began supplying power" in article.body
    assert "1,100 acres" in article.body
    for chrome in ("Most read", "All rights reserved", "Sports", "window.analytics", "font-family"):
        assert chrome not in article.body
    assert article.body.count("\n\n") >= 2


def test_json_object():
    [article] = parse("article.json")
    assert article.title == "Central bank holds rates at 4.25%"
    assert article.published == "2024-07-31"
    assert article.source == "Example Wire"  # NewsAPI-style {"id", "name"} source
    assert article.body.endswith("above the 2% target.")
    assert article.origin.endswith("article.json")


def test_json_list_skips_the_bad_entries_and_keeps_the_rest():
    articles = parse("articles.json")
    assert [a.title for a in articles] == ["Airline orders 40 new jets", "Museum reopens after flood"]
    assert [a.published for a in articles] == ["2021-06-03", "2021-06-12"]
    assert [a.origin.rsplit("#", 1)[1] for a in articles] == ["entry-1", "entry-3"]
    assert articles[0].url == "https://air.example.com/orders"
    assert articles[1].source == "Riverside Post"
    assert any("entry 2" in w and "skipped" in w for w in articles[0].file_notes)
    assert any("entry 4" in w and "skipped" in w for w in articles[0].file_notes)


def test_jsonl_skips_a_broken_line():
    articles = parse("articles.jsonl")
    assert [a.title for a in articles] == ["Rail strike called off", "Port volumes rise", "Undated note"]
    assert [a.published for a in articles] == ["2020-02-17", "2020-02-18", None]
    assert articles[1].body == "Container volumes at the port of Hallin rose 7% in January."
    assert any(w.startswith("line 2: invalid JSON") for w in articles[0].file_notes)
    assert "no publication date found; stored undated" in articles[2].warnings


def test_rss_feed_one_article_per_entry():
    articles = parse("feed.rss")
    assert [a.title for a in articles] == ["Fishing quotas cut by 15%", "Lighthouse restored"]
    assert [a.published for a in articles] == ["2025-01-06", "2025-01-07"]
    assert {a.source for a in articles} == {"Coastal Times"}
    assert articles[0].url == "https://coastal.example.com/quotas"
    assert articles[0].body == ("Regulators cut cod quotas by 15% for 2025.\n\n"
                                "Fishermen's leader Jonas Berg called the cut \"painful but necessary\".")
    assert articles[1].origin.endswith("feed.rss#entry-2")


def test_atom_feed_uses_content_and_published_date():
    articles = parse("feed.atom")
    assert [a.title for a in articles] == ["Ski resort plans expansion", "Road pass closes early"]
    assert articles[0].published == "2019-10-01"  # published wins over updated, in its own time zone
    assert articles[1].published == "2019-10-02"  # only an updated date
    assert "<p>" not in articles[0].body and "\n\n" in articles[0].body
    assert articles[0].url == "https://observer.example.com/ski"
    assert articles[0].source == "Highland Observer"


@pytest.mark.parametrize("name, kind, title", [
    ("json_disguised.txt", "json", "Bridge toll scrapped"),
    ("feed_disguised.txt", "feed", "Library extends hours"),
])
def test_content_beats_a_misleading_extension(name, kind, title):
    text = (FIXTURES / name).read_text("utf-8")
    assert detect_kind(str(FIXTURES / name), text) == kind
    assert [a.title for a in parse(name)] == [title]


def test_text_starting_with_a_bracket_is_still_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("[Update] Ferry service resumes\n\nFerries resumed on Monday after a strike.\n")
    [article] = parse_source(str(path))
    assert article.title == "[Update] Ferry service resumes"
    assert article.body == "Ferries resumed on Monday after a strike."


def test_stdin_data_is_detected_by_content():
    data = (FIXTURES / "feed.rss").read_bytes()
    articles = parse_source("-", data)
    assert len(articles) == 2
    assert articles[0].origin == "<stdin>#entry-1"
    [article] = parse_source("-", b"Title: Piped in\nDate: 2020-01-02\n\nBody text.")
    assert (article.title, article.published, article.origin) == ("Piped in", "2020-01-02", "<stdin>")


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_html_without_open_graph_uses_title_tag_time_element_and_canonical(tmp_path):
    page = write(tmp_path, "p.html", """<html><head><title>Bridge reopens after repairs | The Daily Example</title>
        <link rel="canonical" href="https://daily.example.com/bridge"></head><body>
        <p>Posted <time datetime="2021-10-04T09:00">Monday</time></p>
        <p>The Elm Street bridge reopened on Monday after six months of repairs costing 3 million euros.</p>
        </body></html>""")
    [article] = parse_source(page)
    assert article.title == "Bridge reopens after repairs"
    assert article.published == "2021-10-04"
    assert article.url == "https://daily.example.com/bridge"
    assert "reopened on Monday after six months" in article.body


def test_html_date_from_json_ld(tmp_path):
    page = write(tmp_path, "p.htm", """<!doctype html><html><head><title>Vote count ends</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "datePublished": "2019-05-27T22:10:00+02:00"}</script></head>
        <body><article><p>Counting ended late on Sunday night in all districts.</p></article></body></html>""")
    [article] = parse_source(page)
    assert (article.title, article.published) == ("Vote count ends", "2019-05-27")


def test_feed_date_that_only_feedparser_reads(tmp_path):
    feed = write(tmp_path, "f.xml", """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>Two-digit year</title><pubDate>Mon, 06 Jan 25 08:00:00 GMT</pubDate>
        <description>Text.</description></item></channel></rss>""")
    [article] = parse_source(feed)
    assert article.published == "2025-01-06"


def test_markdown_heading_becomes_the_title(tmp_path):
    note = write(tmp_path, "n.md", "# Council *backs* budget\n\nDate is not here.\n\n- item one\n")
    [article] = parse_source(note)
    assert article.title == "Council backs budget"
    assert article.body == "Date is not here.\n\n- item one"
    assert article.published is None


def test_json_lines_in_a_json_file_and_nested_wordpress_fields(tmp_path):
    lines = write(tmp_path, "posts.json", "\n".join([
        '{"title": {"rendered": "Harbour fire contained"}, "date": 1700000000, '
        '"content": {"rendered": "<p>Firefighters contained the blaze.</p><p>No one was hurt.</p>"}}',
        '{"title": "Second", "date": 1700086400000, "text": "Milliseconds are read too."}',
    ]))
    first, second = parse_source(lines)
    assert (first.title, first.published) == ("Harbour fire contained", "2023-11-14")
    assert first.body == "Firefighters contained the blaze.\n\nNo one was hurt."
    assert second.published == "2023-11-15"


def test_json_feed_container_gives_its_title_as_source(tmp_path):
    feed = write(tmp_path, "feed.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "Example Feed", '
                                         '"items": [{"id": "1", "content_text": "Hello world.", '
                                         '"date_published": "2020-08-07T11:44:36-05:00"}]}')
    [article] = parse_source(feed)
    assert (article.source, article.published, article.body) == ("Example Feed", "2020-08-07", "Hello world.")


def test_xhtml_with_an_encoding_declaration_from_stdin():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            '<head><title>Dam inspection</title><meta name="date" content="2017-04-03"/></head>'
            '<body><div><p>Engineers inspected the S\u00e1nchez dam on Monday and found no cracks.</p></div>'
            '</body></html>')
    [article] = parse_source("-", page.encode("utf-8"))
    assert (article.title, article.published) == ("Dam inspection", "2017-04-03")
    assert article.body == "Engineers inspected the S\u00e1nchez dam on Monday and found no cracks."


def test_feed_in_its_declared_legacy_encoding(tmp_path):
    path = tmp_path / "latin.rss"
    path.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Z\u00fcrich '
                     'Zeitung</title><item><title>Caf\u00e9 closes</title><description>\u00dcber 40 Jahre.'
                     '</description></item></channel></rss>'.encode("latin-1"))
    [article] = parse_source(str(path))
    assert (article.source, article.title, article.body) == (
        "Z\u00fcrich Zeitung", "Caf\u00e9 closes", "\u00dcber 40 Jahre.")
    assert not any("cp1252" in warning for warning in article.warnings)


@pytest.mark.parametrize("text, title, body_start", [
    # Hard-wrapped prose: the first line is not a title, and stays in the body.
    ("The council met again on Tuesday to discuss the budget and the\nnew tram line. It agreed.",
     "The council met again on Tuesday to discuss the budget and the new tram line.", "The council met"),
    ("Shares in Norland Steel fell sharply on Monday after the company\nwarned on profits.",
     "Shares in Norland Steel fell sharply on Monday after the company warned on\u2026", "Shares in"),
    # A real title line, with or without a blank line after it.
    ("Steel shares slump\nShares in Norland Steel fell on Monday.", "Steel shares slump", "Shares in"),
    ("Steel shares slump\n\nShares in Norland Steel fell on Monday.", "Steel shares slump", "Shares in"),
])
def test_plain_text_title_rule(tmp_path, text, title, body_start):
    [article] = parse_source(write(tmp_path, "a.txt", text))
    assert article.title == title
    assert article.body.startswith(body_start)


def test_markdown_is_read_by_a_commonmark_parser(tmp_path):
    """What line-by-line regexes got wrong: emphasis across a line break, escapes, a URL with brackets,
    an HTML block, a code span holding stars."""
    note = write(tmp_path, "cm.md", "# Port reopens\n\nThe **harbour\nmaster** said \\*no\\* ships "
                 "[waited](https://en.wikipedia.org/wiki/Port_(disambiguation)) on `a*b*c` day.\n\n"
                 "<div class=\"ad\">\nBuy now\n</div>\n\nCargo resumed.\n")
    [article] = parse_source(note)
    assert article.title == "Port reopens"
    assert article.body == "The harbour\nmaster said *no* ships waited on a*b*c day.\n\nCargo resumed."
