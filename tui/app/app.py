"""``DatelineApp``: four panes in sync (entities, timeline, articles, detail) over one store.

State flows one way: panes post ``RowHighlighted`` / ``RowChosen``; the app turns them into a
``View`` (focused entity + what the detail pane shows), records it in the history, and hands the
new data to each pane. Panes never touch each other. The app owns one object per job, each given the
app (as ``AppHost``): loading (app_loading.py), what the panes show (app_views.py), the theme, the pane
layout, text search, charts, keys, edits and feed fetching; its own key actions and message handlers
are thin calls to them.
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ProgressBar

from dateline.tui.panes.articles_pane import ArticlesPane
from dateline.tui.commands import DatelineCommands
from dateline.tui.panes.detail_pane import DetailPane
from dateline.tui.actions.edit_actions import EditActions
from dateline.tui.panes.edit_requests import EditRequested
from dateline.tui.panes.entities_pane import EntitiesPane
from dateline.tui.actions.feed_fetch import FeedFetching
from dateline.tui.app.app_bindings import APP_BINDINGS
from dateline.tui.dialogs.base import typed_before
from dateline.tui.widgets.filter_bar import FilterBar
from dateline.tui.keymap import load_keymap, unknown_ids_problem
from dateline.tui.app.keys import KeyListing
from dateline.tui.history import History
from dateline.tui.widgets.line_list import LineList
from dateline.tui.widgets.row_marking import SelectionChanged
from dateline.tui.actions.app_export import open_export
from dateline.tui.app.app_loading import StoreLoading
from dateline.tui.app.app_navigation import PANES, Navigation
from dateline.tui.app.app_views import FocusViews
from dateline.tui.actions.app_theme import ThemeMemory
from dateline.tui.actions.app_search import TextSearch
from dateline.tui.actions.app_chart import Charts
from dateline.tui.app.key_bar import KeyBar
from dateline.tui.app.pane_layout import PaneLayout
from dateline.tui.idle_gc import IdleCollector
from dateline.tui.app.staging import StagedWork
from dateline.tui.app.main_screen import MainScreen
from dateline.tui.app.held_keys import HeldKeys
from dateline.tui.app.loading import EntityLists, PaneLists
from dateline.tui.messages import (ConnectedLoaded, EntityTarget, FilterRequested, FocusListsLoaded, LoadProgress,
                                   RowChosen, RowHighlighted, StoreFollowed, StoreLoaded, Target, View)
from dateline.tui.safe_text import clean, literal
from dateline.tui.widgets.status_bar import Status, StatusBar, counts_text
from dateline.tui.panes.timeline_pane import TimelinePane

if TYPE_CHECKING:
    from dateline.store.api import WriteStore

TITLES = {"entities": "1 Entities", "timeline": "2 Timeline", "articles": "3 Articles", "detail": "4 Detail"}
LIVE_FILTER_LIMIT = 20_000  # above this many rows, the filter runs on `enter` only
GC_YOUNG_THRESHOLD = 50_000  # allocations between young-generation GC passes (default 700)


class DatelineApp(App[None]):
    """The explorer. ``store`` is an open store (``store.api.WriteStore``) or a path the loading worker opens."""

    CSS_PATH = "app.tcss"
    TITLE = "Dateline"
    HORIZONTAL_BREAKPOINTS = [(0, "-single"), (100, "-narrow"), (120, "-wide")]
    COMMANDS = App.COMMANDS | {DatelineCommands}
    BINDINGS = APP_BINDINGS

    def __init__(self, store: WriteStore | str | Path, *, store_path: str | None = None) -> None:
        super().__init__()
        self.store: WriteStore | None = None if isinstance(store, (str, Path)) else store
        self._open_path = str(store) if isinstance(store, (str, Path)) else None
        self.store_path = store_path or self._open_path or str(getattr(store, "path", ""))
        self.loaded: EntityLists | None = None
        self.whole: PaneLists | None = None
        self.history = History(View(filters=()))
        self._focus: str | None = None
        self.idle_gc = IdleCollector()
        self.staged = StagedWork(self)
        self.held_keys = HeldKeys(self)
        self._detail: Target | None = None
        self._selected: dict[str, int] = {}
        self._busy: str | None = "opening store"
        self.views = FocusViews(self)
        self.store_loading = StoreLoading(self, self.views)
        self.navigation = Navigation(self, self.views)
        self.theme_memory = ThemeMemory(self, self._redraw_detail)
        self.pane_layout = PaneLayout(self)
        self.text_search = TextSearch(self)
        self.charts = Charts(self)
        self.key_listing = KeyListing(self)
        self.edits = EditActions(self)
        self.feed_fetching = FeedFetching(self)
        self._gc_threshold = gc.get_threshold()
        self.ends_process = False  # run_app: the process exits with the app (nothing is unfrozen at exit)

    # ----- layout -----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")  # a focus change repaints what it changes (tui/app/main_screen.py)

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="lists"):
                yield EntitiesPane(id="entities", classes="pane -active")
                yield TimelinePane(id="timeline", classes="pane")
                yield ArticlesPane(id="articles", classes="pane")
            yield DetailPane(id="detail")
        yield ProgressBar(id="progress", show_eta=False)
        yield FilterBar()
        yield StatusBar(id="status")
        yield KeyBar(id="key-bar")

    configured_theme: str | None = None  # config.toml's theme, set by run_app

    def _apply_theme(self, name: str | None) -> None:
        if not name:
            return
        if name in self.available_themes:
            self.theme = name
        else:
            self.notify(f"config.toml: no theme named {name!r}; using {self.theme}", severity="warning",
                        markup=False)

    def on_mount(self) -> None:
        keymap, problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
            problem = problem or unknown_ids_problem(keymap)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        self._apply_theme(self.configured_theme)
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 100)  # loading makes 100k's of objects: fewer GC passes
        for pane_id in PANES:
            self.query_one(f"#{pane_id}").border_title = literal(TITLES[pane_id])
        self.query_one("#entities").focus()
        self.theme_memory.restore()
        self.pane_layout.restore_key_bar()
        self.pane_layout.mark_current_pane("entities")
        self.pane_layout.refresh_marks()
        self.update_status()
        self.store_loading.load_store()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every toast (the panes' and dialogs' too: they call this) is shown literally, since messages
        quote names, paths and filters: no markup, no control characters, whatever ``markup`` says."""
        super().notify(clean(str(message)), title=clean(title), severity=severity,
                       timeout=timeout, markup=False)

    def on_unmount(self) -> None:
        self.idle_gc.stop()
        gc.set_threshold(*self._gc_threshold)  # leave the process as we found it (tests run many apps)
        if not self.ends_process:  # a full pass over an unfrozen 100k store made quitting take a second
            gc.unfreeze()
        self.text_search.close()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_gc.touch()
            self.staged.flush()  # a key acts on the panes as the keys before it left them (tui/app/staging.py)
        if isinstance(event, events.Key) and not event.is_forwarded and (
                typed_before(self.screen, event) or self.held_keys.hold(event)):
            return  # typed ahead of a dialog (it never answers it) or of its list's rows (app/held_keys.py)
        await super().on_event(event)

    def pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    @property
    def entities_pane(self) -> EntitiesPane:
        return self.query_one(EntitiesPane)

    @property
    def timeline_pane(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def articles_pane(self) -> ArticlesPane:
        return self.query_one(ArticlesPane)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(DetailPane)

    # ----- navigation (tui/app_navigation.py) -----------------------------------------------------
    def navigate(self, view: View) -> None:
        """Go to ``view`` and record it, like following a link."""
        self.navigation.navigate(view)

    def apply_view(self, view: View) -> None:
        self.navigation.apply_view(view)

    def go_to_entity(self, entity_id: str) -> None:
        """Make an entity the focus (from the palette, a card, a mention…)."""
        self.navigate(View(entity_id, EntityTarget(entity_id), self._current_pane()))

    def name_of(self, entity_id: str) -> str:
        entity = self.loaded.by_id.get(entity_id) if self.loaded else None
        return entity.name if entity else entity_id

    def _focus_pane(self, name: str) -> None:
        self.navigation.focus_pane(name)

    def _current_pane(self) -> str:
        return self.navigation.current_pane()

    def on_resize(self, event: events.Resize) -> None:
        self.pane_layout.refresh_marks()  # a terminal made narrow shows one pane: the one in use

    def on_descendant_focus(self, event) -> None:
        if not self.screen_stack or not self.screen_stack[0].query("#entities"):  # queued while the app shuts down
            return
        name = self._current_pane()
        self.pane_layout.mark_current_pane(name)
        self.navigation.focus_moved(name)

    # ----- messages from panes ------------------------------------------------------------------
    @on(RowChosen)
    def _on_chosen(self, message: RowChosen) -> None:
        target = message.target
        if isinstance(target, EntityTarget):
            self.navigate(View(target.entity_id, target, self._current_pane()))
        else:
            self.navigate(View(self._focus, target, "detail"))

    @on(RowHighlighted)
    def _on_highlighted(self, message: RowHighlighted) -> None:
        self.navigation.highlighted(message)

    @on(SelectionChanged)
    def _on_selection(self, message: SelectionChanged) -> None:
        self._selected[message.source.id] = message.count
        self.update_status()

    @on(FilterRequested)
    def open_filter(self, message: FilterRequested) -> None:
        pane_id = message.source.id
        self.query_one(FilterBar).open_for(pane_id, message.current, TITLES[pane_id][2:].lower())

    @on(FilterBar.Applied)
    def _on_filter(self, message: FilterBar.Applied) -> None:
        if message.final:
            self._apply_filter(message)
        else:  # the typed letter is drawn first; the list follows in the next frame (issue 15)
            self.call_after_refresh(self._apply_filter, message)

    def _apply_filter(self, message: FilterBar.Applied) -> None:
        pane = self.query_one(f"#{message.pane_id}", LineList)
        if not message.final and self.query_one(FilterBar).moved_past(message):
            return  # letters typed together: only the latest text is filtered (issue 15)
        if message.final or len(pane.rows) <= LIVE_FILTER_LIMIT:
            if pane.filter_query != message.query.strip():
                pane.set_query(message.query)
        if message.final:
            self._focus_pane(message.pane_id)  # at once: the keys typed after `enter` go to the pane
            self.preview_cursor(pane)  # the detail pane follows the cursor the filter moved
        self.update_status()

    def preview_cursor(self, pane: LineList) -> None:
        """Show the row under ``pane``'s cursor in the detail pane (as a cursor move would)."""
        row = pane.current
        if row is not None and row.target is not None:
            self._on_highlighted(RowHighlighted(pane, row.target))

    # ----- actions ------------------------------------------------------------------------------
    def action_pane(self, name: str) -> None:
        self._focus_pane(name)

    def action_cycle_pane(self, step: int) -> None:
        self.navigation.cycle_pane(step)

    def action_focus_next(self) -> None:
        if len(self.screen_stack) > 1:  # a dialog or the palette is open: Textual's own focus chain
            return super().action_focus_next()
        self.action_cycle_pane(1)

    def action_focus_previous(self) -> None:
        if len(self.screen_stack) > 1:
            return super().action_focus_previous()
        self.action_cycle_pane(-1)

    def action_back(self) -> None:
        self.navigation.back()

    def action_forward(self) -> None:
        self.navigation.forward()

    def action_clear(self) -> None:
        """`escape`: close the filter bar, else clear the pane's filters, else drop the focus."""
        self.navigation.clear()

    def action_export(self) -> None:
        """`ctrl+e`: export the focused pane's marks, every pane's, or all connected to marked entities."""
        open_export(self)

    def action_fetch_feeds(self) -> None:
        """`F`: fetch every followed feed in a worker (tui/actions/feed_fetch.py)."""
        self.feed_fetching.start()

    # ----- the app's parts: their keys and messages -------------------------------------------
    def on_load_progress(self, message: LoadProgress) -> None:
        self.store_loading.progress(message)

    def on_store_loaded(self, message: StoreLoaded) -> None:
        self.store_loading.loaded(message)

    def on_store_followed(self, message: StoreFollowed) -> None:
        self.store_loading.followed(message)

    def on_worker_state_changed(self, event) -> None:
        self.store_loading.worker_changed(event)

    def on_focus_lists_loaded(self, message: FocusListsLoaded) -> None:
        self.views.focus_lists_loaded(message)

    def on_connected_loaded(self, message: ConnectedLoaded) -> None:
        self.views.connected_loaded(message)

    def reload_whole_lists(self) -> None:
        self.store_loading.reload_whole_lists()

    def action_reload(self) -> None:
        self.store_loading.reload()

    def _redraw_detail(self) -> None:
        if self.loaded is not None:
            self.views.show_detail(self._detail)  # the card's rows hold coloured text: make them again

    def action_zoom(self) -> None:
        self.pane_layout.zoom()

    def action_toggle_key_bar(self) -> None:
        self.pane_layout.toggle_key_bar()

    def action_search_text(self) -> None:
        self.text_search.open()

    def action_chart(self) -> None:
        self.charts.open()

    def key_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        return self.key_listing.key_sections()

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return self.key_listing.palette_commands()

    def run_palette_action(self, spec: str) -> None:
        self.key_listing.run_palette_action(spec)

    def action_help(self) -> None:
        self.key_listing.help()

    def action_go_to_entity_palette(self) -> None:
        self.key_listing.go_to_entity_palette()

    def action_command_palette(self) -> None:
        self.key_listing.command_palette(self.use_command_palette)

    def get_system_commands(self, screen):
        """Textual's palette commands less "Quit", which the app's own commands already list."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    # ----- hand edits (issue 5: tui/edit_actions.py) --------------------------------------------
    @on(EditRequested)
    def _on_edit_requested(self, message: EditRequested) -> None:
        self.edits.request(message.kind, message.subject)

    def action_undo(self) -> None:
        self.edits.request("undo")

    def action_redo(self) -> None:
        self.edits.request("redo")

    # ----- status bar -------------------------------------------------------------------------
    def update_status(self) -> None:
        panes = (self.entities_pane, self.timeline_pane, self.articles_pane)
        filters = [f"{pane.id} /{pane.filter_query}" for pane in panes if pane.filter_query]
        if self.entities_pane.type_filter:
            filters.append(f"type {self.entities_pane.type_filter}")
        readonly = (self.store.readonly_reason or "") if self.store is not None and self.store.readonly else None
        self.query_one(StatusBar).show(Status(
            path=self.store_path, counts=counts_text(self.loaded.stats if self.loaded else {}),
            focus=self.name_of(self._focus) if isinstance(self._focus, str) else None, filters=tuple(filters),
            selected=tuple(f"{pane_id} {count}" for pane_id, count in self._selected.items() if count),
            readonly=readonly, busy=self._busy, waiting=self.held_keys.held))


def run_app(store, *, theme: str | None = None) -> None:
    """Run the explorer on an open ``Store`` (or a store path, opened in a worker and closed on exit);
    ``theme`` is a Textual theme name from config.toml (an unknown one is reported and ignored)."""
    app = DatelineApp(store)
    app.ends_process = True
    if theme:
        app.configured_theme = theme
    try:
        app.run()
    finally:
        if isinstance(store, (str, Path)) and app.store is not None:
            app.store.close()
