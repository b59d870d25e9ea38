"""The `?` / `f1` help screen: every key the app and its panes answer to, after any remapping."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from dateline.tui.safe_text import clean, literal


def key_table(sections: list[tuple[str, list[tuple[str, str, str]]]]) -> Table:
    """A table of (section, [(keys, description, binding id)])."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column("Keys", style="bold cyan", no_wrap=True)
    table.add_column("Does")
    table.add_column("Binding id", style="dim", no_wrap=True)
    for title, rows in sections:
        table.add_row(Text(title, style="bold underline"), "", "")
        for keys, description, binding_id in rows:
            table.add_row(Text(clean(keys)), Text(clean(description)), Text(clean(binding_id)))
        table.add_row("", "", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; `escape`, `q`, `?` or `f1` closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; border: thick $accent;
                                  background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
                Binding("j,down", "scroll(1)", "Scroll down", show=False, id="help.down"),
                Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="help.up"),
                Binding("g,home", "scroll_end(False)", "Top", show=False, id="help.top"),
                Binding("G,end", "scroll_end(True)", "Bottom", show=False, id="help.bottom")]

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + lines, animate=False)

    def action_scroll_end(self, bottom: bool) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_end if bottom else scroll.scroll_home)(animate=False)

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = literal("Dateline keys (remappable by binding id)")
            yield Static(key_table(self.sections), id="help-keys")
