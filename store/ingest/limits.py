"""What one input may cost: past these, it is refused with one line naming the file and the limit.

Every bound is on the input or on one article, so memory and time stay bounded whatever the input
(README, "Ingest: limits"). Real news sits far below each: a long feature is ~60,000 characters of text,
a news page ~5,000 HTML tags, a feed of 1,000 entries ~100,000 tags.
"""
from __future__ import annotations

from typing import BinaryIO

from dateline.store.ingest.parsed import IngestError

MAX_BYTES = 20 * 1024 * 1024  # one file, or standard input
MAX_ARTICLE_CHARS = 200_000  # the text of one article; a longer one is refused, not cut
MAX_HTML_TAGS = 200_000  # one HTML page or HTML field
MAX_HTML_TEXT = 8 * 1024 * 1024  # characters outside tags in one page (article, scripts, styles)
READABILITY_MAX_TAGS = 20_000  # a larger page is read whole (readability's cost grows faster than its size)
MAX_FEED_BYTES = 8 * 1024 * 1024  # one feed: feedparser reads ~6 MB a second, in memory 12 times its size
MAX_FEED_TAGS = 150_000  # markup in one feed, escaped or not (feedparser's sanitiser is pure Python)
MAX_JSON_CONTAINERS = 100_000  # objects and lists in one JSON or JSON Lines file
MAX_JSON_VALUES = 2_000_000  # commas: values in one JSON or JSON Lines file
MAX_NOTES = 20  # skipped lines or entries reported one by one; the rest are counted


def read_capped(stream: BinaryIO, name: str) -> bytes:
    """Read a pipe, FIFO or device up to the cap; one byte more and it is refused (nothing more is read)."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_BYTES:
        raise IngestError(name, f"input is larger than {MAX_BYTES // 2**20} MB, the limit; not stored")
    return b"".join(chunks)


def check_article_chars(name: str, length: int) -> None:
    if length > MAX_ARTICLE_CHARS:
        raise IngestError(name, too_long(length))


def too_long(length: int) -> str:
    return (f"article text is {length:,} characters, over the limit of {MAX_ARTICLE_CHARS:,} for one "
            "article; not stored (split it into smaller files)")


def check_markup(name: str, tags: int, limit: int, what: str) -> None:
    if tags > limit:
        raise IngestError(name, f"{what} has {tags:,} tags, over the limit of {limit:,}; not read")


def check_json(name: str, text: str) -> None:
    """Refuse JSON whose parse alone would take hundreds of MB (millions of tiny values)."""
    containers = text.count("{") + text.count("[")
    if containers > MAX_JSON_CONTAINERS:
        raise IngestError(name, f"JSON has {containers:,} objects and lists, over the limit of "
                                f"{MAX_JSON_CONTAINERS:,}; not read")
    values = text.count(",")
    if values > MAX_JSON_VALUES:
        raise IngestError(name, f"JSON has {values:,} values, over the limit of {MAX_JSON_VALUES:,}; not read")


class Notes:
    """Lines about skipped lines or entries of one file: the first ``MAX_NOTES`` word for word, the
    rest only counted (a million bad lines must not make a million strings)."""

    def __init__(self, unit: str) -> None:
        self.unit, self.more = unit, 0
        self.lines: list[str] = []

    def add(self, number: int, reason: str) -> None:
        if len(self.lines) < MAX_NOTES:
            self.lines.append(f"{self.unit} {number}: {reason}; skipped")
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.lines)

    def all(self) -> list[str]:
        return self.lines + ([f"{self.more:,} more {self.unit}s skipped"] if self.more else [])
