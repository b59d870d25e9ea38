"""Metadata written at the top of a text: front matter, ``key: value`` lines, an inline dateline."""
from __future__ import annotations

import re

from dateline.store.ingest.formats.dates import find_date, parse_date

__all__ = ["split_header", "parse_date", "published_from", "looks_like_title", "FIELDS"]

FIELDS = ("title", "date", "source", "url")
_KEY_ALIASES = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "pubdate": "date", "publishedat": "date",
    "publicationdate": "date", "datepublished": "date", "publishdate": "date", "dateline": "date",
    "source": "source", "publisher": "source", "publication": "source", "outlet": "source",
    "site": "source", "sitename": "source",
    "url": "url", "link": "url", "canonical": "url", "canonicalurl": "url", "permalink": "url",
}
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9 _-]{0,24}?)[ \t]*:[ \t]*(?P<value>.*)")
_TOML_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9_-]{0,24})[ \t]*=[ \t]*(?P<value>.*)")
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_INLINE_DATELINE = re.compile(r"[ \t]*(?:date|dateline)[ \t]*:?[ \t]+", re.I)
_AFTER_DATELINE = re.compile(r"[ \t]*(?:[\u2014\u2013|:-][ \t]*)?")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?|[+-]\d{2}:?\d{2}\b")
_DATE_LINE_WORDS = {"at", "on", "updated", "published", "posted", "am", "pm", "a", "p", "m", "t", "z",
                    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
                    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MAX_HEADER_LINES = 30
MAX_TITLE_CHARS = 150


def split_header(text: str) -> tuple[dict, int]:
    """Read the metadata at the top of ``text``: ``({title, date, source, url}, body_offset)``.

    Values are the strings as written (``None`` when absent); ``text[body_offset:]`` is the body.
    Understands a ``---``/``+++`` front-matter block, a run of ``key: value`` lines that names at
    least one known key, a title line followed by a line holding only a date, and an inline
    dateline such as `` date 2025-06-10 `` right before the first sentence.
    """
    header: dict = dict.fromkeys(FIELDS)
    offset = _front_matter(text, header)
    if offset is None:
        offset = _header_lines(text, header)
    if offset is None:
        offset = _title_and_date_lines(text, header)
    if header["date"] is None:
        offset = _inline_dateline(text, offset, header)
    if offset:
        offset += len(text[offset:]) - len(text[offset:].lstrip())
    return header, offset


def published_from(raw: str | None) -> tuple[str | None, list[str]]:
    """The ISO publication date for a raw header value, and a warning when there is none."""
    if raw is None or not str(raw).strip():
        return None, ["no publication date found; stored undated"]
    iso = parse_date(str(raw))
    if iso is None:
        return None, [f"publication date {str(raw).strip()[:60]!r} not understood; stored undated"]
    return iso, []


def looks_like_title(line: str) -> bool:
    """Short, has letters and does not end like a sentence or a clause."""
    line = line.strip()
    return (0 < len(line) <= MAX_TITLE_CHARS and any(ch.isalpha() for ch in line)
            and line[-1] not in ".,;:")


def _lines(text: str, start: int):
    """Yield (line, start, next_start) from ``start`` on."""
    while start < len(text):
        end = text.find("\n", start)
        nxt = len(text) if end == -1 else end + 1
        yield text[start:nxt].rstrip("\n"), start, nxt
        start = nxt


def _known(key: str) -> str | None:
    return _KEY_ALIASES.get(re.sub(r"[ _-]", "", key.lower()))


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.strip()


def _front_matter(text: str, header: dict) -> int | None:
    lead = len(text) - len(text.lstrip("\ufeff \t\n"))
    fence = text[lead:lead + 3]
    if fence not in _FENCES or text[lead + 3:lead + 4] not in ("\n", ""):
        return None
    line_pattern = _TOML_LINE if fence == "+++" else _HEADER_LINE
    pending: str | None = None  # a YAML block scalar (key: > or key: |) being collected
    collected: list[str] = []
    for line, _start, nxt in _lines(text, lead + 4):
        if line.strip() in _FENCES[fence]:
            _finish_block(header, pending, collected)
            return nxt
        if pending and (line.startswith((" ", "\t")) or not line.strip()):
            collected.append(line.strip())
            continue
        _finish_block(header, pending, collected)
        pending, collected = None, []
        match = line_pattern.fullmatch(line)
        field = _known(match["key"]) if match and " " not in match["key"].strip() else None
        if field and match and header[field] is None:
            value = match["value"].strip()
            if value in (">", "|", ">-", "|-", ">+", "|+"):
                pending = field
            elif value:
                header[field] = _unquote(value)
    return None  # no closing fence: not front matter


def _finish_block(header: dict, field: str | None, lines: list[str]) -> None:
    value = " ".join(part for part in lines if part)
    if field and value and header[field] is None:
        header[field] = value


def _header_lines(text: str, header: dict) -> int | None:
    """``key: value`` lines at the top, possibly under a title line of their own."""
    lead = len(text) - len(text.lstrip("\n \t"))
    offset = _key_value_block(text, lead, header)
    if offset is None:
        first_line = next(_lines(text, lead), None)
        if first_line and looks_like_title(first_line[0]) and not _HEADER_LINE.fullmatch(first_line[0]):
            offset = _key_value_block(text, first_line[2], header)
            if offset is not None and header["title"] is None:
                header["title"] = first_line[0].strip()
    return offset


def _key_value_block(text: str, lead: int, header: dict) -> int | None:
    found: dict = {}
    end = None
    for count, (line, _start, nxt) in enumerate(_lines(text, lead)):
        match = _HEADER_LINE.fullmatch(line)
        if count >= MAX_HEADER_LINES or not match:
            break
        field = _known(match["key"])
        if field is None and " " in match["key"].strip():
            break  # "What Happened: ..." is prose, not a header
        if field == "date" and _date_then_prose(match["value"]):
            break  # "Dateline: June 10, 2025 - WASHINGTON ...": an inline dateline, not a header
        if field and match["value"].strip() and field not in found:
            found[field] = _unquote(match["value"])
        end = nxt
    if not found or end is None:
        return None
    header.update(found)
    return end


def _date_then_prose(value: str) -> bool:
    """A value that starts with a date and goes on with other words."""
    found = find_date(value.strip(), anchored=True)
    return bool(found) and not _is_date_line(value)


def _title_and_date_lines(text: str, header: dict) -> int:
    """``Title\\nJune 10, 2025\\nBody`` (Wikinews and most pasted articles) or a date line alone."""
    lines = [item for item, _ in zip(_lines(text, 0), range(3))]
    nonblank = [item for item in lines if item[0].strip()]
    if nonblank and _is_date_line(nonblank[0][0]):
        header["date"] = nonblank[0][0].strip()
        return nonblank[0][2]
    if len(lines) >= 2 and looks_like_title(lines[0][0]) and _is_date_line(lines[1][0]):
        header["title"] = lines[0][0].strip()
        header["date"] = lines[1][0].strip()
        return lines[1][2]
    return 0


def _is_date_line(line: str) -> bool:
    """A line that holds a date and little else (a weekday, a time, a time zone)."""
    line = line.strip()
    found = find_date(line) if len(line) <= 60 else None
    if not found:
        return False
    rest = line[:found[1]] + " " + line[found[2]:]
    rest = _TIME.sub(" ", rest)
    words = re.findall(r"[A-Za-z]+", rest)
    return all(word.lower() in _DATE_LINE_WORDS or (word.isupper() and len(word) <= 5) for word in words)


def _inline_dateline(text: str, offset: int, header: dict) -> int:
    lead = _INLINE_DATELINE.match(text, offset)
    if not lead:
        return offset
    found = find_date(text[lead.end():lead.end() + 80], anchored=True)
    if not found:
        return offset
    date_end = lead.end() + found[2]
    after = _AFTER_DATELINE.match(text, date_end)
    body = after.end() if after else date_end
    if body < len(text) and not text[body].isspace() and body == date_end:
        return offset  # "date 2025-06-10x": the date runs into a word
    header["date"] = text[lead.end():date_end]
    return body + (len(text[body:]) - len(text[body:].lstrip()))
