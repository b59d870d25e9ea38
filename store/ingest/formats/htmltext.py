"""HTML to plain text that keeps paragraphs: blocks become ``\\n\\n``, ``<br>`` a line break."""
from __future__ import annotations

import html
import re

import lxml.html
from lxml import etree

from dateline.store.ingest.limits import MAX_HTML_TAGS

BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 "
    "h6 header hr html li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIP_TAGS = frozenset("script style noscript template head svg math iframe object button select".split())
_LINE_BREAK = "\x00"  # stands for <br>; source newlines are only whitespace
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_HINT = re.compile(r"<(?:p|br|div|span|a|li|ul|ol|h[1-6]|img|em|strong|b|i|blockquote|table)\b[^>]*>",
                        re.I)


def looks_like_html(text: str) -> bool:
    """Has at least one common HTML tag (for fields and entries that may hold either)."""
    return bool(_HTML_HINT.search(text))


def strip_xml_declaration(markup: str) -> str:
    """lxml refuses ``str`` input that declares an encoding; the text is decoded already."""
    return _XML_DECLARATION.sub("", markup, count=1)


def parse_fragment(markup: str) -> etree._Element | None:
    """An element tree for ``markup``, or ``None`` when there is nothing to parse."""
    markup = strip_xml_declaration(markup)
    if not markup.strip():
        return None
    try:
        return lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


_TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    """The readable text of an HTML document or fragment, one paragraph per block."""
    if markup.count("<") > MAX_HTML_TAGS:  # stripped, not parsed: bounded memory (see limits.py)
        return " ".join(html.unescape(_TAG.sub(" ", markup)).split())
    root = parse_fragment(markup)
    return element_text(root) if root is not None else ""


def element_text(root: etree._Element) -> str:
    """The readable text under ``root``; iterative, so deep nesting cannot overflow the stack."""
    paragraphs: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(pieces).split(_LINE_BREAK))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
        pieces.clear()

    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if closing:
            if tag in BLOCK_TAGS:
                flush()
            if element is not root and element.tail:
                pieces.append(element.tail)
            continue
        stack.append((element, True))
        if tag is None or tag in SKIP_TAGS:
            continue
        if tag in BLOCK_TAGS:
            flush()
        if tag == "br":
            pieces.append(_LINE_BREAK)
        if element.text:
            pieces.append(element.text)
        stack.extend((child, False) for child in reversed(element))
    flush()
    return "\n\n".join(paragraphs)
