"""Measure the explorer on a store: startup to first paint, and `enter` on an entity → all panes repainted.

``python bench/tui_bench.py --db PATH [--sample 200]`` prints one JSON object (``bench/run.py`` calls
it on the stores it builds). It drives the real app through ``App.run_test`` (headless), so the numbers
include loading, layout and drawing every pane.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual import events
from textual.worker import WorkerCancelled

from dateline.tui.app.app import DatelineApp  # noqa: E402

SIZE = (160, 50)


async def _workers_done(app, pilot=None) -> None:
    """Wait for the app's workers (one replaced by a newer one counts as done). With ``pilot``, first
    let callbacks scheduled after the last paint run, since they start workers (connected entities)."""
    if pilot is not None:
        await pilot.pause()
    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def _repaint(pilot) -> None:
    """Let every widget handle its pending messages, then run the screen update (layout + paint)
    that Textual's refresh timer would run: what ``Pilot.pause()`` does, minus its idle wait."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


class PaintClock:
    """When the screen first showed a wanted state: wraps the screen's compositor refresh (the step
    that writes changed lines out), so work that starts after that paint is not counted."""

    def __init__(self, screen) -> None:
        self.at: float | None = None
        self._ready = lambda: False
        refresh = screen._compositor_refresh

        def timed() -> None:
            refresh()
            if self.at is None and self._ready():
                self.at = time.perf_counter()

        screen._compositor_refresh = timed

    def expect(self, ready) -> None:
        """Time the first paint after which ``ready()`` holds."""
        self.at, self._ready = None, ready


def focus_shown(app, entity_id: str) -> bool:
    """Every pane shows ``entity_id``: its card, and its timeline and articles (not "loading…")."""
    card = app.detail_pane.card.data
    return (card is not None and card.entity.id == entity_id and app.timeline_pane.EMPTY != "loading…"
            and app.articles_pane.EMPTY != "loading…")


async def _group_done(app, group: str) -> bool:
    """Wait for the app's workers of ``group``; True if there were any."""
    running = [worker for worker in app.workers if worker.group == group and not worker.is_finished]
    for worker in running:
        try:
            await worker.wait()
        except WorkerCancelled:
            pass
    return bool(running)


def pick_entities(store, sample: int) -> list[str]:
    """``sample`` entity ids spread over the whole frequency range (rare to very frequent)."""
    ranked = sorted(store.entities(), key=lambda e: store.entity_counts(e.id)[0])
    if len(ranked) <= sample:
        return [e.id for e in ranked]
    step = (len(ranked) - 1) / (sample - 1)
    return [ranked[round(i * step)].id for i in range(sample)]


async def _measure(path: str, sample: int, hold: int) -> dict:
    started = time.perf_counter()
    app = DatelineApp(path)
    result: dict = {"store": path}
    async with app.run_test(size=SIZE) as pilot:
        while app.loaded is None and app.workers:
            await asyncio.sleep(0.002)
        await _repaint(pilot)
        result["first_paint_s"] = round(time.perf_counter() - started, 3)  # entities listed, app usable
        await _workers_done(app)
        await _repaint(pilot)
        result["startup_s"] = round(time.perf_counter() - started, 3)  # timeline and articles filled too
        entity_ids = pick_entities(app.store, sample)
        clock = PaintClock(app.screen)
        first, complete, slowest = [], [], []
        for entity_id in entity_ids:
            clock.expect(lambda entity_id=entity_id: focus_shown(app, entity_id))
            t0 = time.perf_counter()
            app.idle_gc.touch()  # what the `enter` key does: no idle-time collection in the next moment
            app.go_to_entity(entity_id)
            await _repaint(pilot)
            if await _group_done(app, "focus"):  # a very frequent entity: its lists are ordered in a worker
                await _repaint(pilot)
            first.append(((clock.at or time.perf_counter()) - t0) * 1000)
            slowest.append((first[-1], app.store.entity_counts(entity_id)[0]))
            await _workers_done(app, pilot)
            await _repaint(pilot)
            complete.append((time.perf_counter() - t0) * 1000)
        result["focus_ms"] = _percentiles(first)
        result["focus_with_connected_ms"] = _percentiles(complete)
        result["slowest_focus"] = [{"ms": round(ms, 1), "mentions": n} for ms, n in sorted(slowest)[-5:]]
        result["hold_j"] = await _hold_key(app, pilot, hold)
    return result


async def _hold_key(app, pilot, rows: int, rate_hz: float = 30.0) -> dict:
    """Send `j` like a held key (key repeat at ``rate_hz``) through the app's real key path.

    Reports the worst backlog (keys sent but not yet applied to the cursor), how long after the
    last key the cursor and the detail pane caught up, and whether the detail shows the final row.
    """
    pane = app.entities_pane
    pane.focus()
    pane.action_first()
    await pilot.pause()
    start_cursor = pane.cursor
    backlog = 0
    t_start = time.perf_counter()
    for number in range(rows):
        due = t_start + number / rate_hz
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        backlog = max(backlog, number - (pane.cursor - start_cursor))
        app.post_message(events.Key("j", "j"))
    t_last = time.perf_counter()
    while pane.cursor - start_cursor < rows and time.perf_counter() - t_last < 30:
        await asyncio.sleep(0.001)
    cursor_done = time.perf_counter()
    target = pane.current.key if pane.current else None
    while time.perf_counter() - t_last < 30:
        shown = app.detail_pane.card.data
        if shown is not None and shown.entity.id == target and shown.connected is not None:
            break
        await asyncio.sleep(0.001)
    detail_done = time.perf_counter()
    return {"rows": rows, "rate_hz": rate_hz, "max_backlog_keys": backlog, "moved": pane.cursor - start_cursor,
            "cursor_caught_up_ms": round((cursor_done - t_last) * 1000, 1),
            "detail_caught_up_ms": round((detail_done - t_last) * 1000, 1)}


def _percentiles(values: list[float]) -> dict:
    values = sorted(values)
    return {"n": len(values), "p50": round(statistics.median(values), 2),
            "p95": round(values[min(len(values) - 1, int(0.95 * len(values)))], 2), "max": round(values[-1], 2)}


def measure(path: str, sample: int = 200, hold: int = 500) -> dict:
    """Run the measurements on the store at ``path`` (opened read-only by nobody else)."""
    return asyncio.run(_measure(path, sample, hold))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--hold", type=int, default=500)
    args = parser.parse_args()
    result = measure(args.db, args.sample, args.hold)
    print(json.dumps(result), file=sys.stderr)
    print(json.dumps({"first_paint_s": result["first_paint_s"], "startup_s": result["startup_s"],
                      "focus_p50_ms": result["focus_ms"]["p50"], "focus_p95_ms": result["focus_ms"]["p95"],
                      "focus_connected_p95_ms": result["focus_with_connected_ms"]["p95"],
                      "hold_j_backlog": result["hold_j"]["max_backlog_keys"],
                      "hold_j_detail_ms": result["hold_j"]["detail_caught_up_ms"],
                      "app_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
