"""The `dateline` command keeps the conventions of the tools its users know: --version, help that tells,
exit codes as documented, no traceback on a closed pipe, no silent overwrite, progress only on a terminal.
Every test runs the real command in a subprocess (a pty where a terminal matters)."""
from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import SEED, dateline

ROOT = Path(__file__).parents[2]
SUBCOMMANDS = ("ingest", "stats", "reextract", "log", "check", "repair", "export", "feeds", "fetch", "serve",
               "completion")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("conv") / "store"
    out = dateline("ingest", "--db", str(db), str(SEED))
    assert out.returncode == 0, out.stderr.decode()
    return db


def test_version_prints_the_package_version():
    out = dateline("--version")
    assert out.returncode == 0
    assert re.fullmatch(rb"dateline \d+\.\d+\.\d+\S*\n", out.stdout), out.stdout


def test_top_level_help_says_what_bare_dateline_does_with_examples_environment_and_exit_codes():
    out = dateline("--help")
    text = out.stdout.decode()
    assert out.returncode == 0
    assert "with no command to open the app" in text
    assert "examples:" in text and "dateline ingest" in text and "dateline serve" in text
    for variable in ("DATELINE_DB", "DATELINE_KEYMAP", "DATELINE_CONFIG"):
        assert variable in text
    assert "exit status:" in text
    for code in ("0 done", "1 some input failed", "2 usage", "3 the store"):
        assert code in text


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_option_has_help_and_a_readable_metavar(command):
    out = dateline(command, "--help")
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr.decode()
    assert "DATE_FROM" not in text and "DATE_TO" not in text and "``" not in text
    lines = text.split("options:", 1)[1].splitlines()[1:] if "options:" in text else []
    for i, line in enumerate(lines):
        if line.startswith("  -") and "  " not in line.strip():  # an option with no text beside it ...
            assert lines[i + 1].startswith(" " * 10), f"{command}: {line.strip()} has no help"  # ... nor below


def test_extract_help_has_no_restructuredtext():
    out = dateline("extract", "-h")
    assert out.returncode == 0 and b"``" not in out.stdout and b"dateline extract FILE" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["--entity", "Nobody Here"], "no entity named 'Nobody Here'"),
    (["--from", "2025-13"], "not a date: '2025-13'"),
    (["--to", "soon"], "not a date: 'soon'"),
])
def test_export_filters_that_name_nothing_are_usage_errors(seeded, args, message):
    out = dateline("export", "--db", str(seeded), "--format", "csv", *args)
    assert out.returncode == 2
    [line] = out.stderr.decode().splitlines()
    assert line.startswith(f"dateline export: {message}")
    assert out.stdout == b""


def test_extract_of_a_binary_or_missing_file_is_one_clear_line(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    for path, reason in ((binary, "binary file (contains NUL bytes)"),
                         (tmp_path / "missing.txt", "No such file or directory")):
        out = dateline("extract", str(path))
        assert out.returncode == 1
        assert out.stderr.decode() == f"dateline extract: {path}: {reason}\n"


def test_export_to_a_closed_pipe_ends_quietly(seeded):
    """No traceback and no error line; the status is 141, as for `cat` stopped by SIGPIPE under a shell."""
    proc = subprocess.Popen([sys.executable, "-m", "dateline.tui.cli", "export", "--db", str(seeded), "--format",
                             "json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `| head -0`: the reader is gone before the first byte
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


def test_export_refuses_to_overwrite_a_file_unless_forced(seeded, tmp_path):
    target = tmp_path / "mine.csv"
    target.write_text("my own notes\n")
    out = dateline("export", "--db", str(seeded), "--format", "csv", "-o", str(target))
    assert out.returncode == 2
    assert out.stderr.decode() == f"dateline export: {target} exists; add --force to overwrite it\n"
    assert target.read_text() == "my own notes\n"
    forced = dateline("export", "--db", str(seeded), "--format", "csv", "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr.decode()
    assert target.read_text().startswith("kind,")


def test_log_is_not_wrapped_when_piped_and_its_json_is_one_document(tmp_path):
    from dateline.store import Store

    db = tmp_path / "store"
    assert dateline("ingest", "--db", str(db), str(SEED)).returncode == 0
    long_name = "The Extraordinarily Long Name Of A Ministry Of Commerce, Trade, Industry And Ports"
    with Store.open(db, wait=5) as store:
        store.rename(store.find_entity("London").id, long_name)
    out = dateline("log", "--db", str(db))
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 1 and long_name in lines[0] and len(lines[0]) > 120
    doc = json.loads(dateline("log", "--db", str(db), "--json").stdout)
    assert list(doc) == ["edits"] and doc["edits"][0]["action"] == "rename"
    assert isinstance(json.loads(dateline("stats", "--db", str(db), "--json").stdout), dict)


def test_folder_ingest_names_every_file_it_does_not_store(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.md").write_bytes(SEED.read_bytes())
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    (folder / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "e.json").write_text("{bad")
    out = dateline("ingest", "--db", str(tmp_path / "store"), str(folder))
    err = out.stderr.decode()
    assert out.returncode == 1
    for name in ("c.txt", "d.png", "e.json"):
        assert sum(name in line for line in err.splitlines()) == 1, (name, err)
    assert "1 new, 1 unchanged, 2 failed, 1 skipped" in err


def run_on_pty(*args: str) -> tuple[int, str]:
    """Run `dateline` with standard error on a pseudo-terminal; what the terminal received."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "dateline.tui.cli", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, env={**os.environ, "TERM": "xterm"})
    os.close(slave)
    received = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return proc.wait(timeout=60), received.decode("utf-8", "replace")


def test_reextract_and_export_to_a_file_show_progress_on_a_terminal_only(seeded, tmp_path):
    code, shown = run_on_pty("reextract", "--db", str(seeded))
    assert code == 0 and "re-extracting" in shown and "1/1" in shown
    code, shown = run_on_pty("export", "--db", str(seeded), "--format", "json", "-o", str(tmp_path / "o.json"))
    assert code == 0 and "exporting" in shown and re.search(r"(\d+)/\1", shown)
    piped = dateline("reextract", "--db", str(seeded))
    assert piped.returncode == 0 and b"re-extracting" not in piped.stderr and b"\x1b" not in piped.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_know_the_commands_and_options(shell, tmp_path):
    out = dateline("completion", shell)
    assert out.returncode == 0
    script = out.stdout.decode()
    option = "-l {}" if shell == "fish" else "--{}"
    for word in ("ingest", "export", "serve", option.format("format"), option.format("extractor"), "timelinejs"):
        assert word in script, word
    if shell == "bash":
        path = tmp_path / "dateline.bash"
        path.write_text(script)
        assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0
    if shell == "fish":
        lines = [line for line in script.splitlines() if line and not line.startswith("#")]
        assert all(line.startswith("complete -c dateline") for line in lines)
        assert "-a ingest" in script and "__fish_seen_subcommand_from export" in script
        if shutil.which("fish"):  # its own parser too, where fish is installed
            path = tmp_path / "dateline.fish"
            path.write_text(script)
            check = subprocess.run(["fish", "--no-execute", str(path)], capture_output=True, text=True)
            assert check.returncode == 0, check.stderr
