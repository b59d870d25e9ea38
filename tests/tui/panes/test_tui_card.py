"""The card's figures: the latest dated ones, undated ones only to fill up."""
from __future__ import annotations

from dateline.store.view.dating import date_key
from dateline.store.index.sequences import FIGURE
from dateline.tui.panes.entity_card import CARD_FIGURES, card_figures


class FakeTimeline:
    """Entries (kind, date) in timeline order, standing in for ``store.sequences.Timeline``."""

    def __init__(self, entries):
        self.entries = entries
        self.keys = [date_key(date, "day" if date else "unknown", kind) for kind, date in entries]
        self.figure_count = sum(kind == FIGURE for kind, _ in entries)

    def __len__(self):
        return len(self.entries)

    def kind(self, i):
        return self.entries[i][0]

    def __getitem__(self, i):
        return self.entries[i]


def test_latest_dated_figures_first_then_undated_to_fill():
    dated = [(FIGURE, f"2025-01-{d:02d}") for d in range(1, 29)] + [(0, "2025-02-01")]
    many = FakeTimeline(dated + [(FIGURE, f"2025-03-{d:02d}") for d in range(1, 10)] + [(FIGURE, None)] * 5)
    figures, count = card_figures(many)
    assert count == 42 and len(figures) == CARD_FIGURES
    assert all(date for _, date in figures) and figures[-1] == (FIGURE, "2025-03-09")
    few = FakeTimeline([(FIGURE, "2025-01-01"), (0, "2025-01-02"), (FIGURE, None), (FIGURE, None)])
    assert card_figures(few) == (((FIGURE, "2025-01-01"), (FIGURE, None), (FIGURE, None)), 3)
