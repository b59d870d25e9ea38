"""TimelineJS 3 JSON: one slide per dated event, grouped by entity, with its source linked.

``start_date`` carries ``year`` and only the ``month``/``day`` Dateline actually knows; weeks,
quarters and ranges also get an ``end_date``. Undated events cannot sit on a timeline and are
left out. Text fields are HTML in TimelineJS, so article text is escaped.
"""
from __future__ import annotations

from typing import IO

from dateline.store.export.dates import Part, chronological, parts
from dateline.store.export.progress import Progress
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import html_inert, json_text, one_line, web_url
from dateline.store.model import Event

HEADLINE_CHARS = 120


def date_object(part: Part) -> dict:
    """``(2025, 6, None)`` → ``{"year": 2025, "month": 6}``."""
    year, month, day = part
    found = {"year": year}
    if month is not None:
        found["month"] = month
        if day is not None:
            found["day"] = day
    return found


def _group(reader: Reader, event: Event, selected: set[str]) -> str | None:
    """The first participant the user selected, else the first participant, else the place."""
    ordered = sorted(event.participants, key=lambda eid: eid not in selected)
    for eid in (*ordered, event.place):
        name = one_line(reader.entity_name(eid))
        if name:
            return html_inert(name)
    return None


def _headline(summary: str) -> str:
    text = one_line(summary)
    if len(text) > HEADLINE_CHARS:
        text = text[: HEADLINE_CHARS - 1].rstrip() + "…"
    return html_inert(text)


def _text(reader: Reader, event: Event) -> str:
    sentence = html_inert(reader.sentence(event.article_id, event.sentence_start, event.sentence_end))
    article = reader.article(event.article_id)
    title = html_inert(article.title if article else event.article_id)
    url = web_url(article.url if article else None)
    cite = f'<a href="{html_inert(url)}" target="_blank" rel="noopener">{title}</a>' if url else title
    if article and article.published:
        cite += f" ({html_inert(article.published[:10])})"
    return f"<p>{sentence}</p><p>Source: {cite}</p>"


def slide(reader: Reader, event: Event, selected: set[str]) -> dict | None:
    found = parts(event.date)
    if found is None:
        return None
    start, end = found
    result = {
        "unique_id": f"event-{event.id}",
        "start_date": date_object(start),
        "display_date": html_inert(event.phrase) or event.date,
        "text": {"headline": _headline(event.summary), "text": _text(reader, event)},
    }
    if end:
        result["end_date"] = date_object(end)
    group = _group(reader, event, selected)
    if group:
        result["group"] = group
    return result


def write_timelinejs(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """``{"title": ..., "events": [...]}``; returns the number of events on the timeline."""
    selected = {e.id for e in records.entities}
    events = []
    for event in sorted(records.events, key=lambda e: chronological(e.date)):
        made = slide(reader, event, selected)
        if made:
            events.append(made)
        progress.advance()
    names = ", ".join(one_line(e.name) for e in records.entities[:5])
    more = "…" if len(records.entities) > 5 else ""
    title = {"text": {"headline": "Dateline timeline", "text": html_inert(names + more)}}
    out.write(json_text({"title": title, "events": events}, indent=2))
    out.write("\n")
    return len(events)
