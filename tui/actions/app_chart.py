"""`c`: the chart screen for the focused entity (one ``Charts`` per app)."""
from __future__ import annotations

from dateline.store.model import Figure
from dateline.tui.app_host import AppHost
from dateline.tui.dialogs.chart_screen import ChartScreen, mentions_series, metric_series


class Charts:
    """Opens the chart screen of ``app``'s focused entity."""

    def __init__(self, app: AppHost) -> None:
        self.app = app

    def open(self) -> None:
        """Mentions over time, and the values of the metric under the timeline's cursor (else the one
        most reported) for the focused entity."""
        app, store = self.app, self.app.store
        if store is None or app._focus is None:
            app.notify("Focus an entity first (enter on it), then c for its charts", timeout=3)
            return
        entity = store.entity(app._focus)
        if entity is None:
            return
        row = app.timeline_pane.current
        record = row.data.record if row is not None and row.selectable else None
        metric = record.metric if isinstance(record, Figure) else None
        charts = [series for series in (mentions_series(entity.name, store.mention_histogram(entity.id)),
                                        metric_series(entity.name, list(store.figures(entity.id)), metric))
                  if series is not None]
        app.push_screen(ChartScreen(charts, f"Nothing to chart for {entity.name}"))
