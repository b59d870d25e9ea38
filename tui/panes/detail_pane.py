"""Detail pane: holds the entity card and the article reader and shows one of them."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from dateline.tui.panes.article_reader import ArticleReader, ReaderData
from dateline.tui.panes.entity_card import CardData, EntityCard
from dateline.tui.safe_text import literal


class DetailPane(Vertical):
    """The fourth pane. Which child is visible follows what the app asks it to show."""

    DEFAULT_CSS = """
    DetailPane > EntityCard, DetailPane > ArticleReader { height: 1fr; border: none; }
    DetailPane > .-hidden { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield EntityCard(id="card")
        yield ArticleReader(id="reader", classes="-hidden")

    @property
    def card(self) -> EntityCard:
        return self.query_one(EntityCard)

    @property
    def reader(self) -> ArticleReader:
        return self.query_one(ArticleReader)

    @property
    def active(self) -> EntityCard | ArticleReader:
        return self.reader if self.card.has_class("-hidden") else self.card

    def _switch(self, show_reader: bool) -> None:
        had_focus = self.active.has_focus
        self.card.set_class(show_reader, "-hidden")
        self.reader.set_class(not show_reader, "-hidden")
        if had_focus:
            self.active.focus()

    def show_card(self, data: CardData | None) -> None:
        self.card.show(data)
        self.border_title = literal("4 Entity" + (f" · {data.entity.name}" if data else ""))
        self._switch(False)

    def show_overview(self, lines: list[tuple[str, str]]) -> None:
        self.card.show_overview(lines)
        self.border_title = literal("4 Detail")
        self._switch(False)

    def show_article(self, data: ReaderData) -> None:
        self._switch(True)
        self.reader.show(data)
        self.border_title = literal("4 Article" + (" · at the sentence" if data.sentence else ""))

    def focus_active(self) -> None:
        self.active.focus()
