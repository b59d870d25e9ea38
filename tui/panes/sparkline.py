"""A sparkline of monthly counts that always covers the whole span (issue 16).

When there are more months than cells, months are summed into quarters, years or runs of years,
whichever is the finest that fits; the ends and the peak are labelled in that unit.
"""
from __future__ import annotations

from dataclasses import dataclass

BLOCKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Spark:
    bars: str
    first: str  # label of the first bin
    last: str  # label of the last bin
    peak: str  # label of the fullest bin
    peak_count: int
    unit: str  # "month", "quarter", "year" or "5 years"…
    total: int


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` (at most 100 years)."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months: list[str] = []
    while (year, month) <= end and len(months) < 1200:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _bin_label(month: str, unit: str, years: int) -> str:
    if unit == "month":
        return month
    if unit == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    if years == 1:
        return month[:4]
    start = int(month[:4]) - int(month[:4]) % years
    return f"{start}–{start + years - 1}"


def binned(histogram: tuple[tuple[str, int], ...], width: int) -> tuple[list[str], list[int], str]:
    """(bin labels, counts, unit) for the finest unit whose bins fit in ``width`` cells."""
    counts = {month: n for month, n in histogram if len(month) >= 7 and month[:4].isdigit() and month[5:7].isdigit()}
    if not counts:
        return [], [], "month"
    months = month_range(min(counts), max(counts))
    width = max(1, width)
    choices = [("month", 1), ("quarter", 1)] + [("year", n) for n in (1, 2, 5, 10, 20, 50, 100)]
    for unit, years in choices:
        labels: list[str] = []
        values: list[int] = []
        for month in months:
            label = _bin_label(month, unit, years)
            if not labels or labels[-1] != label:
                labels.append(label)
                values.append(0)
            values[-1] += counts.get(month, 0)
        if len(labels) <= width:
            break
    name = unit if years == 1 else f"{years} years"
    return labels, values, name


def sparkline(histogram: tuple[tuple[str, int], ...], width: int) -> Spark | None:
    """The sparkline of ``histogram`` ((``YYYY-MM``, count)…) in at most ``width`` cells."""
    labels, values, unit = binned(histogram, width)
    if not labels:
        return None
    peak = max(values) or 1
    bars = "".join(" " if v == 0 else BLOCKS[min(len(BLOCKS) - 1, (v * len(BLOCKS) - 1) // peak)] for v in values)
    top = values.index(max(values))
    return Spark(bars[:width], labels[0], labels[-1], labels[top], values[top], unit, sum(values))
