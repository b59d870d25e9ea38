"""Full-text search over every article's body (issue 16): `ctrl+f`, words and "quoted phrases",
ranked results with the matching snippet highlighted; `enter` opens the reader at the match.

The index (``store.search``) is brought up to date in a worker before the first search and after the
store gained articles; a search is one FTS5 query.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from dateline.store.index.search import MARK_END, MARK_START, Hit, match_spans, parse_query, snippet
from dateline.tui.widgets.inert_widgets import InertInput
from dateline.tui.widgets.line_list import LineList, Row
from dateline.tui.messages import ArticleTarget, RowChosen
from dateline.tui.safe_text import clean, literal


FIRST_BUDGET = 0.06  # seconds a search may rank before its first matches show unranked


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """What `enter` on a result opens: the article, its first match, and every match (for `n`/`N`)."""

    article_id: str
    spans: tuple[tuple[int, int], ...]
    query: str = ""


def snippet_text(snippet: str) -> Text:
    """A snippet with its matches highlighted; the text itself is shown literally."""
    text = Text(no_wrap=True, end="")
    for number, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        text.append(clean(part.replace("\n", " ")), style="bold reverse" if number % 2 else "")
    return text


class SearchResults(LineList):
    EMPTY = "type words or \"a phrase\", then enter"
    terms: list[str] = []

    def render_row(self, row: Row, width: int) -> Text:
        """Date, title and the snippet around the first match, cut from the body when drawn."""
        hit, title, date = row.data
        line = Text(no_wrap=True, end="")
        line.append(f"{date or 'undated':<10} ", style="bold")
        line.append(f"{clean(title)[:40]:<40} ", style="italic")
        line.append_text(snippet_text(snippet(self.app.store.body(hit.article_id), self.terms, max(40, width - 52))))
        return line


class SearchScreen(ModalScreen[SearchChoice | None]):
    """The search box over its results."""

    BINDINGS = [Binding("escape", "cancel", "Close search", id="search.cancel")]
    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    #search-box { width: 95%; height: 85%; border: thick $accent; background: $surface; }
    #search-results { height: 1fr; }
    #search-status { height: 1; color: $text-muted; }
    """

    def __init__(self, app_index, within: set[str] | None, scope: str, query: str = "") -> None:
        super().__init__()
        self._index = app_index  # () -> SearchIndex, up to date (called in the worker)
        self._within = within
        self._scope = scope
        self._query = query
        self.hits: list[Hit] = []
        self.seconds: float | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield InertInput(value=self._query, placeholder='Search article text: words and "quoted phrases"',
                        id="search-input")
            yield Static(literal(f"in {self._scope}"), id="search-status")
            yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._query = event.value
        self.seconds = None
        self.query_one("#search-status", Static).update(literal("searching…"))
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """The first results within ``FIRST_BUDGET``; when ranking a very common word takes longer, the
        first matches show at once and the ranked ones replace them."""
        try:
            index = self._index()
            started = time.perf_counter()
            hits, ranked = index.search(query, within=self._within, budget=FIRST_BUDGET)
        except (OSError, sqlite3.Error) as exc:
            self.app.call_from_thread(self._failed, f"search failed: {exc}")
            return
        self.app.call_from_thread(self._show, query, hits, time.perf_counter() - started, ranked)
        if not ranked:
            hits, _ = index.search(query, within=self._within)
            self.app.call_from_thread(self._show, query, hits, time.perf_counter() - started, True)

    def _failed(self, message: str) -> None:
        self.query_one("#search-status", Static).update(literal(message))

    def _show(self, query: str, hits: list[Hit], seconds: float, ranked: bool) -> None:
        if self.seconds is None or ranked:
            self.seconds = seconds if self.seconds is None or not self.hits else self.seconds
        self.hits = hits
        store = self.app.store
        rows = []
        for hit in hits:
            article = store.article(hit.article_id)
            rows.append(Row(key=hit.article_id, target=ArticleTarget(hit.article_id),
                            data=(hit, article.title if article else hit.article_id,
                                  article.published if article else None)))
        results = self.query_one(SearchResults)
        results.terms = parse_query(query)
        results.set_rows(rows, keep_cursor=True)
        order = "best first" if ranked else "ranking…"
        status = (f"{len(hits)} article{'' if len(hits) == 1 else 's'} found in {self._scope} · {order} · "
                  f"{seconds * 1000:.0f} ms")
        self.query_one("#search-status", Static).update(literal(status if results.terms else "nothing to search"))
        if rows and not results.has_focus:
            results.focus()

    def choose(self, article_id: str) -> None:
        body = self.app.store.body(article_id)
        spans = tuple(match_spans(body, parse_query(self._query))) or ((0, 0),)
        self.dismiss(SearchChoice(article_id, spans, self._query))

    @on(RowChosen)
    def _chosen(self, message: RowChosen) -> None:
        message.stop()
        self.choose(message.target.article_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
