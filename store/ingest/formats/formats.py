"""Which format a file is in (by extension and by content) and the parser that reads it."""
from __future__ import annotations

import os
import re
import stat
from pathlib import PurePath
from typing import BinaryIO

from dateline.store.ingest.formats.decode import check_size, decode_bytes
from dateline.store.ingest.formats.feeds import parse_feed
from dateline.store.ingest.formats.html import parse_html
from dateline.store.ingest.formats.jsonfmt import parse_json, parse_jsonl
from dateline.store.ingest.limits import MAX_ARTICLE_CHARS, read_capped, too_long
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.formats.plaintext import parse_markdown, parse_text

STDIN = "-"
STDIN_NAME = "<stdin>"
EXTENSION_KINDS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_START = re.compile(r"(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def parse_source(path: str, data: bytes | BinaryIO | None = None) -> list[ParsedArticle]:
    """Read the file at ``path`` (or ``data``, for stdin: bytes or a stream read up to the cap) into
    articles; raises IngestError."""
    name = STDIN_NAME if path == STDIN else path
    if data is None:
        data = _read(path)
    elif not isinstance(data, bytes):
        data = read_capped(data, name)
    text, warnings = decode_bytes(data, name)
    kind = detect_kind(path, text)
    try:
        articles = _parse(kind, name, text, data, EXTENSION_KINDS.get(_suffix(path)))
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser library choking on malformed input
        raise IngestError(name, f"broken {kind}: the {kind} parser failed ({type(exc).__name__})") from exc
    if kind != "feed":
        articles[0].warnings[:0] = warnings
    return articles


def detect_kind(path: str, text: str) -> str:
    """text | markdown | html | json | jsonl | feed, from the extension and the first bytes."""
    by_extension = EXTENSION_KINDS.get(_suffix(path))
    by_content = sniff_content(text)
    if by_content in ("feed", "html"):
        return by_content
    if by_extension in ("json", "jsonl", "html", "feed"):
        return by_extension
    return by_content or by_extension or "text"


def sniff_content(text: str) -> str | None:
    """What the text itself says it is, when that is clear from its start."""
    head = text[:4096].lstrip()
    if head[:1] in ("{", "["):
        return "json"
    if head.startswith("<"):
        if _FEED_ROOT.search(head) and "<html" not in head[:200].lower():
            return "feed"
        if _HTML_START.match(head):
            return "html"
    return None


def _parse(kind: str, name: str, text: str, data: bytes, by_extension: str | None) -> list[ParsedArticle]:
    if kind == "feed":
        return parse_feed(name, data)  # feedparser decodes by the feed's own encoding declaration
    if kind == "html":
        return parse_html(name, text)
    if kind == "jsonl":
        return parse_jsonl(name, text)
    if kind == "json":
        try:
            return parse_json(name, text)
        except IngestError:
            if by_extension == "json":
                raise
            # A .txt or .md that merely starts with a bracket is still text.
    if len(text) > 2 * MAX_ARTICLE_CHARS:  # one article: refused before its header is even looked for
        raise IngestError(name, too_long(len(text)))
    if kind == "markdown" or by_extension == "markdown":
        return parse_markdown(name, text)
    return parse_text(name, text)


def _read(path: str) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO, <(command) or a device: its size says nothing
            with open(path, "rb") as handle:
                return read_capped(handle, path)
        check_size(info.st_size, path)
        with open(path, "rb") as handle:
            return handle.read(info.st_size + 1)
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None


def _suffix(path: str) -> str:
    return PurePath(path).suffix.lower() if path != STDIN else ""
