"""A catalog shard's columns as binary blocks: what ``MachineIndex.add_shard`` derives from the shard, saved
so that opening a store reads ``array.frombytes`` blocks (and a few small JSON ones) instead of parsing the
JSON catalog and filling the columns row by row.

``image_of(docs, postings)`` builds a shard's columns with the very code the index uses (``columns.py``);
``encode`` lays them out as blocks; ``decode`` reads blocks back, checking every length, range and type (a
block that does not check out raises ``BadImage``, and the caller reads the JSON instead); ``add_image``
appends a decoded shard to a ``MachineIndex`` exactly as ``add_shard`` would have. A column whose values it
does not pack (a figure's base value is a number) is kept as its parsed values (``Values``) and appended with
the column's own ``extend``. No pickle: blocks are raw little-endian arrays, UTF-8 bytes, or JSON. The file
around them is ``disk/column_cache.py``. Not checked: that an event or figure reference's row (``ref % SLOT``)
is below its article's row count (only its article is; the catalog's CRC-32 binds the cache to the catalog).
"""
from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass
from typing import Any, cast
from itertools import chain
from operator import le

import orjson

from dateline.store.index.columns import (Ints, IntLists, Plain, Pooled, RowTable, Sparse, Table, Texts,
                                          _extend_ends, extend_ints)
from dateline.store.index.index import (E_META, EVENT_KINDS, FIGURE_KINDS, M_META, META, META_KINDS, SLOT,
                                        MachineIndex, _flat)


_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))  # bytes that cannot start a character


class NotImaged(Exception):
    """This shard's columns are not all packed (a value kept as a Python object): it is read from JSON."""


class BadImage(Exception):
    """A block that does not check out: the whole cache is ignored."""


POSTINGS = ("ents", "arts", "arts_ends", "counts", "latest", "ev", "ev_ends", "fig", "fig_ends")


@dataclass
class ShardImage:
    """One catalog shard's columns and postings (article ``k`` of the shard is row ``k``)."""

    ids: list[str]
    meta: Table
    events: RowTable
    figures: RowTable
    postings: dict  # POSTINGS -> arrays (``latest``: a list of dates)


def _dropped(value) -> bool:
    """A value ``Sparse`` does not keep (it reads back as None)."""
    return value is None or value == []


class Values:
    """A column kept as its values, exactly as parsed (a plain column, or one whose values a packed column
    does not take in this shard): appended with the column's own ``extend``, as the JSON read does."""

    __slots__ = ("data",)

    def __init__(self, data: list) -> None:
        self.data = data

    def values(self) -> list:
        return self.data


def _columns(rows: list, width: int) -> list[list]:
    """Rows as columns, a short row's missing fields None (as ``Table.add_rows``)."""
    if set(map(len, rows)) - {width}:
        rows = [(list(row) + [None] * width)[:width] for row in rows]
    flat = list(chain.from_iterable(rows))
    return [flat[c::width] for c in range(width)]


def _imaged(kinds: str, columns: list[list], lengths: list[int] | None) -> Table:
    table = RowTable(kinds) if lengths is not None else Table(kinds)
    table.add_columns(columns)
    if isinstance(table, RowTable) and lengths is not None:
        _extend_ends(table.start, lengths)
    for c, column in enumerate(table.columns):
        if (type(column) is Plain or getattr(column, "_plain", None) is not None
                or (type(column) is Ints and (type(column.data) is not array or bool in set(map(type, columns[c]))))
                or (type(column) is IntLists and bool in set(map(type, chain.from_iterable(columns[c]))))):
            # kept as parsed: a later fall-back of the whole column must see a bool as a bool
            table.columns[c] = Values(columns[c])
    return table


def image_of(docs: list[dict], postings: dict) -> ShardImage:
    """The image of a catalog shard as ``read_catalog`` returns it (``NotImaged`` if it cannot be imaged)."""
    try:
        if not all(type(d["id"]) is str and type(d["m"]) is str for d in docs):
            raise NotImaged
        meta = _imaged(META_KINDS, [[doc.get(key) for doc in docs] for key in META], None)
        tables = [meta]
        for kind, kinds in (("v", EVENT_KINDS), ("f", FIGURE_KINDS)):
            lengths = [len(doc[kind]) for doc in docs]
            rows = list(chain.from_iterable(doc[kind] for doc in docs))
            tables.append(_imaged(kinds, _columns(rows, len(kinds)) if rows else [[]] * len(kinds), lengths))
        arts, arts_ends = _flat(postings["arts"])
        ev, ev_ends = _flat(postings["ev"])
        fig, fig_ends = _flat(postings["fig"])
        ents = extend_ints(array("i"), postings["ents"])
        latest = list(postings["latest"])
        got = dict(ents=ents, arts=arts, arts_ends=arts_ends, counts=_flat(postings["counts"])[0], latest=latest,
                   ev=ev, ev_ends=ev_ends, fig=fig, fig_ends=fig_ends)
    except NotImaged:
        raise
    except Exception as exc:  # noqa: BLE001 - anything odd in a shard: it is simply not imaged
        raise NotImaged from exc
    if ents is None or not all(type(d) is str for d in latest) or type(meta.columns[E_META]) is not IntLists:
        raise NotImaged
    return ShardImage([d["id"] for d in docs], meta, cast(RowTable, tables[1]), cast(RowTable, tables[2]), got)


# -- blocks: ("a", typecode, bytes) an array, ("u", "", bytes) UTF-8, ("j", "", bytes) JSON ------------------
def _array_block(data: array) -> tuple[str, str, bytes]:
    if sys.byteorder == "big":
        data = array(data.typecode, data)
        data.byteswap()
    return "a", data.typecode, data.tobytes()


def _json_block(value) -> tuple[str, str, bytes]:
    return "j", "", orjson.dumps(value)


def _column_blocks(column) -> list[tuple[str, str, bytes]]:
    if type(column) is Values:
        return [("v", "", orjson.dumps(column.data))]
    if type(column) is Sparse:
        return [_json_block(sorted(column.data.items()))]
    if type(column) is Pooled:
        return [_json_block(column.pool), _array_block(column.codes)]
    if type(column) is Ints:
        return [_array_block(cast(array, column.data))]
    if type(column) is IntLists:
        return [_array_block(column.flat), _array_block(column.ends)]
    if type(column) is Texts:
        nones = array("q", sorted(column.nones))
        return [("u", "", bytes(column.blob)), _array_block(column.ends), _array_block(nones)]
    raise NotImaged


def encode(image: ShardImage) -> list[tuple[str, str, bytes]]:
    """Every block of ``image``, in the order ``decode`` reads them."""
    try:
        blocks = [_json_block(image.ids)]
        for table in (image.meta, image.events, image.figures):
            if isinstance(table, RowTable):
                blocks.append(_array_block(table.start))
            for column in table.columns:
                blocks += _column_blocks(column)
        for name in POSTINGS:
            value = image.postings[name]
            blocks.append(_json_block(value) if name == "latest" else _array_block(value))
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise NotImaged from exc
    return blocks


class _Blocks:
    """The blocks of a cache, read in order, each checked for its kind."""

    def __init__(self, blocks: list[tuple[str, str, memoryview]]) -> None:
        self.blocks, self.at = blocks, 0

    def _next(self, kind: str) -> tuple[str, memoryview]:
        if self.at >= len(self.blocks) or self.blocks[self.at][0] != kind:
            raise BadImage("blocks out of order")
        _, typecode, raw = self.blocks[self.at]
        self.at += 1
        return typecode, raw

    def ints(self, n: int | None = None, below: int | None = None) -> array:
        """An int array (``n`` items if given; every item in ``[0, below)`` if given)."""
        typecode, raw = self._next("a")
        if typecode not in ("i", "q") or len(raw) % array(typecode).itemsize:
            raise BadImage("a malformed array block")
        got = array(typecode.upper() if below is not None else typecode)  # unsigned: one pass finds a negative
        got.frombytes(raw)
        if sys.byteorder == "big":
            got.byteswap()
        if (n is not None and len(got) != n) or (below is not None and got and max(got) >= below):
            raise BadImage("an array of the wrong length or range")
        if below is not None:
            got = array(typecode, got.tobytes())  # the same bytes, signed
        return got

    def ends(self, n: int, total: int | None = None) -> array:
        """``n + 1`` cumulative ends from 0 (to ``total`` if given), never going down."""
        got = self.ints(n + 1)
        if got[0] != 0 or (total is not None and got[-1] != total) or not all(map(le, got, got[1:])):
            raise BadImage("malformed ends")
        return got

    def peek(self) -> str | None:
        return self.blocks[self.at][0] if self.at < len(self.blocks) else None

    def json(self, block: str = "j", kind: type = list):
        try:
            value = orjson.loads(self._next(block)[1])
        except orjson.JSONDecodeError as exc:
            raise BadImage("malformed JSON block") from exc
        if type(value) is not kind:
            raise BadImage("a JSON block of the wrong type")
        return value

    def utf8(self) -> bytes:
        return bytes(self._next("u")[1])


def _texts(blocks: _Blocks, n: int) -> Texts:
    blob = blocks.utf8()
    ends = blocks.ends(n, len(blob))
    nones = blocks.ints(None, n)
    try:
        blob.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        raise BadImage("text that is not UTF-8") from exc
    if any(map((blob.translate(_CONTINUATION) + b"\0").__getitem__, ends)):  # a row would start mid-character
        raise BadImage("a text row cut inside a character")
    if any(map(int.__sub__, map(ends.__getitem__, map((1).__add__, nones)), map(ends.__getitem__, nones))):
        raise BadImage("malformed empty rows")
    column = Texts()
    column.blob, column.ends, column.nones = bytearray(blob), ends, set(nones)
    return column


def _column(blocks: _Blocks, kind: str, n: int, n_registry: int):
    """The next column of kind ``kind`` (``columns.COLUMN``) with ``n`` rows, checked; ``n_registry`` >= 0: a
    packed column of registry positions."""
    if blocks.peek() == "v" and n_registry < 0:
        values = blocks.json("v")
        if len(values) != n:
            raise BadImage("a column of the wrong length")
        return Values(values)
    column: Any
    if kind == "s":
        column = Pooled()
        pool = blocks.json()
        if not set(map(type, pool)) <= {str, type(None)}:
            raise BadImage("a pooled value that is not a string")
        column.pool[:] = pool
        column.codes = blocks.ints(n, len(pool))
    elif kind == "i":
        column = Ints()
        column.data = blocks.ints(n)
    elif kind == "n":
        column = IntLists()
        column.flat = blocks.ints(None, n_registry) if n_registry >= 0 else blocks.ints()
        column.ends = blocks.ends(n, len(column.flat))
    elif kind == "t":
        column = _texts(blocks, n)
    elif kind == "x":
        column = Sparse()
        pairs = blocks.json()
        if not all(type(p) is list and len(p) == 2 and type(p[0]) is int and 0 <= p[0] < n for p in pairs):
            raise BadImage("a malformed sparse row")
        if any(map(_dropped, (v for _, v in pairs))):
            raise BadImage("a sparse row a sparse column would not keep")
        column.data, column.n = dict(pairs), n
    else:  # plain and sparse columns are kept as values
        raise BadImage(f"a column of kind {kind!r} that is not kept as values")
    return column


def _table(blocks: _Blocks, table: Table, kinds: str, n: int, n_registry: int, entities: tuple[int, ...] = ()) -> None:
    for c, kind in enumerate(kinds):
        table.columns[c] = _column(blocks, kind, n, n_registry if c in entities else -1)


def decode(raw: list[tuple[str, str, memoryview]], n_registry: int) -> ShardImage:
    """The image in ``raw`` blocks (``BadImage`` if anything does not check out). ``n_registry``: entities
    the registry holds (every entity position must be below it)."""
    blocks = _Blocks(raw)
    ids = blocks.json()
    if not all(type(aid) is str for aid in ids):
        raise BadImage("an article id that is not a string")
    n = len(ids)
    meta, events, figures = Table(META_KINDS), RowTable(EVENT_KINDS), RowTable(FIGURE_KINDS)
    _table(blocks, meta, META_KINDS, n, n_registry, (E_META,))
    if not all(type(m) is str and len(m) % 4 == 0 for m in meta.columns[M_META].values()):
        raise BadImage("malformed mention rows")
    for table, kinds in ((events, EVENT_KINDS), (figures, FIGURE_KINDS)):
        table.start = blocks.ends(n)
        _table(blocks, table, kinds, table.start[-1], n_registry)
    ents = blocks.ints(None, n_registry)
    got: dict = {"ents": ents}
    got["arts"] = blocks.ints(None, n)
    got["arts_ends"] = blocks.ends(len(ents), len(got["arts"]))
    got["counts"] = blocks.ints(len(got["arts"]))
    got["latest"] = blocks.json()
    if len(got["latest"]) != len(ents) or not all(type(d) is str for d in got["latest"]):
        raise BadImage("malformed latest dates")
    for name in ("ev", "fig"):
        got[name] = blocks.ints(None, n * SLOT)
        got[f"{name}_ends"] = blocks.ends(len(ents), len(got[name]))
    if blocks.at != len(blocks.blocks):
        raise BadImage("extra blocks")
    return ShardImage(ids, meta, events, figures, got)


# -- appending a decoded shard to the index -----------------------------------------------------------------
def _shift_onto(ends: array, more: array) -> None:
    """Append ``more`` (cumulative ends from 0) to ``ends``, each plus its last."""
    base = ends[-1]
    ends.extend(array("q", map(base.__add__, more[1:])) if base else more[1:] if more.typecode == "q"
                else array("q", more[1:]))


def _append(into, column) -> None:
    """Append ``column``'s rows to ``into`` (same kind), as ``into.extend(values)`` would."""
    if type(column) is Values:
        into.extend(column.data)
        return
    if getattr(into, "_plain", None) is not None or (type(into) is Ints and type(into.data) is not array):
        values = column.values()  # rows after a fall-back are kept as parsed: lists, not arrays
        into.extend([v.tolist() for v in values] if type(column) is IntLists else values)
    elif type(into) is Pooled:
        code = into._code
        recode = list(map(code.__getitem__, column.pool))
        if recode == list(range(len(recode))) and column.codes.typecode == into.codes.typecode:
            into.codes.extend(column.codes)
        else:
            into.codes.fromlist(list(map(recode.__getitem__, column.codes)))
    elif type(into) is Ints:
        data = cast(array, into.data)
        got = extend_ints(data, column.data)
        into.data = got if got is not None else data.tolist() + column.data.tolist()
    elif type(into) is IntLists:
        got = extend_ints(into.flat, column.flat)
        if got is None:  # pragma: no cover - decoded flats are int arrays
            raise BadImage("entity positions out of range")
        into.flat = got
        _shift_onto(into.ends, column.ends)
    elif type(into) is Sparse:
        into.data.update((g + into.n, v) for g, v in column.data.items())
        into.n += column.n
    elif type(into) is Texts:
        first = len(into)
        into.nones.update(map(first.__add__, column.nones))
        into.blob += column.blob
        _shift_onto(into.ends, column.ends)
    else:  # pragma: no cover - decoded columns are of the kinds above
        raise BadImage("an unknown column")


def add_image(index: MachineIndex, image: ShardImage, texts_file: str) -> None:
    """Index one shard from its image: the same state as ``index.add_shard(docs, postings, texts_file)``."""
    base, ids = len(index.order), image.ids
    index.number.update(zip(ids, range(base, base + len(ids))))
    index.order.extend(ids)
    index.texts_file.update(dict.fromkeys(ids, texts_file))
    meta = image.meta.columns
    if index._by_url is not None:
        index._by_url.update((url, aid) for url, aid in zip(meta[META.index("url")].values(), ids) if url)
    if index._by_hash is not None:
        index._by_hash.update(zip(meta[META.index("hash")].values(), ids))
    published = meta[META.index("published")]
    dates = [d for d in map(published.pool.__getitem__, set(published.codes)) if d]
    if dates:
        low, high = min(dates), max(dates)
        if index.first_published is None or low < index.first_published:
            index.first_published = low
        if index.last_published is None or high > index.last_published:
            index.last_published = high
    for into, table in ((index.meta, image.meta), (index.events, image.events), (index.figures, image.figures)):
        for target, column in zip(into.columns, table.columns):
            _append(target, column)
        if isinstance(into, RowTable) and isinstance(table, RowTable):
            _shift_onto(into.start, table.start)
    p = image.postings
    index.merge_postings(base, p["ents"], p["arts"], p["arts_ends"], p["counts"], p["latest"], p["ev"],
                         p["ev_ends"], p["fig"], p["fig_ends"])
