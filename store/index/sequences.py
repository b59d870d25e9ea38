"""Read-only sequences whose records are made only when read: a list pane of 100,000 rows reads
the few dozen on screen. Each also answers the cheap questions a pane asks of every row (an id, a
date) from the compact index rows, without making records."""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from dateline.store.index.index import SLOT

EVENT, FIGURE = 0, 1  # the low bit of a timeline entry


class LazyRecords(Sequence):
    """Records made from ``refs`` (argument tuples of ``make``) one by one as they are read."""

    def __init__(self, refs: list[tuple], make: Callable[..., object]):
        self.refs = refs
        self._make = make

    def __len__(self) -> int:
        return len(self.refs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._make(*r) for r in self.refs[i]]
        return self._make(*self.refs[i])


def pack_entry(number: int, row: int, kind: int) -> int:
    """One timeline entry as an int: article number, row in that article's list, event or figure."""
    return (number * SLOT + row) * 2 + kind


class TimelineSource(Protocol):
    """What a ``Timeline`` reads its records from (the store's view)."""

    def event(self, aid: str, row: int): ...
    def figure(self, aid: str, row: int): ...
    def event_id(self, aid: str, row: int) -> str: ...
    def entry_date(self, kind: int, aid: str, row: int) -> tuple[str | None, str]: ...
    def entry_text(self, kind: int, aid: str, row: int) -> tuple[str, tuple[str, ...]]: ...


class Timeline(Sequence):
    """Events and figures in one date order, as packed entries (``pack_entry``).

    ``timeline[i]`` makes the record; ``kind``, ``record_id`` and ``date`` read the index only.
    """

    def __init__(self, entries: array, order: list[str], source: TimelineSource | None, keys: list[str] | None = None,
                 groups: dict[int, tuple[int, ...]] | None = None):
        """``keys[i]`` is entry ``i``'s ``dating.date_key`` (what it was sorted by); ``groups`` maps an
        entry that stands for one event reported several times to the entries of every report."""
        self.entries = entries
        self.keys = keys if keys is not None else []
        self.groups = groups or {}
        self._order = order
        self._source = source
        self._figure_count: int | None = None

    @property
    def _src(self) -> TimelineSource:
        """What makes the records (only an empty timeline has none)."""
        if self._source is None:
            raise IndexError("an empty timeline has no records")
        return self._source

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def figure_count(self) -> int:
        if self._figure_count is None:
            self._figure_count = sum(entry & 1 for entry in self.entries)
        return self._figure_count

    def _where(self, i: int) -> tuple[int, str, int]:
        entry = self.entries[i]
        packed = entry >> 1
        return entry & 1, self._order[packed // SLOT], packed % SLOT

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        kind, aid, row = self._where(i)
        return self._src.event(aid, row) if kind == EVENT else self._src.figure(aid, row)

    def __iter__(self) -> Iterator:
        return (self[i] for i in range(len(self)))

    def kind(self, i: int) -> int:
        return self.entries[i] & 1

    def record_id(self, i: int) -> str:
        kind, aid, row = self._where(i)
        return self._src.event_id(aid, row) if kind == EVENT else f"{aid}:f{row}"

    def date(self, i: int) -> tuple[str | None, str]:
        """(date string, precision) of entry ``i`` as the timeline orders it, edits included."""
        kind, aid, row = self._where(i)
        return self._src.entry_date(kind, aid, row)

    def text(self, i: int) -> tuple[str, tuple[str, ...]]:
        """(what it says, entity ids) of entry ``i``: an event's summary and participants, a figure's
        text and metric and entities."""
        kind, aid, row = self._where(i)
        return self._src.entry_text(kind, aid, row)

    def subset(self, indexes: Sequence[int]) -> Timeline:
        """The entries at ``indexes`` (ascending), in a timeline of their own."""
        return Timeline(array("q", map(self.entries.__getitem__, indexes)), self._order, self._source,
                        list(map(self.keys.__getitem__, indexes)), self.groups)

    def sources(self, i: int) -> tuple[tuple[str, str, int, int], ...]:
        """(article id, record id, sentence start, sentence end) of every report row ``i`` stands for,
        its own first (one for a row that is not a group)."""
        return self.entry_sources(self.groups.get(self.entries[i], (self.entries[i],)))

    def entry_sources(self, entries: Sequence[int]) -> tuple[tuple[str, str, int, int], ...]:
        """(article id, record id, sentence start, sentence end) of each packed entry."""
        found = []
        for entry in entries:
            packed = entry >> 1
            aid, row = self._order[packed // SLOT], packed % SLOT
            if entry & 1 == EVENT:
                event = self._src.event(aid, row)
                found.append((aid, event.id, event.sentence_start, event.sentence_end))
            else:
                figure = self._src.figure(aid, row)
                found.append((aid, figure.id, figure.sentence_start, figure.sentence_end))
        return tuple(found)

    def sources_of_entry(self, entry: int) -> tuple[int, ...]:
        """Every entry of the group ``entry`` belongs to (its own alone when in none)."""
        if not self.groups:
            return (entry,)
        member_of = getattr(self, "_member_of", None)
        if member_of is None:
            member_of = self._member_of = {m: group for group in self.groups.values() for m in group}
        return member_of.get(entry, (entry,))

    def source_count(self, i: int) -> int:
        return len(self.groups.get(self.entries[i], ())) or 1


class ArticleHits(Sequence):
    """(article, mentions in it) pairs, newest first, for article numbers ``numbers``."""

    def __init__(self, numbers: Sequence[int], counts: dict[int, int] | None, order: list[str],
                 article: Callable):
        self.numbers = numbers
        self._counts = counts
        self._order = order
        self._article = article

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        number = self.numbers[i]
        return self._article(self._order[number]), (self._counts[number] if self._counts is not None else None)

    def __iter__(self) -> Iterator:
        return (self[i] for i in range(len(self)))

    def article_id(self, i: int) -> str:
        return self._order[self.numbers[i]]

    def mention_counts(self) -> list[int | None]:
        """The mention count of each article, in order, without reading the articles."""
        counts = self._counts
        return [counts[n] for n in self.numbers] if counts is not None else [None] * len(self.numbers)
