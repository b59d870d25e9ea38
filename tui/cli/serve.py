"""``dateline serve``: the app in a browser, one app process per tab, on one store (textual-serve).

Each tab runs ``dateline --db STORE`` in its own process, as a window of the live store. When a tab
closes, however abruptly, its process is asked to quit, then terminated, then killed, and reaped:
nothing keeps running or holding the store. The app side quits on its own if the server vanishes
(``tui.web_driver``).
"""
from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from pathlib import Path

log = logging.getLogger("dateline.serve")
QUIT_GRACE_SECONDS = 3.0
MISSING = ("dateline serve needs the web extra: pip install 'dateline[web]' "
           "(or pipx inject dateline textual-serve)")


def app_command(db: Path) -> str:
    """The shell command one tab runs (``exec``: the shell becomes the app, so signals reach it)."""
    return f"exec {shlex.quote(sys.executable)} -m tui.cli --db {shlex.quote(str(db))}"


def make_server(db: Path, host: str, port: int):
    """A textual-serve ``Server`` whose app processes never outlive their tab."""
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class ReapingAppService(AppService):
        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            env = super()._build_environment(width, height)
            env["TEXTUAL_DRIVER"] = "dateline.tui.cli.web_driver:EndingWebDriver"
            return env

        async def stop(self) -> None:
            try:
                await asyncio.wait_for(super().stop(), QUIT_GRACE_SECONDS)
            except (TimeoutError, ConnectionError, OSError):
                pass
            finally:
                await end_process(self._process)

    class DatelineServer(Server):
        async def on_startup(self, app) -> None:
            """Quiet: ``serve`` has said where it listens (textual-serve's banner reads markup in the path)."""

        async def handle_websocket(self, request):
            """textual-serve's handler with ``ReapingAppService``: the tab's process always ends."""
            from aiohttp import web
            from textual_serve.server import to_int

            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            service = None
            try:
                await websocket.prepare(request)
                service = ReapingAppService(self.command, write_bytes=websocket.send_bytes,
                                            write_str=websocket.send_str, close=websocket.close,
                                            download_manager=self.download_manager, debug=self.debug)
                await service.start(width, height)
                await self._process_messages(websocket, service)
            except asyncio.CancelledError:
                await websocket.close()
            except Exception:  # noqa: BLE001 - one tab's failure is logged, the server goes on
                log.exception("a browser tab failed")
            finally:
                if service is not None:
                    await service.stop()
            return websocket

    return DatelineServer(app_command(db), host=host, port=port, title="Dateline")


async def end_process(process) -> None:
    """Wait for ``process`` to quit; terminate it, then kill it, if it does not; always reap it."""
    if process is None:
        return
    for step in (None, "terminate", "kill"):
        if process.returncode is not None:
            return
        if step:
            try:
                getattr(process, step)()
            except ProcessLookupError:
                pass
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
        except TimeoutError:
            continue


def serve(db: Path, host: str, port: int, say) -> int:
    """Serve until Ctrl+C; ``say`` prints one line to standard error. Returns the exit status."""
    try:
        server = make_server(db, host, port)
    except ImportError:
        say(MISSING)
        return 2
    where = f"http://{host}:{port}"
    say(f"serving the app on {where} for the store {db} (Ctrl+C stops it)")
    if host in ("127.0.0.1", "localhost", "::1"):
        say("only this machine can open it; --host 0.0.0.0 lets anyone on your network read and edit the store")
    server.serve()
    return 0
