"""Two processes writing one store: the second waits for the lock, and no update is lost."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from dateline.store import Store

ROOT = Path(__file__).resolve().parents[3]

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from dateline.store import Store
    from tests.store_helpers import article
    folder, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for k in range(n):
        with Store.open(folder, wait=60) as s:
            port = f"Port {{who.upper()}}{{k}}"
            body = f"Writer {{who}} report {{k}} on Lagos and {{port}}."
            s.add_articles([article(body, [("Lagos", "PLACE", body), (port, "PLACE", body)], title=f"{{who}}{{k}}")])
            s.set_tags(s.find_entity(port).id, [f"{{who}}{{k}}"])  # an edit of what this writer alone touches
""")


def test_two_writer_processes_lose_nothing(tmp_path):
    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()
    script = WRITER.format(root=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(folder), who, "15"], cwd=ROOT,
                              stderr=subprocess.PIPE) for who in ("a", "b")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()[-2000:]
    with Store.open(folder, wait=5) as s:
        assert len(s.articles()) == 30
        # every commit of both writers landed: each port keeps its tag (a tag list read before another
        # writer's commit and written after it would be last-writer-wins, which is why each tags its own)
        tags = {t for w in "ab" for k in range(15) for t in s.find_entity(f"Port {w.upper()}{k}").tags}
        assert tags == {f"{w}{k}" for w in "ab" for k in range(15)}
        assert s.entity_counts(s.find_entity("Lagos").id)[0] == 30
        assert len(s.log()) == 30
