"""`y`: copy rows to the system clipboard as tab-separated text, through the terminal (OSC 52).

Cells are made inert first: no tab or line break can shift a column, and no control character
(an escape sequence hidden in an article) can reach the terminal inside the OSC 52 payload.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from dateline.tui.safe_text import clean

#: Terminals drop or truncate long OSC 52 payloads; above this many UTF-8 bytes we refuse and
#: point to the export dialog instead of copying a silently cut list.
MAX_CLIPBOARD_BYTES = 1_000_000


def tsv_cell(text: str | None) -> str:
    """One cell on one line: line breaks and tabs become spaces, controls visible placeholders."""
    if not text:
        return ""
    return clean(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


def tsv(rows: Iterable[Sequence[str]]) -> str:
    """Rows of cells as tab-separated lines (no header, no trailing newline)."""
    return "\n".join("\t".join(tsv_cell(cell) for cell in cells) for cells in rows)


def copy_rows(app, rows: Sequence[Sequence[str]], headed: bool = False) -> tuple[bool, str]:
    """Put ``rows`` on the clipboard with ``app.copy_to_clipboard``; (copied?, what to tell the user).
    With ``headed`` the first row is the column names (not counted)."""
    if len(rows) <= (1 if headed else 0):
        return False, "Nothing to copy"
    text = tsv(rows)
    size = len(text.encode("utf-8"))
    count = len(rows) - (1 if headed else 0)
    noun = "row" if count == 1 else "rows"
    if size > MAX_CLIPBOARD_BYTES:
        return False, (f"{count} {noun} ({size // 1000:,} kB) is too much for the terminal clipboard; "
                       "export them with ctrl+e")
    app.copy_to_clipboard(text)
    return True, f"Copied {count} {noun} as tab-separated text" + (" with a header row" if headed else "")
