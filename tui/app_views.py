"""What the timeline, articles and detail panes show for a focus or a cursor target (a mixin of
``DatelineApp``).

A focus shows the entity's timeline and articles (ordered in a worker for the very largest
entities); the detail pane shows an entity's card (connected entities, and for the largest the
figures, arrive from a worker after the paint), an article at a sentence, or the store overview.
Handlers are found by name (``on_connected_loaded``): ``@on`` only works on Textual classes.
"""
from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.css.query import NoMatches
from textual.worker import get_current_worker

from tui.article_reader import ReaderData
from tui.detail_data import overview_lines, reader_data
from tui.entity_card import card_data, card_figures
from tui.loading import EMPTY_LISTS, PaneLists, focus_lists
from tui.messages import (ArticleTarget, ConnectedLoaded, EntityTarget, FocusListsLoaded, SentenceTarget,
                          Target)

CONNECTED = 20  # how many connected entities the card ranks
BIG_FOCUS = 50_000  # mentions: above this, a focus orders its timeline and articles in a worker


class FocusViews:
    """Needs the app's panes, ``store``, ``whole``, ``loaded``, ``store_path`` and ``_focus``/``_detail``."""

    def _show_focus(self, entity_id: str | None) -> None:
        self._focus = entity_id
        if entity_id is None:
            self._show_lists(self.whole or EMPTY_LISTS)  # still loading: the panes say so until it lands
            return
        self.entities_pane.move_cursor_to_key(entity_id)
        if self._very_frequent(entity_id):
            for pane in (self.timeline_pane, self.articles_pane):
                pane.EMPTY = "loading…"
            self._show_lists(EMPTY_LISTS)
            self.read_focus_lists(entity_id)
            return
        for pane in (self.timeline_pane, self.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        self._show_lists(focus_lists(self.store, entity_id))

    def _very_frequent(self, entity_id: str) -> bool:
        return self.store.entity_counts(entity_id)[0] > BIG_FOCUS

    def _show_lists(self, lists: PaneLists, keep_cursor: bool = False) -> None:
        self.timeline_pane.set_items(lists.timeline, keep_cursor=keep_cursor)
        self.articles_pane.set_articles(lists.articles, keep_cursor=keep_cursor)

    def _refresh_focus_lists(self) -> None:
        """The focused lists again after the store changed, each pane's cursor kept on its row."""
        if self._focus is None:
            self._show_lists(self.whole or EMPTY_LISTS, keep_cursor=True)
        elif not self._very_frequent(self._focus):
            self._show_lists(focus_lists(self.store, self._focus), keep_cursor=True)
        else:
            self.read_focus_lists(self._focus)

    @work(thread=True, exclusive=True, group="focus", exit_on_error=False)
    def read_focus_lists(self, entity_id: str) -> None:
        """The timeline and articles of a very frequent entity, ordered off the UI thread."""
        self.post_message(FocusListsLoaded(entity_id, focus_lists(self.store, entity_id)))

    def on_focus_lists_loaded(self, message: FocusListsLoaded) -> None:
        if message.entity_id != self._focus:
            return  # the user moved on
        for pane in (self.timeline_pane, self.articles_pane):
            pane.EMPTY = type(pane).EMPTY
        self._show_lists(message.lists)

    def _show_detail(self, target: Target | None) -> None:
        self._detail = target
        detail, store = self.detail_pane, self.store
        if isinstance(target, EntityTarget):
            figures = not self._very_frequent(target.entity_id)  # else the connected worker reads them
            detail.show_card(card_data(store, target.entity_id, connected_limit=None, figures=figures))
            # after the panes are painted: ranking competes for the interpreter with the repaint
            self.call_after_refresh(self.rank_connected, target.entity_id)
        elif isinstance(target, (ArticleTarget, SentenceTarget)):
            detail.show_article(self._reader_data(target))
        else:
            detail.show_overview(self._overview())

    @work(thread=True, exclusive=True, group="connected", exit_on_error=False)
    def rank_connected(self, entity_id: str) -> None:
        """Rank the entities sharing sentences/articles with ``entity_id`` (costly for frequent ones),
        and read the card's figures when the card was shown without them."""
        worker = get_current_worker()
        card = self.detail_pane.card.data
        figures = None
        if card is not None and card.entity.id == entity_id and card.figures is None:
            figures = card_figures(self.store.timeline(entity_id))
        connected = self.store.connected(entity_id, limit=CONNECTED, stop=lambda: worker.is_cancelled)
        if connected is not None:  # None: a newer card asked for its own, this one is not wanted
            self.post_message(ConnectedLoaded(entity_id, tuple(connected), figures))

    def on_connected_loaded(self, message: ConnectedLoaded) -> None:
        try:
            card = self.detail_pane.card
        except NoMatches:  # a worker's answer that arrives while the app closes
            return
        if card.data is not None and card.data.entity.id == message.entity_id:
            data = replace(card.data, connected=message.connected)
            if message.figures is not None:
                data = replace(data, figures=message.figures[0], figure_count=message.figures[1])
            card.show(data)

    def _reader_data(self, target: ArticleTarget | SentenceTarget) -> ReaderData:
        return reader_data(self.store, target, self.loaded.by_id, self._focus if isinstance(self._focus, str) else None)

    def _overview(self) -> list[tuple[str, str]]:
        return overview_lines(self.store_path, self.loaded.stats if self.loaded else {})

