"""Articles pane: title, date, source, and how many of the focused entity's mentions each holds."""
from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding

from dateline.store.model import Article
from dateline.store.index.sequences import ArticleHits
from dateline.tui.widgets.lazy_rows import LazyRows
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.messages import ArticleTarget
from dateline.tui.safe_text import clean, literal


SORTS = ("newest", "oldest", "mentions")
SORT_NAMES = {"newest": "newest first", "oldest": "oldest first", "mentions": "most mentions first"}


def article_row(article: Article, count: int | None) -> Row:
    return Row(key=article.id, target=ArticleTarget(article.id), data=(article, count),
               search=f"{article.title} {article.source or ''} {article.published or ''}".casefold())


class ArticlesPane(LineList):
    """Articles, newest first. `enter` opens the reader."""

    BINDINGS = [*LineList.SELECTION_BINDINGS,
                Binding("o", "cycle_sort", "Sort: newest/oldest/mentions", id="articles.sort")]
    SELECTABLE = True
    COPY_HEADER = ("published", "title", "source", "url", "mentions", "id")
    EMPTY = "no articles"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.sort = "newest"
        self._hits: ArticleHits | Sequence[tuple[Article, int | None]] = ()

    def set_articles(self, hits: ArticleHits | Sequence[tuple[Article, int | None]], keep_cursor: bool = False) -> None:
        """``(article, mention count or None)`` pairs, newest first (the store's order); a count is
        shown when an entity is focused. Rows are made as they are shown, in the pane's sort."""
        self._hits = hits
        key_of = hits.article_id if isinstance(hits, ArticleHits) else (lambda i: hits[i][0].id)
        size = len(hits)
        if self.sort == "newest":
            position: Sequence[int] = range(size)
        elif self.sort == "oldest":
            position = range(size - 1, -1, -1)
        else:  # the most mentions first; ties newest first
            counts = hits.mention_counts() if isinstance(hits, ArticleHits) else [count for _, count in hits]
            position = sorted(range(size), key=lambda i: -(counts[i] or 0)) if any(counts) else range(size)
        self.set_rows(LazyRows(size, lambda i: article_row(*hits[position[i]]), lambda i: key_of(position[i])),
                      keep_cursor=keep_cursor)
        self._update_titles()

    def action_cycle_sort(self) -> None:
        """`o`: newest first, oldest first, most mentions of the focus first."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.set_articles(self._hits, keep_cursor=True)
        self.notify(f"Articles: {SORT_NAMES[self.sort]}", timeout=2)

    def set_query(self, query: str) -> None:
        super().set_query(query)
        self._update_titles()

    def _update_titles(self) -> None:
        shown = "filtering…" if self.filtering else f"{self.shown_count}"
        order = "" if self.sort == "newest" else f" · {SORT_NAMES[self.sort]}"
        self.border_subtitle = literal(shown + order + (f" · /{self.filter_query}" if self.filter_query else ""))

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
