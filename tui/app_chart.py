"""`c`: the chart screen for the focused entity (a mixin of ``DatelineApp``)."""
from __future__ import annotations

from store.model import Figure
from tui.chart_screen import ChartScreen, mentions_series, metric_series


class Charts:
    """Needs the app's ``store``, ``_focus`` and ``timeline_pane``."""

    def action_chart(self) -> None:
        """Mentions over time, and the values of the metric under the timeline's cursor (else the one
        most reported) for the focused entity."""
        if self.store is None or self._focus is None:
            self.notify("Focus an entity first (enter on it), then c for its charts", timeout=3)
            return
        entity = self.store.entity(self._focus)
        if entity is None:
            return
        row = self.timeline_pane.current
        record = row.data.record if row is not None and row.selectable else None
        metric = record.metric if isinstance(record, Figure) else None
        charts = [series for series in (mentions_series(entity.name, self.store.mention_histogram(entity.id)),
                                        metric_series(entity.name, list(self.store.figures(entity.id)), metric))
                  if series is not None]
        self.push_screen(ChartScreen(charts, f"Nothing to chart for {entity.name}"))
