"""Mention rows (millions of small ints) stored as base64 of little-endian int32.

JSON numbers cost a parse and a Python int each at open; this string is kept as read and decoded
straight into an ``array`` when an article's mentions are first needed.
"""
from __future__ import annotations

import base64
import binascii
import sys
from array import array


def pack_ints(values) -> str:
    """``values`` (ints, or an already packed string) as base64 of little-endian int32."""
    if isinstance(values, str):
        return values
    packed = array("i", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def unpack_ints(value: str | list | array) -> array:
    """The ``array`` of ``pack_ints`` (a plain JSON list, as older stores hold, is read too)."""
    if isinstance(value, array):
        return value
    if isinstance(value, list):
        return array("i", value)
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from exc
    if len(raw) % 4:
        raise ValueError("mention rows are not whole int32s")
    packed = array("i")
    packed.frombytes(raw)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def looks_packed(value) -> bool:
    """A cheap check at open: a list, or a base64 string of the right length (decoded later)."""
    return isinstance(value, list) or (isinstance(value, str) and len(value) % 4 == 0)
