"""Posting lists read in per-shard pieces and joined on first read (see ``ChunkedPostings``)."""
from __future__ import annotations

from array import array
from collections.abc import Sequence


class _Pieces(array):
    """Where one key's list lies in the shards not joined yet: ``shard << 32 | j`` per piece."""


def _shifted(flat: array, start: int, end: int, offset: int) -> array:
    """``flat[start:end]``, each plus ``offset``, as 8-byte ints."""
    piece = flat[start:end]
    if offset:
        return array("q", [offset + v for v in piece])
    return piece if piece.typecode == "q" else array("q", piece)


class ChunkedPostings(dict):
    """key -> an ``array`` of ints, kept as the per-shard pieces it was read in and joined (each piece's
    offset added) the first time it is read: opening a store builds no list that nobody reads. A shard
    gives all its lists at once as one flat ``array`` and where each ends, and a key not read yet holds
    only where its pieces are (8 bytes a piece, not a tuple and a list of Python ints).

    A shard may carry a parallel ``extra`` (mention counts beside article numbers): ``extra(key)``.
    """

    def __init__(self) -> None:
        super().__init__()
        self._extra: dict[str, array] = {}
        self._shards: list[tuple[int, array, array, array | None]] = []  # (offset, flat, ends, extra)
        self._unjoined = 0  # keys still in pieces: once none is, the shards' arrays are let go

    def add_shard(self, keys: Sequence[str], offset: int, flat: array, ends: array,
                  extra: array | None = None) -> None:
        """List ``j`` of a shard, ``flat[ends[j]:ends[j + 1]]`` (each plus ``offset``), joins ``keys[j]``'s."""
        shard = len(self._shards)
        self._shards.append((offset, flat, ends, extra))
        for j, key in enumerate(keys):
            start, end = ends[j], ends[j + 1]
            if start == end:
                continue
            got = dict.get(self, key)
            if got is None:
                dict.__setitem__(self, key, _Pieces("q", [shard << 32 | j]))
                self._unjoined += 1
            elif type(got) is _Pieces:
                got.append(shard << 32 | j)
            else:
                got.extend(_shifted(flat, start, end, offset))
                if extra is not None:
                    self.extra(key).extend(_shifted(extra, start, end, 0))

    def __getitem__(self, key: str) -> array:
        got = dict.__getitem__(self, key)
        if type(got) is _Pieces:
            out, out_extra = array("q"), array("q")  # 8 bytes a number, not a 36-byte Python int
            for piece in got:
                offset, flat, ends, extra = self._shards[piece >> 32]
                j = piece & 0xFFFFFFFF
                out.extend(_shifted(flat, ends[j], ends[j + 1], offset))
                if extra is not None:
                    out_extra.extend(_shifted(extra, ends[j], ends[j + 1], 0))
            self._extra.setdefault(key, out_extra)
            dict.__setitem__(self, key, out)
            got = out
            self._unjoined -= 1
            if not self._unjoined:
                self._shards = [(0, array("i"), array("q"), None)] * len(self._shards)
        return got

    def extra(self, key: str) -> array:
        """The ``extra`` lists of ``key``'s pieces, joined (empty when it has none)."""
        if not dict.__contains__(self, key):
            return array("q")
        self[key]
        return self._extra[key]

    def get(self, key: str, default=None):
        return self[key] if dict.__contains__(self, key) else default

    def values(self):
        return [self[key] for key in self]

    def items(self):
        return [(key, self[key]) for key in self]
