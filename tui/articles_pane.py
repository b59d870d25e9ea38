"""Articles pane: title, date, source, and how many of the focused entity's mentions each holds."""
from __future__ import annotations

from rich.text import Text

from store.model import Article
from tui.line_list import LineList, Row
from tui.messages import ArticleTarget
from tui.safe_text import clean

KEEP_ROWS_OVER = 5000  # lists this long (the whole store) keep their rows for the next time


class ArticlesPane(LineList):
    """Articles, newest first. `enter` opens the reader."""

    BINDINGS = [*LineList.SELECTION_BINDINGS]
    SELECTABLE = True
    EMPTY = "no articles"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._kept: tuple[list | None, list[Row]] = (None, [])

    def set_articles(self, articles: list[tuple[Article, int | None]]) -> None:
        """``(article, mention count or None)`` pairs; a count is shown when an entity is focused.
        The rows of a long list (the whole store) are kept for the next time it is shown."""
        if articles is self._kept[0]:
            self.set_rows(self._kept[1])
            self._update_titles()
            return
        ordered = sorted(articles, key=lambda pair: (pair[0].published or "", pair[0].id), reverse=True)
        rows = [
            Row(
                key=article.id,
                target=ArticleTarget(article.id),
                search=f"{article.title} {article.source or ''} {article.published or ''}".casefold(),
                data=(article, count),
            )
            for article, count in ordered
        ]
        if len(articles) > KEEP_ROWS_OVER:
            self._kept = (articles, rows)
        self.set_rows(rows)
        self._update_titles()

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def _update_titles(self) -> None:
        self.border_subtitle = f"{len(self.lines)}" + (f" · /{clean(self.filter_query)}" if self.filter_query else "")

    def render_row(self, row: Row, width: int) -> Text:
        article, count = row.data
        line = Text(no_wrap=True, end="")
        if count is not None:
            line.append(f"{count:>3}× ", style="bold")
        line.append(f"{clean((article.published or 'undated')[:10]):<10} ", style="dim")
        line.append(clean(article.title) or "(untitled)")
        if article.source:
            line.append(f" · {clean(article.source)}", style="dim italic")
        return line

    def row_cells(self, row: Row) -> list[str]:
        article, count = row.data
        return [clean(article.published or ""), clean(article.title), clean(article.source or ""),
                clean(article.url or ""), "" if count is None else str(count), article.id]
