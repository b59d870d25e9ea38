"""Plain text and Markdown articles: header or front matter, then the body kept as written."""
from __future__ import annotations

import re

from dateline.store.ingest.formats.headers import published_from, split_header
from dateline.store.ingest.formats.markdown import leading_heading, markdown_to_text
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.formats.titles import first_sentence_title, title_and_body


def parse_text(name: str, text: str) -> list[ParsedArticle]:
    """One article from plain text; its markup, if any, is kept literally."""
    header, offset = split_header(text)
    body = _tidy(text[offset:])
    title = header["title"]
    if not title:
        title, body = title_and_body(body)
    return [_article(name, header, title, body)]


def parse_markdown(name: str, text: str) -> list[ParsedArticle]:
    """One article from Markdown; the title comes from front matter or the first heading."""
    header, offset = split_header(text)
    heading, rest = leading_heading(text[offset:])
    if heading and header["title"] and heading != header["title"]:
        heading, rest = None, text[offset:]  # a heading unlike the title is part of the body
    body = markdown_to_text(rest)
    title = header["title"] or heading
    if not title:
        title, body = title_and_body(body)
    return [_article(name, header, title, body)]


def _article(name: str, header: dict, title: str, body: str) -> ParsedArticle:
    if not body.strip():
        if not title:
            raise IngestError(name, "no article text found")
        body = title
    published, warnings = published_from(header["date"])
    return ParsedArticle(title=" ".join(title.split()) or first_sentence_title(body), body=body,
                         url=header["url"] or None, source=header["source"] or None,
                         published=published, origin=name, warnings=warnings)


def _tidy(body: str) -> str:
    """Trim the ends and trailing spaces; keep every paragraph break as written."""
    return re.sub(r"[ \t]+\n", "\n", body).strip()
