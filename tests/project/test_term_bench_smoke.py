"""The terminal benchmark (bench/term_bench.py) really measures: the real command in a pty, on a tiny store."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tui_fake_store import build_store

ROOT = Path(__file__).resolve().parents[2]
DATELINE = Path(sys.executable).with_name("dateline")


def _term_bench():
    spec = importlib.util.spec_from_file_location("term_bench", ROOT / "bench" / "term_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["term_bench"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tb = _term_bench()


def test_visible_changes_counts_text_and_colour_but_not_cursor_moves():
    chunks = [(1.0, b"\x1b[2J\x1b[1;1Hhello"), (2.0, b"\x1b[1;1H"), (3.0, b"\x1b[1;1H\x1b[41mhello\x1b[0m"),
              (4.0, b"\x1b[1;1H\x1b[41mhello\x1b[0m"), (5.0, b"\x1b[1;1Hjello")]
    assert tb.visible_changes(chunks) == [1.0, 3.0, 5.0]  # a colour change is a change; a repaint of the same is not


def test_latencies_take_the_first_change_after_each_key_and_the_last_before_the_next():
    sent = [tb.Sent("a", 10.0, True), tb.Sent("b", 20.0, False), tb.Sent("c", 30.0, True)]
    lat = tb.latencies([9.0, 10.02, 10.3, 10.5, 25.0, 35.0], sent)
    assert lat["a"]["first"] == pytest.approx([20.0]) and lat["a"]["settled"] == pytest.approx([500.0])
    assert lat["b"]["first"] == pytest.approx([5000.0]) and lat["b"]["settled"] == []
    assert lat["c"]["first"] == pytest.approx([5000.0])
    assert tb.latencies([], sent)["a"]["unchanged"] == [1.0]  # no change: counted, never a 0 ms figure


@pytest.mark.skipif(not DATELINE.exists(), reason="needs the installed dateline command")
def test_terminal_benchmark_measures_the_real_command(tmp_path):
    db = tmp_path / "db"
    build_store(db).close()
    result = tb.run(db, ["Scott Bessent"], hold=8, startup_timeout=60)
    flows = result["flows"]
    assert result["visible_changes"] > 20 and result["output_bytes"] > 10_000  # the screen really changed
    focus = flows["focus: enter"]
    assert focus["keys"] == 1 and focus["unchanged"] == 0
    assert 0 < focus["first_p50_ms"] <= focus["settled_p50_ms"] < 10_000
    assert flows["filter: letter (100 ms apart)"]["keys"] == len("Scott Bessent")
    assert flows["hold j at 30 Hz"]["keys"] == 7 and flows["hold j at 30 Hz"]["first_p50_ms"] > 0
    assert flows["palette: open (ctrl+p)"]["first_p50_ms"] > 0
    assert result["edits_added"] == 0 and result["edits"] == 0  # navigation never edits
