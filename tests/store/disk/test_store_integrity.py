"""Bad stores give one clear error naming the file and are never overwritten; the writer lock holds."""
from __future__ import annotations

import json

import pytest

from dateline.store import NotAStore, SchemaTooNew, Store, StoreCorrupt, StoreLocked
from tests.store_helpers import talks_article


def test_corrupt_manifest_is_named_and_left_alone(tmp_path):
    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()
    (folder / "dateline.json").write_text('{"format": "dateline-store", "sch')
    with pytest.raises(StoreCorrupt, match="dateline.json.*corrupt"):
        Store.open(folder, wait=1)
    assert (folder / "dateline.json").read_text() == '{"format": "dateline-store", "sch'


def test_corrupt_shard_is_named(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        catalog = s.manifest.shards[0].catalog
    (folder / catalog).write_bytes(b"\x00garbage")
    with pytest.raises(StoreCorrupt, match=catalog):
        Store.open(folder, wait=1)
    assert (folder / catalog).read_bytes() == b"\x00garbage"


def test_corrupt_records_file_is_named(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        s.rename(s.find_entity("London").id, "London, UK")
    (folder / "records.json").write_text("[1, 2")
    with pytest.raises(StoreCorrupt, match="records.json"):
        Store.open(folder, wait=1)


def test_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(NotAStore, match="not a Dateline store"):
        Store.open(tmp_path, wait=1)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    with pytest.raises(NotAStore, match="is a file"):
        Store.open(tmp_path / "notes.txt", wait=1)


def test_manifest_of_another_program(tmp_path):
    (tmp_path / "dateline.json").write_text(json.dumps({"hello": 1}))
    with pytest.raises(NotAStore, match="not a Dateline store manifest"):
        Store.open(tmp_path, wait=1)


def test_newer_schema_is_refused(tmp_path):
    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()
    data = json.loads((folder / "dateline.json").read_text())
    data["schema"] = 99
    (folder / "dateline.json").write_text(json.dumps(data))
    with pytest.raises(SchemaTooNew, match="newer Dateline"):
        Store.open(folder, wait=1)


def test_debris_the_journal_names_is_removed_and_nothing_else(tmp_path):
    """A killed commit's files (named by the pending-writes journal) and our own temp files go at the next
    writer open; a file that merely looks like ours, or a user's, stays."""
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
    (folder / "records.json.tmp-123").write_text("half")
    (folder / "catalog-00000.g99.json").write_text("{}")
    (folder / ".pending-g99.json").write_text(json.dumps({"generation": 99, "creates": ["catalog-00000.g99.json"],
                                                      "replaces": []}))
    for name in ("catalog-00000.g0.json", "my.tmp-notes.txt", "texts-notes.json", "registry.g0.json"):
        (folder / name).write_text("mine")
    Store.open(folder, wait=1).close()
    assert not (folder / "records.json.tmp-123").exists()
    assert not (folder / "catalog-00000.g99.json").exists()
    assert not (folder / ".pending-g99.json").exists()
    for name in ("catalog-00000.g0.json", "my.tmp-notes.txt", "texts-notes.json", "registry.g0.json"):
        assert (folder / name).read_text() == "mine"


def test_a_manifest_older_than_the_stores_files_is_refused_and_nothing_is_deleted(tmp_path):
    """A manifest put back from a copy (found by the hostile test): its store's newer files are named by no
    journal, so it is refused with one line — never written, nothing deleted — and repair takes the newest."""
    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()
    old = (folder / "dateline.json").read_bytes()
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
    (folder / "dateline.json").write_bytes(old)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
    with pytest.raises(StoreCorrupt, match="is older than"):
        Store.open(folder, wait=1)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")} == before
    from dateline.store.checks.repair import repair_store

    repair_store(folder, lambda body, published: ({}, []))
    with Store.open(folder, wait=1) as s:
        assert len(s.articles()) == 1


def test_a_committed_commit_is_never_debris_even_under_an_older_manifest(tmp_path):
    """A writer killed after its switch but before it cleaned up, then the manifest put back from before the
    commit: the committed files are kept and the store refused, not 'cleaned'."""
    from dateline.store.guard import journal

    folder = tmp_path / "s"
    Store.open(folder, wait=1).close()
    old = (folder / "dateline.json").read_bytes()
    finish = journal.Commit.finish
    journal.Commit.finish = lambda self, manifest: self._release()  # the writer dies right after its switch
    try:
        with Store.open(folder, wait=1) as s:
            s.add_articles([talks_article()])
    finally:
        journal.Commit.finish = finish
    committed = {p.name for p in folder.glob("*.g*.json")}
    (folder / "dateline.json").write_bytes(old)
    with pytest.raises(StoreCorrupt, match="is older than the commit"):
        Store.open(folder, wait=1)
    assert committed <= {p.name for p in folder.glob("*.g*.json")}


def test_writers_take_turns_and_a_held_lock_is_waited_for_then_named(tmp_path):
    from dateline.store.guard.lock import WriterLock

    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as first:
        first.add_articles([talks_article()])
        second = Store.open(folder, wait=0.2)  # another window or command: a writer too
        assert not second.readonly
        second.rename(second.find_entity("London").id, "London, UK")
        first.rename(first.find_entity("China").id, "PRC")  # reads what the second saved first
        assert first.find_entity("London, UK") and second.follow().new_edits == 1
        held = WriterLock(folder)
        assert held.acquire(0)  # someone is in the middle of a commit, and stays there
        try:
            lines = []
            second._on_wait = lines.append
            with pytest.raises(StoreLocked, match="has been writing this store"):
                second.rename(second.find_entity("PRC").id, "China")
            assert "waiting for" in lines[0]
        finally:
            held.release()
        second.close()
    with Store.open(folder, wait=0.2) as again:
        assert {e.name for e in again.entities()} >= {"London, UK", "PRC"} and len(again.log()) == 2


def test_read_only_window_reloads_what_the_writer_committed(tmp_path):
    from tests.store_helpers import article

    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as writer:
        writer.add_articles([talks_article()])
        reader = Store.open(folder, readonly=True)
        assert reader.readonly and len(reader.articles()) == 1
        body = "Rain fell on Lima."
        writer.add_articles([article(body, [("Lima", "PLACE", body)], title="Lima")])
        writer.rename(writer.find_entity("London").id, "London, UK")
        assert reader.follow().new_articles == 1  # only what changed is read
        assert len(reader.articles()) == 2 and reader.find_entity("London, UK") and reader.find_entity("Lima")
        writer.rename(writer.find_entity("Lima").id, "Lima, Peru")
        reader.reload()  # ctrl+r: the whole store again
        assert reader.find_entity("Lima, Peru")
        reader.close()


def test_reads_from_a_worker_thread_while_the_main_thread_edits(tmp_path):
    import threading

    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        ids = [e.id for e in s.entities()]
        errors = []

        def reader():
            try:
                for _ in range(300):
                    for eid in ids:
                        s.mentions_of(eid), s.events(eid)[:], s.connected(eid), s.entity_counts(eid)
            except Exception as exc:  # noqa: BLE001 - the test reports any failure
                errors.append(exc)

        t = threading.Thread(target=reader)
        t.start()
        for k in range(60):
            s.merge(ids[1], ids[0]) if k % 2 == 0 else s.undo()
        t.join()
        assert errors == []


def test_readers_do_not_wait_for_each_other_but_an_edit_waits_for_readers():
    import threading
    import time

    from dateline.store.guard.rwlock import ReadWriteLock

    lock = ReadWriteLock()
    inside = threading.Event()
    release = threading.Event()
    log = []

    def long_reader():
        with lock.reading():
            inside.set()
            release.wait(5)
            log.append("reader done")

    t = threading.Thread(target=long_reader)
    t.start()
    inside.wait(5)
    with lock.reading():  # a second reader gets in while the first still reads
        log.append("second reader")

    def writer():
        with lock.writing():
            with lock.reading():  # an edit may read as it goes
                log.append("writer")

    w = threading.Thread(target=writer)
    w.start()
    time.sleep(0.1)
    assert log == ["second reader"]  # the writer waits for the long reader
    release.set()
    t.join(5)
    w.join(5)
    assert log == ["second reader", "reader done", "writer"]
