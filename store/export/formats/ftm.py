"""FollowTheMoney entities as JSON lines, loadable by Aleph (``ftm`` / ``alephclient``).

People → Person; organisations → Company when they have a ticker, else Organization; places →
Address; PRODUCT entities (products, programmes) → Asset; EVENT entities and extracted events →
Event (dates at their true precision); articles → Article; mentions → Mention; entity notes and
reported figures → Note. OTHER entities have no FtM schema: their names go on events as
``namesMentioned`` and their mentions stay unresolved. Ids are a hash of kind and Dateline id, so a re-export
updates the same Aleph entities instead of duplicating them.
"""
from __future__ import annotations

import hashlib
from typing import IO

from dateline.store.export.dates import part_text, parts
from dateline.store.export.progress import Progress
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import json_text, plain, web_url
from dateline.store.model import Article, Entity, Event, Figure, Mention

_PARTY_SCHEMATA = ("Person", "Organization", "Company")  # what Event.involved may point to


def ftm_id(kind: str, record_id: str) -> str:
    """Stable FtM id: sha1 of ``kind:id``, so the same record always gets the same id."""
    return hashlib.sha1(f"dateline:{kind}:{record_id}".encode("utf-8")).hexdigest()


def schema_of(entity: Entity) -> str | None:
    """The FtM schema an entity becomes; ``None`` for OTHER (named on events, not an entity)."""
    if entity.type == "PERSON":
        return "Person"
    if entity.type == "ORG":
        return "Company" if entity.ticker else "Organization"
    if entity.type == "PLACE":
        return "Address"
    if entity.type == "PRODUCT":
        return "Asset"  # FtM has no product schema; an Asset is a named thing of value
    if entity.type == "EVENT":
        return "Event"
    return None


def _clean(values) -> list[str]:
    return [v for v in (plain(str(x)).strip() for x in values if x is not None) if v]


def _proxy(schema: str, kind: str, record_id: str, **props) -> dict:
    properties = {name: _clean(vals if isinstance(vals, (list, tuple)) else [vals])
                  for name, vals in props.items()}
    return {"id": ftm_id(kind, record_id), "schema": schema,
            "properties": {k: v for k, v in properties.items() if v}}


def ftm_dates(iso: str | None) -> tuple[str | None, str | None]:
    """``startDate``/``endDate``: ``2025-W23`` → 9 to 15 June, ``2025-Q1`` → 2025-01 to 2025-03."""
    found = parts(iso)
    if found is None:
        return None, None
    start, end = found
    return part_text(start), part_text(end) if end else None


def _day(iso: str | None) -> str | None:
    found = parts(iso)
    return part_text(found[0]) if found else None


def entity_proxies(entity: Entity) -> list[dict]:
    """The entity itself and, when it has notes, a Note attached to it."""
    schema = schema_of(entity)
    if schema is None:
        return []
    name_prop = "full" if schema == "Address" else "name"
    props: dict[str, str | list[str] | None] = {name_prop: entity.name, "alias": list(entity.aliases),
             "keywords": list(entity.tags), "notes": entity.notes}
    if schema == "Person":
        props["position"] = list(entity.roles)
    if schema == "Company":
        props["ticker"] = entity.ticker
    found = [_proxy(schema, "entity", entity.id, **props)]
    if entity.notes:
        found.append(_proxy("Note", "note", entity.id, entity=ftm_id("entity", entity.id),
                            name=f"Note on {entity.name}", description=entity.notes))
    return found


def article_proxy(reader: Reader, article: Article) -> dict:
    return _proxy("Article", "article", article.id, title=article.title, name=article.title,
                  publishedAt=_day(article.published), sourceUrl=web_url(article.url),
                  publisher=article.source, bodyText=reader.body(article.id))


def mention_proxy(reader: Reader, mention: Mention) -> dict:
    entity = reader.entity(mention.entity_id)
    schema = schema_of(entity) if entity else None
    resolved = ftm_id("entity", mention.entity_id) if schema in _PARTY_SCHEMATA else None
    return _proxy("Mention", "mention", mention.id, name=mention.text, resolved=resolved,
                  document=ftm_id("article", mention.article_id),
                  detectedSchema=schema or "LegalEntity")


def event_proxy(reader: Reader, event: Event) -> dict:
    start, end = ftm_dates(event.date)
    involved, named = [], []
    for eid in event.participants:
        entity = reader.entity(eid)
        if entity and schema_of(entity) in _PARTY_SCHEMATA:
            involved.append(ftm_id("entity", eid))
        elif entity:
            named.append(entity.name)
    place = reader.entity(event.place)
    article = reader.article(event.article_id)
    return _proxy(
        "Event", "event", event.id, name=event.summary[:200], summary=event.summary,
        description=reader.sentence(event.article_id, event.sentence_start, event.sentence_end),
        startDate=start, endDate=end, involved=involved, namesMentioned=named,
        location=place.name if place else None,
        addressEntity=ftm_id("entity", place.id) if place and place.type == "PLACE" else None,
        proof=ftm_id("article", event.article_id),
        sourceUrl=web_url(article.url) if article else None,
    )


def figure_proxy(reader: Reader, figure: Figure) -> dict:
    details = ", ".join(x for x in (figure.metric, figure.direction, figure.period) if x)
    return _proxy(
        "Note", "figure", figure.id, name=figure.text,
        entity=[ftm_id("entity", eid) for eid in figure.entities],
        summary=f"{figure.text} ({details})" if details else figure.text,
        description=reader.sentence(figure.article_id, figure.sentence_start, figure.sentence_end),
        proof=ftm_id("article", figure.article_id),
    )


def iter_proxies(reader: Reader, records: Records, progress: Progress):
    for entity in records.entities:
        yield from entity_proxies(entity)
        progress.advance()
    for article in records.articles:
        yield article_proxy(reader, article)
        progress.advance()
    for mention in records.mentions:
        if reader.entity(mention.entity_id) is not None:
            yield mention_proxy(reader, mention)
        progress.advance()
    for event in records.events:
        yield event_proxy(reader, event)
        progress.advance()
    for figure in records.figures:
        yield figure_proxy(reader, figure)
        progress.advance()


def write_ftm(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """FtM entities, one JSON object a line; returns how many entities were written."""
    count = 0
    for proxy in iter_proxies(reader, records, progress):
        out.write(json_text(proxy, sort_keys=True))
        out.write("\n")
        count += 1
    return count
