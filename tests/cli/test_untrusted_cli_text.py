"""Issue 11 item 8: file names, names, tags and paths reach the command line escaped, one line each.

Hostile file names carry OSC 52 (write the clipboard), OSC 2 (set the window title), a newline that
would forge an ``error:`` line, Rich emoji codes and markup, C1 controls, a bidi override and a
carriage return. The real command runs in a subprocess; its raw stdout/stderr bytes are checked.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store.safe_text import escape_controls, json_inert
from tui_fake_store import build_store, entity_id_named

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAMES = {  # marker -> file name (each marker appears once)
    "clip": "clip\x1b]52;c;ZXZpbA==\x1b\\.txt",
    "title": "title\x1b]2;pwned\x07.txt",
    "forge": "forge\nerror: forged.txt",
    "emoji": "emoji :warning: [bold]loud[not bold] [link=evil]x.txt",
    "c1": "c1\x9b31m\x9d0;t\x9c.txt",
    "bidi": "bidi\u202efdp.txt",
    "cr": "cr\rerror: over.txt",
}
# Raw bytes no terminal may receive: C0 controls but newline, DEL, C1 (UTF-8 encoded), bidi controls.
RAW_CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]"
                         rb"|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c")


def dateline(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run([sys.executable, "-m", "dateline.tui.cli", *args], capture_output=True, env=env, cwd=ROOT,
                          timeout=120)


def assert_inert(output: bytes) -> None:
    found = RAW_CONTROL.findall(output)
    assert not found, f"raw control bytes reached the terminal: {found!r} in {output!r}"
    assert "\u26a0".encode() not in output, ":warning: became an emoji"


def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for marker, name in HOSTILE_NAMES.items():  # undated text: each gets one `warning:` line
        (folder / name).write_text(f"{marker.title()} Corp met the board of Oslo Holdings on Monday.\n",
                                   encoding="utf-8")
    (folder / "empty\x1b]2;gone\x07.txt").write_bytes(b"")  # one `error:` line
    return folder


def test_ingest_of_hostile_file_names_prints_one_inert_line_per_file(tmp_path):
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(hostile_folder(tmp_path)))
    assert out.returncode == 1, out.stderr  # the empty file failed, the rest is stored
    assert_inert(out.stdout + out.stderr)
    lines = out.stderr.decode("utf-8").splitlines()
    for marker in HOSTILE_NAMES:
        assert len([line for line in lines if f"/{marker}" in line]) == 1, (marker, lines)
    assert [line for line in lines if line.startswith("error:")] == \
        [f"error: {tmp_path / 'in'}/empty\\x1b]2;gone\\x07.txt: empty file"]
    assert sum(line.startswith("warning:") for line in lines) == len(HOSTILE_NAMES)
    assert len(lines) == len(HOSTILE_NAMES) + 2, lines  # one line a file, and the summary
    assert f"{tmp_path / 'in'}/clip\\x1b]52;c;ZXZpbA==\\x1b\\.txt: no publication date found" in out.stderr.decode()
    text = out.stderr.decode()
    assert "forge\\nerror: forged.txt" in text and "bidi\\u202efdp.txt" in text and "c1\\x9b31m\\x9d0;t\\x9c" in text
    assert ":warning: [bold]loud[not bold] [link=evil]x.txt" in text, "markup and emoji codes stay text"
    assert "7 new, 0 unchanged, 1 failed" in text


@pytest.fixture
def hostile_edits(tmp_path):
    db = tmp_path / "db"
    store = build_store(db)
    eid = entity_id_named(store, "Howard Lutnick")
    store.rename(eid, "Acme\x1b]52;c;ZXZpbA==\x07 [bold]Corp[/] Ltd\u202e :warning:")
    store.set_tags(eid, ["\x1b]2;pwned\x07", ":warning:", "[red]x[/]", "a\x9bb", "line\nerror: forged"])
    store.set_note(eid, "note\x1b[2J\nerror: forged note")
    store.close()
    return db


def test_log_prints_names_and_tags_escaped_one_line_per_edit(hostile_edits):
    out = dateline("log", "--db", str(hostile_edits))
    assert out.returncode == 0, out.stderr
    assert_inert(out.stdout + out.stderr)
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 3, lines
    assert ["rename", "tag", "note"] == [line.split()[3] for line in lines]
    assert "\\x1b]2;pwned\\x07, :warning:, [red]x[/], a\\x9bb, line\\nerror: forged" in lines[1]


def test_log_json_escapes_controls_and_keeps_the_text(hostile_edits):
    out = dateline("log", "--db", str(hostile_edits), "--json")
    assert out.returncode == 0, out.stderr
    assert_inert(out.stdout.replace(b"\n", b""))
    entries = json.loads(out.stdout)["edits"]
    tags = next(e for e in entries if e["action"] == "tag")["after"]
    assert any("a\x9bb" in value.get("tags", ()) for value in tags.values() if value), "the exact text survives"


def test_stats_and_export_messages_escape_the_store_path(tmp_path):
    db = tmp_path / "db\x1b]2;pwned\x07\u202e"
    build_store(db).close()
    out = dateline("stats", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert_inert(out.stdout + out.stderr)
    assert out.stdout.decode().splitlines()[0] == f"store      {tmp_path}/db\\x1b]2;pwned\\x07\\u202e"
    target = tmp_path / "out\x1b]52;c;ZXZpbA==\x07.csv"
    out = dateline("export", "--db", str(db), "--format", "csv", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert_inert(out.stdout + out.stderr)
    assert out.stderr.decode().strip().endswith("out\\x1b]52;c;ZXZpbA==\\x07.csv")


def test_extract_json_escapes_c1_and_bidi(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("title: T\x9b\n\nJohn Smith\x9b met Acme Corp\u202e in Oslo on 2025-06-10.\n",
                       encoding="utf-8")
    out = dateline("extract", str(article))
    assert out.returncode == 0, out.stderr
    assert_inert(out.stdout.replace(b"\n", b""))
    assert "Smith\x9b met Acme Corp\u202e" in json.dumps(json.loads(out.stdout), ensure_ascii=False)


def test_escape_controls_is_one_visible_line_and_idempotent():
    line = escape_controls("a\x1b]52;c;x\x07\nb\r\t\x7f\x9b\u202e\u2066\u2028\ud800 [b]x[/b] :warning:")
    assert line == "a\\x1b]52;c;x\\x07\\nb\\r\\t\\x7f\\x9b\\u202e\\u2066\\u2028\\ud800 [b]x[/b] :warning:"
    assert escape_controls(line) == line
    assert json.loads(json_inert(json.dumps("x\u202e\x85\x7f\ud800", ensure_ascii=False))) == "x\u202e\x85\x7f\ud800"
