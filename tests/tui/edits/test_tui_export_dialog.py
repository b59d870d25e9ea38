"""The export dialog on its own: paths, formats, failures, overwrite, progress and cancelling."""
from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import pytest
from textual import on
from textual.app import App

from dateline.store.export import ExportError
from dateline.tui.dialogs.export_dialog import (ConfirmOverwrite, ExportDialog, ExportProgress, resolve_path,
                                                swap_extension)
from dateline.tui.widgets.line_list import Row
from dateline.tui.messages import EntityTarget
from dateline.tui.widgets.selection import export_scopes
from tui_fake_store import entity_id_named, run_async, screen_text

SIZE = (160, 50)
NAMES = ["Howard Lutnick", "Scott Bessent", "China"]


class Host(App[None]):
    """An empty app that opens the dialog and keeps what it was dismissed with."""

    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def dialog_for(store, names, folder: Path) -> ExportDialog:
    rows = [Row(key=entity_id_named(store, name), target=EntityTarget(entity_id_named(store, name))) for name in names]
    return ExportDialog(store, export_scopes({"entities": rows}, "entities", None, None), cwd=folder)


async def wait_until(pilot, condition, tries: int = 100) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out waiting for the export")


def test_resolve_path_is_relative_to_the_folder_and_fills_in_folders(tmp_path):
    assert resolve_path("out.csv", "csv", "stem", tmp_path) == tmp_path / "out.csv"
    assert resolve_path("", "json", "stem", tmp_path) == tmp_path / "stem.json"
    (tmp_path / "sub").mkdir()
    assert resolve_path(str(tmp_path / "sub"), "gexf", "stem", tmp_path) == tmp_path / "sub" / "stem.gexf"
    assert resolve_path("~/x.md", "md", "stem", tmp_path) == Path.home() / "x.md"
    with pytest.raises(ExportError, match="standard output"):
        resolve_path(" - ", "json", "stem", tmp_path)


def test_swap_extension_follows_the_format_only_when_it_matches():
    assert swap_extension("/d/out.csv", "csv", "ftm") == "/d/out.ftm.json"
    assert swap_extension("/d/out.timeline.json", "timelinejs", "md") == "/d/out.md"
    assert swap_extension("/d/notes.txt", "csv", "json") == "/d/notes.txt"


@run_async
async def test_format_choice_changes_the_default_name_and_writes_that_format(store, tmp_path):
    app = Host(dialog_for(store, NAMES, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input = app.dialog.query_one("#export-path")
        assert path_input.value == str(tmp_path / "dateline-entities.json")
        await pilot.press("tab", "down", "down")  # the dialog opens on What; tab to Format: json -> jsonl -> csv
        assert path_input.value == str(tmp_path / "dateline-entities.csv")
        assert "● CSV" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.results)
    result = app.results[0]
    assert result.path == tmp_path / "dateline-entities.csv" and result.fmt == "csv" and result.count == 3
    with result.path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["kind"], row["name"]) for row in rows] == [("entity", name) for name in NAMES]


@pytest.mark.parametrize("bad", ["missing/folder/out.json", "a-file.txt/out.json"])
@run_async
async def test_failure_shows_the_reason_and_leaves_no_file(store, tmp_path, bad):
    (tmp_path / "a-file.txt").write_text("not a folder")
    before = sorted(p.name for p in tmp_path.iterdir())
    app = Host(dialog_for(store, NAMES, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", *bad, "enter")  # tab tab: to the path, whose text is selected and replaced
        await wait_until(pilot, lambda: "cannot write" in screen_text(app))
        assert app.dialog.message.startswith(f"cannot write {tmp_path / bad}: ")
        assert isinstance(app.screen, ExportDialog) and app.results == [], "the dialog stays open to fix the path"
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no file and no temp file is left"


@run_async
async def test_overwrite_asks_first(store, tmp_path):
    target = tmp_path / "dateline-entities.json"
    target.write_text("keep me")
    app = Host(dialog_for(store, NAMES, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        assert "already exists" in screen_text(app)
        await pilot.press("n")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExportDialog) and target.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await wait_until(pilot, lambda: app.results)
    records = json.loads(target.read_text())
    assert [record["name"] for record in records] == NAMES


@run_async
async def test_progress_reaches_the_total(store, tmp_path):
    seen: list[tuple[int, int]] = []

    class Watched(ExportDialog):
        @on(ExportProgress)
        def _seen(self, message: ExportProgress) -> None:
            seen.append((message.done, message.total))

    rows = [Row(key=e.id, target=EntityTarget(e.id)) for e in store.entities()]
    dialog = Watched(store, export_scopes({"entities": rows}, "entities", None, None), cwd=tmp_path)
    app = Host(dialog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.results)
    assert seen and seen[-1] == (len(rows), len(rows))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


class SlowStore:
    """The store, with article bodies held back until the test lets them through."""

    def __init__(self, store) -> None:
        self._store = store
        self.reading = threading.Event()
        self.release = threading.Event()

    def __getattr__(self, name):
        return getattr(self._store, name)

    def body(self, aid: str) -> str:
        self.reading.set()
        self.release.wait(5)
        return self._store.body(aid)


@run_async
async def test_escape_cancels_a_running_export_and_leaves_nothing(store, tmp_path):
    slow = SlowStore(store)
    rows = [Row(key=e.id, target=EntityTarget(e.id)) for e in store.entities()]
    scopes = export_scopes({"entities": rows}, "entities", None, None)
    app = Host(ExportDialog(slow, scopes, cwd=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "tab")  # what: everything connected (reads sentences)
        await pilot.press("enter")
        await wait_until(pilot, slow.reading.is_set)
        await pilot.press("escape")
        slow.release.set()
        await wait_until(pilot, lambda: app.results)
    assert app.results == [None]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


@run_async
async def test_nothing_selected_disables_the_choice(store, tmp_path):
    app = Host(ExportDialog(store, export_scopes({}, "entities", None, None), cwd=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Nothing to export" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


@run_async
async def test_dialog_opens_on_the_given_choices(store, tmp_path):
    cursor = Row(key="a1", target=EntityTarget(entity_id_named(store, "China")))
    marked = {"timeline": [], "articles": [], "entities": [Row(key=entity_id_named(store, "London"),
                                                               target=EntityTarget(entity_id_named(store, "London")))]}
    dialog = ExportDialog(store, export_scopes(marked, "articles", cursor, None), cwd=tmp_path, fmt="gexf")
    app = Host(dialog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert dialog.scope.key == "all" and dialog.fmt == "gexf"
        assert dialog.query_one("#export-path").value == str(tmp_path / "dateline-selection.gexf")
        shown = screen_text(app)
        assert "● All selections: entities 1" in shown and "● GEXF 1.3" in shown
