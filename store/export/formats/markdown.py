"""Markdown: a readable dossier per entity (card, timeline, figures, sources with links).

Every piece of article text goes through ``markdown_inert`` so nothing in it renders as markup.
"""
from __future__ import annotations

from collections import defaultdict
from typing import IO

from dateline.store.export.dates import chronological
from dateline.store.export.progress import Progress
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import markdown_inert as md
from dateline.store.export.formats.text import web_url
from dateline.store.model import Entity, Event, Figure, Mention


def _link(reader: Reader, aid: str) -> str:
    """``[Title](<url>)`` when the article has a web URL, else the title in italics."""
    article = reader.article(aid)
    title = md(article.title if article else aid) or md(aid)
    url = web_url(article.url if article else None)
    return f"[{title}](<{url}>)" if url else f"*{title}*"


def _quote(reader: Reader, aid: str, start: int, end: int) -> str:
    sentence = md(reader.sentence(aid, start, end))
    return f"  > {sentence}\n" if sentence else ""


def _event_line(reader: Reader, event: Event, others: tuple = ()) -> str:
    """One timeline row: its date ("reported" when the article's date gives it), context dates, its
    source and, for an event reported several times, the other reports."""
    when = md(event.date) if event.date and event.precision != "unknown" else "undated"
    if event.precision == "reported":
        when = f"reported {when}"
    phrase = f" ({md(event.phrase)})" if event.phrase and event.phrase != event.date else ""
    context = "".join(f" [{md(role)}: {md(text)} = {md(value)}]"
                      for text, value, _p, role in getattr(event, "context", ()))
    also = (f" — {len(others) + 1} sources, also " + ", ".join(_link(reader, aid) for aid, *_ in others)
            if others else "")
    return (f"- **{when}**{phrase} — {md(event.summary)}{context} — {_link(reader, event.article_id)}{also}\n"
            + _quote(reader, event.article_id, event.sentence_start, event.sentence_end))


def _grouped(reader: Reader, eid: str, events: list[Event]) -> str:
    """The entity's events, one line per event reported several times (the store's grouping)."""
    sources_of = getattr(reader.store, "record_sources", None)
    ids = {e.id for e in events}
    lines = []
    for event in events:
        sources = sources_of(event.id, eid) if sources_of else ()
        if sources and sources[0][1] != event.id and sources[0][1] in ids:
            continue  # another report of a row already written
        lines.append(_event_line(reader, event, tuple(s for s in sources if s[1] != event.id)))
    return "".join(lines)


def _figure_line(reader: Reader, figure: Figure) -> str:
    details = [md(x) for x in (figure.metric, figure.direction, figure.period) if x]
    extra = f" ({', '.join(details)})" if details else ""
    return (f"- **{md(figure.text)}**{extra} — {_link(reader, figure.article_id)}\n"
            + _quote(reader, figure.article_id, figure.sentence_start, figure.sentence_end))


def _card(entity: Entity) -> str:
    rows = [("Type", entity.type), ("Also known as", ", ".join(entity.aliases)),
            ("Roles", ", ".join(entity.roles)), ("Ticker", entity.ticker or ""),
            ("Tags", ", ".join(entity.tags)), ("Notes", entity.notes), ("Origin", entity.origin)]
    return "".join(f"- **{label}:** {md(value)}\n" for label, value in rows if value)


def _sources(reader: Reader, mentions: list[Mention], events: list[Event], figures: list[Figure]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for mention in mentions:
        counts[mention.article_id] += 1
    records: list[Event | Figure] = [*events, *figures]
    for record in records:
        counts.setdefault(record.article_id, 0)
    lines = []
    for aid, count in counts.items():
        article = reader.article(aid)
        published = f" — {md(article.published)}" if article and article.published else ""
        named = f" — named {count}×" if count else ""
        lines.append(f"- {_link(reader, aid)}{published}{named}\n")
    return "".join(lines)


def _section(title: str, body: str) -> str:
    return f"\n### {title}\n\n{body}" if body else ""


def write_markdown(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """One ``##`` dossier per selected entity, then events, figures and articles no entity holds."""
    events = sorted(records.events, key=lambda e: chronological(e.date))
    figures = sorted(records.figures, key=lambda f: chronological(f.period))
    shown: set[str] = set()
    events_of, figures_of, mentions_of = defaultdict(list), defaultdict(list), defaultdict(list)
    for event in events:
        for eid in dict.fromkeys((*event.participants, event.place)):
            events_of[eid].append(event)
    for figure in figures:
        for eid in dict.fromkeys(figure.entities):
            figures_of[eid].append(figure)
    for mention in records.mentions:
        mentions_of[mention.entity_id].append(mention)
    out.write("# Dateline dossier\n")
    for entity in records.entities:
        own_events, own_figures = events_of[entity.id], figures_of[entity.id]
        own_mentions = mentions_of[entity.id]
        out.write(f"\n## {md(entity.name)}\n\n{_card(entity)}")
        out.write(_section("Timeline", _grouped(reader, entity.id, own_events)))
        out.write(_section("Figures", "".join(_figure_line(reader, f) for f in own_figures)))
        out.write(_section("Sources", _sources(reader, own_mentions, own_events, own_figures)))
        own: list[Event | Figure | Mention] = [*own_events, *own_figures, *own_mentions]
        shown.update(r.id for r in own)
        progress.advance(1 + len(own_mentions))
    loose_events = [e for e in events if e.id not in shown]
    loose_figures = [f for f in figures if f.id not in shown]
    loose_mentions = [m for m in records.mentions if m.id not in shown]
    if loose_events or loose_figures or loose_mentions:
        out.write("\n## Other records\n")
        out.write(_section("Timeline", "".join(_event_line(reader, e) for e in loose_events)))
        out.write(_section("Figures", "".join(_figure_line(reader, f) for f in loose_figures)))
        out.write(_section("Sources", _sources(reader, loose_mentions, loose_events, loose_figures)))
    progress.advance(len(events) + len(figures) + len(loose_mentions))
    if records.articles:
        out.write("\n## Articles\n\n")
        out.write("".join(f"- {_link(reader, a.id)}"
                          + (f" — {md(a.published)}" if a.published else "") + "\n"
                          for a in records.articles))
        progress.advance(len(records.articles))
    return len(records)
