"""``dateline serve``: a tab closed abruptly leaves no app process behind (a raw websocket, then RST)."""
from __future__ import annotations

import base64
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is in the test extra; `make test` installs it")

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "fixtures" / "extract" / "seed.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (from /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return {c for c in found if alive(c)}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "dateline.tui.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)

    def listening() -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            return False

    assert wait_for(listening, 20), proc.stderr.read1().decode() if proc.poll() is not None else "not listening"
    return proc


def open_tab(port: int) -> socket.socket:
    """What a browser tab does: upgrade /ws to a websocket (the server then starts the tab's app)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /ws?width=100&height=30 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        reply += sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 101"), reply[:200]
    return sock


def test_serve_binds_to_localhost_and_says_how_to_expose(tmp_path):
    port = free_port()
    server = start_server(tmp_path / "store", port)
    try:
        with pytest.raises(OSError):  # not reachable on another address of this machine
            other = socket.gethostbyname(socket.gethostname())
            if other.startswith("127."):
                raise OSError("no other address to try")
            socket.create_connection((other, port), timeout=1).close()
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}" in err.decode() and "--host 0.0.0.0" in err.decode()
    assert server.returncode == 0


def test_a_tab_closed_abruptly_leaves_no_app_process(tmp_path):
    db = tmp_path / "store"
    subprocess.run([sys.executable, "-m", "dateline.tui.cli", "ingest", "--db", str(db), str(SEED)], cwd=ROOT,
                    check=True,
                   capture_output=True)
    port = free_port()
    server = start_server(db, port)
    try:
        tab = open_tab(port)
        assert wait_for(lambda: children(server.pid), 20), "no app process started for the tab"
        apps = children(server.pid)
        got = b""
        while len(got) < 2000:  # the app paints: it is running
            got += tab.recv(65536)
        # a tab killed with the browser: no close frame, the connection reset
        tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        tab.close()
        assert wait_for(lambda: not any(alive(pid) for pid in apps), 15), f"app processes left: {apps}"
        assert server.poll() is None, "the server itself stays up for the next tab"
        second = open_tab(port)  # and serves the next tab
        assert wait_for(lambda: children(server.pid), 20)
        second.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    assert not any(alive(pid) for pid in apps)


def test_an_app_whose_server_dies_quits(tmp_path):
    """The server killed with -9 (no chance to stop its tabs): each tab's app sees its input end and quits,
    where Textual's own web driver keeps it running with no one to see it."""
    db = tmp_path / "store"
    port = free_port()
    server = start_server(db, port)
    tab = open_tab(port)
    try:
        assert wait_for(lambda: children(server.pid), 20), "no app process started for the tab"
        apps = children(server.pid)
        got = b""
        while len(got) < 2000:
            got += tab.recv(65536)
    finally:
        server.kill()
        server.communicate(timeout=10)
    try:
        assert wait_for(lambda: not any(alive(pid) for pid in apps), 15), f"app processes left: {apps}"
    finally:
        for pid in apps:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        tab.close()


def test_two_tabs_are_two_windows_of_the_same_store(tmp_path):
    """Each tab runs its own app process on the one store (the live store takes several windows)."""
    db = tmp_path / "store"
    subprocess.run([sys.executable, "-m", "dateline.tui.cli", "ingest", "--db", str(db), str(SEED)], cwd=ROOT,
                    check=True,
                   capture_output=True)
    port = free_port()
    server = start_server(db, port)
    tabs = []
    try:
        for expected in (1, 2):
            tabs.append(open_tab(port))
            assert wait_for(lambda expected=expected: len(children(server.pid)) == expected, 20)
        apps = children(server.pid)
        for tab in tabs:
            got = b""
            while b"Lutnick" not in got:  # each window paints the store's entities
                got += tab.recv(65536)
        for tab in tabs:
            tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            tab.close()
        assert wait_for(lambda: not any(alive(pid) for pid in apps), 15), f"app processes left: {apps}"
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
