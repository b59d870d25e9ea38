"""Work a key asked for that can wait one frame (one ``StagedWork`` per app, issue 15).

A key that changes every pane (focusing an entity, `escape`, back and forward) used to fill every pane
before the first frame, so nothing showed until the whole screen (about 330 lines at 160×50) was
re-drawn: 70–190 ms at 100,000 articles. Now the key changes the state and what shows it cheaply (the
status bar, the cursor, the focus) at once, and hands the rest to ``later``: each piece runs after the
next frame, one piece a frame, in the order given.

Nothing is lost or shown stale: a piece is kept in a named slot, and a newer piece for the same slot
replaces it (a second `backspace` before the first one's panes are filled fills them once, for the
newer view); ``drop`` forgets a slot whose pane was just filled directly; and ``flush`` runs every piece
still waiting — the app calls it before it reads the next key or click, so a key typed at once after
another acts on the panes as the first one left them, exactly as if the user had waited.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


class StagedWork:
    """Pieces of work waiting for the next frame, by slot, in the order they were asked for."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._pending: dict[str, Callable[[], None]] = {}
        self._scheduled = False

    @property
    def pending(self) -> tuple[str, ...]:
        """The slots still waiting, in the order they will run."""
        return tuple(self._pending)

    def later(self, slot: str, work: Callable[[], None]) -> None:
        """Run ``work`` after the next frame (replacing what ``slot`` held, and going after the others)."""
        self._pending.pop(slot, None)
        self._pending[slot] = work
        self._schedule()

    def drop(self, slot: str) -> None:
        """Forget what ``slot`` held (its pane was just filled another way)."""
        self._pending.pop(slot, None)

    def run(self, slot: str, work: Callable[[], None], staged: bool) -> None:
        """``work`` after the next frame if ``staged``, else now (forgetting what ``slot`` still held)."""
        if staged:
            self.later(slot, work)
        else:
            self.drop(slot)
            work()

    def flush(self) -> None:
        """Run every piece still waiting, now."""
        while self._pending:
            self._run_one()

    def _schedule(self) -> None:
        if not self._scheduled and self._pending:
            self._scheduled = True
            self.app.call_after_refresh(self._next_frame)

    def _next_frame(self) -> None:
        self._scheduled = False
        if self._pending:
            self._run_one()
        self._schedule()  # one piece a frame: each pane shows as soon as it is ready

    def _run_one(self) -> None:
        slot = next(iter(self._pending))
        self._pending.pop(slot)()
