"""What panes tell the app, and the targets their rows point at.

Panes never reach into each other: a list posts ``RowHighlighted`` as its cursor moves and
``RowChosen`` on `enter`; the app turns those into a new ``View`` and hands it to every pane.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class EntityTarget:
    """A row that stands for an entity: `enter` makes it the focus."""

    entity_id: str


@dataclass(frozen=True, slots=True)
class ArticleTarget:
    """A row that stands for an article: `enter` opens the reader."""

    article_id: str


@dataclass(frozen=True, slots=True)
class SentenceTarget:
    """A row that stands for one sentence of one article (an event or a figure)."""

    article_id: str
    start: int
    end: int
    record_id: str | None = None  # the event or figure the sentence belongs to


Target = EntityTarget | ArticleTarget | SentenceTarget


@dataclass(frozen=True, slots=True)
class View:
    """One place in the navigation history: the focused entity and what the detail pane shows."""

    focus: str | None = None
    detail: Target | None = None
    pane: str = "entities"
    filters: tuple[tuple[str, str], ...] | None = None  # (pane, query) when left; None: keep the panes' own


class RowHighlighted(Message):
    """The cursor of a list moved onto a row. Bursts collapse: only the newest one is handled."""

    def __init__(self, source: Widget, target: Target | None) -> None:
        super().__init__()
        self.source = source
        self.target = target

    @property
    def control(self) -> Widget:
        return self.source

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RowHighlighted) and message.source is self.source


class RowChosen(Message):
    """`enter` (or a double click) on a row."""

    def __init__(self, source: Widget, target: Target) -> None:
        super().__init__()
        self.source = source
        self.target = target

    @property
    def control(self) -> Widget:
        return self.source


class FilterRequested(Message):
    """A pane asks the app to open the filter bar for it."""

    def __init__(self, source: Widget, current: str) -> None:
        super().__init__()
        self.source = source
        self.current = current


class StoreLoaded(Message):
    """The loading worker finished; the panes' data is ready."""

    def __init__(self, data: object) -> None:
        super().__init__()
        self.data = data


class StoreFollowed(Message):
    """Another process committed to the store; the follow worker read it in and made new pane data."""

    def __init__(self, summary: str, entities: object, whole: object) -> None:
        super().__init__()
        self.summary = summary
        self.entities = entities
        self.whole = whole


class LoadProgress(Message):
    """How far the loading worker got (0..1) and what it is doing."""

    def __init__(self, fraction: float, label: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.label = label

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


class ConnectedLoaded(Message):
    """A worker finished ranking the entities connected to ``entity_id`` (and, for a frequent
    entity, reading its card's figures: ``(figures, count)``)."""

    def __init__(self, entity_id: str, connected: tuple, figures: tuple | None = None) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.connected = connected
        self.figures = figures


class FocusListsLoaded(Message):
    """A worker finished ordering the timeline and articles of a frequent entity (a ``PaneLists``)."""

    def __init__(self, entity_id: str, lists) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.lists = lists
