"""Browser-like navigation history of ``View``s: back, forward, and a new view drops the forward part."""
from __future__ import annotations

from dateline.tui.messages import View


class History:
    def __init__(self, start: View) -> None:
        self._views = [start]
        self._index = 0

    @property
    def current(self) -> View:
        return self._views[self._index]

    def replace(self, view: View) -> None:
        """Update the current entry (e.g. with the pane that had the keyboard when we left it)."""
        self._views[self._index] = view

    def push(self, view: View) -> None:
        del self._views[self._index + 1:]
        self._views.append(view)
        self._index += 1

    def back(self) -> View | None:
        if self._index == 0:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> View | None:
        if self._index + 1 >= len(self._views):
            return None
        self._index += 1
        return self.current

    def __len__(self) -> int:
        return len(self._views)
