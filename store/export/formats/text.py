"""Make article text inert in each output: no terminal escapes or bidi overrides, no XML-invalid
characters, no live Markdown or HTML, no formula cells; JSON keeps the text but escapes controls."""
from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from urllib.parse import quote, urlsplit

from dateline.store.safe_text import escape_bidi_overrides, json_inert

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_MD_LINE_START = re.compile(r"^(-|\d+(?=[.)]))")
_SPACES = re.compile(r"\s+")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_UNSEEN = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))  # controls, format (ZWSP, BOM…), spaces, separators


def plain(text: str | None) -> str:
    """Drop terminal escape sequences and control characters (tab and newlines stay); bidi
    overrides and isolates become visible ``\\u202e`` so they cannot reorder what a reader sees."""
    if not text:
        return ""
    return escape_bidi_overrides(_CONTROL.sub("", _ANSI.sub("", text)))


def json_text(value: object, **options) -> str:
    """``json.dumps`` keeping every character of the text (``ensure_ascii=False``) but writing
    C1 controls, DEL, bidi controls, line separators and lone surrogates as ``\\uXXXX``."""
    return json_inert(json.dumps(value, ensure_ascii=False, **options))


def xml_safe(text: str | None) -> str:
    """Only characters XML 1.0 allows (and no terminal escapes)."""
    return _XML_INVALID.sub("", _SURROGATE.sub("\ufffd", plain(text)))


def one_line(text: str | None) -> str:
    """Plain text with every run of whitespace folded to one space."""
    return _SPACES.sub(" ", plain(text)).strip()


def markdown_inert(text: str | None) -> str:
    """Text that Markdown and HTML show literally: one line, specials escaped, tags as entities."""
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    escaped = _MD_LINE_START.sub(lambda m: "\\-" if m[1] == "-" else m[1] + "\\", escaped)
    return html.escape(escaped, quote=False)


def html_inert(text: str | None) -> str:
    """Text safe inside HTML (TimelineJS renders its text fields as HTML)."""
    return html.escape(one_line(text), quote=True)


def web_url(url: str | None) -> str | None:
    """An http(s) URL made safe to put in a link, or ``None`` for anything else."""
    if not url:
        return None
    url = one_line(url)
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def spreadsheet_cell(value: object) -> str | int | float:
    """A CSV cell no spreadsheet will run as a formula (OWASP: prefix risky text with ``'``).

    Numbers Dateline produced itself stay numbers, so ``-3.5`` reads as minus three and a half;
    any text beginning with ``= + - @``, tab or CR gets the prefix, also after white space or
    invisible characters (a zero-width space, a BOM). Terminal escapes and control characters are
    dropped and bidi overrides shown as ``\\u202e``, so ``cat out.csv`` is safe too.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ""
    text = _SURROGATE.sub("\ufffd", plain(str(value)))
    if text.startswith(FORMULA_STARTS) or _after_unseen(text).startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _after_unseen(text: str) -> str:
    """``text`` without its leading white space and invisible characters (what a spreadsheet sees first)."""
    for index, char in enumerate(text):
        if not (char.isspace() or unicodedata.category(char) in _UNSEEN):
            return text[index:]
    return ""
