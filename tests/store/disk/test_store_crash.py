"""SIGKILL at random moments while a child process ingests, edits and re-extracts: the store always opens, with
each operation either wholly there or wholly absent, and the orphans a kill leaves are cleaned."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dateline.store import Store

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys, itertools
    sys.path.insert(0, {root!r})
    from dateline.store import Store
    from tests.store_helpers import article
    s = Store.open(sys.argv[1], wait=30)
    start = len(s.articles())
    print("ready", flush=True)
    for k in itertools.count(start):
        body1 = f"Report {{k}} from Paris on trade."
        body2 = f"Second report {{k}} from Paris on tariffs."
        s.add_articles([article(body1, [("Paris", "PLACE", body1)], title=f"r{{k}}a"),
                        article(body2, [("Paris", "PLACE", body2)], title=f"r{{k}}b")])
        paris = s.find_entity("Paris")
        s.rename(paris.id, f"Paris {{len(s.log()) + 1}}")
        if k % 3 == 0:
            s.reextract(lambda body, published: (lambda a: (a.extraction, a.sentences))(
                article(body, [("Paris", "PLACE", body)])))
""")


def _check(folder: Path) -> int:
    with Store.open(folder, wait=30) as s:
        arts = s.articles()
        assert len(arts) % 2 == 0, "an ingest batch was half committed"
        for a in arts:
            assert s.body(a.id)
        paris = s.find_entity(s.entities()[0].name) if arts else None
        if paris:
            assert s.entity_counts(paris.id) == (len(arts), len(arts)), "re-extraction was half applied"
        log = s.log()
        if log:
            assert s.entities()[0].name == f"Paris {len(log)}", "an edit and its log entry disagree"
        leftovers = [p.name for p in folder.iterdir() if ".tmp-" in p.name]
        assert not leftovers, leftovers
        live = s.manifest.live_files()
        stray = [p.name for p in folder.glob("*.json") if p.name not in live]
        assert not stray, stray
        return len(arts)


def _kill_loop(folder: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    script = CHILD.format(root=str(ROOT))
    grew = 0
    last = 0
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=ROOT)
        assert child.stdout.readline().strip() == b"ready", child.stderr.read().decode()[-2000:]
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        n = _check(folder)
        assert n >= last
        grew += n > last
        last = n
    assert grew > kills // 4, "the child hardly ever committed: the test would prove nothing"


def test_sigkill_during_ingest_and_edits_50_times(tmp_path):
    _kill_loop(tmp_path / "s", kills=50, seed=1)


@pytest.mark.slow
def test_sigkill_during_ingest_and_edits_200_times(tmp_path):
    _kill_loop(tmp_path / "s", kills=200, seed=2)
