"""Articles pane: title, date, source, and how many of the focused entity's mentions each holds."""
from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from store.model import Article
from store.sequences import ArticleHits
from tui.lazy_rows import LazyRows
from tui.line_list import LineList, Row
from tui.messages import ArticleTarget
from tui.safe_text import clean, literal


def article_row(article: Article, count: int | None) -> Row:
    return Row(key=article.id, target=ArticleTarget(article.id), data=(article, count),
               search=f"{article.title} {article.source or ''} {article.published or ''}".casefold())


class ArticlesPane(LineList):
    """Articles, newest first. `enter` opens the reader."""

    BINDINGS = [*LineList.SELECTION_BINDINGS]
    SELECTABLE = True
    EMPTY = "no articles"

    def set_articles(self, hits: ArticleHits | Sequence[tuple[Article, int | None]], keep_cursor: bool = False) -> None:
        """``(article, mention count or None)`` pairs, newest first (the store's order); a count is
        shown when an entity is focused. Rows are made as they are shown."""
        key_of = hits.article_id if isinstance(hits, ArticleHits) else (lambda i: hits[i][0].id)
        self.set_rows(LazyRows(len(hits), lambda i: article_row(*hits[i]), key_of), keep_cursor=keep_cursor)
        self._update_titles()

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def _update_titles(self) -> None:
        shown = "filtering…" if self.filtering else f"{self.shown_count}"
        self.border_subtitle = literal(shown + (f" · /{self.filter_query}" if self.filter_query else ""))

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
