"""Untrusted text (file names, article fields, user edits) made inert for a terminal line.

One definition of the characters that must never reach a terminal raw: C0 controls (ESC, BEL,
newline…), DEL, C1 controls (the 8-bit CSI and OSC), bidi overrides and isolates, the Unicode
line and paragraph separators, and lone surrogates (undecodable bytes in a file name). The command
line shows each as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``), so a message is one line
and nothing in it moves the cursor, sets the window title or writes the clipboard. The app
(``tui/safe_text.py``) and the exports use the same set.
"""
from __future__ import annotations

import re

BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
LINE_SEPARATORS = frozenset([0x2028, 0x2029])
UNSAFE_CODEPOINTS = frozenset([*range(0x20), 0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS, *LINE_SEPARATORS])
SURROGATES = range(0xD800, 0xE000)

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_ABOVE_ASCII = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_unsafe(char: str) -> bool:
    """Whether ``char`` (one character) must not reach a terminal raw."""
    code = ord(char)
    return code in UNSAFE_CODEPOINTS or code in SURROGATES


def _visible(match: re.Match) -> str:
    char = match[0]
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: object) -> str:
    """``text`` as one inert line: every unsafe character becomes a visible escape.

    Everything else, backslashes included, is left as it is, so escaping twice changes nothing.
    """
    return _UNSAFE.sub(_visible, str(text))


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match[0]):04x}"


def json_inert(encoded: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every unsafe character written
    as a ``\\uXXXX`` escape: the decoded value is unchanged, the bytes hold no raw control.

    Safe on any JSON text: ``json.dumps`` has already escaped the C0 controls inside strings, and
    outside them (indented output) there is only ASCII punctuation, spaces and newlines, which stay.
    """
    return _UNSAFE_ABOVE_ASCII.sub(_json_escape, encoded)


_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape_bidi_overrides(text: str) -> str:
    """Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) as visible ``\\u202e``
    escapes; the marks real right-to-left text needs (LRM, RLM, ALM) stay. For exports, where
    the text is data for other tools but must not reorder what a reader sees."""
    return _OVERRIDES.sub(_json_escape, text)
