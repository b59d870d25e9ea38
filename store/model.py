"""Dateline's records: plain frozen dataclasses the store returns and the app shows.

Ids are strings. Offsets are Python ``str`` indices into the article body. Dates are ISO strings at
their real precision (``2025-06-09``, ``2025-W23``, ``2025-06``, ``2025-Q1``, ``2025``) or a
``start/end`` range; ``None`` with precision ``unknown`` when a record has no date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "PRODUCT", "EVENT", "OTHER")
PRECISIONS = ("day", "week", "month", "quarter", "year", "range", "reported", "unknown")
MACHINE = "machine"
MANUAL = "manual"
ACTIVE = "active"
REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Article:
    """An ingested article, without its body (``Store.body(id)`` reads that on demand)."""

    id: str
    title: str
    url: str | None
    source: str | None
    published: str | None
    ingested_at: str
    origin: str = ""  # the file (or feed entry) it came from
    length: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or other named thing, after every hand edit is applied."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    ticker: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    origin: str = MACHINE


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in an article where an entity is named."""

    id: str
    entity_id: str
    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    role: str | None = None
    origin: str = MACHINE
    status: str = ACTIVE


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or will), from one sentence of one article."""

    id: str
    article_id: str
    date: str | None
    precision: str
    phrase: str | None
    summary: str
    participants: tuple[str, ...]  # entity ids
    place: str | None  # entity id
    sentence_start: int
    sentence_end: int
    origin: str = MACHINE
    context: tuple[tuple[str, str, str, str], ...] = ()  # (text, value, precision, role): dates that do not place it

    @property
    def date_kind(self) -> str:
        """"stated" when the text dates it, "reported" when the article's date does, else "undated"."""
        if self.precision == "reported":
            return "reported"
        return "undated" if not self.date or self.precision == "unknown" else "stated"

    @property
    def sort_key(self) -> str:
        """Dates sort as text; undated events sort last."""
        return self.date or "9999"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the article reports: a percentage, an amount of money, a quantity."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str
    metric: str | None
    direction: str | None  # "up" | "down" | None
    period: str | None
    baseline: float | None
    entities: tuple[str, ...]  # entity ids
    sentence_start: int
    sentence_end: int
    period_kind: str = "stated"  # "reported": the period is the article's date, not stated by the text

    @property
    def sort_key(self) -> str:
        return self.period if self.period and self.period[:1].isdigit() else "9999"


@dataclass(frozen=True, slots=True)
class Edit:
    """One entry of the append-only edit log."""

    seq: int
    at: str
    who: str
    action: str
    summary: str
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    undone: bool = False


def clean_name(text: str) -> str:
    """A name as typed or selected: trimmed of spaces, punctuation and possessives."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"[\u2019\u2018']s$", "", text)
    return text.strip(" \t.,;:!?\"'()[]{}\u201c\u201d\u2018\u2019-–—")
