"""Ingest on every core: the one writer commits a batch while the pool extracts the next one, and the pool's
processes get the known names once (not with every article)."""
from __future__ import annotations

import dateline.store.ingest as ingest
from dateline.store.ingest import Extractor, ingest_articles
from dateline.store.ingest.parsed import ParsedArticle


class FakeStore:
    def __init__(self, log: list) -> None:
        self.log = log

    def known_names(self) -> dict:
        return {}

    def known_article(self, url, body):
        return None

    def add_articles(self, items) -> list:
        self.log.append(("add", [i.title for i in items]))
        return []


def fake_extractor(log: list):
    class FakeExtractor:
        def __init__(self, known, backend, jobs=None):
            pass

        def start(self, items):
            log.append(("start", len(items)))
            return lambda: [({"entities": []}, []) for _ in items]

        def close(self):
            pass

    return FakeExtractor


def article(k: int, body: str | None = None) -> ParsedArticle:
    return ParsedArticle(title=f"t{k}", body=body or f"Article number {k} says something.", url=None, source=None,
                         published="2024-01-01", origin=f"a{k}")


def test_the_writer_commits_a_batch_while_the_pool_extracts_the_next(monkeypatch):
    log: list = []
    monkeypatch.setattr(ingest, "BATCH", 3)
    monkeypatch.setattr(ingest, "Extractor", fake_extractor(log))
    summary = ingest_articles(FakeStore(log), [article(k) for k in range(7)])
    assert log == [("start", 3), ("start", 3), ("add", ["t0", "t1", "t2"]), ("start", 1),
                   ("add", ["t3", "t4", "t5"]), ("add", ["t6"])]
    assert summary.new == 7


def test_a_repeat_of_an_article_still_being_extracted_counts_as_unchanged(monkeypatch):
    log: list = []
    monkeypatch.setattr(ingest, "BATCH", 2)
    monkeypatch.setattr(ingest, "Extractor", fake_extractor(log))
    arts = [article(0), article(1), article(2, body=article(0).body), article(3)]
    summary = ingest_articles(FakeStore(log), arts)
    assert (summary.new, summary.unchanged) == (3, 1)
    assert [titles for kind, titles in log if kind == "add"] == [["t0", "t1"], ["t3"]]


def test_pool_processes_extract_with_the_known_names():
    bodies = [(f"Yesterday the board met in Lisbon, and qqzzy corp said exports rose {k}%.", "2024-01-02")
              for k in range(Extractor.PARALLEL_FROM)]
    known = {"qqzzy corp": "ORG"}  # found only because a user named it
    with Extractor(known, "builtin", jobs=2) as pooled:
        in_pool = pooled.run(bodies)
    with Extractor(known, "builtin", jobs=1) as here:
        in_process = here.run(bodies)
    assert in_pool == in_process
    assert all(any(e["name"] == "qqzzy corp" for e in result[0]["entities"]) for result in in_pool)


def test_the_last_batch_is_stored_in_quarters_as_its_extraction_ends(monkeypatch):
    """Nothing is left to extract beside the last commit, so it is split: the writer's final, unshared
    commit holds a quarter of a batch."""
    log: list = []
    monkeypatch.setattr(ingest, "BATCH", 8)
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)
    monkeypatch.setattr(ingest, "Extractor", fake_extractor(log))
    summary = ingest_articles(FakeStore(log), [article(k) for k in range(16)])
    assert log == [("start", 8), ("start", 8), ("add", [f"t{k}" for k in range(8)]),
                   ("add", ["t8", "t9"]), ("add", ["t10", "t11"]), ("add", ["t12", "t13"]), ("add", ["t14", "t15"])]
    assert summary.new == 16


def test_a_large_input_starts_the_pool_before_the_first_batch(tmp_path):
    few = [tmp_path / f"a{k}.txt" for k in range(3)]
    for path in few:
        path.write_text("A short article.")
    assert not ingest._large_input([str(p) for p in few])
    assert ingest._large_input([str(few[0])] * ingest.PARALLEL_FROM)
    big = tmp_path / "many.jsonl"
    big.write_text('{"title": "t", "text": "x"}\n' * 40_000)
    assert ingest._large_input([str(big), str(tmp_path / "missing.txt")])


def test_ingest_reports_its_speed_per_extracting_process(tmp_path):
    from dateline.store.api import open_store
    from dateline.store.ingest import ingest_paths

    folder = tmp_path / "news"
    folder.mkdir()
    for k in range(ingest.PARALLEL_FROM):
        (folder / f"a{k}.txt").write_text(f"Acme Corp said on Monday that sales rose {k}% in Lisbon.")
    store = open_store(tmp_path / "db")
    try:
        summary = ingest_paths(store, [str(folder)], jobs=2)
    finally:
        store.close()
    assert summary.new == ingest.PARALLEL_FROM and summary.processes == 2 and summary.seconds > 0
    assert summary.rate().endswith("per process (2 extraction processes)")
