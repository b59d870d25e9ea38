"""What the timeline, articles and detail panes show for a focus or a cursor target (one ``FocusViews``
per app).

A focus shows the entity's timeline and articles (ordered in a worker for the very largest
entities); the detail pane shows an entity's card (connected entities, and for the largest the
figures, arrive from a worker after the paint), an article at a sentence, or the store overview.
The app routes its ``FocusListsLoaded`` and ``ConnectedLoaded`` messages here.
"""
from __future__ import annotations

from dataclasses import replace

from textual.css.query import NoMatches
from textual.worker import get_current_worker

from dateline.tui.app_host import AppHost
from dateline.tui.panes.article_reader import ReaderData
from dateline.tui.panes.detail_data import overview_lines, reader_data
from dateline.tui.panes.entity_card import card_data, card_figures
from dateline.tui.app.loading import EMPTY_LISTS, LOADING, PaneLists, focus_lists
from dateline.tui.messages import ArticleTarget, ConnectedLoaded, EntityTarget, FocusListsLoaded, SentenceTarget, Target

CONNECTED = 20  # how many connected entities the card ranks
BIG_FOCUS = 50_000  # mentions: above this, a focus orders its timeline and articles in a worker


class FocusViews:
    """Fills the timeline, articles and detail panes of ``app`` for its focus and detail target."""

    def __init__(self, app: AppHost) -> None:
        self.app = app

    def show_focus(self, entity_id: str | None, staged: bool = False) -> None:
        """Make ``entity_id`` the focus (None: the whole store) and fill the timeline and articles for it;
        ``staged``: fill them after the next frame (``StagedWork``), so the key's first response shows first."""
        self.app._focus = entity_id
        if entity_id is not None:
            self.app.entities_pane.move_cursor_to_key(entity_id)
        self.app.staged.run("lists", lambda: self._fill_lists(entity_id), staged)

    def _fill_lists(self, entity_id: str | None) -> None:
        if entity_id is None:
            self._show_lists(self.app.whole or EMPTY_LISTS)  # still loading: the panes say so until it lands
            return
        if self._very_frequent(entity_id):
            for pane in (self.app.timeline_pane, self.app.articles_pane):
                pane.EMPTY = LOADING
            self._show_lists(EMPTY_LISTS)
            self.read_focus_lists(entity_id)
            return
        for pane in (self.app.timeline_pane, self.app.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        self._show_lists(focus_lists(self.app.store, entity_id))

    def _very_frequent(self, entity_id: str) -> bool:
        return self.app.store.entity_counts(entity_id)[0] > BIG_FOCUS

    def _show_lists(self, lists: PaneLists, keep_cursor: bool = False) -> None:
        self.app.timeline_pane.set_items(lists.timeline, keep_cursor=keep_cursor)
        self.app.articles_pane.set_articles(lists.articles, keep_cursor=keep_cursor)

    def refresh_focus_lists(self) -> None:
        """The focused lists again after the store changed, each pane's cursor kept on its row."""
        if self.app._focus is None:
            self._show_lists(self.app.whole or EMPTY_LISTS, keep_cursor=True)
        elif not self._very_frequent(self.app._focus):
            self._show_lists(focus_lists(self.app.store, self.app._focus), keep_cursor=True)
        else:
            self.read_focus_lists(self.app._focus)

    def read_focus_lists(self, entity_id: str) -> None:
        """The timeline and articles of a very frequent entity, ordered off the UI thread."""
        app = self.app
        app.run_worker(lambda: app.post_message(FocusListsLoaded(entity_id, focus_lists(app.store, entity_id))),
                       thread=True, exclusive=True, group="focus", exit_on_error=False, name="read_focus_lists")

    def focus_lists_loaded(self, message: FocusListsLoaded) -> None:
        if message.entity_id != self.app._focus:
            return  # the user moved on
        for pane in (self.app.timeline_pane, self.app.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        self._show_lists(message.lists)

    def show_detail(self, target: Target | None, staged: bool = False) -> None:
        """Show ``target`` in the detail pane; ``staged``: after the next frame (see ``show_focus``)."""
        self.app._detail = target
        self.app.staged.run("detail", lambda: self._draw_detail(target), staged)

    def _draw_detail(self, target: Target | None) -> None:
        detail, store = self.app.detail_pane, self.app.store
        if isinstance(target, EntityTarget):
            figures = not self._very_frequent(target.entity_id)  # else the connected worker reads them
            detail.show_card(card_data(store, target.entity_id, connected_limit=None, figures=figures))
            # after the panes are painted: ranking competes for the interpreter with the repaint
            self.app.call_after_refresh(self.rank_connected, target.entity_id)
        elif isinstance(target, (ArticleTarget, SentenceTarget)):
            detail.show_article(self.reader_data(target))
        else:
            detail.show_overview(self.overview())

    def rank_connected(self, entity_id: str) -> None:
        """Rank the entities connected to ``entity_id`` in a worker (see ``_rank_connected``)."""
        self.app.run_worker(lambda: self._rank_connected(entity_id), thread=True, exclusive=True, group="connected",
                            exit_on_error=False, name="rank_connected")

    def _rank_connected(self, entity_id: str) -> None:
        """Rank the entities sharing sentences/articles with ``entity_id`` (costly for frequent ones),
        and read the card's figures when the card was shown without them."""
        worker = get_current_worker()
        card = self.app.detail_pane.card.data
        figures = None
        if card is not None and card.entity.id == entity_id and card.figures is None:
            figures = card_figures(self.app.store.timeline(entity_id))
        connected = self.app.store.connected(entity_id, limit=CONNECTED, stop=lambda: worker.is_cancelled)
        if connected is not None:  # None: a newer card asked for its own, this one is not wanted
            self.app.post_message(ConnectedLoaded(entity_id, tuple(connected), figures))

    def connected_loaded(self, message: ConnectedLoaded) -> None:
        try:
            card = self.app.detail_pane.card
        except NoMatches:  # a worker's answer that arrives while the app closes
            return
        if card.data is not None and card.data.entity.id == message.entity_id:
            data = replace(card.data, connected=message.connected)
            if message.figures is not None:
                data = replace(data, figures=message.figures[0], figure_count=message.figures[1])
            card.show(data)

    def reader_data(self, target: ArticleTarget | SentenceTarget) -> ReaderData:
        app = self.app
        assert app.loaded is not None
        return reader_data(app.store, target, app.loaded.by_id, app._focus if isinstance(app._focus, str) else None)

    def overview(self) -> list[tuple[str, str]]:
        return overview_lines(self.app.store_path, self.app.loaded.stats if self.app.loaded else {})

