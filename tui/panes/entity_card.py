"""The entity card shown in the detail pane: who or what it is, who it appears with, its figures."""
from __future__ import annotations

import bisect
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from dateline.store.view.dating import UNDATED_KEY, figure_precision
from dateline.store.model import Entity, Figure
from dateline.store.index.sequences import FIGURE, Timeline
from dateline.tui.panes.edit_requests import EditRequested, entity_edit_bindings
from dateline.tui.formatting import badge, date_label, figure_value, type_style, unit_suffix
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.messages import EntityTarget, SentenceTarget
from dateline.tui.safe_text import clean
from dateline.tui.panes.sparkline import sparkline

CARD_FIGURES = 30


@dataclass(frozen=True, slots=True)
class CardData:
    """Everything the card shows, read from the store in one go."""

    entity: Entity
    mentions: int
    articles: int
    latest: str | None
    connected: tuple[tuple[Entity, int, int], ...] | None  # None while a worker computes it
    figures: tuple[Figure, ...] | None  # the latest CARD_FIGURES (None while a worker reads them)
    figure_count: int
    histogram: tuple[tuple[str, int], ...]


def card_data(store, entity_id: str, connected_limit: int | None = 20, figures: bool = True) -> CardData | None:
    """Read an entity's card from the store (None if the entity is gone).

    With ``connected_limit=None`` the connected entities are left out (``None``), and with
    ``figures=False`` the figures: the app reads them in a worker when their cost grows with how
    often the entity appears.
    """
    entity = store.entity(entity_id)
    if entity is None:
        return None
    mentions, articles = store.entity_counts(entity_id)
    connected = None if connected_limit is None else tuple(store.connected(entity_id, limit=connected_limit))
    latest, count = card_figures(store.timeline(entity_id)) if figures else (None, 0)
    return CardData(entity, mentions, articles, store.entity_latest(entity_id), connected,
                    latest, count, tuple(store.mention_histogram(entity_id)))


def card_figures(timeline: Timeline) -> tuple[tuple[Figure, ...], int]:
    """The latest ``CARD_FIGURES`` dated figures of an entity's timeline, in its order (undated ones
    only to fill up when there are fewer), and how many figures it has."""
    undated = bisect.bisect_left(timeline.keys, UNDATED_KEY)
    dated: list[Figure] = []
    for i in range(undated - 1, -1, -1):
        if len(dated) == CARD_FIGURES:
            break
        if timeline.kind(i) == FIGURE:
            dated.append(timeline[i])
    latest = list(reversed(dated))
    for i in range(undated, len(timeline)):
        if len(latest) == CARD_FIGURES:
            break
        if timeline.kind(i) == FIGURE:
            latest.append(timeline[i])
    return tuple(latest), timeline.figure_count


class EntityCard(LineList):
    """A scrollable card; connected entities and figures are rows `enter` follows."""

    BINDINGS = entity_edit_bindings("card")
    WRAPS = True
    SHOW_FIRST_ROW_ON_LOAD = False
    EMPTY = "move the cursor onto an entity, an event or an article"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: CardData | None = None
        self._overview: list[tuple[str, str]] = []

    def show(self, data: CardData | None) -> None:
        same_entity = self.data is not None and data is not None and self.data.entity.id == data.entity.id
        self.data = data
        self._overview = []
        self.set_rows([Row(key="card", selectable=False)] if data else [], keep_cursor=same_entity)

    def show_overview(self, lines: list[tuple[str, str]]) -> None:
        """A plain summary (store counts) when nothing is focused."""
        self.data = None
        self._overview = lines
        self.set_rows([Row(key="overview", selectable=False)])

    def action_edit(self, kind: str) -> None:
        """An entity edit key (rename, merge, tags…) on the entity the card shows."""
        self.post_message(EditRequested(self, kind, self.data.entity.id if self.data else None))

    def layout_lines(self, rows: Sequence[Row], width: int) -> list[Row]:
        if self._overview:
            return [_static(f"o{i}", Text(clean(text), style=style, end=""))
                    for i, (text, style) in enumerate(self._overview)]
        if not self.data:
            return []
        return self._card_lines(self.data, width)

    def _card_lines(self, data: CardData, width: int) -> list[Row]:
        entity = data.entity
        lines = [_static("name", Text(clean(entity.name), style=type_style(entity.type), end=""))]
        head = Text(end="")
        head.append_text(badge(entity.type))
        head.append(f" {_count(data.mentions, 'mention')} in {_count(data.articles, 'article')}", style="dim")
        lines.append(_static("head", head))
        if data.latest:  # a line of its own: never cut at the pane's edge
            lines.append(_static("latest", Text(f"latest {clean(data.latest)}", style="dim", end="")))
        for label, values in (("Aliases", entity.aliases), ("Roles", entity.roles), ("Tags", entity.tags)):
            if values:
                lines += _wrapped(label, ", ".join(clean(v) for v in values), width)
        if entity.ticker:
            lines += _wrapped("Ticker", clean(entity.ticker), width)
        if entity.notes:
            for number, paragraph in enumerate(clean(entity.notes, keep_newlines=True).split("\n")):
                lines += _wrapped("Notes" if number == 0 else "", paragraph, width, key=f"notes{number}")
        spark = sparkline(data.histogram, width - 2)
        if spark is not None:
            heading = Text(f"Mentions over time  (by {spark.unit})", style="bold underline", end="")
            lines.append(_static("spark-h", heading))
            lines.append(_static("spark", Text(spark.bars, style=type_style(entity.type), end="")))
            ends = spark.first if spark.first == spark.last else \
                f"{spark.first}{spark.last:>{max(len(spark.last) + 1, len(spark.bars) - len(spark.first))}}"
            lines.append(_static("spark-l", Text(ends, style="dim", end="")))
            lines.append(_static("spark-p", Text(f"peak {spark.peak}: {_count(spark.peak_count, 'mention')}"
                                                 f" · {spark.total} in all", style="dim", end="")))
        if data.connected is None:
            lines.append(_static("conn-h", Text("Connected  (computing…)", style="bold underline", end="")))
        elif data.connected:
            lines.append(_static("conn-h", Text("Connected", style="bold underline", end="")))
            lines.append(_static("conn-c", Text(f"{'type':<3} {'sents':>5} {'arts':>4} name", style="dim", end="")))
            for other, sentences, articles in data.connected:
                line = Text(end="")
                line.append_text(badge(other.type))
                line.append(f" {sentences:>5} {articles:>4} ", style="dim")
                line.append(clean(other.name))
                lines.append(Row(key=f"c:{other.id}", target=EntityTarget(other.id), data=line))
        if data.figures is None:
            lines.append(_static("fig-h", Text("Figures  (reading…)", style="bold underline", end="")))
        elif data.figures:
            more = data.figure_count - len(data.figures)
            heading = "Figures" + (f"  (latest {CARD_FIGURES}; {more} more on the timeline)" if more > 0 else "")
            lines.append(_static("fig-h", Text(heading, style="bold underline", end="")))
            lines.append(_static("fig-c", Text(f"{'period':<10} value · metric", style="dim", end="")))
            for figure in data.figures:
                line = Text(end="")
                reported = getattr(figure, "period_kind", "stated") == "reported"
                line.append(f"{date_label(figure.period, figure_precision(figure.period)):<10} ",
                            style="dim" if reported else "bold")
                if reported:
                    line.append("reported ", style="dim italic")  # the article's date, not the figure's period
                line.append(figure_value(figure), style={"up": "green", "down": "red"}.get(figure.direction or "", ""))
                if unit := unit_suffix(figure):
                    line.append(f" {unit}", style="dim")
                if figure.metric:
                    line.append(f" {clean(figure.metric)}")
                target = SentenceTarget(figure.article_id, figure.sentence_start, figure.sentence_end, figure.id)
                lines.append(Row(key=f"f:{figure.id}", target=target, data=line))
        return lines

    def render_row(self, row: Row, width: int) -> Text:
        return row.data if isinstance(row.data, Text) else Text(end="")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _static(key: str, text: Text) -> Row:
    return Row(key=key, data=text, selectable=False)


def _wrapped(label: str, value: str, width: int, key: str | None = None) -> list[Row]:
    indent = len(label) + 2 if label else 2
    chunks = textwrap.wrap(value, max(10, width - indent)) or [""]
    rows = []
    for number, chunk in enumerate(chunks):
        line = Text(end="")
        line.append(f"{label}: " if label and number == 0 else " " * indent, style="bold")
        line.append(chunk)
        rows.append(_static(f"{key or label}{number}", line))
    return rows
