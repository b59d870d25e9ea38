"""What the detail pane says of a timeline row: an event's date kind and context dates, a figure's
value, unit, direction, baseline, period and metric, and the other reports of the same event."""
from __future__ import annotations

from dateline.store.model import Event, Figure
from dateline.tui.formatting import date_label
from dateline.tui.safe_text import clean


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def event_facts(event: Event) -> list[str]:
    """"date 2025-06-09 (stated: "Monday")" or "date reported 2025-06-10 (the article's date)", then
    one line per context date ("context 1987 — reference: since 1987")."""
    label = date_label(event.date, event.precision)
    if event.precision == "reported":
        lines = [f"date {label} (the article's date: no phrase in the sentence dates it)"]
    elif label == "undated":
        lines = ["date undated (the article has no date)"]
    else:
        lines = [f"date {label} (stated" + (f": \u201c{clean(event.phrase)}\u201d)" if event.phrase else ")")]
    for text, value, _precision, role in getattr(event, "context", ()):
        lines.append(f"context {clean(value or '?')} \u2014 {clean(role or '?')}: \u201c{clean(text or '')}\u201d")
    return lines


def figure_facts(figure: Figure) -> list[str]:
    """The figure's parts, each named."""
    kind = getattr(figure, "period_kind", "stated")
    period = clean(figure.period) if figure.period else "none"
    if figure.period and kind == "reported":
        period = f"reported {period} (the article's date)"
    baseline = _number(figure.baseline) if figure.baseline is not None else "-"
    return [f"value {_number(figure.value)} \u00b7 unit {clean(figure.unit or '-')} \u00b7 direction "
            f"{clean(figure.direction or '-')} \u00b7 baseline {baseline}",
            f"period {period}", f"metric {clean(figure.metric or '-')}"]


def record_facts(record) -> list[str]:
    if isinstance(record, Event):
        return event_facts(record)
    if isinstance(record, Figure):
        return figure_facts(record)
    return []
