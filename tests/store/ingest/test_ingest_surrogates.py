"""Issue 11 item 5: a lone surrogate (``\\ud800``) in one file is repaired with a warning; the batch is stored."""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from dateline.store import Store
from dateline.store.ingest import ingest_paths
from tests.cli.test_cli import SEED, dateline

SURROGATE = re.compile("[\ud800-\udfff]")
FIELDS = ("title", "body", "url", "source", "published")


def stored_fields(db) -> list[dict]:
    with Store.open(db, readonly=True) as store:
        return [{"title": a.title, "body": store.body(a.id), "url": a.url, "source": a.source,
                 "published": a.published, "origin": a.origin} for a in store.articles()]


def test_item5_lone_surrogate_in_json_is_one_warning_and_the_batch_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.json").write_text(json.dumps({"title": "Bad \ud800 title", "date": "2024-01-02",
                                               "text": "Kari Nordmann spoke in Oslo. \udc00 The end."}),
                                   encoding="ascii")
    (folder / "c.jsonl").write_text(json.dumps({"title": "Fine", "text": "Bergen had rain."}) + "\n"
                                    + json.dumps({"title": "x", "url": "http://e/\ud801", "source": "S\udfff",
                                                  "text": "Trondheim news."}) + "\n", encoding="ascii")
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(folder))
    err = out.stderr.decode()
    assert out.returncode == 0 and "Traceback" not in err, err
    assert "4 new, 0 unchanged, 0 failed" in err
    warned = [line for line in err.splitlines() if "replaced by U+FFFD" in line]
    assert len(warned) == 4 and any("b.json: 1 invalid character" in line and "title" in line for line in warned)
    rows = stored_fields(tmp_path / "db")
    assert len(rows) == 4 and not any(SURROGATE.search(v or "") for row in rows for v in row.values())
    assert {"Bad \ufffd title", "Fine", "x"} <= {row["title"] for row in rows}


def test_item5_feed_character_reference_to_a_surrogate_keeps_the_feed(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>'
                     b'<item><title>T &#xD800; x</title><description>Oslo &#55296; news.</description></item>'
                     b'<item><title>Second</title><description>Bergen news.</description></item>'
                     b'</channel></rss>')
    with Store.open(tmp_path / "db", wait=1) as store:
        summary = ingest_paths(store, [str(feed)])
    assert summary.new == 2 and summary.failed == 0, summary.errors
    assert any("2 character references to no character" in w for w in summary.warnings)


def test_item5_file_name_with_undecodable_bytes_is_stored_escaped(tmp_path):
    import os

    raw = os.fsencode(str(tmp_path)) + b"/\xff-story.txt"
    with open(raw, "wb") as handle:
        handle.write(SEED.read_bytes())
    with Store.open(tmp_path / "db", wait=1) as store:
        summary = ingest_paths(store, [os.fsdecode(raw)])
    assert summary.new == 1 and summary.failed == 0
    assert stored_fields(tmp_path / "db")[0]["origin"].endswith("/\\xff-story.txt")


_plain = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_surrogate = st.integers(0xD800, 0xDFFF).map(chr)


@st.composite
def _field(draw) -> str:
    """Text with a few lone surrogates dropped in."""
    text = list(draw(_plain))
    for ch in draw(st.lists(_surrogate, max_size=3)):
        text.insert(draw(st.integers(0, len(text))), ch)
    return "".join(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.fixed_dictionaries({name: _field() for name in FIELDS}), min_size=1, max_size=4),
       as_lines=st.booleans())
def test_item5_any_surrogates_in_any_field_every_article_is_stored(tmp_path_factory, entries, as_lines):
    folder = tmp_path_factory.mktemp("s")
    good = folder / "good.txt"
    good.write_text("title: Good\n\nA plain article about Oslo.\n", encoding="utf-8")
    for n, entry in enumerate(entries):
        entry["body"] = f"Article {n}. " + entry["body"]  # every entry has text, each a different one
    bad = folder / ("bad.jsonl" if as_lines else "bad.json")
    bad.write_text("\n".join(json.dumps(e) for e in entries) if as_lines else json.dumps(entries), encoding="ascii")
    with Store.open(folder / "db", wait=1) as store:
        summary = ingest_paths(store, [str(good), str(bad)])
    assert summary.failed == 0, summary.errors
    rows = stored_fields(folder / "db")
    assert len(rows) == summary.new and summary.new + summary.unchanged == len(entries) + 1
    assert not any(SURROGATE.search(v or "") for row in rows for v in row.values())
