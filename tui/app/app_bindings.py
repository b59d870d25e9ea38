"""The app's own keys, each with the id a keymap file uses to change it (panes carry their own)."""
from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    Binding("q", "quit", "Quit", id="app.quit_q"),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="app.next_pane"),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="app.previous_pane"),
    Binding("1", "pane('entities')", "Entities pane", id="app.pane_entities"),
    Binding("2", "pane('timeline')", "Timeline pane", id="app.pane_timeline"),
    Binding("3", "pane('articles')", "Articles pane", id="app.pane_articles"),
    Binding("4", "pane('detail')", "Detail pane", id="app.pane_detail"),
    Binding("backspace,alt+left", "back", "Back", id="app.back"),
    Binding("alt+right", "forward", "Forward", id="app.forward"),
    Binding("escape", "clear", "Clear filter, then focus", id="app.clear"),
    Binding("question_mark,f1", "help", "Help: all keys", id="app.help"),
    Binding("ctrl+r,f5", "reload", "Reload the store", id="app.reload"),
    Binding("F", "fetch_feeds", "Fetch feeds now", id="app.fetch_feeds"),
    Binding("ctrl+g", "go_to_entity_palette", "Go to entity…", id="app.go_to_entity"),
    Binding("ctrl+e", "export", "Export selection…", id="app.export"),
    Binding("ctrl+z", "undo", "Undo the last edit", id="app.undo"),
    Binding("ctrl+y", "redo", "Redo", id="app.redo"),
    Binding("ctrl+f", "search_text", "Search article text…", id="app.search"),
    Binding("c", "chart", "Charts of the focus", id="app.chart"),
    Binding("z", "zoom", "Zoom the pane / all panes", id="app.zoom"),
    Binding("ctrl+k", "toggle_key_bar", "Keys bar on/off", id="app.key_bar"),
]
