"""HTML pages: main text via readability-lxml, title, date, URL and site from the page's metadata."""
from __future__ import annotations

import json
import logging
import re

from readability import Document
from readability.readability import Unparseable

from dateline.store.ingest.formats.headers import published_from
from dateline.store.ingest.formats.htmltext import (BLOCK_TAGS, element_text, html_to_text, parse_fragment,
                                                    strip_xml_declaration)
from dateline.store.ingest.limits import MAX_HTML_TAGS, MAX_HTML_TEXT, READABILITY_MAX_TAGS, check_markup, too_long
from dateline.store.ingest.parsed import IngestError, ParsedArticle
from dateline.store.ingest.formats.titles import first_sentence_title

logging.getLogger("readability.readability").setLevel(logging.ERROR)

_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time",
              "datepublished", "pubdate", "publishdate", "publish-date", "publication_date",
              "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
              "parsely-pub-date", "sailthru.date", "article.published", "citation_publication_date")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_SOURCE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher")
_URL_META = ("og:url", "twitter:url")
_ANY_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
_MIN_MAIN_TEXT = 200  # shorter than this and readability probably missed the article


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse_html(name: str, text: str) -> list[ParsedArticle]:
    """One article from an HTML page; raises IngestError when no text can be read from it."""
    text = strip_xml_declaration(text)  # lxml refuses decoded text that declares an encoding
    text = _XML_INVALID.sub("", text)  # browsers drop NUL and C0 controls; lxml refuses them
    if not _ANY_TAG.search(text):
        raise IngestError(name, "broken HTML: no HTML tags found")
    tags = text.count("<")
    check_markup(name, tags, MAX_HTML_TAGS, "HTML page")
    if len(text) > MAX_HTML_TEXT and len(text) - sum(map(len, _ANY_TAG.findall(text))) > MAX_HTML_TEXT:
        raise IngestError(name, too_long(len(text)))  # megabytes of text outside tags: not one article
    root = parse_fragment(text)
    if root is None or not isinstance(root.tag, str):
        raise IngestError(name, "broken HTML: nothing to parse")
    meta = _meta_values(root)
    document = Document(text) if tags <= READABILITY_MAX_TAGS else None  # a huge page is read whole
    body = _main_text(name, document) if document is not None else ""
    whole_page = _page_text(root)
    if not whole_page:  # whatever readability found sits in navigation, header or footer
        raise IngestError(name, "broken HTML: no readable text in the page")
    if len(body) < min(_MIN_MAIN_TEXT, len(whole_page)):
        body = whole_page
    title = (_first(meta, _TITLE_META) or (_short_title(document) if document is not None else _title_element(root))
             or _first_heading(root))
    first_paragraph, _, rest = body.partition("\n\n")
    if title and rest and " ".join(first_paragraph.split()) == " ".join(title.split()):
        body = rest  # the headline repeated at the top of the article
    if not title:
        title = first_sentence_title(body)
    published, warnings = published_from(_first(meta, _DATE_META) or _time_element(root)
                                         or _json_ld_date(root))
    url = _first(meta, _URL_META) or _canonical(root)
    return [ParsedArticle(title=" ".join(title.split()), body=body, url=url,
                          source=_first(meta, _SOURCE_META), published=published, origin=name,
                          warnings=warnings)]


def _main_text(name: str, document: Document) -> str:
    try:
        return html_to_text(document.summary(html_partial=True))
    except Unparseable as exc:
        raise IngestError(name, f"broken HTML: {exc or 'readability could not parse it'}") from None
    except (ValueError, TypeError):
        return ""  # readability gives up on odd pages; the caller falls back to the page text


def _short_title(document: Document) -> str | None:
    """The <title> without a trailing " | Site name" (readability's rule)."""
    try:
        return document.short_title().strip() or None
    except (Unparseable, ValueError, TypeError):
        return None


def _meta_values(root) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[key] for key in keys if values.get(key)), None)


def _title_element(root) -> str | None:
    node = root.find(".//title")
    return (node.text_content().strip() or None) if node is not None else None


def _first_heading(root) -> str | None:
    heading = next(iter(root.iter("h1")), None)
    return heading.text_content().strip() if heading is not None else None


def _time_element(root) -> str | None:
    times = [node for node in root.iter("time") if node.get("datetime")]
    marked = [node for node in times if node.get("pubdate") is not None
              or "publish" in (node.get("itemprop") or node.get("class") or "").lower()]
    chosen = (marked or times or [None])[0]
    return chosen.get("datetime") if chosen is not None else None


def _json_ld_date(root) -> str | None:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return item["datePublished"]
    return None


def _canonical(root) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None


def _page_text(root) -> str:
    """The body's text without navigation, headers, footers and asides."""
    body = root.find(".//body")
    body = body if body is not None else root
    for tag in ("nav", "header", "footer", "aside", "form"):
        for node in list(body.iter(tag)):
            if node.getparent() is not None:
                node.drop_tree()
    return element_text(body) if body.tag in BLOCK_TAGS or len(body) or body.text else ""
