"""The keys of every list (``LineList.BINDINGS``): the cursor, `enter` and `/`. Panes add their own."""
from __future__ import annotations

from textual.binding import Binding, BindingType

LIST_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
    Binding("g,home", "first", "Top", show=False, id="list.top"),
    Binding("G,end", "last", "Bottom", show=False, id="list.bottom"),
    Binding("ctrl+d,pagedown", "half_page(1)", "Half page down", show=False, id="list.half_down"),
    Binding("ctrl+u,pageup", "half_page(-1)", "Half page up", show=False, id="list.half_up"),
    Binding("enter", "choose", "Open", id="list.choose"),
    # priority: run by the app as the key arrives, so the keys typed after `/` (already read, as in
    # a paste) go to the filter bar and not to the pane
    Binding("slash", "filter", "Filter", priority=True, id="list.filter"),
]
