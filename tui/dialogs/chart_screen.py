"""`c`: charts of the focused entity on a screen of their own (issue 16): its mentions over time
(binned to fit, as the card's sparkline) and one metric's figure values over time, each with its
scale and labelled dates.

Textual's own ``Sparkline`` draws the bars: no plotting dependency (textual-plotext would add
plotext for two bar charts the built-in widget draws well).
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from dateline.store.view.dating import start_of
from dateline.store.model import Figure
from dateline.tui.safe_text import literal
from dateline.tui.panes.sparkline import binned

CHART_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Series:
    title: str
    labels: list[str]  # one per bar
    values: list[float]
    unit: str = ""


def mentions_series(name: str, histogram, width: int = CHART_WIDTH) -> Series | None:
    labels, values, unit = binned(tuple(histogram), width)
    if not labels:
        return None
    return Series(f"Mentions of {name} by {unit}", labels, [float(v) for v in values], "mentions")


def metric_series(name: str, figures, metric: str | None) -> Series | None:
    """The dated values of one metric (the most reported one when ``metric`` is None), oldest first."""
    dated = [f for f in figures if f.metric and f.value is not None and start_of(f.period)]
    if not dated:
        return None
    if metric is None or not any(f.metric.casefold() == metric.casefold() for f in dated):
        counts: dict[str, int] = {}
        for figure in dated:
            counts[figure.metric.casefold()] = counts.get(figure.metric.casefold(), 0) + 1
        metric = max(counts, key=counts.get)
    chosen: list[Figure] = sorted((f for f in dated if f.metric.casefold() == metric.casefold()),
                                  key=lambda f: start_of(f.period))
    return Series(f"{chosen[0].metric} ({name})", [f.period for f in chosen], [float(f.value) for f in chosen],
                  chosen[0].unit or "")


def axis_line(labels: list[str], width: int) -> str:
    """The first, middle and last labels spread under a chart ``width`` cells wide."""
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    first, last = labels[0], labels[-1]
    middle = labels[len(labels) // 2] if len(labels) > 2 else ""
    gap = max(1, width - len(first) - len(last))
    if middle and gap > len(middle) + 2:
        left = (gap - len(middle)) // 2
        return f"{first}{' ' * left}{middle}{' ' * (gap - len(middle) - left)}{last}"
    return f"{first}{' ' * gap}{last}"


class ChartScreen(ModalScreen[None]):
    """Two charts; `escape` or `c` closes."""

    BINDINGS = [Binding("escape,c,q", "dismiss_chart", "Close the chart", id="chart.close")]
    DEFAULT_CSS = """
    ChartScreen { align: center middle; }
    #chart-box { width: 110; height: auto; max-height: 95%; border: thick $accent; background: $surface;
                 padding: 0 1; }
    #chart-box Sparkline { height: 8; width: 100; margin: 0 0 0 0; }
    #chart-box .chart-title { text-style: bold; margin-top: 1; }
    #chart-box .chart-axis { color: $text-muted; width: 100; }
    """

    def __init__(self, charts: list[Series], empty: str) -> None:
        super().__init__()
        self.charts = charts
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(id="chart-box"):
            if not self.charts:
                yield Static(literal(self.empty))
            for series in self.charts:
                top, bottom = max(series.values), min(min(series.values), 0.0)
                unit = f" {series.unit}" if series.unit else ""
                yield Static(literal(series.title), classes="chart-title")
                yield Static(literal(f"max {top:g}{unit} · min {min(series.values):g}{unit} · "
                                     f"{len(series.values)} points, scale {bottom:g}–{top:g}"), classes="chart-axis")
                yield Sparkline(series.values, summary_function=max)
                yield Static(literal(axis_line(series.labels, CHART_WIDTH)), classes="chart-axis")
            yield Static(literal("escape closes"), classes="chart-axis")

    def action_dismiss_chart(self) -> None:
        self.dismiss(None)
