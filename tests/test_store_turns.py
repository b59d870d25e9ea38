"""Writers take turns (issue 14): a re-extraction works without the lock, so an ingest and an edit land while it
runs, and its final turn extracts what they added; dead writers' debris goes, a live writer's files stay."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from store import Store
from store.check import check_store
from store.journal import Commit, remove_debris
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
    live._close()
    (folder / "catalog-00000.g8.json").write_text("{}")
    dead = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(folder.parents[3])!r})
        from pathlib import Path
        from store.journal import Commit
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
    from store.ingest import Extractor, extract_article

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
