"""Issue 14, done when: two real app windows (tmux) and a command-line ingest loop on one store, edits in both
windows, `stats`/`export` readers in a loop; no reader ever fails, every article and edit is there at the
end, each window shows the other's edits and the new articles without a key press."""
from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from test_tui_tmux import DATELINE, TMUX, Terminal

pytestmark = pytest.mark.skipif(TMUX is None or not DATELINE.exists(), reason="needs tmux and the dateline command")

PEOPLE = ["Anna Berg", "Tomas Lind", "Maria Kowalska", "Jonas Holm", "Elena Rossi", "Pavel Novak"]


def _article(folder: Path, k: int) -> Path:
    path = folder / f"report-{k}.txt"
    path.write_text(f"title: Report {k}\ndate: 2025-06-{10 + k:02d}\n\n{PEOPLE[k]} met trade officials in Oslo "
                    f"on Tuesday, the ministry said. {PEOPLE[k]} said the talks would go on.\n", encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(DATELINE), *args], capture_output=True, text=True, timeout=120)


def test_two_windows_an_ingest_loop_and_readers_lose_nothing(tmp_path):
    db, src = tmp_path / "db", tmp_path / "in"
    src.mkdir()
    assert _run("ingest", "--db", str(db), str(_article(src, 0)), str(_article(src, 1))).returncode == 0
    env = {"TERM": "xterm-256color", "HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    a, b = Terminal([DATELINE, "--db", db], env), Terminal([DATELINE, "--db", db], env)
    failures: list[str] = []
    reads: list[str] = []
    stop = threading.Event()

    def readers() -> None:
        while not stop.is_set():
            for args in (("stats", "--json"), ("export", "--format", "jsonl")):
                got = _run(*args[:1], "--db", str(db), *args[1:])
                reads.append(args[0])
                if got.returncode != 0:
                    failures.append(f"{args[0]}: {got.stderr.strip()}")

    def ingests() -> None:
        for k in range(2, len(PEOPLE)):
            got = _run("ingest", "--db", str(db), "--wait", "30", str(_article(src, k)))
            if got.returncode != 0:
                failures.append(f"ingest {k}: {got.stderr.strip()}")
            time.sleep(0.3)

    try:
        for term in (a, b):
            term.wait_for("Anna Berg")
        reader = threading.Thread(target=readers)
        ingest = threading.Thread(target=ingests)
        reader.start()
        ingest.start()
        a.keys("1", "/", "Anna Berg", "Enter")  # each window renames one person, while the ingests run
        time.sleep(0.3)
        a.keys("r")
        a.wait_for("the old name becomes an alias")  # the dialog, not the key bar's "Rename"
        a.keys("C-u", "Anna Berg-Lind", "Enter")
        a.wait_for("Anna Berg-Lind")  # the dialog took the keys typed on seeing it, however busy the app
        b.keys("1", "/", "Tomas Lind", "Enter")
        time.sleep(0.3)
        b.keys("r")
        b.wait_for("the old name becomes an alias")
        b.keys("C-u", "Tomas Lindqvist", "Enter")
        b.wait_for("Tomas Lindqvist")
        ingest.join(120)
        time.sleep(1.5)
        stop.set()
        reader.join(60)
        for term in (a, b):  # each shows the other's rename and the last article, no key pressed
            term.keys("Escape", "Escape")
            term.wait_for("Anna Berg-Lind", timeout=10)
            term.wait_for("Tomas Lindqvist", timeout=10)
            term.wait_for(PEOPLE[-1], timeout=10)
    finally:
        stop.set()
        a.close()
        b.close()
    assert failures == [], failures
    assert reads.count("stats") >= 3 and reads.count("export") >= 3, reads
    stats = json.loads(_run("stats", "--db", str(db), "--json").stdout)
    assert stats["articles"] == len(PEOPLE)
    log = json.loads(_run("log", "--db", str(db), "--json").stdout)["edits"]
    assert sorted(e["summary"] for e in log if e["action"] == "rename") == sorted(
        [s for s in (e["summary"] for e in log) if "Anna Berg-Lind" in s or "Tomas Lindqvist" in s])
    assert len([e for e in log if e["action"] == "rename"]) == 2
    assert _run("check", "--db", str(db)).returncode == 0


def test_a_command_line_ingest_shows_in_the_open_app_within_about_a_second(tmp_path):
    db, src = tmp_path / "db", tmp_path / "in"
    src.mkdir()
    assert _run("ingest", "--db", str(db), str(_article(src, 0))).returncode == 0
    env = {"TERM": "xterm-256color", "HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    app = Terminal([DATELINE, "--db", db], env)
    try:
        app.wait_for("Anna Berg")
        app.wait_for("1 article ·")
        started = time.monotonic()
        got = _run("ingest", "--db", str(db), str(_article(src, 1)))
        assert got.returncode == 0 and "1 new" in got.stderr
        assert time.monotonic() - started < 5  # it did not wait for the open app
        committed = time.monotonic()
        app.wait_for("Tomas Lind", timeout=5)
        shown = time.monotonic() - committed
        assert shown < 2.0, f"the app showed the new article {shown:.2f} s after the ingest ended"
        app.wait_for("1 new article", timeout=3)  # and says what arrived
    finally:
        app.close()
