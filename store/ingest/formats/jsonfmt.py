"""JSON (an article object, a list of them, or an object holding a list) and JSON Lines."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from dateline.store.ingest.formats.headers import published_from
from dateline.store.ingest.formats.htmltext import html_to_text, looks_like_html
from dateline.store.ingest.limits import Notes, check_json
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.formats.titles import first_sentence_title

TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "pubdate", "published_at", "publishedat", "pub_date",
               "date_published", "datepublished", "publication_date", "publish_date", "created_at",
               "date_modified", "updated", "updated_at")
TEXT_FIELDS = ("text", "body", "content", "content_text", "articlebody", "article", "full_text",
               "fulltext", "content_html", "html", "description", "summary", "abstract")
URL_FIELDS = ("url", "link", "canonical_url", "permalink", "href", "web_url")
SOURCE_FIELDS = ("source", "publisher", "site_name", "site", "outlet", "source_name")
LIST_FIELDS = ("articles", "items", "entries", "data", "results", "docs", "documents", "posts",
               "stories", "response")
_NESTED_VALUE_KEYS = ("rendered", "value", "text", "content", "name", "title", "href", "url", "main")


def parse_json(name: str, text: str) -> list[ParsedArticle]:
    """Articles from a JSON document; falls back to JSON Lines when the text is one object a line."""
    check_json(name, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _first_line_is_object(text):
            return parse_jsonl(name, text)
        reason = f"invalid JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno}, column {exc.colno}"
        raise IngestError(name, reason) from None
    except (ValueError, RecursionError) as exc:
        raise IngestError(name, f"invalid JSON: {_unreadable(exc)}") from None
    return articles_from_data(name, data)


def _unreadable(exc: Exception) -> str:
    """What Python's json could not read, in a few words (not its advice to call sys functions)."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):
        return "a number with more than 4,300 digits"
    return type(exc).__name__


def parse_jsonl(name: str, text: str) -> list[ParsedArticle]:
    """One article a line; a bad line is skipped with a warning, the rest kept."""
    check_json(name, text)
    entries: list[tuple[int, object]] = []
    notes = Notes("line")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            entries.append((number, json.loads(line)))
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, a 5,000-digit number, deep nesting
            notes.add(number, f"invalid JSON ({_unreadable(exc)})")
    if not entries:
        raise IngestError(name, f"invalid JSON Lines: {notes.lines[0]}" if notes else "no JSON lines")
    return _collect(name, entries, notes)


def articles_from_data(name: str, data: object) -> list[ParsedArticle]:
    """An article object, a list of them, or an object that holds the list under a usual key."""
    if isinstance(data, dict):
        fields = _lowered(data)
        if not _has_text(fields):
            nested = next((fields[key] for key in LIST_FIELDS if isinstance(fields.get(key), (list, dict))), None)
            if nested is None:
                raise IngestError(name, "JSON object has no article text (no field such as text, body or content)")
            return _with_default_source(articles_from_data(name, nested), _text_of(fields.get("title")))
        article = entry_article(name, fields)
        return [article]
    if isinstance(data, list):
        if not data:
            raise IngestError(name, "JSON list is empty")
        return _collect(name, list(enumerate(data, start=1)), Notes("entry"))
    kind = {str: "a string", bool: "true or false", int: "a number", float: "a number"}.get(type(data), "null")
    raise IngestError(name, f"JSON holds {kind}, not an article object or list")


def entry_article(origin: str, fields: dict) -> ParsedArticle:
    """An article from one object's lower-cased fields; raises ValueError when it has no text."""
    title = _first_text(fields, TITLE_FIELDS)
    body = _first_text(fields, TEXT_FIELDS, html_ok=True)
    warnings: list[str] = []
    if not body:
        if not title:
            raise ValueError("no title and no text")
        body = title
        warnings.append("entry has no text; its title is used as the text")
    published, date_warnings = published_from(_date_value(fields))
    return ParsedArticle(title=" ".join((title or first_sentence_title(body)).split()), body=body,
                         url=_first_text(fields, URL_FIELDS), source=_first_text(fields, SOURCE_FIELDS),
                         published=published, origin=origin, warnings=warnings + date_warnings)


def _collect(name: str, entries: list[tuple[int, object]], notes: Notes) -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    for number, entry in entries:
        if not isinstance(entry, dict):
            notes.add(number, "not a JSON object")
            continue
        try:
            articles.append(entry_article(f"{name}#entry-{number}", _lowered(entry)))
        except ValueError as exc:
            notes.add(number, str(exc))
    if not articles:
        raise IngestError(name, f"no usable articles ({notes.lines[0]})" if notes else "no usable articles")
    articles[0].file_notes[:0] = notes.all()
    return articles


def _with_default_source(articles: list[ParsedArticle], source: str | None) -> list[ParsedArticle]:
    for article in articles:
        article.source = article.source or source
    return articles


def _lowered(data: dict) -> dict:
    return {str(key).lower(): value for key, value in data.items()}


def _has_text(fields: dict) -> bool:
    return any(_text_of(fields.get(key)) for key in TEXT_FIELDS)


def _first_text(fields: dict, keys: tuple[str, ...], html_ok: bool = False) -> str | None:
    for key in keys:
        value = _text_of(fields.get(key))
        if value:
            if html_ok and ("html" in key or looks_like_html(value)):
                value = html_to_text(value) or value
            return value
    return None


def _text_of(value: object) -> str | None:
    """A string field, or the usual text inside a nested one (WordPress ``{"rendered": ...}``)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        inner = _lowered(value)
        return next((_text_of(inner[key]) for key in _NESTED_VALUE_KEYS if _text_of(inner.get(key))), None)
    if isinstance(value, list) and value:
        return _text_of(value[0])
    return None


def _date_value(fields: dict) -> str | None:
    for key in DATE_FIELDS:
        value = fields.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _epoch_date(value)
        text = _text_of(value)
        if text:
            return text
    return None


def _epoch_date(seconds: float) -> str | None:
    """Unix time in seconds or milliseconds (as many APIs give it) to a UTC date."""
    if seconds > 1e11:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _first_line_is_object(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False
