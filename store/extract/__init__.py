"""Extraction of one article: entities, dates, events and figures, with offsets into the text.

``extract(text, published)`` returns the dict described at the top of ``../shared/eval/score.py``:
``entities`` (from the name finder), ``dates``, ``events`` and ``figures``.
"""
from __future__ import annotations

from dateline.store.extract.dating.dates import find_dates
from dateline.store.extract.events import find_events
from dateline.store.extract.numbers.figures import find_figures
from dateline.store.extract.naming.names import find_entities
from dateline.store.extract.sentences import split_sentences

__all__ = ["extract", "split_sentences"]

BACKENDS = ("builtin", "spacy")


def extract(text: str, published: str | None, *, known: dict[str, str] | None = None,
            backend: str = "builtin") -> dict:
    """One article's extraction in the schema at the top of ../shared/eval/score.py, plus events."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown extractor backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    sentences = split_sentences(text)
    entities = find_entities(text, sentences, known=known, backend=backend)
    dates = find_dates(text, published, sentences)
    figures = find_figures(text, sentences, dates, entities, published)
    events = find_events(text, sentences, dates, entities, published)
    return {"entities": entities, "dates": dates, "events": events, "figures": figures}
