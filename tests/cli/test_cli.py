"""The `dateline` command line, run as a user runs it (a subprocess), on real fixture files."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

FIX = Path(__file__).parents[1] / "fixtures"
SEED = FIX / "extract" / "seed.txt"


def dateline(*args: str, stdin: bytes | None = None, env_db: Path | None = None):
    import os

    env = dict(os.environ)
    if env_db:
        env["DATELINE_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "dateline.tui.cli", *args], input=stdin, capture_output=True,
                          env=env, cwd=Path(__file__).parents[2], timeout=120)


def stats(db: Path) -> dict:
    out = dateline("stats", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def test_ingest_seed_stats_and_idempotence(tmp_path):
    db = tmp_path / "t"
    first = dateline("ingest", "--db", str(db), str(SEED))
    assert first.returncode == 0, first.stderr.decode()
    assert b"1 new, 0 unchanged, 0 failed" in first.stderr
    assert b"articles/s" not in first.stderr  # one article says nothing about speed
    got = stats(db)
    assert got["articles"] == 1 and got["first_published"] == got["last_published"] == "2025-06-10"
    assert set(got) == {"articles", "entities", "mentions", "events", "figures", "first_published", "last_published"}
    assert got["entities"]["PERSON"] >= 7 and got["mentions"] > 20 and got["events"] >= 5 and got["figures"] >= 5
    again = dateline("ingest", "--db", str(db), str(SEED))
    assert again.returncode == 0 and b"0 new, 1 unchanged, 0 failed" in again.stderr
    assert stats(db)["articles"] == 1


def test_bad_files_get_one_line_each_and_exit_1(tmp_path):
    db = tmp_path / "t"
    out = dateline("ingest", "--db", str(db), str(SEED), str(FIX / "ingest" / "binary.dat"),
                   str(FIX / "ingest" / "broken.json"))
    err = out.stderr.decode()
    assert out.returncode == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and "binary.dat" in lines[0] and "broken.json" in lines[1]
    assert "1 new, 0 unchanged, 2 failed" in err
    assert stats(db)["articles"] == 1


def test_stdin_and_db_from_environment(tmp_path):
    db = tmp_path / "env-store"
    out = dateline("ingest", "-", stdin=b"title: Quiet day\ndate: 2024-02-03\n\nNothing happened in Oslo today.\n",
                   env_db=db)
    assert out.returncode == 0, out.stderr.decode()
    assert stats(db)["first_published"] == "2024-02-03"


def test_stats_on_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "mine.txt").write_text("x")
    out = dateline("stats", "--db", str(tmp_path))
    assert out.returncode == 3 and b"not a Dateline store" in out.stderr


def test_log_lists_edits(tmp_path):
    from dateline.store import Store

    db = tmp_path / "t"
    assert dateline("ingest", "--db", str(db), str(SEED)).returncode == 0
    with Store.open(db, wait=5) as s:
        s.rename(s.find_entity("London").id, "London, UK")
    out = dateline("log", "--db", str(db))
    assert out.returncode == 0 and "rename" in out.stdout.decode() and "London, UK" in out.stdout.decode()
    rows = json.loads(dateline("log", "--db", str(db), "--json").stdout)["edits"]  # one document
    assert rows[0]["action"] == "rename" and rows[0]["after"]


def test_reextract_command_keeps_hand_edits(tmp_path):
    from dateline.store import Store

    db = tmp_path / "t"
    assert dateline("ingest", "--db", str(db), str(SEED)).returncode == 0
    with Store.open(db, wait=5) as s:
        lutnick = s.find_entity("Howard Lutnick")
        s.set_note(lutnick.id, "Commerce")
        s.set_tags(lutnick.id, ["talks"])
        bessent = s.find_entity("Scott Bessent")
        s.merge(bessent.id, lutnick.id)
        london = s.find_entity("London")
        rejected = s.mentions_of(london.id)[0].id
        s.reject(rejected)
        before = (s.entity_counts(lutnick.id), len(s.log()))
    out = dateline("reextract", "--db", str(db))
    assert out.returncode == 0, out.stderr.decode()
    assert b"re-extracted 1 articles" in out.stderr
    with Store.open(db, wait=5) as s:
        e = s.entity(lutnick.id)
        assert (e.notes, e.tags) == ("Commerce", ("talks",))
        assert s.entity(bessent.id).id == lutnick.id
        assert rejected not in {m.id for m in s.mentions_of(london.id)}
        assert (s.entity_counts(lutnick.id), len(s.log())) == before


def test_export_csv_of_one_entity(tmp_path):
    import csv

    db = tmp_path / "t"
    assert dateline("ingest", "--db", str(db), str(SEED)).returncode == 0
    out_path = tmp_path / "out.csv"
    out = dateline("export", "--db", str(db), "--format", "csv", "--entity", "Howard Lutnick", "-o", str(out_path))
    assert out.returncode == 0, out.stderr.decode()
    rows = list(csv.DictReader(out_path.open(encoding="utf-8")))
    kinds = {r["kind"] for r in rows}
    assert {"entity", "mention", "event", "figure"} <= kinds or {"entity", "mention", "event"} <= kinds
    for r in rows:
        if r["kind"] == "event":
            assert "Lutnick" in r["sentence"] or r["participants"]


def test_ingest_while_the_app_is_open_proceeds_and_waits_only_for_a_commit(tmp_path):
    import os
    import time

    from dateline.store import Store
    from dateline.store.guard.lock import WriterLock

    db = tmp_path / "t"
    app_side = Store.open(db)  # what the app does: it may write, but holds no lock between writes
    assert not app_side.readonly
    started = time.monotonic()
    assert dateline("ingest", "--db", str(db), "--wait", "5", str(SEED)).returncode == 0
    assert time.monotonic() - started < 10
    assert app_side.follow().new_articles == 1
    commit = WriterLock(db)
    assert commit.acquire(0)  # a commit in progress (here: held by this test, as "python ... (pid N)")
    refused = dateline("ingest", "--db", str(db), "--wait", "0.5", str(SEED.parent))
    assert refused.returncode == 3 and b"has been writing this store" in refused.stderr
    assert b"waiting for" in refused.stderr
    waiting = subprocess.Popen([sys.executable, "-m", "dateline.tui.cli", "ingest", "--db", str(db), "--wait", "60",
                                str(SEED.parent)], cwd=Path(__file__).parents[2], stderr=subprocess.PIPE,
                               env=dict(os.environ))
    time.sleep(1.0)
    assert waiting.poll() is None  # still waiting for the commit to end
    commit.release()
    _, err = waiting.communicate(timeout=120)
    assert waiting.returncode in (0, 1), err
    app_side.close()


def test_ingest_and_reextract_end_with_their_speed_per_extracting_process(tmp_path):
    db = tmp_path / "t"
    out = dateline("ingest", "--db", str(db), "--demo", "--jobs", "2")
    assert out.returncode == 0, out.stderr.decode()
    lines = out.stderr.decode().splitlines()
    assert re.fullmatch(r"\d+ articles in [\d.]+ s: \d+ articles/s, \d+ per process \(2 extraction processes\)",
                        lines[-2]), lines
    assert re.match(r"\d+ new, 0 unchanged, 0 failed", lines[-1])  # the summary stays the last line
    again = dateline("reextract", "--db", str(db), "--jobs", "1")
    lines = again.stderr.decode().splitlines()
    assert re.fullmatch(r"\d+ articles in [\d.]+ s: \d+ articles/s, \d+ per process \(1 extraction process\)",
                        lines[-2]), lines
    assert lines[-1].startswith("re-extracted ")
