"""Make untrusted text (article bodies, names, notes) inert before it reaches the screen.

Every character ``store.safe_text`` counts as unsafe (controls, bidi overrides, lone surrogates) is
swapped for one visible placeholder character, so string offsets into the cleaned text equal offsets
into the original (mention offsets stay valid). Callers then build ``rich.text.Text`` or Textual
``Content`` objects from the result, never markup strings: ``literal`` for border titles, options
and labels, ``safe`` / ``join_safe`` for rows. Toasts go through ``DatelineApp.notify``, which
never reads markup.
"""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

from dateline.store.safe_text import BIDI_CONTROLS, SURROGATES

BIDI_PLACEHOLDER = "\N{REPLACEMENT CHARACTER}"
C1_PLACEHOLDER = "\N{REPLACEMENT CHARACTER}"


def _build_table(keep_newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):  # C0: use the Control Pictures block (␀ … ␟)
        table[code] = chr(0x2400 + code)
    table[0x7F] = "\N{SYMBOL FOR DELETE}"
    for code in range(0x80, 0xA0):  # C1 controls, including the 8-bit CSI and OSC
        table[code] = C1_PLACEHOLDER
    for code in BIDI_CONTROLS:
        table[code] = BIDI_PLACEHOLDER
    for code in SURROGATES:  # undecodable bytes of a file name: the terminal cannot encode them
        table[code] = C1_PLACEHOLDER
    table[0x2028] = "\N{SYMBOL FOR NEWLINE}"
    table[0x2029] = "\N{PILCROW SIGN}"
    table[0x09] = " "  # tabs would throw the cell arithmetic off; one space keeps offsets
    if keep_newlines:
        del table[0x0A]
    return table


_ONE_LINE = _build_table(keep_newlines=False)
_MULTI_LINE = _build_table(keep_newlines=True)


def clean(text: str | None, *, keep_newlines: bool = False) -> str:
    """Return ``text`` with every control/bidi character replaced by a visible placeholder.

    The result has the same length as the input. With ``keep_newlines`` a plain ``\\n`` survives
    (for the article reader, which splits lines itself).
    """
    if not text:
        return ""
    return text.translate(_MULTI_LINE if keep_newlines else _ONE_LINE)


def safe(text: str | None, style: str | Style = "") -> Text:
    """A single-line ``Text`` of untrusted ``text``: no markup parsing, no control characters."""
    return Text(clean(text), style=style, no_wrap=True, end="")


def join_safe(parts: list[tuple[str | None, str | Style]]) -> Text:
    """Concatenate (untrusted text, style) pairs into one inert single-line ``Text``."""
    line = Text(no_wrap=True, end="")
    for part, style in parts:
        line.append(clean(part), style=style)
    return line


def literal(text: object) -> Content:
    """Untrusted (or mixed) ``text`` as Textual ``Content`` shown exactly as it reads: no markup,
    no ``[@click]`` actions, no control characters, one line. For border titles and subtitles,
    option prompts, labels and anything else Textual would otherwise parse as markup."""
    return Content(clean(str(text)) if text is not None else "")
