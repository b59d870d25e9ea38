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

    def __init__(self, command: list[str], env: dict[str, str], options: tuple[tuple[str, str], ...] = ()) -> None:
        self.socket = f"dateline-test-{uuid.uuid4().hex[:8]}"
        self.session = "app"
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        # COLUMNS/LINES (set by pytest) would override the real terminal size in Textual
        shell = f"env -u COLUMNS -u LINES {exports} {' '.join(map(str, command))}; sleep 30"
        settings = [arg for name, value in options for arg in ("set-option", "-g", name, value, ";")]
        self._tmux("start-server", ";", *settings, "new-session", "-d", "-x", "160", "-y", "50", "-s", self.session,
                   shell)

    def _tmux(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
        result = subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, *args], capture_output=True, text=True,
                                timeout=20, env=env)
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)
            time.sleep(0.05)

    def screen(self, escapes: bool = False) -> str:
        """The pane as text; with ``escapes`` the colours and attributes too (``capture-pane -e``)."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.session)

    def pane_title(self) -> str:
        return self._tmux("display-message", "-p", "-t", self.session, "#{pane_title}").strip()

    def buffers(self) -> str:
        """tmux's paste buffers: where an OSC 52 clipboard write lands with ``set-clipboard on``."""
        return self._tmux("list-buffers", "-F", "#{buffer_sample}")

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


def test_ingest_of_hostile_file_names_sets_no_title_and_no_clipboard(tmp_path):
    """Issue 11 item 8: the real `dateline ingest` on files named with OSC 52 and OSC 2 sequences."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("clip\x1b]52;c;ZXZpbA==\x07.txt", "clip2\x1b]52;c;ZXZpbA==\x1b\\.txt", "title\x1b]2;pwned\x07.txt",
                 "title2\x1b]0;pwned\x1b\\.txt", "c1\x9d2;pwned\x9c.txt", "forge\nerror: forged.txt"):
        (folder / name).write_text(f"Acme Corp met the board of Oslo Holdings about {name!r}.\n", encoding="utf-8")
    env = {"TERM": "xterm-256color", "HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    term = Terminal([DATELINE, "ingest", "--db", tmp_path / "db", folder], env,
                    options=(("set-clipboard", "on"), ("allow-rename", "on")))
    try:
        term.wait_for("6 new, 0 unchanged, 0 failed")
        screen = term.screen(escapes=True)
        assert "evil" not in term.buffers(), "OSC 52 wrote the clipboard (ZXZpbA== is base64 for evil)"
        assert "pwned" not in term.pane_title(), "OSC 2 set the window title"
        assert "clip\\x1b]52;c;ZXZpbA==\\x07.txt" in screen and "title\\x1b]2;pwned\\x07.txt" in screen
        assert "c1\\x9d2;pwned\\x9c.txt" in screen and "forge\\nerror: forged.txt" in screen
        assert not [line for line in screen.splitlines() if line.startswith("error:")], "a file name forged a line"
        warnings = [line for line in term.screen().splitlines() if line.startswith("warning:")]
        assert len(warnings) == 6, warnings
    finally:
        term.close()
