"""Issue 11 item 3: an export to a device, a pipe or an fd alias writes into it and never replaces it.

The devices are private copies made with mknod in tmp_path (as root) so that old code, which renamed a
temp file over the node, could never harm the machine's own /dev/null or /dev/full.
"""
from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dateline.store.export import ExportError, export
from dateline.store.export.selection import filtered_selection
from test_export_fakestore import make_store

ROOT = Path(__file__).parents[3]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """A private /dev/null (minor 3) or /dev/full (minor 7); the real one when we may not mknod
    (then the old code could not have renamed over it either)."""
    if not IS_ROOT:
        return Path(f"/dev/{name}")
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


def is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "db"
    out = cli("ingest", "--db", str(db), "--demo")
    assert out.returncode == 0, out.stderr.decode()
    return db


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline.tui.cli", *args], capture_output="stdout" not in kw,
                          cwd=ROOT, timeout=120, **kw)


def test_item3_export_to_dev_null_keeps_the_device(tmp_path):
    null = device(tmp_path, "null", 3)
    store = make_store()
    assert export(store, filtered_selection(store), "json", null) > 0
    assert is_char_device(null)
    assert not [p for p in null.parent.iterdir() if p.name.endswith(".tmp")]


def test_item3_export_to_dev_full_is_one_line_exit_1(tmp_path, demo_db):
    full = device(tmp_path, "full", 7)
    out = cli("export", "--db", str(demo_db), "--format", "csv", "-o", str(full))
    err = out.stderr.decode()
    assert out.returncode == 1 and err.count("\n") == 1, err  # an export that could not be written
    assert f"cannot write {full}: No space left on device" in err
    assert is_char_device(full)


def test_item3_stdout_redirected_to_dev_full_is_one_line_exit_1(tmp_path, demo_db):
    full = device(tmp_path, "full", 7)
    with open(full, "w") as sink:
        out = subprocess.run([sys.executable, "-m", "dateline.tui.cli", "export", "--db", str(demo_db), "--format",
                              "json"],
                             stdout=sink, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    err = out.stderr.decode()
    assert out.returncode == 1 and err == "dateline export: cannot write standard output: No space left on device\n"


def test_item3_broken_pipe_ends_silently_like_cat(demo_db):
    proc = subprocess.Popen([sys.executable, "-m", "dateline.tui.cli", "export", "--db", str(demo_db), "--format",
                             "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()  # what `| head -c 10` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and err == ""


def test_item3_fifo_is_written_in_place_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the export opens it
    store = make_store()
    done: dict = {}
    writer = threading.Thread(target=lambda: done.update(n=export(store, filtered_selection(store), "jsonl", fifo)))
    writer.start()
    chunks: list[bytes] = []
    while writer.is_alive():
        with contextlib.suppress(BlockingIOError):
            chunks.append(os.read(read_fd, 1 << 16))
        time.sleep(0.005)
    writer.join()
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(read_fd, 1 << 16):
            chunks.append(chunk)
    os.close(read_fd)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert done["n"] > 0 and b"".join(chunks).count(b"\n") == done["n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_item3_fifo_without_reader_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    store = make_store()
    with pytest.raises(ExportError, match="it is a pipe with no reader"):
        export(store, filtered_selection(store), "csv", fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_item3_fd_alias_link_writes_to_stdout_and_stays_a_link(tmp_path, demo_db):
    alias = tmp_path / "my-stdout"
    alias.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    out = cli("export", "--db", str(demo_db), "--format", "jsonl", "-o", str(alias))
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.count(b"\n") > 100
    assert alias.is_symlink() and os.readlink(alias) == "/proc/self/fd/1"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("xdg")) == ["db", "my-stdout"]


def test_item3_dev_stdout_and_devices_are_written_in_place():
    from dateline.store.export.atomic import in_place_target

    assert in_place_target(Path("/dev/stdout")) and in_place_target(Path("/dev/null"))
    assert in_place_target(Path("/dev/fd/1"))


def test_item3_link_to_a_regular_file_replaces_the_file_and_keeps_the_link(tmp_path):
    real, link = tmp_path / "real.csv", tmp_path / "link.csv"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    store = make_store()
    export(store, filtered_selection(store), "csv", link)
    assert link.is_symlink() and real.read_text(encoding="utf-8") != "old"
