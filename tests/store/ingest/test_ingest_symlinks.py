"""Issue 11 item 9: folder ingest follows a symbolic link only to a file inside the folder given."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dateline.store.ingest.sources import expand_sources
from tests.cli.test_cli import SEED, dateline

SECRET = "title: Secret\n\nThe root password of Zanzibar Holdings is hunter2.\n"


def tree(tmp_path):
    """news/a.txt, news/same.txt -> a.txt, news/passwd.txt -> ../outside/secret.txt, news/gone.txt -> nothing,
    news/elsewhere -> ../outside (a folder), news/sub/up -> .. (a cycle), news/loop -> news."""
    news, outside = tmp_path / "news", tmp_path / "outside"
    (news / "sub").mkdir(parents=True)
    outside.mkdir()
    (news / "a.txt").write_bytes(SEED.read_bytes())
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (news / "same.txt").symlink_to("a.txt")
    (news / "passwd.txt").symlink_to(outside / "secret.txt")
    (news / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    (news / "elsewhere").symlink_to(outside)
    (news / "sub" / "up").symlink_to("..")
    (news / "loop").symlink_to(news)
    return news


def test_item9_folder_ingest_does_not_follow_a_link_out_of_the_folder(tmp_path):
    news = tree(tmp_path)
    db = tmp_path / "db"
    out = dateline("ingest", "--db", str(db), str(news))
    err = out.stderr.decode()
    assert out.returncode == 0, err
    assert "1 new, 0 unchanged, 0 failed" in err
    warnings = [line for line in err.splitlines() if line.startswith("warning:") and "link" in line]
    assert len(warnings) == 3, warnings  # passwd.txt, gone.txt, elsewhere (loop and up lead inside)
    assert any("passwd.txt: symbolic link to a file outside the folder; skipped" in w for w in warnings)
    assert any("gone.txt: broken symbolic link" in w for w in warnings)
    assert any("elsewhere: symbolic link to a folder outside" in w for w in warnings)
    exported = dateline("export", "--db", str(db), "--format", "json")
    assert b"hunter2" not in exported.stdout and b"Zanzibar" not in exported.stdout
    assert json.loads(dateline("stats", "--db", str(db), "--json").stdout)["articles"] == 1


def test_item9_follow_symlinks_reads_outside_links_and_never_loops(tmp_path):
    news = tree(tmp_path)
    found = expand_sources([str(news)], follow_symlinks=True)
    reals = sorted(os.path.realpath(p) for p in found.files)
    assert reals == sorted({str(news / "a.txt"), str(tmp_path / "outside" / "secret.txt")})
    assert any("link cycle" in line for line in found.skipped)
    assert any("gone.txt: broken symbolic link" in line for line in found.skipped)
    db = tmp_path / "db"
    out = dateline("ingest", "--db", str(db), "--follow-symlinks", str(news))
    assert out.returncode == 0 and b"2 new, 0 unchanged, 0 failed" in out.stderr, out.stderr.decode()


def test_item9_link_inside_the_folder_is_read_once(tmp_path):
    news = tree(tmp_path)
    found = expand_sources([str(news)])
    assert found.files == [str(news / "a.txt")]  # same.txt is the same file
    assert not found.errors


def test_item9_file_named_directly_is_read_where_it_points(tmp_path):
    news = tree(tmp_path)
    found = expand_sources([str(news / "passwd.txt")])
    assert found.files == [str(news / "passwd.txt")] and not found.skipped
    broken = expand_sources([str(news / "gone.txt")])
    assert [str(e) for e in broken.errors] == [f"{news / 'gone.txt'}: broken symbolic link"]


def test_item9_recursive_glob_keeps_to_the_folder_and_ends_on_cycles(tmp_path):
    news = tree(tmp_path)
    (news / "sub" / "again").symlink_to(".")  # with sub/up and loop: many ways round, one folder each
    (news / "sub" / "b.txt").write_text("title: B\n\nRain in Oslo.\n", encoding="utf-8")
    pattern = str(tmp_path / "news" / "**" / "*.txt")
    for follow, expected in ((False, [news / "a.txt", news / "sub" / "b.txt"]),
                             (True, [news / "a.txt", news / "sub" / "b.txt", tmp_path / "outside" / "secret.txt"])):
        # in a child with a timeout: Python's glob went round the cycles for minutes
        out = subprocess.run([sys.executable, "-c", EXPAND, pattern, str(follow)], capture_output=True,
                             timeout=30, cwd=Path(__file__).parents[3])
        assert out.returncode == 0, out.stderr.decode()
        files, skipped = json.loads(out.stdout)
        assert sorted(map(os.path.realpath, files)) == sorted(map(str, expected))
        assert follow or any("passwd.txt: symbolic link to a file outside the folder" in line for line in skipped)


EXPAND = """import json, sys
from dateline.store.ingest.sources import expand_sources
found = expand_sources([sys.argv[1]], follow_symlinks=sys.argv[2] == "True")
print(json.dumps([found.files, found.skipped]))"""
