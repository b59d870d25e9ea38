"""A title for text that has none: its first line if that reads like one, else its first sentence."""
from __future__ import annotations

import re

from dateline.store.ingest.formats.headers import looks_like_title

MAX_DERIVED_CHARS = 80
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr inc ltd co corp plc gov sen rep gen col lt sgt capt no vs etc jan feb "
    "mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)
_RUN_ON_WORDS = frozenset(
    "a an the of and or but to in on at for with by from as that which who than into about after "
    "before over under said says its their his her our".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")


def title_and_body(text: str) -> tuple[str, str]:
    """Split off a title line when the text starts with one; otherwise name it by its first sentence.

    Returns ``(title, body)``; the body loses the first line only when that line became the title
    and more text follows it.
    """
    text = text.strip()
    first, _, rest = text.partition("\n")
    if looks_like_title(first) and rest.strip() and not _wraps_into(first, rest.split("\n", 1)[0]):
        return first.strip(), rest.strip()
    return first_sentence_title(text), text


def _wraps_into(line: str, next_line: str) -> bool:
    """Hard-wrapped prose: the sentence runs on from ``line`` into ``next_line``."""
    if not next_line.strip():
        return False
    last_word = line.split()[-1].lower()
    return next_line.lstrip()[:1].islower() or last_word in _RUN_ON_WORDS


def first_sentence_title(text: str) -> str:
    """The first sentence of ``text``, cut at a word boundary near 80 characters."""
    line = " ".join(text.strip().split("\n\n", 1)[0].split())  # the first paragraph, unwrapped
    sentence = line
    for match in _SENTENCE_END.finditer(line):
        words = line[:match.start()].split()
        last_word = words[-1].lower().rstrip(".") if words else ""
        if last_word in _ABBREVIATIONS or len(last_word) == 1:
            continue  # "U.S. Commerce", "Co. GM", "John F. Kennedy"
        sentence = line[:match.end()]
        break
    if len(sentence) <= MAX_DERIVED_CHARS:
        return sentence.rstrip()
    cut = sentence.rfind(" ", 0, MAX_DERIVED_CHARS)
    return sentence[:cut if cut > 20 else MAX_DERIVED_CHARS].rstrip(" ,;:-") + "\u2026"
