#!/usr/bin/env python3
"""Ingest on every core: ``dateline ingest --jobs N`` for each N, on one generated corpus, in turns.

    python bench/ingest_jobs.py [--articles 2000] [--jobs 1,2] [--rounds 2] [--work /tmp/dateline-jobs]

Per run: wall time, articles/s in all and per job, and the CPU seconds the command and its pool used
(``RUSAGE_CHILDREN``), with ``uptime`` (the machine is shared: a busy neighbour shows in the load). The
runs alternate (1, 2, 1, 2 …) so a neighbour's burst does not land on one N only; the best round counts.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(corpus: Path, db: Path, jobs: int) -> dict:
    shutil.rmtree(db, ignore_errors=True)
    dateline = Path(sys.executable).with_name("dateline")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(dateline), "ingest", "--db", str(db), "--jobs", str(jobs), str(corpus)], check=True,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"jobs": jobs, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/dateline-jobs"))
    a = ap.parse_args(argv)
    corpus = a.work / f"corpus-{a.articles}"
    if not (corpus / ".done").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--articles", str(a.articles),
                        "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
        (corpus / ".done").touch()
    runs = []
    for _ in range(a.rounds):
        for jobs in (int(j) for j in a.jobs.split(",")):
            runs.append(one_run(corpus, a.work / f"store-jobs{jobs}", jobs))
            print(json.dumps(runs[-1]), file=sys.stderr)
    best = {j: min((r for r in runs if r["jobs"] == j), key=lambda r: r["wall_s"]) for j in {r["jobs"] for r in runs}}
    one = best.get(1)
    for jobs, r in sorted(best.items()):
        rate = a.articles / r["wall_s"]
        speedup = f", {one['wall_s'] / r['wall_s']:.2f}x one job" if one else ""
        print(f"--jobs {jobs}: {r['wall_s']} s, {rate:.0f} articles/s ({rate / jobs:.0f} per job){speedup}; "
              f"CPU {r['cpu_s']} s ({a.articles / max(r['cpu_s'], 0.1):.0f} articles per CPU second); {r['uptime']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
