"""Posting lists read in per-shard pieces and joined on first read (see ``ChunkedPostings``)."""
from __future__ import annotations

from array import array
from collections.abc import Sequence


class _Pieces(list):
    """(offset, values, extra) pieces of one posting list, as the shards gave them."""

    def join(self) -> array:
        out = array("q")  # 8 bytes a number: a list of Python ints costs 36 (2M postings at 100k articles)
        for offset, values, _ in self:
            out.extend(values if offset == 0 else [offset + v for v in values])
        return out

    def join_extra(self) -> array:
        out = array("i")
        for _, _, extra in self:
            out.extend(extra)
        return out


class ChunkedPostings(dict):
    """entity id -> an ``array`` of ints, kept as the per-shard pieces it was read in and joined (each piece's
    offset added) the first time it is read: opening a store builds no list that nobody reads.

    A piece may carry a parallel ``extra`` list (mention counts beside article numbers): ``extra(key)``.
    """

    def __init__(self) -> None:
        super().__init__()
        self._extra: dict[str, array] = {}

    def add(self, key: str, offset: int, values: list[int], extra: Sequence[int] = ()) -> None:
        got = dict.get(self, key)
        if got is None:
            dict.__setitem__(self, key, _Pieces([(offset, values, extra)]))
        elif type(got) is _Pieces:
            got.append((offset, values, extra))
        else:
            got.extend(values if offset == 0 else [offset + v for v in values])
            self.extra(key).extend(extra)

    def __getitem__(self, key: str) -> array:
        got = dict.__getitem__(self, key)
        if type(got) is _Pieces:
            self._extra.setdefault(key, got.join_extra())
            got = got.join()
            dict.__setitem__(self, key, got)
        return got

    def extra(self, key: str) -> array:
        """The ``extra`` lists of ``key``'s pieces, joined (empty when it has none)."""
        if not dict.__contains__(self, key):
            return array("i")
        self[key]
        return self._extra[key]

    def get(self, key: str, default=None):
        return self[key] if dict.__contains__(self, key) else default

    def values(self):
        return [self[key] for key in self]

    def items(self):
        return [(key, self[key]) for key in self]
