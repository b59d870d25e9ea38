"""Latency as a person feels it: the real ``dateline`` command in a pseudo-terminal, driven with real keys.

    python bench/term_bench.py --db STORE [--entities 20] [--load] [--json out.json]

The app runs on the slave side of a pty (160x50, xterm-256color); a thread reads the master side in a
tight loop and stamps every chunk of output with the time it arrived (``time.perf_counter``, µs resolution).
After the run the chunks are replayed through the pyte terminal emulator: a *visible change* is a chunk
after which some cell's character or colour differs from before. Per key sent, the benchmark reports

- **first change**: key written to the terminal → first visible change of the screen after it;
- **settled**: key → the last visible change before the screen stayed still for ``QUIET`` seconds
  (only for keys after which the benchmark waits; typed letters and held keys follow at their own pace).

Flows, over entities from the rarest to the most frequent: filter + focus at human speed (``1`` ``/``, the
name's letters 100 ms apart, ``enter`` ``enter``), ``escape`` twice, back and forward (``backspace``,
``alt+right``); the same as one burst (``/name enter`` written at once, then ``enter``); holding ``j`` at
30 Hz; opening the reader (``3`` ``enter``); the command palette (``ctrl+p``, ``escape``). ``--load``
runs a CPU busy loop in another process beside the app for the whole run. After the run the store's edit
log must be as before it (empty on a fresh store: navigation never edits); if not, the benchmark fails.
The last line printed is one JSON object: per flow, the median and p95 of both times, in ms.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLS, ROWS = 160, 50
QUIET = 0.15  # seconds without a visible change: the screen has settled
BAR_FIRST_CHANGE_P95_MS = 50
KEYS = {"enter": b"\r", "escape": b"\x1b", "backspace": b"\x7f", "alt+right": b"\x1b[1;3C", "ctrl+p": b"\x10",
        "ctrl+q": b"\x11"}


@dataclass
class Sent:
    flow: str
    at: float
    settle: bool  # the benchmark waited for the screen to settle after this key


@dataclass
class Terminal:
    """The real command on a pty; every chunk of its output kept with its arrival time."""

    command: list[str]
    env: dict[str, str]
    chunks: list[tuple[float, bytes]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)

    def __post_init__(self) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.sent_at = time.perf_counter()
        self.proc = subprocess.Popen(self.command, stdin=slave, stdout=slave, stderr=slave, env=self.env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self._stop = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the app has exited and closed its side
                return
            if not data:
                return
            self.chunks.append((time.perf_counter(), data))

    def send(self, key: str, flow: str | None = None, settle: bool = False) -> None:
        """Write one key (a name in KEYS, or literal text); ``flow`` names the measurement it belongs to."""
        at = self.sent_at = time.perf_counter()
        os.write(self.master, KEYS.get(key, key.encode()))
        if flow is not None:
            self.sent.append(Sent(flow, at, settle))

    def last_output(self) -> float:
        return self.chunks[-1][0] if self.chunks else 0.0

    def wait_quiet(self, quiet: float = QUIET, timeout: float = 10.0, first: float = 3.0) -> None:
        """Wait for output after the last key (at most ``first`` seconds), then until none came for ``quiet``
        seconds (at most ``timeout`` in all)."""
        since = self.sent_at
        start = time.perf_counter()
        while time.perf_counter() - start < first and self.last_output() <= since:
            time.sleep(0.005)
        while time.perf_counter() - start < timeout:
            if time.perf_counter() - max(self.last_output(), since) >= quiet:
                return
            time.sleep(0.005)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.send("ctrl+q")
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._stop = True
        self._reader.join(2)
        os.close(self.master)


def visible_changes(chunks: list[tuple[float, bytes]]) -> list[float]:
    """Arrival times of the chunks after which the emulated screen looked different (text or colour)."""
    import pyte

    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    lines: dict[int, tuple] = {}
    changes = []
    for at, data in chunks:
        screen.dirty.clear()
        stream.feed(data)
        changed = False
        for y in screen.dirty:
            row = screen.buffer[y]
            sig = tuple((c.data, c.fg, c.bg, c.reverse, c.bold) for c in (row[x] for x in range(COLS)))
            if lines.get(y) != sig:
                lines[y] = sig
                changed = True
        if changed:
            changes.append(at)
    return changes


def latencies(changes: list[float], sent: list[Sent]) -> dict[str, dict[str, list[float]]]:
    """Per flow: key → first visible change, and (for keys followed by a wait) key → settled, in ms."""
    import bisect

    out: dict[str, dict[str, list[float]]] = {}
    for i, key in enumerate(sent):
        nxt = sent[i + 1].at if i + 1 < len(sent) else float("inf")
        k = bisect.bisect_right(changes, key.at)
        row = out.setdefault(key.flow, {"first": [], "settled": [], "unchanged": []})
        if k == len(changes) or changes[k] >= nxt:
            row["unchanged"].append(1.0)  # nothing changed before the next key
            continue
        row["first"].append((changes[k] - key.at) * 1000)
        if key.settle:
            end = bisect.bisect_left(changes, nxt) - 1
            row["settled"].append((changes[end] - key.at) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def summary(lat: dict[str, dict[str, list[float]]]) -> dict[str, dict]:
    rows = {}
    for flow, row in lat.items():
        first, settled = row["first"], row["settled"]
        rows[flow] = {"keys": len(first) + len(row["unchanged"]), "unchanged": len(row["unchanged"]),
                      "first_p50_ms": round(statistics.median(first), 1) if first else None,
                      "first_p95_ms": round(p95(first), 1) if first else None,
                      "settled_p50_ms": round(statistics.median(settled), 1) if settled else None,
                      "settled_p95_ms": round(p95(settled), 1) if settled else None}
        rows[flow]["meets_bar"] = bool(first) and rows[flow]["first_p95_ms"] <= BAR_FIRST_CHANGE_P95_MS
    return rows


def pick_names(db: Path, count: int) -> list[str]:
    """``count`` entity names spread from the rarest to the most frequent (read-only open)."""
    from dateline.store import Store

    with Store.open(db, readonly=True) as store:
        ranked = sorted(store.entities(), key=lambda e: (store.entity_counts(e.id)[0], e.name))
    ranked = [e for e in ranked if e.name.isprintable()]
    if len(ranked) <= count:
        return [e.name for e in ranked]
    step = (len(ranked) - 1) / max(1, count - 1)
    return [ranked[round(i * step)].name for i in range(count)]


def screen_text(chunks: list[tuple[float, bytes]]) -> str:
    """What the terminal shows after ``chunks`` (text only)."""
    import pyte

    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    for _, data in chunks:
        stream.feed(data)
    return "\n".join(screen.display)


def wait_loaded(term: Terminal, timeout: float) -> None:
    """Wait until the app is loaded: the status bar counts the store (`… articles · … entities`), no pane
    says "loading…", and the screen has been still for 2 s."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        term.wait_quiet(2.0, timeout=max(0.1, deadline - time.perf_counter()), first=timeout)
        text = screen_text(list(term.chunks))
        if " entities · " in text and "loading…" not in text or term.proc.poll() is not None:
            return
        time.sleep(0.2)


def settle(term: Terminal) -> None:
    """Pace: wait for the app's answer to the last key, then for 0.3 s without output."""
    term.wait_quiet(0.3, timeout=30)


def flow_human(term: Terminal, name: str) -> None:
    """Filter and focus at human speed, then escape twice, back and forward."""
    term.send("1")
    settle(term)
    term.send("/", "filter: open /", settle=True)
    settle(term)
    for ch in name:
        term.send(ch, "filter: letter (100 ms apart)")
        time.sleep(0.1)
    settle(term)
    for flow in ("filter: enter (accept)", "focus: enter"):
        term.send("enter", flow, settle=True)
        settle(term)
    for flow in ("escape (clear filter)", "escape (drop focus)", "back (backspace)", "forward (alt+right)"):
        term.send({"back (backspace)": "backspace", "forward (alt+right)": "alt+right"}.get(flow, "escape"), flow,
                  settle=True)
        settle(term)


def flow_burst(term: Terminal, name: str) -> None:
    """``/name enter`` written in one go (type-ahead), then the focusing ``enter`` 100 ms later."""
    term.send("1")
    settle(term)
    term.send("/" + name + "\r", "burst: /name enter (one write)", settle=False)
    time.sleep(0.1)
    term.send("enter", "burst: focus enter", settle=True)
    settle(term)
    term.send("escape")
    settle(term)
    term.send("escape")
    settle(term)


def flow_hold_j(term: Terminal, keys: int = 90) -> None:
    term.send("1")
    settle(term)
    for _ in range(keys - 1):
        term.send("j", "hold j at 30 Hz")
        time.sleep(1 / 30)
    term.send("j", "hold j: last key → settled", settle=True)
    settle(term)


def flow_reader_and_palette(term: Terminal) -> None:
    term.send("3")
    settle(term)
    term.send("enter", "reader: open (enter on an article)", settle=True)
    settle(term)
    term.send("escape")
    settle(term)
    term.send("ctrl+p", "palette: open (ctrl+p)", settle=True)
    settle(term)
    term.send("escape", "palette: close (escape)", settle=True)
    settle(term)
    term.send("1")
    settle(term)


def edit_log(db: Path, dateline: list[str]) -> list:
    out = subprocess.run([*dateline, "log", "--db", str(db), "--json"], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"dateline log failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout)["edits"]


def dateline_command() -> list[str]:
    script = Path(sys.executable).with_name("dateline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dateline.tui.cli"]


def run(db: Path, names: list[str], *, load: bool = False, hold: int = 90, startup_timeout: float = 180) -> dict:
    """Drive every flow once per name; returns the summary (raises SystemExit if the edit log is not empty)."""
    dateline = dateline_command()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
    env.update(TERM="xterm-256color", DATELINE_DB=str(db))
    before = edit_log(db, dateline)
    busy = (subprocess.Popen([sys.executable, "-c", "while True: pass"]) if load else None)
    started = time.perf_counter()
    term = Terminal([*dateline, "--db", str(db)], env)
    try:
        wait_loaded(term, startup_timeout)
        ready_s = term.last_output() - started
        if term.proc.poll() is not None:
            raise SystemExit(f"dateline exited at start: {b''.join(c for _, c in term.chunks)[-2000:]!r}")
        for name in names:
            flow_human(term, name)
            flow_burst(term, name)
        for _ in range(max(1, len(names) // 5)):
            flow_hold_j(term, hold)
            flow_reader_and_palette(term)
    finally:
        term.close()
        if busy is not None:
            busy.kill()
            busy.wait()
    edits = edit_log(db, dateline)
    if edits != before:
        raise SystemExit(f"navigation edited the store: {edits[len(before):][:3]}")
    changes = visible_changes(term.chunks)
    result = {"ready_s": round(ready_s, 2), "load": load, "entities": len(names), "visible_changes": len(changes),
              "output_bytes": sum(len(c) for _, c in term.chunks), "edits": len(edits),
              "edits_added": len(edits) - len(before),
              "flows": summary(latencies(changes, term.sent))}
    return result


def table(result: dict) -> str:
    lines = ["| flow | keys | first change p50 / p95 ms | settled p50 / p95 ms | "
             f"first p95 ≤ {BAR_FIRST_CHANGE_P95_MS} ms |",
             "|---|---|---|---|---|"]
    for flow, r in result["flows"].items():
        settled = f"{r['settled_p50_ms']} / {r['settled_p95_ms']}" if r["settled_p50_ms"] is not None else "—"
        lines.append(f"| {flow} | {r['keys']} | {r['first_p50_ms']} / {r['first_p95_ms']} | {settled} | "
                     f"{'met' if r['meets_bar'] else 'NOT MET'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--entities", type=int, default=20, help="entities filtered and focused, rare to frequent")
    ap.add_argument("--hold", type=int, default=90, help="`j` keys per hold (30 a second)")
    ap.add_argument("--load", action="store_true", help="a CPU busy-loop process beside the app")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    result = run(a.db, pick_names(a.db, a.entities), load=a.load, hold=a.hold)
    print(table(result), file=sys.stderr)
    if a.json:
        a.json.write_text(json.dumps(result, indent=2))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
