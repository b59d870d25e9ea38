#!/usr/bin/env python3
"""Extract a folder of articles on a Dask cluster, then store the results with one ``dateline ingest``.

    python bench/dask_extract.py ARTICLES_FOLDER RESULTS.jsonl [--scheduler tcp://host:8786] [--workers 2]

ARTICLES_FOLDER holds JSON Lines files of ``{"id", "text", "published", "title"?, "url"?, "source"?}``
(ids unique over the folder). Each file is one task: a worker runs ``dateline extract --jsonl FILE`` (a pure
filter: it reads the file and writes results, never the store), and the results come back to this process,
which writes them to RESULTS.jsonl. Without ``--scheduler`` a LocalCluster of ``--workers`` processes is
started here. Then store them (one writer, atomic batches; each bad line named):

    dateline ingest --extracted RESULTS.jsonl ARTICLES_FOLDER/*.jsonl

Needs ``pip install 'dateline[dask]'`` here and ``dateline`` on every worker.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def extract_file(path: str) -> str:
    """On a worker: ``dateline extract --jsonl`` over one file; its results (one JSON object a line)."""
    dateline = shutil.which("dateline") or str(Path(sys.executable).with_name("dateline"))
    done = subprocess.run([dateline, "extract", "--jsonl", path], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{path}: dateline extract failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def extract_folder(folder: Path, results: Path, scheduler: str | None = None, workers: int = 2) -> int:
    """Run every file of ``folder`` through ``extract_file`` on the cluster; returns the number of files."""
    from dask.distributed import Client, LocalCluster

    files = sorted(str(p) for p in folder.glob("*.jsonl"))
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures = client.map(extract_file, files, pure=False)
        tmp = results.with_name(results.name + ".part")
        with open(tmp, "w", encoding="utf-8") as out:
            for future in futures:  # in the folder's order, so the results file is the same on every run
                out.write(future.result())
        tmp.replace(results)  # all or nothing
    if cluster is not None:
        cluster.close()
    return len(files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("results", type=Path)
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster here)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    a = ap.parse_args(argv)
    n = extract_folder(a.folder, a.results, a.scheduler, a.workers)
    print(f"extracted {n} files into {a.results}; now: dateline ingest --extracted {a.results} "
          f"{a.folder}/*.jsonl", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
