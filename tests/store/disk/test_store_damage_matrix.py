"""The corruption matrix: every store file x every kind of damage x every command that opens a store.

Each command must say one line naming what is wrong, exit 3, and change no byte of any store file (a
damaged store is never written, and nothing in it is removed). ``dateline repair`` then brings it back
to a store that checks out, keeping a copy of what it replaced.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dateline.store import Store
from tests.store_helpers import article, talks_article
from dateline.tui.app.app import DatelineApp
from dateline.tui.cli.cli import main
from tui_fake_store import run_async

FILES = ("manifest", "records", "registry", "texts", "catalog")
DAMAGES = ("truncate", "zero", "flip", "wrong_name", "missing", "duplicated", "future_schema", "no_shards")
COMMANDS = ("stats", "log", "export", "ingest", "reextract")


def _build(folder: Path) -> None:
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        body = "Rain fell on Lima on Tuesday."
        s.add_articles([article(body, [("Lima", "PLACE", body)], title="Lima")])
        s.rename(s.find_entity("London").id, "London, UK")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "db"
    _build(folder)
    return folder


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "dateline.json").read_text())


def _path_of(folder: Path, kind: str) -> Path:
    m = _manifest(folder)
    name = {"manifest": "dateline.json", "records": "records.json", "registry": m["registry"],
            "texts": m["shards"][0]["texts"], "catalog": m["shards"][0]["catalog"]}[kind]
    return folder / name


def _replace_once(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data, (path, old)
    path.write_bytes(data.replace(old, new, 1))


def _rewrite_manifest(folder: Path, change) -> None:
    """Change the manifest as a person or a sync tool would: valid JSON, the old check left as it was."""
    m = _manifest(folder)
    change(m)
    (folder / "dateline.json").write_text(json.dumps(m, indent=2))


FLIPS = {  # one character changed inside a string or a number: the JSON stays valid
    "manifest": (b'"count": 2', b'"count": 1'),
    "records": (b"London, UK", b"London, UX"),
    "registry": (b"Lutnick", b"Lutnicx"),
    "texts": (b"Lutnick", b"Lutnicx"),
    "catalog": (b"2025-06-10", b"2025-06-11"),
}


MANIFEST_ONLY = {"future_schema", "no_shards"}  # damage only the manifest can have
NAMED_BY_MANIFEST = {"registry", "texts", "catalog"}  # files whose name the manifest gives


def applies(kind: str, how: str) -> bool:
    if how in MANIFEST_ONLY:
        return kind == "manifest"
    if how == "wrong_name":
        return kind in NAMED_BY_MANIFEST
    return True


def damage(folder: Path, kind: str, how: str) -> None:
    """Damage one file of the store in ``folder``."""
    path = _path_of(folder, kind)
    if how == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "zero":
        path.write_bytes(bytes(path.stat().st_size))
    elif how == "flip":
        _replace_once(path, *FLIPS[kind])
    elif how == "missing":
        path.unlink()
    elif how == "wrong_name":  # one flipped letter in the name the manifest gives the file
        def rename(m):
            if kind == "registry":
                m["registry"] = m["registry"].replace(".g", ".g1", 1)
            else:
                m["shards"][0][kind] = m["shards"][0][kind].replace("-0000", "-0001", 1)
        _rewrite_manifest(folder, rename)
    elif how == "duplicated":
        if kind == "manifest" or kind in ("texts", "catalog"):
            _rewrite_manifest(folder, lambda m: m["shards"].append(dict(m["shards"][0])))
        elif kind == "registry":
            data = json.loads(path.read_text())
            table = data["entities"]
            table[str(len(table) + 1)] = table["1"]
            path.write_text(json.dumps(data))
        else:
            data = json.loads(path.read_text())
            log = data["log"]
            log[str(len(log) + 1)] = log["1"]
            path.write_text(json.dumps(data))
    elif how == "future_schema":
        _rewrite_manifest(folder, lambda m: m.update(schema=99))
    elif how == "no_shards":
        _rewrite_manifest(folder, lambda m: m.update(shards=[]))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every store file's bytes (the lock and its owner note are the only files an opener may touch)."""
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.is_file() and p.name not in (".writer.lock", ".writer.owner")}


def _run(command: str, folder: Path, tmp: Path) -> list[str]:
    extra = {"stats": [], "log": [], "reextract": ["--wait", "1"],
             "export": ["--format", "json", "-o", str(tmp / "out.json")],
             "ingest": ["--wait", "1", str(tmp / "new.txt")]}[command]
    (tmp / "new.txt").write_text("title: New\ndate: 2025-06-12\n\nAnna Berg spoke in Oslo on Thursday.\n")
    return [command, "--db", str(folder), *extra]


CASES = [(kind, how) for kind in FILES for how in DAMAGES if applies(kind, how)]
REPAIRABLE = [c for c in CASES if c[1] != "future_schema"]


@pytest.mark.parametrize("kind,how", CASES, ids=[f"{k}-{h}" for k, h in CASES])
def test_damaged_store_is_refused_by_every_command_with_one_line(template, tmp_path, capfd, kind, how):
    folder = tmp_path / "db"
    shutil.copytree(template, folder)
    damage(folder, kind, how)
    before = snapshot(folder)
    for command in COMMANDS:
        code = main(_run(command, folder, tmp_path))
        out, err = capfd.readouterr()
        lines = err.strip().splitlines()
        assert code == 3, (command, out, err)
        assert len(lines) == 1, (command, err)
        assert out == "", (command, out)
        assert snapshot(folder) == before, f"{command} changed the damaged store"
    assert not (tmp_path / "out.json").exists()


async def _workers_done(pilot) -> None:
    """Wait for the app's workers, a failed one included (``settle`` re-raises its error)."""
    for _ in range(200):
        await pilot.pause(0.05)
        if not any(w.is_running for w in pilot.app.workers):
            return


@run_async
@pytest.mark.parametrize("kind,how", CASES, ids=[f"{k}-{h}" for k, h in CASES])
async def test_damaged_store_in_the_app_says_one_line_and_writes_nothing(template, tmp_path, kind, how):
    folder = tmp_path / "db"
    shutil.copytree(template, folder)
    damage(folder, kind, how)
    before = snapshot(folder)
    app = DatelineApp(str(folder))
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await _workers_done(pilot)
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert len(errors) == 1 and str(folder) in errors[0], errors
            assert app.store is None or app.store.readonly
            await pilot.press("r")  # an edit key: nothing may be written
            await _workers_done(pilot)
    finally:
        if app.store is not None:
            app.store.close()
    assert snapshot(folder) == before


@pytest.mark.parametrize("kind,how", REPAIRABLE, ids=[f"{k}-{h}" for k, h in REPAIRABLE])
def test_repair_brings_a_damaged_store_back_and_keeps_a_copy(template, tmp_path, capfd, kind, how):
    folder = tmp_path / "db"
    shutil.copytree(template, folder)
    damage(folder, kind, how)
    damaged = snapshot(folder)
    assert main(["check", "--db", str(folder)]) == 3
    capfd.readouterr()
    assert main(["repair", "--db", str(folder)]) == 0, capfd.readouterr()
    assert main(["check", "--db", str(folder)]) == 0, capfd.readouterr()
    backup = next(folder.glob(".repair-*"))
    kept = {p.name: p.read_bytes() for p in backup.iterdir()}
    for name, data in damaged.items():  # every file the repair replaced or dropped has its copy
        now = folder / name
        if not now.exists() or now.read_bytes() != data:
            assert kept.get(name) == data, f"{name} was replaced without a copy"
    texts_lost = kind == "texts" and how in ("truncate", "zero", "missing")  # both articles are in that shard
    edit_lost = kind == "records" and how in ("truncate", "zero", "missing")
    with Store.open(folder, wait=1) as s:
        assert len(s.articles()) == (0 if texts_lost else 2)
        if kind == "records" and how == "flip":  # kept as it reads, damaged letter and all
            assert s.find_entity("London, UX") is not None
        elif not edit_lost and not texts_lost:
            assert s.find_entity("London, UK") is not None, "the hand edit was lost"
        assert len(s.log()) == (0 if edit_lost else 1)


def test_future_schema_is_refused_by_repair_too(template, tmp_path, capfd):
    folder = tmp_path / "db"
    shutil.copytree(template, folder)
    damage(folder, "manifest", "future_schema")
    before = snapshot(folder)
    assert main(["repair", "--db", str(folder)]) == 3
    assert "newer Dateline" in capfd.readouterr().err
    assert snapshot(folder) == before
