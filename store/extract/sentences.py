"""Split article text into sentences, as ``(start, end)`` offsets into the text.

Newlines are hard breaks. A ``.``, ``!`` or ``?`` (plus any closing quotes or brackets) ends a sentence
when whitespace and a capital, digit, opening quote or a name such as "iTunes" follow, unless the word before it is an
abbreviation (``Mr.``, ``Jan.``, an initial) or an ambiguous one (``U.S.``, ``Co.``) that is not followed
by a word that usually starts a sentence.
"""
from __future__ import annotations

import re

__all__ = ["split_sentences", "windows_around"]

# Abbreviations that never end a sentence in news prose (compared lower-case, without the dot).
_NEVER_FINAL = frozenset(
    """mr mrs ms messrs dr prof sen rep gov gen lt col capt cmdr adm sgt maj cpl pvt rev fr hon pres
    supt insp det st mt ft jan feb mar apr jun jul aug sep sept oct nov dec no nos vs v fig approx
    est dept univ sr jr""".split()
)
# Abbreviations that may end a sentence: break only before a typical sentence opener.
_MAYBE_FINAL = frozenset(
    """co corp inc ltd plc llc bros etc al u.s u.k u.n e.u u.s.a a.m p.m d.c n.y l.a""".split()
)
_OPENERS = frozenset(
    """the a an it its he she they we i you this that these those there here his her their our my
    but and so yet or however meanwhile still also in on at for from by with after before when while
    as if since although though during last next earlier later on one two some many most all both
    no not what who why how where which according analysts officials""".split()
)

# A "sentence" longer than this (a table, a list run together, generated text) is cut at a space, so
# the per-sentence work of extraction stays bounded however the text is written.
MAX_SENTENCE_CHARS = 2000

_CLOSERS = "\"'\u201d\u2019)]}»"
_END_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]}»]*(?=\s)|\n")
_WORD_BEFORE_RE = re.compile(r"([\w.'\u2019-]+)$")
_NEXT_WORD_RE = re.compile(r"\s*([\"'\u201c\u2018(\[`]*)(\w+)")
_DASH_NEXT_RE = re.compile(r"[ \t]+([\u2013\u2014-])[ \t]")
_SHORT_CAPITAL_RE = re.compile(r"(?<![\w.])[A-Z][a-z]{1,4}$")  # "Wash", "Mich": a dateline's state
# A name written with a small first letter ("iTunes", "eBay", "iPhone") opens a sentence like a capital.
_CAMEL_RE = re.compile(r"[a-z]{1,2}[A-Z]\w*")


def _is_break(text: str, dot_at: int, after: int) -> bool:
    """Whether the terminal punctuation at ``dot_at`` (ending at ``after``) closes a sentence."""
    dash = _DASH_NEXT_RE.match(text, after)
    if dash and (dash.group(1) != "-" or _SHORT_CAPITAL_RE.search(text, max(0, dot_at - 8), dot_at)):
        return False  # "EVERETT, Wash. – Boeing", "DETROIT, Mich. - GM": a dateline, no sentence opens with a dash
    nxt = _NEXT_WORD_RE.match(text, after)
    if nxt is None:
        return True
    quote, word = nxt.group(1), nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or quote or _CAMEL_RE.fullmatch(word)):
        return False
    # Only a lone "." can close an abbreviation; "?", "!" and "..." always end a sentence.
    if text[dot_at] != "." or text[dot_at + 1 : dot_at + 2] in (".", "!", "?"):
        return True
    prev = _WORD_BEFORE_RE.search(text, max(0, dot_at - 40), dot_at)
    if prev is None:
        return True
    token = prev.group(1).lower().lstrip("'\u2019-")
    bare = token.rstrip(".")
    if len(bare) == 1 and bare.isalpha() and text[dot_at - 1].isupper():
        return False  # an initial: "John F. Kennedy"
    if bare in _NEVER_FINAL:
        return False
    if bare in _MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):
        return word.lower() in _OPENERS or bool(quote.strip("(["))
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END_RE.finditer(text):
        if match.group() == "\n":
            cut = match.start()
        else:
            if not _is_break(text, match.start(), match.end()):
                continue
            cut = match.end()
        _add_span(text, start, cut, spans)
        start = cut
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:  # no prose sentence is this long: cut it at a space
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _add_span(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def windows_around(core: re.Pattern, text: str, start: int, end: int, before: int, after: int):
    """Yield merged ``(lo, hi)`` windows of ``text[start:end]`` around every match of ``core``.

    A pattern whose every match contains a ``core`` match, starts at most ``before`` characters ahead
    of it and ends at most ``after`` characters past it, finds the same matches scanning only these
    windows (with ``pattern.finditer(text, lo, hi)``) as scanning the whole range, in far less time.
    """
    lo = hi = -1
    for hit in core.finditer(text, start, end):
        w_lo, w_hi = max(start, hit.start() - before), min(end, hit.end() + after)
        if w_lo <= hi:
            hi = max(hi, w_hi)
            continue
        if hi > lo:
            yield lo, hi
        lo, hi = w_lo, w_hi
    if hi > lo:
        yield lo, hi
