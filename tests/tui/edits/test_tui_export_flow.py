"""Exporting from the explorer with keys: select rows, `ctrl+e`, pick a format, `enter`, read the file back."""
from __future__ import annotations

import csv
import json

import pytest

from dateline.store import Store
from dateline.store.testing import seed_store
from dateline.tui.app.app import DatelineApp
from dateline.tui.cli.cli import main as dateline
from dateline.tui.dialogs.export_dialog import ExportDialog
from tui_fake_store import run_async, screen_text, settle

SIZE = (160, 50)


@pytest.fixture
def store(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the dialog's default path is in the current folder
    return store


async def wait_for_dialog_to_close(pilot, tries: int = 150) -> None:
    for _ in range(tries):
        if not isinstance(pilot.app.screen, ExportDialog):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"the export did not finish: {pilot.app.screen.message}")


@run_async
async def test_three_timeline_rows_exported_as_csv(store, tmp_path):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "space", "space", "space", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Selected in timeline: 3 rows" in screen_text(app)
        await pilot.press("tab", "down", "down", "enter")  # format: json -> jsonl -> csv
        await wait_for_dialog_to_close(pilot)
        marked = [row.key for row in app.timeline_pane.selected]
        kinds = ["figure" if store.figure(key) else "event" for key in marked]
        assert any(str(tmp_path / "dateline-timeline.csv") in note.message for note in app._notifications)
    with (tmp_path / "dateline-timeline.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == marked
    assert [row["kind"] for row in rows] == kinds
    for row in rows:
        record = store.figure(row["id"]) or store.event(row["id"])
        assert int(row["sentence_start"]) == record.sentence_start and row["article_id"] == record.article_id
        body = store.body(record.article_id)
        assert row["sentence"] == body[record.sentence_start:record.sentence_end]


@run_async
async def test_all_selections_gather_every_pane(store, tmp_path):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "space", "2", "space", "3", "space", "ctrl+e")
        await pilot.pause()
        await pilot.press("down", "tab", "enter")  # what: all selections; format: json
        await wait_for_dialog_to_close(pilot)
        wanted = [app.entities_pane.selected[0].key, app.timeline_pane.selected[0].key,
                  app.articles_pane.selected[0].key]
    records = json.loads((tmp_path / "dateline-selection.json").read_text(encoding="utf-8"))
    assert sorted(record["id"] for record in records) == sorted(wanted)
    assert {record["kind"] for record in records} == {"entity", "article", records[1]["kind"]}


@run_async
async def test_export_failure_in_the_app_keeps_the_dialog_and_writes_nothing(store, tmp_path):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "space", "ctrl+e")
        await pilot.pause()
        await pilot.press("tab", "tab", *str(tmp_path / "no" / "such" / "out.json"), "enter")
        for _ in range(100):
            if "cannot write" in app.screen.message:
                break
            await pilot.pause(0.02)
        assert app.screen.message == f"cannot write {tmp_path / 'no' / 'such' / 'out.json'}: No such file or directory"
        assert "cannot write" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


@run_async
async def test_done_when_keys_export_the_same_records_as_the_command_line(tmp_path, monkeypatch):
    """Issue 6: Howard Lutnick selected with keys and exported (everything connected) as JSON holds the
    same records as `dateline export --format json --entity "Howard Lutnick"`."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "seed"
    seed_store(db).close()
    cli_out = tmp_path / "cli.json"
    assert dateline(["export", "--db", str(db), "--format", "json", "--entity", "Howard Lutnick",
                     "-o", str(cli_out)]) == 0
    with Store.open(db) as store:
        app = DatelineApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("1", "slash", *"Lutnick", "enter", "s")
            assert [row.data.entity.name for row in app.entities_pane.selected] == ["Howard Lutnick"]
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.press("down", "down")  # what: everything connected to Howard Lutnick
            assert "Everything connected to Howard Lutnick" in screen_text(app)
            assert app.screen.query_one("#export-path").value == str(tmp_path / "dateline-howard-lutnick.json")
            await pilot.press("enter")
            await wait_for_dialog_to_close(pilot)
    from_keys = json.loads((tmp_path / "dateline-howard-lutnick.json").read_text(encoding="utf-8"))
    from_cli = json.loads(cli_out.read_text(encoding="utf-8"))
    assert from_keys == from_cli
    kinds = {record["kind"] for record in from_keys}
    assert {"entity", "mention", "event", "article"} <= kinds
    assert any(record["kind"] == "event" and "Lutnick" in record["sentence"] for record in from_keys)
