"""RSS and Atom feeds via feedparser: one article per entry, its HTML reduced to text."""
from __future__ import annotations

import re
import time

import feedparser

from dateline.store.ingest.formats.headers import parse_date, published_from
from dateline.store.ingest.formats.htmltext import html_to_text, looks_like_html
from dateline.store.ingest.limits import MAX_FEED_BYTES, MAX_FEED_TAGS, check_markup
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.formats.titles import first_sentence_title

_DATE_KEYS = ("published", "updated", "created")


_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,12});")


def _repair_char_refs(data: bytes) -> tuple[bytes, int]:
    """``&#xD800;`` and other references to no character (lone surrogates, beyond U+10FFFF) make
    feedparser fail on the whole feed; they become U+FFFD. Returns the bytes and how many changed."""
    bad = 0

    def fix(match: re.Match) -> bytes:
        nonlocal bad
        ref = match.group(1)
        value = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            bad += 1
            return b"&#xFFFD;"
        return match.group(0)

    return (_CHAR_REF.sub(fix, data) if b"&#" in data else data), bad


def parse_feed(name: str, data: bytes) -> list[ParsedArticle]:
    """One article per entry; entries with no title and no text are skipped with a warning."""
    if len(data) > MAX_FEED_BYTES:
        raise IngestError(name, f"feed is larger than {MAX_FEED_BYTES // 2**20} MB ({len(data):,} bytes), "
                                "the limit for one feed; not read")
    check_markup(name, data.count(b"<") + data.count(b"&lt;"), MAX_FEED_TAGS, "feed")
    data, bad_refs = _repair_char_refs(data)
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - feedparser raises on some malformed encodings declarations
        raise IngestError(name, f"broken feed: {type(exc).__name__}") from exc
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if problem is not None:
            raise IngestError(name, f"broken feed: {_describe(problem)}")
        if not parsed.get("version"):
            raise IngestError(name, "not an RSS or Atom feed")
        raise IngestError(name, "feed has no entries")
    source = _plain(parsed.feed.get("title", "")) or None
    articles: list[ParsedArticle] = []
    skipped: list[str] = []
    for number, entry in enumerate(parsed.entries, start=1):
        article = _entry_article(f"{name}#entry-{number}", entry, source)
        if article is None:
            skipped.append(f"entry {number}: no title and no text; skipped")
        else:
            articles.append(article)
    if not articles:
        reason = f"broken feed: {_describe(problem)}" if problem is not None else "no entry has a title or text"
        raise IngestError(name, reason)
    notes = skipped
    if bad_refs:
        notes = [f"{bad_refs} character reference{'s' if bad_refs > 1 else ''} to no character "
                 "(a lone surrogate or beyond U+10FFFF) replaced by U+FFFD"] + notes
    if problem is not None and not _is_benign(problem):
        notes = [f"feed is not well-formed ({_describe(problem)}); read what could be read"] + skipped
    articles[0].file_notes[:0] = notes
    return articles


def _entry_article(origin: str, entry, source: str | None) -> ParsedArticle | None:
    title = _plain(entry.get("title", ""))
    body = _entry_text(entry)
    warnings: list[str] = []
    if not body:
        if not title:
            return None
        body = title
        warnings.append("entry has no text; its title is used as the text")
    published, date_warnings = published_from(_entry_date(entry))
    return ParsedArticle(title=title or first_sentence_title(body), body=body,
                         url=entry.get("link") or None, source=source, published=published,
                         origin=origin, warnings=warnings + date_warnings,
                         summary_only=not entry.get("content"))


def _entry_text(entry) -> str:
    """The longest of the entry's content blocks and summary, as text."""
    candidates = [(block.get("value", ""), block.get("type", "")) for block in entry.get("content", [])]
    if entry.get("summary"):
        candidates.append((entry["summary"], entry.get("summary_detail", {}).get("type", "text/html")))
    texts = [_plain(value, kind) for value, kind in candidates]
    return max(texts, key=len, default="")


def _plain(value: str, kind: str = "text/html") -> str:
    if "html" in kind and looks_like_html(value):
        return html_to_text(value)
    return value.strip()


def _entry_date(entry) -> str | None:
    """The entry's own date as written; feedparser's parse when ours cannot read the text."""
    raw = next((entry[key] for key in _DATE_KEYS if entry.get(key)), None)
    if raw and parse_date(raw):
        return raw
    parsed = next((entry[f"{key}_parsed"] for key in _DATE_KEYS if entry.get(f"{key}_parsed")), None)
    return time.strftime("%Y-%m-%d", parsed) if parsed else raw


def _is_benign(problem: Exception) -> bool:
    """feedparser flags a declared-vs-actual encoding mismatch that it has already handled."""
    return type(problem).__name__ in ("CharacterEncodingOverride", "NonXMLContentType")


def _describe(problem: Exception) -> str:
    text = " ".join(str(problem).split()) or type(problem).__name__
    return text[:200]
