"""The benchmark runs end to end on a tiny corpus (the full run is `python bench/run.py --sizes 10000,100000`)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_smoke_run_prints_every_figure(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--work", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    terminal, headless = out.stdout.split("headless diagnosis")
    assert "| focus: enter |" in terminal and "added to the log: 0 and 0 (log after: 0 edits)" in terminal, terminal
    header, rule, row = [line for line in headless.splitlines() if line.startswith("|")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[0] == "60" and "—" not in cells, row  # every measure was taken
    figures = dict(zip([c.strip() for c in header.strip("|").split("|")], cells))
    assert float(figures["focus p95 ms"]) > 0 and float(figures["ingest art/s"]) > 0
    assert "bars (set for 100,000 articles)" in out.stdout
