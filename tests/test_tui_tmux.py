"""The real `dateline` command in a real terminal (tmux): drive it with send-keys, read it with capture-pane."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tui_fake_store import build_store

TMUX = shutil.which("tmux")
DATELINE = Path(sys.executable).with_name("dateline")
pytestmark = pytest.mark.skipif(TMUX is None or not DATELINE.exists(), reason="needs tmux and the dateline command")


class Terminal:
    """One tmux session on a private server socket (never the user's tmux)."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"dateline-test-{uuid.uuid4().hex[:8]}"
        self.session = "app"
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        # COLUMNS/LINES (set by pytest) would override the real terminal size in Textual
        shell = f"env -u COLUMNS -u LINES {exports} {' '.join(map(str, command))}; sleep 30"
        self._tmux("new-session", "-d", "-x", "160", "-y", "50", "-s", self.session, shell)

    def _tmux(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
        result = subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, *args], capture_output=True, text=True,
                                timeout=20, env=env)
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)
            time.sleep(0.05)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal(tmp_path):
    db = tmp_path / "db"
    build_store(db).close()
    env = {"DATELINE_DB": str(db), "TERM": "xterm-256color", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "xdg"), "PATH": os.environ.get("PATH", "")}
    term = Terminal([DATELINE, "--db", db], env)
    yield term
    term.close()


def test_dateline_in_tmux_done_when_flow(terminal):
    terminal.wait_for("1 Entities")
    terminal.wait_for("Howard Lutnick")
    terminal.keys("1", "/", "Lutnick", "Enter")
    time.sleep(0.3)
    terminal.keys("Enter")
    screen = terminal.wait_for("focus: Howard Lutnick")
    assert "2025-06-09" in screen and "2025-06-10" in screen
    screen = terminal.wait_for("Jamieson Greer")
    assert "U.S. Commerce Secretary" in screen
    terminal.keys("2", "Enter")
    screen = terminal.wait_for("at the sentence")
    assert "Monday" in screen
    terminal.keys("BSpace")
    terminal.wait_for("4 Entity · Howard Lutnick")
    terminal.keys("q")
    deadline = time.monotonic() + 10
    while "1 Entities" in terminal.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "1 Entities" not in terminal.screen(), "q quits the app"
