"""Columnar tables: one array or list per field of a row, instead of a Python list (or dict) per row.

At 100,000 articles the catalogs hold about 900,000 event rows and 440,000 figure rows; parsed as JSON
each row is a list of boxed ints and strings (400-700 bytes), the biggest part of an open store's
memory. Here a field that repeats (dates, precisions, units, directions) is kept once and the rows hold
its number (4 bytes); int fields are ``array`` items; lists of ints (an event's participants) are
slices of one flat ``array``. Rows are appended a shard at a time with C-level passes (``map``, ``array``
constructors), so opening costs little more than the parse. A column meeting a value of a type it
does not pack (a future or unexpected row) keeps plain Python objects from then on: what a row reads
back is always what was stored.
"""
from __future__ import annotations

from array import array
from itertools import accumulate, chain, compress, repeat
from operator import is_

_MISSING = None  # a field an older, shorter row does not have reads as None (its old meaning, index.py)


def _extend_ends(ends: array, lengths) -> None:
    """Append to ``ends`` (cumulative, starting at 0) the ends of items of ``lengths``."""
    more = list(accumulate(lengths, initial=ends[-1]))
    del more[0]
    ends.fromlist(more)


def _falsy_kept(value) -> bool:
    """A falsy value a sparse column keeps anyway: anything but None and ``[]``."""
    return not value and value is not None and value != []


class Plain:
    """A column of Python objects as they were read (texts that rarely repeat: titles, summaries)."""

    __slots__ = ("data",)

    def __init__(self, data: list | None = None) -> None:
        self.data: list = data if data is not None else []

    def extend(self, values: list) -> None:
        self.data.extend(values)

    def __getitem__(self, g: int):
        return self.data[g]

    def __setitem__(self, g: int, value) -> None:
        self.data[g] = value

    def __len__(self) -> int:
        return len(self.data)

    def values(self) -> list:
        return self.data


class _NotPooled(Exception):
    """A value a pool does not take (not a string or None: 1 == 1.0 == True would become one)."""


class _Codes(dict):
    """Value -> its number in the pool; a value not seen yet gets the next number as it is looked up."""

    def __init__(self, pool: list) -> None:
        super().__init__()
        self.pool = pool

    def __missing__(self, value):
        if value is not None and type(value) is not str:
            raise _NotPooled
        code = self[value] = len(self.pool)
        self.pool.append(value)
        return code


class Pooled:
    """A column of strings (or None) that repeat: each distinct value kept once, each row its number."""

    __slots__ = ("codes", "pool", "_code", "_plain")

    def __init__(self) -> None:
        self.codes = array("i")
        self.pool: list = []
        self._code = _Codes(self.pool)
        self._plain: list | None = None  # set once a value that is not a string or None arrived

    def extend(self, values: list) -> None:
        if self._plain is None:
            try:  # one pass: each value hashed once (``fromlist``: ``extend`` of a map is slower)
                self.codes.fromlist(list(map(self._code.__getitem__, values)))
                return
            except (_NotPooled, TypeError):  # TypeError: an unhashable value (a list)
                self._plain = self.values()  # the rows before these (a failed ``fromlist`` adds none)
                self.codes, self.pool, self._code = array("i"), [], _Codes([])
        self._plain.extend(values)

    def __getitem__(self, g: int):
        if self._plain is not None:
            return self._plain[g]
        return self.pool[self.codes[g]]

    def __len__(self) -> int:
        return len(self._plain) if self._plain is not None else len(self.codes)

    def values(self) -> list:
        """Every row's value, in order (one C-level pass)."""
        if self._plain is not None:
            return self._plain
        return list(map(self.pool.__getitem__, self.codes))


def extend_ints(data: array, values) -> array | None:
    """``data`` extended by ``values`` (made 8 bytes wide if one does not fit 4); None if one is not an int
    or does not fit 8 bytes. (A bool is stored as an int: no catalog int field holds one.)"""
    values = values if isinstance(values, (list, tuple, array)) else list(values)
    try:
        try:
            more = array(data.typecode, values)
        except OverflowError:
            data, more = array("q", data), array("q", values)
    except (TypeError, OverflowError):
        return None
    data.extend(more)
    return data


class Ints:
    """A column of ints in an ``array`` (4 bytes each instead of a 28-byte int object and its pointer)."""

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data: array | list = array("i")

    def extend(self, values: list) -> None:
        if type(self.data) is array:
            got = extend_ints(self.data, values)
            if got is not None:
                self.data = got
                return
            self.data = self.data.tolist()  # not all ints: kept as they are from now on
        self.data.extend(values)

    def __getitem__(self, g: int):
        return self.data[g]

    def __len__(self) -> int:
        return len(self.data)

    def values(self) -> list:
        return self.data.tolist() if isinstance(self.data, array) else self.data


class IntLists:
    """A column whose every value is a list of ints (an event's participants), as slices of one flat
    ``array``; a row reads back as an ``array`` of the same ints."""

    __slots__ = ("flat", "ends", "_plain")

    def __init__(self) -> None:
        self.flat = array("i")
        self.ends = array("q", [0])
        self._plain: list | None = None

    def extend(self, values: list) -> None:
        if self._plain is None:
            flat = None
            if set(map(type, values)) <= {list}:  # an empty string or dict would read back as an empty list
                flat = extend_ints(self.flat, chain.from_iterable(values))
            if flat is not None:
                self.flat = flat
                _extend_ends(self.ends, map(len, values))
                return
            self._plain = self.values()
        self._plain.extend(values)

    def __getitem__(self, g: int):
        if self._plain is not None:
            return self._plain[g]
        return self.flat[self.ends[g]:self.ends[g + 1]]

    def __len__(self) -> int:
        return len(self._plain) if self._plain is not None else len(self.ends) - 1

    def values(self) -> list:
        return [self[g] for g in range(len(self))]


class Sparse:
    """A column that is empty (``[]``, None) for nearly every row: only the others are kept."""

    __slots__ = ("data", "n")

    def __init__(self) -> None:
        self.data: dict[int, object] = {}
        self.n = 0

    def extend(self, values: list) -> None:
        for g in compress(range(self.n, self.n + len(values)), values):  # the truthy ones, then the rest
            value = values[g - self.n]
            if value != []:
                self.data[g] = value
        for g in compress(range(self.n, self.n + len(values)), map(_falsy_kept, values)):
            self.data[g] = values[g - self.n]  # 0, "", {}: rare, but read back as they were
        self.n += len(values)

    def __getitem__(self, g: int):
        return self.data.get(g)

    def __len__(self) -> int:
        return self.n

    def values(self) -> list:
        return [self.data.get(g) for g in range(self.n)]


class Texts:
    """A column of strings that rarely repeat (summaries, titles, urls) as UTF-8 in one ``bytearray``: a few
    large blocks instead of a Python string each (about 50 bytes less each, and no small objects left
    among the freed ones of the parse, which keep the allocator's pages from being given back)."""

    __slots__ = ("blob", "ends", "nones", "_plain")

    def __init__(self) -> None:
        self.blob = bytearray()
        self.ends = array("q", [0])
        self.nones: set[int] = set()  # rows whose value is None
        self._plain: list | None = None

    def extend(self, values: list) -> None:
        if self._plain is None:
            try:
                encoded = [b"" if v is None else v.encode("utf-8", "surrogatepass") for v in values]
            except AttributeError:  # a value that is neither a string nor None
                self._plain = self.values()
            else:
                first = len(self)
                self.nones.update(compress(range(first, first + len(values)), map(is_, values, repeat(None))))
                self.blob += b"".join(encoded)
                _extend_ends(self.ends, map(len, encoded))
                return
        self._plain.extend(values)

    def __getitem__(self, g: int):
        if self._plain is not None:
            return self._plain[g]
        ends = self.ends
        if g < 0:
            g += len(ends) - 1
        if ends[g] == ends[g + 1] and g in self.nones:
            return None
        return self.blob[ends[g]:ends[g + 1]].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._plain) if self._plain is not None else len(self.ends) - 1

    def values(self) -> list:
        return self._plain if self._plain is not None else [self[g] for g in range(len(self))]


COLUMN = {"o": Plain, "s": Pooled, "i": Ints, "n": IntLists, "x": Sparse, "t": Texts}


class Table:
    """Rows of ``len(kinds)`` fields, one column per field (``kinds``: one letter a field, see ``COLUMN``)."""

    def __init__(self, kinds: str) -> None:
        self.columns = [COLUMN[k]() for k in kinds]
        self.width = len(kinds)

    def add_rows(self, rows: list) -> None:
        """Append ``rows`` (a short row's missing fields are None, an older row's meaning: ``index.py``)."""
        if not rows:
            return
        width = self.width
        if set(map(len, rows)) != {width}:
            rows = [(list(row) + [_MISSING] * width)[:width] for row in rows]
        flat = list(chain.from_iterable(rows))  # each row read once, in memory order
        for c, column in enumerate(self.columns):
            column.extend(flat[c::width])  # a strided copy of pointers: no value is touched

    def add_columns(self, columns: list[list]) -> None:
        """Append rows given column by column (``columns[c]`` holds every new row's field ``c``)."""
        for column, values in zip(self.columns, columns):
            column.extend(values)

    def row(self, g: int) -> list:
        """Row ``g`` with every field."""
        return [column[g] for column in self.columns]

    def __len__(self) -> int:
        return len(self.columns[0])


class RowTable(Table):
    """The rows of every article in article order: article number ``n``'s rows are ``start[n]`` to
    ``start[n + 1]``."""

    def __init__(self, kinds: str) -> None:
        super().__init__(kinds)
        self.start = array("q", [0])

    def add_articles(self, rows_per_article: list[list]) -> None:
        """Append the rows of the next articles (one list of rows an article)."""
        self.add_rows(list(chain.from_iterable(rows_per_article)))
        _extend_ends(self.start, map(len, rows_per_article))

    def count(self, number: int) -> int:
        """How many rows article ``number`` has."""
        return self.start[number + 1] - self.start[number]

    def __len__(self) -> int:
        return self.start[-1]
