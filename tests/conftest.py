"""Shared fixtures: every test gets its own store folder; none touches a user's real store."""
from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _isolated_store_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "default-store"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    os.environ.pop("TEXTUAL", None)
