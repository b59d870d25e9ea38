"""Bad input: one IngestError naming the file and the reason, or a warning when text is recoverable."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from dateline.store.ingest.formats.decode import MAX_BYTES
from dateline.store.ingest.formats.formats import parse_source
from dateline.store.ingest.parsed import IngestError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "ingest"


def error_for(path: Path | str, data: bytes | None = None) -> IngestError:
    with pytest.raises(IngestError) as caught:
        parse_source(str(path), data)
    return caught.value


@pytest.mark.parametrize("name, reason", [
    ("binary.dat", "binary file (contains NUL bytes)"),
    ("image.png", "binary file (a PNG image)"),
    ("controls.txt", "binary file"),
    ("undecodable.txt", "undecodable text"),
    ("empty.txt", "empty file"),
    ("whitespace.txt", "empty file"),
    ("broken.json", "invalid JSON"),
    ("broken.rss", "broken feed"),
    ("broken.html", "broken HTML"),
])
def test_bad_file_gives_one_line_naming_file_and_reason(name, reason):
    error = error_for(FIXTURES / name)
    message = str(error)
    assert message.startswith(f"{FIXTURES / name}: {reason}")
    assert "\n" not in message
    assert error.path == str(FIXTURES / name)


def test_cp1252_fallback_decodes_with_a_warning():
    [article] = parse_source(str(FIXTURES / "cp1252.txt"))
    assert article.title == "Caf\u00e9 owners protest \u201cnew\u201d rent rules"
    assert "Caf\u00e9 M\u00fcller said rents rose 20% \u2013 \u201ctoo much\u201d." in article.body
    assert "not valid UTF-8; decoded as cp1252" in article.warnings


def test_utf16_with_bom():
    [article] = parse_source(str(FIXTURES / "utf16_bom.txt"))
    assert (article.title, article.published) == ("Z\u00fcrich ruling", "2022-12-01")
    assert article.body == "The court in Z\u00fcrich ruled on Thursday."
    assert article.warnings == []


def test_utf16_big_endian_with_bom(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes(b"\xfe\xff" + "Headline here\n\nA body in UTF-16 BE.".encode("utf-16-be"))
    [article] = parse_source(str(path))
    assert (article.title, article.body) == ("Headline here", "A body in UTF-16 BE.")


def test_utf8_bom_is_not_part_of_the_text():
    [article] = parse_source(str(FIXTURES / "utf8_bom.md"))
    assert article.title == "\u00c5ngstr\u00f6m award"  # front matter still found after the BOM
    assert article.published == "2021-06-30"
    assert "\ufeff" not in article.body + article.title


def test_file_over_20_mb_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    assert str(error_for(path)) == f"{path}: file is larger than 20 MB (20,971,521 bytes)"
    assert str(error_for("-", b"a" * (MAX_BYTES + 1))) == "<stdin>: file is larger than 20 MB (20,971,521 bytes)"


def test_exactly_20_mb_is_allowed(tmp_path):
    line = b'{"title": "Big file", "text": "' + b"Plenty of words in this sentence here. " * 50 + b'"}\n'
    count = MAX_BYTES // len(line)
    data = line * count  # many articles: one article is capped far lower (see test_ingest_limits)
    assert MAX_BYTES - len(line) < len(data) <= MAX_BYTES
    articles = parse_source("-", data)
    assert len(articles) == count and articles[0].title == "Big file"


def test_missing_file_and_folder(tmp_path):
    assert str(error_for(tmp_path / "nope.txt")) == f"{tmp_path / 'nope.txt'}: no such file"
    assert str(error_for(tmp_path)) == f"{tmp_path}: is a folder, not a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    assert str(error_for(path)).endswith("permission denied")


@pytest.mark.parametrize("data, reason", [
    (b'{"title": "x"}', "JSON object has no article text"),
    (b"[]", "JSON list is empty"),
    (b"[1, 2]", "no usable articles"),
    (b'"just a string"', "JSON holds a string"),
])
def test_json_without_articles(tmp_path, data, reason):
    path = tmp_path / "data.json"
    path.write_bytes(data)
    assert reason in str(error_for(path))


def test_jsonl_where_every_line_is_broken(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\nnot json either\n")
    assert str(error_for(path)).startswith(f"{path}: invalid JSON Lines: line 1: invalid JSON")


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>')
    assert "feed" in str(error_for(path))


def test_html_file_without_tags(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("just words, no markup at all")
    assert str(error_for(path)) == f"{path}: broken HTML: no HTML tags found"


def test_text_with_only_a_header(tmp_path):
    path = tmp_path / "header_only.txt"
    path.write_text("date: 2020-01-01\nsource: Nobody\n")
    assert str(error_for(path)) == f"{path}: no article text found"


def test_ingest_error_is_one_line_and_survives_pickling():
    error = IngestError("a.txt", "broken\nthing   here")
    assert str(error) == "a.txt: broken thing here"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))


def test_an_article_whose_extraction_fails_is_named_and_the_rest_are_stored(tmp_path, monkeypatch):
    import dateline.store.ingest as ingest
    from dateline.store import Store

    real = ingest.extract_article

    def failing(body, published, known=None, backend="builtin"):
        if "explodes" in body:
            raise KeyError("a bug in the name finder")
        return real(body, published, known, backend)

    monkeypatch.setattr(ingest, "extract_article", failing)
    for name, body in (("a.txt", "Ford sold more cars."), ("b.txt", "This one explodes."), ("c.txt", "GM too.")):
        (tmp_path / name).write_text(f"Headline {name}\n\n{body}\n", encoding="utf-8")
    lines: list[str] = []
    with Store.open(tmp_path / "db") as store:
        summary = ingest.ingest_paths(store, [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")],
                                      on_message=lines.append)
    with Store.open(tmp_path / "db", readonly=True) as store:
        assert store.stats()["articles"] == 2
    assert (summary.new, summary.failed) == (2, 1)
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1 and "b.txt" in errors[0] and "KeyError" in errors[0] and "not stored" in errors[0]


def test_a_missing_backend_is_one_error_before_anything_is_read(tmp_path, monkeypatch):
    import dateline.store.ingest as ingest
    from dateline.store import Store
    from dateline.store.errors import StoreError
    from dateline.store.extract.naming import spacy_backend

    monkeypatch.setattr(spacy_backend, "available", lambda: False)
    (tmp_path / "a.txt").write_text("Headline\n\nFord sold more cars.\n", encoding="utf-8")
    with Store.open(tmp_path / "db") as store:
        with pytest.raises(StoreError, match="dateline\\[spacy\\]"):
            ingest.ingest_paths(store, [str(tmp_path / "a.txt")], backend="spacy")
