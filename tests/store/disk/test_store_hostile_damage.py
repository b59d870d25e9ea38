"""Issue 11, items 1, 2 and 6: stores someone else damaged. Each gives one line (exit 3 on the command line),
nothing is deleted on the word of a manifest that does not check out, and stores from before checksums
are checked row by row and upgraded once."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store import Store
from tests.store_helpers import article, talks_article
from dateline.tui.cli.cli import main

DATELINE = Path(sys.executable).with_name("dateline")


def _store(folder: Path, edit: bool = True) -> None:
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        if edit:
            s.rename(s.find_entity("London").id, "London, UK")


def _as_schema_1(folder: Path) -> None:
    """Rewrite a store as Dateline wrote it before checksums: no sums, no id, no integrity block."""
    m = json.loads((folder / "dateline.json").read_text())
    for key in ("check", "store_id", "records", "registry_sum"):
        m.pop(key, None)
    m["schema"] = 1
    for s in m["shards"]:
        s.pop("texts_sum"), s.pop("catalog_sum")
    (folder / "dateline.json").write_text(json.dumps(m))
    records = folder / "records.json"
    if records.exists():
        data = json.loads(records.read_text())
        data.pop("_integrity")
        records.write_text(json.dumps(data))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".writer")}


def _one_line_exit_3(folder: Path, capfd, *commands: list[str]) -> list[str]:
    before = _files(folder)
    said = []
    new = folder.parent / "new.txt"
    new.write_text("title: New\ndate: 2025-06-12\n\nAnna Berg spoke in Oslo on Thursday.\n")
    for argv in commands or (["stats"], ["log"], ["ingest", "--wait", "1", str(new)], ["reextract", "--wait", "1"]):
        code = main([argv[0], "--db", str(folder), *argv[1:]])
        err = capfd.readouterr().err.strip().splitlines()
        assert code == 3 and len(err) == 1, (argv, code, err)
        said.append(err[0])
    assert _files(folder) == before
    return said


# -- item 1: nothing deleted on a manifest's word ------------------------------------------------------------
def test_remove_orphans_never_runs_on_a_manifest_that_names_missing_files(tmp_path, capfd):
    """An older manifest (as restored from a backup, valid in every other way) names files that are gone:
    the live files it does not name are not deleted, by any command."""
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    m = json.loads((folder / "dateline.json").read_text())
    m["shards"][0]["texts"] = m["shards"][0]["texts"].replace(".g1.", ".g0.")
    (folder / "dateline.json").write_text(json.dumps(m))
    said = _one_line_exit_3(folder, capfd)
    assert all("is missing" in line for line in said)


def test_schema_1_manifest_with_a_flipped_shard_name_deletes_nothing(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    m = json.loads((folder / "dateline.json").read_text())
    m["shards"][0]["catalog"] = "catalog-0000O.g1.json"  # a letter O for a zero
    (folder / "dateline.json").write_text(json.dumps(m))
    said = _one_line_exit_3(folder, capfd)
    assert all("not one of this store's" in line for line in said)


def test_user_files_in_the_store_folder_survive_every_open(tmp_path):
    folder = tmp_path / "s"
    _store(folder)
    mine = {"my.tmp-notes.txt": "a", "texts-notes.json": "b", "catalog-00000.g0.json": "c", "notes.md": "d"}
    for name, text in mine.items():
        (folder / name).write_text(text)
    for k in range(2):  # writers open, commit and clean up after themselves around the user's files
        with Store.open(folder, wait=1) as s:
            body = f"Report {k} from Paris."
            s.add_articles([article(body, [("Paris", "PLACE", body)], title=f"r{k}")])
    assert {n: (folder / n).read_text() for n in mine} == mine


# -- item 2: damaged stores found, older stores checked row by row and upgraded ---------------------------------
def test_store_from_before_checksums_is_upgraded_once_and_keeps_its_edits(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    assert main(["stats", "--db", str(folder)]) == 0  # a reader reads it as it is
    assert json.loads((folder / "dateline.json").read_text())["schema"] == 1
    with Store.open(folder, wait=1) as s:  # the first writer upgrades it
        assert s.find_entity("London, UK") is not None
    m = json.loads((folder / "dateline.json").read_text())
    assert m["schema"] == 2 and m["records"] is True and "texts_sum" in m["shards"][0]
    capfd.readouterr()
    assert main(["check", "--db", str(folder)]) == 0
    assert "ok: 1 articles" in capfd.readouterr().out


@pytest.mark.parametrize("content", ["{}", '{"_default": {}}'])
def test_records_emptied_or_deleted_is_damage_not_a_fresh_start(tmp_path, capfd, content):
    folder = tmp_path / "s"
    _store(folder)
    (folder / "records.json").write_text(content)
    said = _one_line_exit_3(folder, capfd)
    assert all("records.json" in line for line in said)
    (folder / "records.json").unlink()
    said = _one_line_exit_3(folder, capfd)
    assert all("records.json: is missing" in line for line in said)


def test_a_store_without_edits_may_have_no_records_file(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder, edit=False)
    assert not (folder / "records.json").exists()
    assert main(["check", "--db", str(folder)]) == 0


def test_schema_1_catalog_bit_flip_is_found_row_by_row(tmp_path, capfd):
    """Without checksums (an older store), a flipped entity index is still caught at open, not as an
    IndexError later."""
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    m = json.loads((folder / "dateline.json").read_text())
    path = folder / m["shards"][0]["catalog"]
    data = json.loads(path.read_text())
    data["catalog"]["1"]["e"][0] = 999
    path.write_text(json.dumps(data))
    said = _one_line_exit_3(folder, capfd)
    assert all("names entities the registry does not have" in line for line in said)


def test_ingest_never_copies_a_damaged_shard_into_a_new_one(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder)
    m = json.loads((folder / "dateline.json").read_text())
    path = folder / m["shards"][0]["texts"]
    path.write_bytes(path.read_bytes().replace(b"Lutnick", b"Lutnicx", 1))
    (tmp_path / "a.txt").write_text("title: A\ndate: 2025-06-12\n\nAnna Berg spoke in Oslo.\n")
    _one_line_exit_3(folder, capfd, ["ingest", "--wait", "1", str(tmp_path / "a.txt")])


# -- item 6: the kinds of damage that gave a traceback ----------------------------------------------------------
def _edit_manifest(folder: Path, schema_1: bool, **fields) -> None:
    if schema_1:
        _as_schema_1(folder)
    m = json.loads((folder / "dateline.json").read_text())
    m.update(fields)
    (folder / "dateline.json").write_text(json.dumps(m))


@pytest.mark.parametrize("fields", [{"schema": 0}, {"schema": -1}, {"schema": "2"}, {"schema": True},
                                    {"generation": "x"}, {"generation": -3}, {"shards": {"n": 0}},
                                    {"shards": [{"n": 0}]}, {"registry": "../../etc/passwd"},
                                    {"created": 5}])
def test_malformed_manifest_fields_give_one_line(tmp_path, capfd, fields):
    folder = tmp_path / "s"
    _store(folder)
    _edit_manifest(folder, True, **fields)
    _one_line_exit_3(folder, capfd)


@pytest.mark.parametrize("drop", ["name", "id", "type"])
def test_registry_document_without_a_field_gives_one_line(tmp_path, capfd, drop):
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    m = json.loads((folder / "dateline.json").read_text())
    path = folder / m["registry"]
    data = json.loads(path.read_text())
    del data["entities"]["1"][drop]
    path.write_text(json.dumps(data))
    said = _one_line_exit_3(folder, capfd)
    assert all(m["registry"] in line for line in said)


@pytest.mark.parametrize("change", ["undo_first", "no_seq", "seq_twice", "bad_changes", "redo_nothing"])
def test_malformed_edit_log_gives_one_line(tmp_path, capfd, change):
    folder = tmp_path / "s"
    _store(folder)
    _as_schema_1(folder)
    path = folder / "records.json"
    data = json.loads(path.read_text())
    entry = data["log"]["1"]
    if change == "undo_first":
        entry["action"], entry["target"] = "undo", 7
    elif change == "no_seq":
        del entry["seq"]
    elif change == "seq_twice":
        data["log"]["2"] = dict(entry)
    elif change == "bad_changes":
        entry["changes"] = [["nowhere", 1]]
    else:
        data["log"]["2"] = {**entry, "seq": 2, "action": "redo", "target": 1}
    path.write_text(json.dumps(data))
    said = _one_line_exit_3(folder, capfd)
    assert all("records.json" in line for line in said)


def test_writer_lock_that_is_a_folder_gives_one_line(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder)
    (folder / ".writer.lock").unlink()
    (folder / ".writer.lock").mkdir()
    said = _one_line_exit_3(folder, capfd, ["ingest", "--wait", "1", str(tmp_path / "new.txt")],
                            ["reextract", "--wait", "1"])
    assert all("is a folder" in line for line in said)
    assert Store.open(folder).readonly  # the app opens it read-only and says why
    assert main(["stats", "--db", str(folder)]) == 0


def test_store_on_a_read_only_mount_opens_read_only_and_says_so(tmp_path):
    """A real read-only bind mount, in a private mount namespace of the test's own."""
    folder = tmp_path / "s"
    _store(folder)
    (tmp_path / "a.txt").write_text("title: A\ndate: 2025-06-12\n\nAnna Berg spoke in Oslo.\n")
    before = _files(folder)
    script = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
              f"{DATELINE} stats --db {folder}; echo stats=$?; "
              f"{DATELINE} ingest --wait 1 --db {folder} {tmp_path / 'a.txt'}; echo ingest=$?; "
              f"{sys.executable} -c 'from dateline.store import Store; s = Store.open(\"{folder}\"); "
              f"print(\"app:\", s.readonly, s.readonly_reason)'")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert "stats=0" in run.stdout, run
    assert "ingest=3" in run.stdout, run
    errors = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "read-only" in errors[0], run.stderr
    assert "app: True" in run.stdout and "read-only" in run.stdout.split("app:")[1]
    assert _files(folder) == before


def test_the_lock_owner_note_is_never_written_through_a_link(tmp_path, capfd):
    folder = tmp_path / "s"
    _store(folder, edit=False)
    mine = tmp_path / "notes.txt"
    mine.write_text("my notes")
    (folder / ".writer.owner").unlink(missing_ok=True)
    (folder / ".writer.owner").symlink_to(mine)
    (tmp_path / "a.txt").write_text("title: A\ndate: 2025-06-12\n\nAnna Berg spoke in Oslo.\n")
    assert main(["--db", str(folder), "ingest", "--wait", "1", str(tmp_path / "a.txt")]) == 0
    assert mine.read_text() == "my notes"


def test_a_writer_is_named_by_its_command_wherever_the_options_stand(monkeypatch):
    from dateline.store.guard.lock import describe_this_process

    monkeypatch.setattr(sys, "argv", ["/usr/bin/dateline", "--db", "/tmp/x", "ingest", "a.txt"])
    assert describe_this_process().startswith("`dateline ingest` (pid ")
    monkeypatch.setattr(sys, "argv", ["/usr/bin/dateline", "--db", "/tmp/x"])
    assert describe_this_process().startswith("the Dateline app (pid ")
