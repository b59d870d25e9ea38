"""Shared fixtures: every test gets its own store folder; none touches a user's real store."""
from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _isolated_store_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "default-store"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # the remembered theme
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # the search index
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    os.environ.pop("TEXTUAL", None)


@pytest.fixture
def store(tmp_path):
    """A real store holding a hand-made reading of the seed article (explorer tests; see tui_fake_store)."""
    from tui_fake_store import build_store

    store = build_store(tmp_path / "db")
    yield store
    store.close()


@pytest.fixture
def db(tmp_path):
    """A store folder holding the hand-read seed plus ``extra_article`` (closed: the app opens it)."""
    from annotate_helpers import extra_article
    from tui_fake_store import build_store

    store = build_store(tmp_path / "db")
    store.add_articles([extra_article()])
    store.close()
    return tmp_path / "db"
