"""Followed feeds as store settings: in records.json's own table, one sealed write each, never in the edit log."""
from __future__ import annotations

import orjson
import pytest

from dateline.store import Store, StoreCorrupt
from dateline.store.checks.check import check_store
from dateline.store.feeds import FeedError
from dateline.store.disk.records_check import FEEDS, sealed, unseal
from dateline.store.checks.repair import repair_store
from tests.store_helpers import talks_article


def _records(folder):
    path = folder / "records.json"
    return path, orjson.loads(path.read_bytes())


def test_add_list_remove_and_reopen(tmp_path):
    with Store.open(tmp_path / "s") as store:
        a = store.add_feed("http://news.example/rss.xml")
        b = store.add_feed("https://www.news.example/world/atom.xml", name="  World   desk ")
        c = store.add_feed("http://news.example/sport.xml")
        assert (a.name, b.name, c.name) == ("news.example", "World desk", "news.example/sport.xml")
        assert store.log() == []  # settings, not hand edits
    with Store.open(tmp_path / "s") as store:
        assert [f.name for f in store.feeds()] == ["news.example", "news.example/sport.xml", "World desk"]
        assert store.feed("world DESK").url == "https://www.news.example/world/atom.xml"
        assert store.remove_feed("http://news.example/rss.xml").name == "news.example"
    with Store.open(tmp_path / "s", readonly=True) as store:
        assert [f.name for f in store.feeds()] == ["news.example/sport.xml", "World desk"]
    assert check_store(tmp_path / "s").ok


@pytest.mark.parametrize("url, name, why", [
    ("ftp://news.example/rss", None, "not an http"),
    ("news.example/rss.xml", None, "not an http"),
    ("http:///rss.xml", None, "not an http"),
    ("http://news.example/rss.xml", None, "followed already"),
    ("http://other.example/rss.xml", "news.example", "named 'news.example' already"),
    ("http://other.example/rss.xml", "http://x", "cannot name"),
    ("http://other.example/rss.xml", "a\x1b[31mred", "cannot name"),
])
def test_bad_feeds_are_refused_and_nothing_written(tmp_path, url, name, why):
    with Store.open(tmp_path / "s") as store:
        store.add_feed("http://news.example/rss.xml")
        before = (tmp_path / "s" / "records.json").read_bytes()
        with pytest.raises(FeedError, match=why):
            store.add_feed(url, name)
        with pytest.raises(FeedError, match="no followed feed"):
            store.remove_feed("nothing")
    assert (tmp_path / "s" / "records.json").read_bytes() == before


def test_record_fetch_keeps_validators_until_a_full_answer(tmp_path):
    with Store.open(tmp_path / "s") as store:
        url = store.add_feed("http://news.example/rss.xml").url
        store.record_fetch(url, "ok", 3, etag='"v1"', last_modified="Mon, 09 Jun 2025 08:00:00 GMT")
        store.record_fetch(url, "not modified")
        store.record_fetch(url, "HTTP 500 Internal Server Error")
        feed = store.feed(url)
        assert (feed.etag, feed.last_modified, feed.items) == ('"v1"', "Mon, 09 Jun 2025 08:00:00 GMT", 3)
        assert feed.last_status == "HTTP 500 Internal Server Error" and feed.last_fetch
        store.record_fetch(url, "ok", 2, etag=None, last_modified=None)
        assert (store.feed(url).etag, store.feed(url).items) == (None, 5)
        assert store.record_fetch("http://removed.example/", "ok") is None


def test_undo_never_touches_feeds(tmp_path):
    store = Store.open(tmp_path / "s")
    store.add_articles([talks_article()])
    ent = store.entities()[0]
    store.rename(ent.id, "Renamed")
    store.add_feed("http://news.example/rss.xml")
    store.undo()
    assert store.entity(ent.id).name != "Renamed"
    assert [f.url for f in store.feeds()] == ["http://news.example/rss.xml"]
    assert [e.action for e in store.log()] == ["rename", "undo"]
    store.close()


def test_a_store_with_feeds_and_no_records_file_is_damage(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.add_feed("http://news.example/rss.xml")
    (tmp_path / "s" / "records.json").unlink()
    with pytest.raises(StoreCorrupt, match="records.json: is missing"):
        Store.open(tmp_path / "s")


@pytest.mark.parametrize("doc", [
    {"k": "file:///etc/passwd", "v": {"name": "x", "items": 0}},
    {"k": "http://a.example/", "v": {"name": "", "items": 0}},
    {"k": "http://a.example/", "v": {"name": "x", "items": -1}},
    {"k": "http://a.example/", "v": {"name": "x", "etag": 5}},
    {"k": "http://a.example/", "v": "x"},
])
def test_malformed_feed_documents_are_refused(tmp_path, doc):
    with Store.open(tmp_path / "s") as store:
        store.add_feed("http://news.example/rss.xml")
        store_id = store.manifest.store_id
    path, data = _records(tmp_path / "s")
    tables = unseal(path, data, store_id)
    tables[FEEDS]["2"] = doc
    path.write_bytes(sealed(tables, store_id))
    with pytest.raises(StoreCorrupt, match="feeds"):
        Store.open(tmp_path / "s")
    assert not check_store(tmp_path / "s").ok


def test_two_feeds_with_one_name_are_refused(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.add_feed("http://a.example/rss.xml", "News")
        store.add_feed("http://b.example/rss.xml", "Other")
        store_id = store.manifest.store_id
    path, data = _records(tmp_path / "s")
    tables = unseal(path, data, store_id)
    for doc in tables[FEEDS].values():
        doc["v"]["name"] = "News"
    path.write_bytes(sealed(tables, store_id))
    with pytest.raises(StoreCorrupt, match="twice"):
        Store.open(tmp_path / "s")


def test_repair_keeps_the_feeds_that_read(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.add_feed("http://a.example/rss.xml", "A")
        store.add_feed("http://b.example/rss.xml", "B")
    path, data = _records(tmp_path / "s")
    docs = list(data[FEEDS].values())
    docs[1]["v"]["items"] = "many"  # damaged, and the checksum no longer matches
    path.write_bytes(orjson.dumps(data))
    repair_store(tmp_path / "s", lambda body, published: ({}, []), wait=1)
    with Store.open(tmp_path / "s", readonly=True) as store:
        assert [f.name for f in store.feeds()] == ["A"]
