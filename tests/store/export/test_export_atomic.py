"""Failure paths: an export either lands whole or leaves nothing (and the old file untouched)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from dateline.store.export import ExportError, FORMATS, export
from dateline.store.export import atomic
from dateline.store.export.selection import Selection, filtered_selection
from test_export_fakestore import make_store


def _everything():
    store = make_store()
    return store, filtered_selection(store)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_whole_file_and_no_temp(fmt, tmp_path):
    store, sel = _everything()
    out = tmp_path / f"out.{fmt}"
    assert export(store, sel, fmt, out) > 0
    assert out.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_folder_gives_clear_error_and_no_file(tmp_path):
    store, sel = _everything()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportError) as caught:
            export(store, sel, "csv", locked / "out.csv")
        assert str(locked / "out.csv") in str(caught.value) and "\n" not in str(caught.value)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_missing_folder_names_the_path(tmp_path):
    store, sel = _everything()
    target = tmp_path / "no" / "such" / "out.json"
    with pytest.raises(ExportError, match="no/such/out.json"):
        export(store, sel, "json", target)
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("fmt", ["json", "csv", "gexf", "md"])
def test_disk_full_mid_write_leaves_no_file(fmt, tmp_path, monkeypatch):
    store, sel = _everything()
    real_wrap = atomic._wrap

    class FullDisk:
        def __init__(self, stream):
            self._stream, self._written = stream, 0

        def write(self, text):
            self._written += len(text)
            if self._written > 200:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self._stream.write(text)

        def __getattr__(self, name):
            return getattr(self._stream, name)

    def wrap(raw):
        return FullDisk(real_wrap(raw))

    monkeypatch.setattr(atomic, "_wrap", wrap)
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportError, match="No space left on device") as caught:
        export(store, sel, fmt, out)
    assert str(out) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_failed_fsync_keeps_the_previous_file(tmp_path, monkeypatch):
    store, sel = _everything()
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError):
        export(store, sel, "jsonl", out)
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_bug_in_a_writer_still_cleans_up(tmp_path, monkeypatch):
    store, sel = _everything()
    import dateline.store.export as package

    def broken(*args):
        raise RuntimeError("writer bug")

    monkeypatch.setitem(package._WRITERS, "json", broken)
    with pytest.raises(RuntimeError, match="writer bug"):
        export(store, sel, "json", tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []


def test_folder_as_target_and_unknown_format(tmp_path):
    store, sel = _everything()
    with pytest.raises(ExportError, match="folder"):
        export(store, sel, "json", tmp_path)
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, Selection(), "xlsx", tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_new_file_gets_normal_permissions(tmp_path):
    store, sel = _everything()
    out = tmp_path / "out.md"
    export(store, sel, "md", out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_permission_denied_even_as_root(tmp_path, monkeypatch):
    store, sel = _everything()
    import builtins

    real_open = builtins.open

    def deny(path, mode="r", *args, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, mode, *args, **kw)

    monkeypatch.setattr(builtins, "open", deny)
    out = tmp_path / "out.gexf"
    with pytest.raises(ExportError, match=f"cannot write {out}: Permission denied"):
        export(store, sel, "gexf", out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc (unwritable even for root)")
def test_really_unwritable_location():
    store, sel = _everything()
    with pytest.raises(ExportError, match="cannot write /proc/self/dateline-export.json"):
        export(store, sel, "json", "/proc/self/dateline-export.json")
    assert not os.path.exists("/proc/self/dateline-export.json")


def test_a_device_is_written_in_place_not_replaced(tmp_path):
    """`-o /dev/null` (or a named pipe) cannot be renamed over: it is written directly and stays a device."""
    store, sel = _everything()
    assert export(store, sel, "csv", "/dev/null") > 0
    assert Path("/dev/null").is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got: list[bytes] = []
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the export opens the pipe
    held = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # and a writer, so reading waits instead of ending
    os.set_blocking(fd, True)

    def read_all() -> None:
        with os.fdopen(fd, "rb") as pipe:
            got.append(pipe.read())

    reader = threading.Thread(target=read_all)
    reader.start()
    export(store, sel, "jsonl", fifo)
    os.close(held)  # the export has closed its end too: the reader now sees the end
    reader.join(timeout=30)
    assert got and got[0].count(b"\n") > 5 and fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
