""""Fetch feeds now" from the app (`F`): every followed feed fetched in a worker, progress in the status
bar, one toast with what arrived and what failed, then the store read again so the panes show it.

Feed names, URLs and server answers are untrusted: every toast is plain text (``markup=False``).
"""
from __future__ import annotations

from textual.worker import get_current_worker

from dateline.store.errors import StoreError
from dateline.tui.safe_text import clean


class FeedFetching:
    """The app-side glue of fetching feeds (one instance per app)."""

    def __init__(self, app) -> None:
        self.app = app
        self.running = False

    def start(self) -> None:
        app = self.app
        store = app.store
        if store is None or app.loaded is None:
            app.notify("The store is still loading", severity="warning", timeout=3)
            return
        if self.running:
            app.notify("Already fetching feeds", timeout=2)
            return
        if store.readonly:
            app.notify(f"Read-only: {store.readonly_reason or 'the store is read-only'}; no feeds fetched",
                       severity="warning", timeout=5, markup=False)
            return
        feeds = store.feeds()
        if not feeds:
            app.notify("No feeds followed yet: add one with `dateline feeds add URL`", timeout=5, markup=False)
            return
        self.running = True
        self._busy(f"fetching {len(feeds)} feed{'' if len(feeds) == 1 else 's'}…")
        app.notify(f"fetching {len(feeds)} feed{'' if len(feeds) == 1 else 's'}…", timeout=3, markup=False)
        app.run_worker(lambda: self._fetch(store, feeds), thread=True, group="fetch", exclusive=True,
                       exit_on_error=False, name="fetch feeds")

    def _fetch(self, store, feeds) -> None:
        """In the worker thread: fetch, store, then hand the summary to the UI thread."""
        from dateline.store.ingest.follow import fetch_feeds  # the network stack loads when first used

        worker = get_current_worker()

        def progress(_result, done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._busy, f"fetching feeds: {done} of {total} done…")

        try:
            summary = fetch_feeds(store, feeds, on_feed=progress)
        except StoreError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - say it, never take the app down
            self.app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._done, summary)

    def _busy(self, label: str | None) -> None:
        self.app._busy = label
        self.app.update_status()

    def _failed(self, line: str) -> None:
        self.running = False
        self._busy(None)
        self.app.notify(f"Fetching feeds failed: {clean(line)}", severity="error", timeout=10, markup=False)

    def _done(self, summary) -> None:
        self.running = False
        self._busy(None)
        self.app.notify(clean(summary.line()), severity="warning" if summary.failed else "information",
                        timeout=10 if summary.failed else 6, markup=False)
        if summary.new:
            self.app.action_reload()
