"""Catalog shards keep mention rows as packed int32 (base64); stores written before read as before."""
from __future__ import annotations

from array import array

import pytest
from hypothesis import given, strategies as st

from dateline.store.errors import StoreCorrupt
from dateline.store.index.packed import pack_ints, unpack_ints
from dateline.store.disk.shards import CATALOG_TABLE, read_catalog, write_catalog, write_table


@given(st.lists(st.integers(min_value=-(2**31), max_value=2**31 - 1), max_size=200))
def test_pack_round_trip(values):
    assert list(unpack_ints(pack_ints(values))) == values


def _doc(m) -> dict:
    return {"id": "a1", "hash": "h", "published": "2025-06-10", "e": [0], "c": [1], "m": m, "v": [], "f": []}


def test_catalog_round_trip_and_older_list_form(tmp_path):
    write_catalog(tmp_path / "new.json", [_doc([0, 1, 5, 0, 9, 0, -1])])
    docs, postings = read_catalog(tmp_path / "new.json")
    assert isinstance(docs[0]["m"], str)  # kept packed until an article's mentions are read
    assert list(unpack_ints(docs[0]["m"])) == [0, 1, 5, 0, 9, 0, -1]
    assert '"m":"' in (tmp_path / "new.json").read_text()  # stored packed, not as a JSON list
    write_table(tmp_path / "old.json", CATALOG_TABLE, [_doc([0, 1, 5, 0, 9, 0, -1])])  # a store from before
    old, _ = read_catalog(tmp_path / "old.json")
    assert list(unpack_ints(old[0]["m"])) == [0, 1, 5, 0, 9, 0, -1]
    assert isinstance(unpack_ints(array("i", [1])), array)


@pytest.mark.parametrize("bad", ["not base64!", 12, None])
def test_malformed_mention_rows_are_a_clear_error_at_open(tmp_path, bad):
    write_table(tmp_path / "bad.json", CATALOG_TABLE, [_doc(bad)])
    with pytest.raises(StoreCorrupt, match="bad.json: has malformed mention rows"):
        read_catalog(tmp_path / "bad.json")


@pytest.mark.parametrize("bad", ["AAA=", "!!!!"])
def test_mention_rows_that_do_not_decode_are_a_clear_error_when_read(bad):
    from dateline.store.index.index import MachineIndex

    index = MachineIndex([{"id": "e", "name": "E", "type": "ORG"}])
    index.add_shard([_doc(bad)], {"ents": [], "arts": [], "counts": [], "latest": [], "ev": [], "fig": []},
                    "texts-1.json")
    with pytest.raises(StoreCorrupt, match="texts-1.json: article a1 has malformed mention rows"):
        list(index.mention_rows("a1"))
