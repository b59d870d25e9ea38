"""Rows made from a store sequence only when a list reads them: the lines on screen, a filter, a copy.

A pane hands ``LineList`` a ``LazyRows`` instead of a list, so focusing an entity with 50,000
events costs what the screen shows, not what the store holds. ``HeadedLines`` puts group headers
(the timeline's years and months) between runs of rows, without making the rows.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from dateline.tui.widgets.list_row import Row

MADE_LIMIT = 512  # rows kept once made (a screen shows ~50; the strip cache keeps their drawings)


class LazyRows(Sequence):
    """``size`` rows; ``make(i)`` builds row ``i``, ``key_of(i)`` its key without building it."""

    def __init__(self, size: int, make: Callable[[int], Row], key_of: Callable[[int], str]):
        self._size = size
        self._make = make
        self._key_of = key_of
        self._made: dict[int, Row] = {}
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        row = self._made.get(i)
        if row is None:
            if len(self._made) >= MADE_LIMIT:
                self._made.clear()
            row = self._made[i] = self._make(i)
        return row

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(self._size))

    def key_of(self, i: int) -> str:
        return self._key_of(i)

    def index_of(self, key: str) -> int | None:
        """The position of the row with ``key`` (the key table is built on first use)."""
        if self._index is None:
            self._index = {self._key_of(i): i for i in range(self._size)}
        return self._index.get(key)


Header = Callable[[object, tuple], tuple[list[Row], object]]


class HeadedLines(Sequence):
    """Rows with header lines between groups: ``slots[line]`` is a row index, or ``-1 - header``."""

    def __init__(self, rows: Sequence[Row], runs: Iterable[tuple[int, int, tuple]], header: Header):
        """``runs`` are (first row, end row, group) covering the rows in order; ``header(state, group)``
        returns the header rows to put before a run of ``group`` and the new state (``None`` at first)."""
        self.rows = rows
        self.headers: list[Row] = []
        slots = array("i")
        state: object = None
        previous: tuple | None = None
        for first, end, group in runs:
            if group != previous:
                lines, state = header(state, group)
                for line in lines:
                    slots.append(-1 - len(self.headers))
                    self.headers.append(line)
                previous = group
            slots.extend(range(first, end))
        self.slots = slots
        self._line_of: array | None = None
        self._row_index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.slots)

    def __getitem__(self, line):
        if isinstance(line, slice):
            return [self[j] for j in range(*line.indices(len(self)))]
        slot = self.slots[line]
        return self.rows[slot] if slot >= 0 else self.headers[-1 - slot]

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))

    def index_of(self, key: str) -> int | None:
        """The line showing the row with ``key``."""
        if isinstance(self.rows, LazyRows):
            i = self.rows.index_of(key)
        else:
            if self._row_index is None:
                self._row_index = {row.key: i for i, row in enumerate(self.rows)}
            i = self._row_index.get(key)
        if i is None:
            return None
        if self._line_of is None:
            line_of = array("i", bytes(4 * len(self.rows)))
            for line, slot in enumerate(self.slots):
                if slot >= 0:
                    line_of[slot] = line
            self._line_of = line_of
        return self._line_of[i]


class ExpandedLines(Sequence):
    """``lines`` with ``extra`` lines shown under line ``at`` (an expanded row's full text)."""

    def __init__(self, lines: Sequence[Row], at: int, extra: list[Row]):
        self.lines, self.at, self.extra = lines, at, extra

    def __len__(self) -> int:
        return len(self.lines) + len(self.extra)

    def __getitem__(self, line):
        if isinstance(line, slice):
            return [self[j] for j in range(*line.indices(len(self)))]
        if line < 0:
            line += len(self)
        if line <= self.at:
            return self.lines[line]
        if line <= self.at + len(self.extra):
            return self.extra[line - self.at - 1]
        return self.lines[line - len(self.extra)]

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))

    def index_of(self, key: str) -> int | None:
        lines = self.lines
        index = lines.index_of(key) if hasattr(lines, "index_of") else next(
            (i for i, row in enumerate(lines) if row.key == key and row.selectable), None)
        return index if index is None or index <= self.at else index + len(self.extra)


def runs_of(groups: Sequence[tuple]) -> Iterator[tuple[int, int, tuple]]:
    """(first, end, group) runs of a list of per-row groups."""
    first = 0
    for i in range(1, len(groups) + 1):
        if i == len(groups) or groups[i] != groups[first]:
            yield first, i, groups[first]
            first = i
