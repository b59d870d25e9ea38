"""`ctrl+e` from the app: the export dialog over the marks of the list panes (tui/export_dialog.py)."""
from __future__ import annotations

from dateline.tui.app_host import AppHost


def open_export(app: AppHost) -> None:
    """Export the focused pane's marks, every pane's, or all connected to marked entities."""
    from dateline.tui.dialogs.export_dialog import ExportDialog  # loaded when first used: not on the start-up path
    from dateline.tui.widgets.selection import LIST_PANES, export_scopes

    if app.store is None or app.loaded is None:
        app.notify("The store is still loading", severity="warning")
        return
    name = app._current_pane() if app._current_pane() in LIST_PANES else "entities"
    marked = {pane_id: app.pane(pane_id).selected for pane_id in LIST_PANES}
    focus = (app._focus, app.name_of(app._focus)) if isinstance(app._focus, str) else None
    app.push_screen(ExportDialog(app.store, export_scopes(marked, name, app.pane(name).current, focus)))
