"""The feeds a store follows: their names, URLs and what the last fetch left (``FeedBook``, owned by ``Store``).

Feeds are settings, not hand edits: they live in ``records.json``'s ``feeds`` table, keyed by URL,
each change one atomic sealed write that the edit log never sees (so undo cannot touch them). What a
fetch remembers per feed: the ``ETag`` and ``Last-Modified`` it answered with (sent back next time so
an unchanged feed costs a 304), when it was fetched, how that went and how many articles it brought.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from dateline.store.errors import StoreError
from dateline.store.disk.records_check import FEEDS

if TYPE_CHECKING:
    from dateline.store.state import StoreState

_KEEP = object()  # record_fetch: leave the remembered validators as they are


class FeedError(StoreError):
    """A feed that cannot be added or found (not a URL, followed already, no such name)."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A followed feed as the store remembers it."""

    url: str
    name: str
    added: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_status: str | None = None
    items: int = 0  # articles this feed has brought into the store

    def as_json(self) -> dict:
        return {"url": self.url, "name": self.name, "added": self.added, "etag": self.etag,
                "last_modified": self.last_modified, "last_fetch": self.last_fetch,
                "last_status": self.last_status, "items": self.items}


def _feed(url: str, doc: dict) -> Feed:
    return Feed(url=url, name=doc["name"], added=doc.get("added"), etag=doc.get("etag"),
                last_modified=doc.get("last_modified"), last_fetch=doc.get("last_fetch"),
                last_status=doc.get("last_status"), items=doc.get("items", 0))


def _doc(feed: Feed) -> dict:
    return {k: v for k, v in feed.as_json().items() if k != "url"}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def check_url(url: str) -> str:
    """``url`` stripped, if it is an http(s) URL with a host; else FeedError."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise FeedError(f"{url!r} is not an http:// or https:// URL")
    return url


class FeedBook:
    """The feeds an open store's ``state`` follows, kept in its records."""

    def __init__(self, state: StoreState):
        self.state = state

    def feeds(self) -> list[Feed]:
        """Every followed feed, by name."""
        return sorted((_feed(url, doc) for url, doc in self.state.records.data[FEEDS].items()),
                      key=lambda f: f.name.casefold())

    def feed(self, name_or_url: str) -> Feed | None:
        """The followed feed with this URL, or else this name (case-insensitive)."""
        doc = self.state.records.data[FEEDS].get(name_or_url.strip())
        if doc is not None:
            return _feed(name_or_url.strip(), doc)
        want = name_or_url.strip().casefold()
        return next((f for f in self.feeds() if f.name.casefold() == want), None)

    def add_feed(self, url: str, name: str | None = None) -> Feed:
        """Follow ``url`` under ``name`` (by default its host name, made unique)."""
        self.state.check_writable()
        url = check_url(url)
        if url in self.state.records.data[FEEDS]:
            raise FeedError(f"{url} is followed already, as {self.state.records.data[FEEDS][url]['name']!r}")
        taken = {f.name.casefold() for f in self.feeds()}
        if name is not None:
            name = " ".join(name.split())
            if not name or name.startswith(("http://", "https://")) or not name.isprintable():
                raise FeedError(f"{name!r} cannot name a feed (give a short name that is not a URL)")
            if name.casefold() in taken:
                raise FeedError(f"a feed is named {name!r} already")
        else:
            name = _default_name(url, taken)
        feed = Feed(url=url, name=name, added=_now())
        self._save_feed(feed)
        return feed

    def remove_feed(self, name_or_url: str) -> Feed:
        """Stop following a feed (its articles stay in the store)."""
        self.state.check_writable()
        feed = self.feed(name_or_url)
        if feed is None:
            raise FeedError(f"no followed feed is named or located {name_or_url.strip()!r}")
        self.state.records.save(FEEDS, feed.url, None)
        return feed

    def record_fetch(self, url: str, status: str, new: int = 0, etag: str | None | object = _KEEP,
                     last_modified: str | None | object = _KEEP) -> Feed | None:
        """Remember one fetch of a followed feed: when, how it went, how many new articles, and (after a
        full answer) its validators. Call it after the articles are stored, never before: a feed whose
        validators were saved without its articles would answer 304 and lose them. None if not followed."""
        self.state.check_writable()
        doc = self.state.records.data[FEEDS].get(url)
        if doc is None:
            return None
        old = _feed(url, doc)
        feed = Feed(url=url, name=old.name, added=old.added,
                    etag=old.etag if etag is _KEEP else _text_or_none(etag),
                    last_modified=old.last_modified if last_modified is _KEEP else _text_or_none(last_modified),
                    last_fetch=_now(), last_status=status, items=old.items + new)
        self._save_feed(feed)
        return feed

    def _save_feed(self, feed: Feed) -> None:
        self.state.records.save(FEEDS, feed.url, _doc(feed))
        self.state.mark_records_required()


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _default_name(url: str, taken: set[str]) -> str:
    parts = urlsplit(url)
    host = parts.hostname or url
    host = host[4:] if host.startswith("www.") else host
    for name in (host, f"{host}{parts.path.rstrip('/')}"):
        if name and name.casefold() not in taken:
            return name
    n = 2
    while f"{host} ({n})".casefold() in taken:
        n += 1
    return f"{host} ({n})"
