"""Writers take turns (issue 14): a re-extraction works without the lock, so an ingest and an edit land while it
runs, and its final turn extracts what they added; dead writers' debris goes, a live writer's files stay."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from dateline.store import Store
from dateline.store.checks.check import check_store
from dateline.store.guard.journal import Commit, remove_debris
from tests.store_helpers import article, talks_article


def _reextractor(calls: list[str], during=None):
    def extract(body: str, published):
        calls.append(body)
        if during is not None and len(calls) == 1:
            during()
        a = article(body, [("Paris", "PLACE", body)] if "Paris" in body else [])
        return a.extraction, a.sentences
    return extract


def test_an_ingest_and_an_edit_during_a_reextraction_both_land(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
    other = Store.open(folder, wait=1)  # another process, in effect

    def meanwhile():
        body = "Report from Paris on trade."
        other.add_articles([article(body, [("Paris", "PLACE", body)], title="Paris")])
        other.set_note(other.find_entity("London").id, "seen in June")

    calls: list[str] = []
    with Store.open(folder, wait=1) as s:
        assert s.reextract(_reextractor(calls, meanwhile)) == 2  # the article added meanwhile too
        assert len(s.articles()) == 2 and s.find_entity("Paris") is not None
        assert len(calls) == 2
    other.close()
    report = check_store(folder)
    assert report.ok, report.problems
    assert report.articles == 2 and report.edits == 1
    assert not list(folder.glob(".pending-g*.json"))


def test_a_live_writers_journal_and_files_are_left_alone(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        manifest = s.manifest
    (folder / "catalog-00000.g7.json").write_text("{}")
    live = Commit(folder, 7, ["catalog-00000.g7.json"], [])  # holds its journal's lock, as a running writer
    remove_debris(manifest)
    assert (folder / "catalog-00000.g7.json").exists() and live.path.exists()
    live.abandon(manifest)  # its writer gave up: what it created goes with its journal
    (folder / "catalog-00000.g8.json").write_text("{}")
    dead = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(folder.parents[3])!r})
        from pathlib import Path
        from dateline.store.guard.journal import Commit
        Commit(Path({str(folder)!r}), 8, ["catalog-00000.g8.json"], [])  # and then the process dies
        """)], capture_output=True, text=True)
    assert dead.returncode == 0, dead.stderr
    assert json.loads((folder / ".pending-g8.json").read_text().splitlines()[0])["generation"] == 8
    remove_debris(manifest)
    assert not (folder / "catalog-00000.g8.json").exists() and not (folder / ".pending-g8.json").exists()


def test_one_failing_article_never_stops_a_reextraction(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        body = "Report from Paris on trade."
        s.add_articles([talks_article(), article(body, [("Paris", "PLACE", body)], title="Paris")])
        s.rename(s.find_entity("London").id, "London, UK")

    def extract(text: str, published):
        if "Lutnick" in text:
            raise KeyError("arab contractors")
        a = article(text, [("Paris", "PLACE", text)])
        return a.extraction, a.sentences

    said: list[str] = []
    with Store.open(folder, wait=1) as s:
        assert s.reextract(extract, on_error=said.append) == 2
        assert len(s.articles()) == 2 and s.find_entity("Paris") is not None
    assert len(said) == 1 and "extraction failed" in said[0] and "KeyError" in said[0]
    assert check_store(folder).ok


def test_reextraction_in_a_process_pool_gives_what_one_process_gives(tmp_path):
    """`reextract` on every core (issue 15): a batch extractor over a pool of two processes writes the same
    catalog rows as extraction one article at a time."""
    from dateline.store.ingest import Extractor, extract_article

    folder = tmp_path / "s"
    bodies = [f"Report {k}: Howard Lutnick met He Lifeng in London on Monday. Trade rose 4% in May." for k in range(80)]
    with Store.open(folder, wait=1) as s:
        s.add_articles([article(b, [], title=f"r{k}") for k, b in enumerate(bodies)])
        s.reextract(lambda body, published: extract_article(body, published, {}, "builtin"))
        serial = [(m.entity_id, m.start) for a in s.articles() for m in s.mentions_in(a.id)]
        with Extractor({}, "builtin", jobs=2) as pool:
            assert s.reextract(batch=pool.run) == 80
            assert pool._pool is not None  # it did run in the pool
        parallel = [(m.entity_id, m.start) for a in s.articles() for m in s.mentions_in(a.id)]
    assert parallel == serial and serial


def test_files_a_reader_may_still_read_outlive_the_commits_that_replace_them(tmp_path):
    """A slow reader (a big store opening while one writer commits often: found by the hostile test) never
    meets a file removed under it: replaced files stay while anyone reads, and go at a later commit."""
    from dateline.store.guard.readers import reading

    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as writer:
        writer.add_articles([talks_article()])
        named = set(writer.manifest.live_files()) - {"records.json"}
        with reading(folder):  # a reader is in the middle of reading these files
            for k in range(3):
                body = f"Report {k} from Paris."
                writer.add_articles([article(body, [("Paris", "PLACE", body)], title=f"r{k}")])
            assert all((folder / name).exists() for name in named), "a file was removed under a reader"
        body = "Last report from Paris."
        writer.add_articles([article(body, [("Paris", "PLACE", body)], title="last")])  # nobody reads now
        live = writer.manifest.live_files()
    left = {p.name for p in folder.glob("*.g*.json")} - live
    assert left == set(), left
    assert not list(folder.glob(".pending-g*.json")) and check_store(folder).ok


def test_a_manifest_set_back_to_schema_1_on_a_sealed_store_is_refused(tmp_path):
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        s.rename(s.find_entity("London").id, "London, UK")
    m = json.loads((folder / "dateline.json").read_text())
    m["schema"] = 1
    del m["check"]
    (folder / "dateline.json").write_text(json.dumps(m))
    report = check_store(folder)
    assert not report.ok and "schema 1" in report.problems[0]
