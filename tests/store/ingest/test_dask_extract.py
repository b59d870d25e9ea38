"""The README's distributed recipe: `dateline extract --jsonl` over a folder on a local Dask cluster (2 worker
processes), then `dateline ingest --extracted`, stores exactly what a plain ingest of the folder stores."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_ingest_extracted import DATELINE, article_lines, dateline, exported, write_jsonl

pytest.importorskip("distributed", reason="needs dateline[dask]")
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow  # a cluster of two worker processes starts in ~10 s on 2 cores; the whole test takes ~25 s
@pytest.mark.skipif(not DATELINE.exists(), reason="needs the installed dateline command")
def test_dask_local_cluster_extraction_stores_what_a_plain_ingest_stores(tmp_path):
    rows = article_lines(9)
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(3):
        write_jsonl(folder / f"part-{k}.jsonl", rows[k * 3:(k + 1) * 3])
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "dask_extract.py"), str(folder),
                          str(tmp_path / "results.jsonl"), "--workers", "2"], capture_output=True, text=True,
                         timeout=240, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    results = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in results] == [r["id"] for r in rows] and all(r["entities"] for r in results)
    parts = [str(p.relative_to(tmp_path)) for p in sorted(folder.glob("*.jsonl"))]
    joined = dateline("ingest", "--db", "joined", "--extracted", "results.jsonl", *parts, cwd=tmp_path)
    assert joined.returncode == 0 and "9 new, 0 unchanged, 0 failed" in joined.stderr, joined.stderr
    plain = dateline("ingest", "--db", "plain", *parts, cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert exported(tmp_path / "joined", tmp_path) == exported(tmp_path / "plain", tmp_path)
