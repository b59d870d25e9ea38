"""Disk full or an unwritable folder (simulated by failing writes): a clear error, the store unchanged."""
from __future__ import annotations

import errno
import os

import pytest

from dateline.store import Store, StoreWriteFailed
from tests.store_helpers import article, talks_article


def _fail_replace(monkeypatch):
    def boom(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)


def _files(folder):
    return sorted((p.name, p.read_bytes()) for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def test_edit_on_a_full_disk_changes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        london = s.find_entity("London")
        before = _files(folder)
        _fail_replace(monkeypatch)
        with pytest.raises(StoreWriteFailed, match="records.json.*No space left"):
            s.rename(london.id, "Londinium")
        assert s.entity(london.id).name == "London" and s.log() == [] and not s.can_undo
        monkeypatch.undo()
        assert _files(folder) == before
        s.rename(london.id, "Londinium")  # the store still works once space is back
    with Store.open(folder, wait=1) as s:
        assert s.find_entity("Londinium") and len(s.log()) == 1


def test_ingest_on_a_full_disk_keeps_the_old_state(tmp_path, monkeypatch):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        before = _files(folder)
        _fail_replace(monkeypatch)
        body = "Rain fell on Lima."
        with pytest.raises(StoreWriteFailed):
            s.add_articles([article(body, [("Lima", "PLACE", body)])])
        monkeypatch.undo()
        assert _files(folder) == before
        assert len(s.articles()) == 1
    with Store.open(folder, wait=1) as s:
        assert len(s.articles()) == 1
        assert not [p for p in folder.iterdir() if ".tmp-" in p.name]


def test_unwritable_folder_gives_a_clear_error(tmp_path, monkeypatch):
    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    real_open = open

    def guarded_open(path, mode="r", *a, **k):
        if "w" in mode and str(folder) in str(path):
            denied()
        return real_open(path, mode, *a, **k)

    monkeypatch.setattr("builtins.open", guarded_open)
    with Store.open(folder, wait=1) as s:
        with pytest.raises(StoreWriteFailed, match="Permission denied"):
            s.add_articles([talks_article()])
