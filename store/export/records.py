"""Each record as a plain dict with its provenance: the shape JSON, JSONL and CSV share."""
from __future__ import annotations

import math
from collections.abc import Iterator

from dateline.store.export.resolve import Reader, Records
from dateline.store.model import MACHINE, Article, Entity, Event, Figure, Mention


def source(reader: Reader, aid: str) -> dict:
    """Where a record comes from: the article's id, title, URL and publication date."""
    article = reader.article(aid)
    return {
        "article_id": aid,
        "article_title": article.title if article else None,
        "article_url": article.url if article else None,
        "article_source": article.source if article else None,
        "published": article.published if article else None,
    }


def _number(value: float | None) -> float | None:
    """JSON has no NaN or infinity; those become ``null``."""
    return value if value is None or math.isfinite(value) else None


def _entity_ref(reader: Reader, eid: str | None) -> dict | None:
    if eid is None:
        return None
    entity = reader.entity(eid)
    return {"id": eid, "name": entity.name if entity else None, "type": entity.type if entity else None}


def _sentence(reader: Reader, aid: str, start: int, end: int) -> dict:
    return {"sentence": reader.sentence(aid, start, end), "sentence_start": start, "sentence_end": end}


def entity_record(reader: Reader, entity: Entity) -> dict:
    """An entity card plus the articles that name it (with how many times)."""
    sources = []
    for article, count in reader.store.articles_of(entity.id):
        sources.append({"article_id": article.id, "article_title": article.title,
                        "article_url": article.url, "published": article.published,
                        "mentions": count})
    return {
        "kind": "entity", "id": entity.id, "name": entity.name, "type": entity.type,
        "aliases": list(entity.aliases), "roles": list(entity.roles), "ticker": entity.ticker,
        "notes": entity.notes, "tags": list(entity.tags), "origin": entity.origin,
        "sources": sources,
    }


def mention_record(reader: Reader, mention: Mention) -> dict:
    entity = reader.entity(mention.entity_id)
    return {
        "kind": "mention", "id": mention.id,
        "entity": _entity_ref(reader, mention.entity_id),
        "text": mention.text, "start": mention.start, "end": mention.end,
        "role": mention.role, "status": mention.status, "origin": mention.origin,
        "notes": entity.notes if entity else "", "tags": list(entity.tags) if entity else [],
        **source(reader, mention.article_id),
        **_sentence(reader, mention.article_id, mention.sentence_start, mention.sentence_end),
    }


def event_record(reader: Reader, event: Event) -> dict:
    return {
        "kind": "event", "id": event.id, "date": event.date, "precision": event.precision,
        "date_kind": _date_kind(event), "phrase": event.phrase, "summary": event.summary,
        "context": [{"text": t, "value": v, "precision": p, "role": r} for t, v, p, r in getattr(event, "context", ())],
        "participants": [_entity_ref(reader, eid) for eid in event.participants],
        "place": _entity_ref(reader, event.place), "origin": event.origin,
        **source(reader, event.article_id),
        **_sentence(reader, event.article_id, event.sentence_start, event.sentence_end),
    }


def _date_kind(event: Event) -> str:
    """"stated" (the text dates it), "reported" (the article's date does) or "undated"."""
    if event.precision == "reported":
        return "reported"
    return "undated" if not event.date or event.precision == "unknown" else "stated"


def figure_record(reader: Reader, figure: Figure) -> dict:
    return {
        "kind": "figure", "id": figure.id, "text": figure.text, "value": _number(figure.value),
        "unit": figure.unit, "metric": figure.metric, "direction": figure.direction,
        "period": figure.period, "period_kind": getattr(figure, "period_kind", "stated") if figure.period else None,
        "baseline": _number(figure.baseline),
        "start": figure.start, "end": figure.end,
        "entities": [_entity_ref(reader, eid) for eid in figure.entities],
        "origin": getattr(figure, "origin", MACHINE),
        **source(reader, figure.article_id),
        **_sentence(reader, figure.article_id, figure.sentence_start, figure.sentence_end),
    }


def article_record(reader: Reader, article: Article, *, with_body: bool = True) -> dict:
    record = {
        "kind": "article", "id": article.id, "title": article.title, "url": article.url,
        "source": article.source, "published": article.published,
        "ingested_at": article.ingested_at, "origin": article.origin, "length": article.length,
    }
    if with_body:
        record["body"] = reader.body(article.id)
    return record


def iter_records(reader: Reader, records: Records, *, with_body: bool = True) -> Iterator[dict]:
    """Every selected record as a dict: entities, mentions, events, figures, then articles."""
    for entity in records.entities:
        yield entity_record(reader, entity)
    for mention in records.mentions:
        yield mention_record(reader, mention)
    for event in records.events:
        yield event_record(reader, event)
    for figure in records.figures:
        yield figure_record(reader, figure)
    for article in records.articles:
        yield article_record(reader, article, with_body=with_body)
