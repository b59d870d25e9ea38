"""Expanding command-line arguments into files, and the bundled demo corpus."""
from __future__ import annotations

import json
import os
from pathlib import Path

from dateline.store.demo import demo_paths
from dateline.store.ingest.formats.formats import parse_source
from dateline.store.ingest.sources import expand_sources


def make_tree(root: Path) -> None:
    (root / "news" / "deep").mkdir(parents=True)
    (root / "news" / ".hidden").mkdir()
    for name in ("news/a.txt", "news/b.md", "news/deep/c.json", "news/deep/d.rss", "news/.hidden/e.txt",
                 "news/.f.txt", "news/photo.jpg", "news/notes.TXT"):
        (root / name).write_text("x")


def test_files_folders_globs_and_stdin(tmp_path):
    make_tree(tmp_path)
    single = str(tmp_path / "news" / "a.txt")
    files, errors, _ = expand_sources([single, str(tmp_path / "news"), "-", str(tmp_path / "news" / "deep" / "*.json")])
    assert errors == []
    names = [os.path.relpath(f, tmp_path) if f != "-" else f for f in files]
    # Each file once, in argument order; a folder gives its readable files, sorted, hidden ones skipped.
    assert names == ["news/a.txt", "news/b.md", "news/deep/c.json", "news/deep/d.rss", "news/notes.TXT", "-"]


def test_named_file_is_read_whatever_its_extension(tmp_path):
    make_tree(tmp_path)
    files, errors, _ = expand_sources([str(tmp_path / "news" / "photo.jpg")])
    assert (files, errors) == ([str(tmp_path / "news" / "photo.jpg")], [])


def test_recursive_glob_and_glob_matching_a_folder(tmp_path):
    make_tree(tmp_path)
    files, _, _ = expand_sources([str(tmp_path / "**" / "*.rss")])
    assert [Path(f).name for f in files] == ["d.rss"]
    files, _, _ = expand_sources([str(tmp_path / "ne*")])
    assert len(files) == 5


def test_missing_paths_give_clear_errors_and_the_rest_goes_on(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "empty").mkdir()
    missing, pattern, empty = str(tmp_path / "nope.txt"), str(tmp_path / "*.none"), str(tmp_path / "empty")
    files, errors, _ = expand_sources([missing, str(tmp_path / "news" / "a.txt"), pattern, empty])
    assert files == [str(tmp_path / "news" / "a.txt")]
    assert [str(e) for e in errors] == [f"{missing}: no such file or folder",
                                        f"{pattern}: no files match this pattern",
                                        f"{empty}: folder holds no files Dateline can read"]


def test_demo_corpus_ships_seed_and_wikinews():
    paths = demo_paths()
    assert [p.name for p in paths] == ["000_c502444593958914.txt", "wikinews.jsonl"]
    assert all(p.is_file() for p in paths)
    readme = (paths[0].parent / "README.md").read_text("utf-8")
    assert "CC BY 2.5" in readme or "Attribution 2.5" in readme


def test_demo_corpus_parses_with_dates_urls_and_licence():
    seed_path, wikinews_path = demo_paths()
    [seed] = parse_source(str(seed_path))
    assert seed.published == "2025-06-10"
    articles = parse_source(str(wikinews_path))
    rows = [json.loads(line) for line in wikinews_path.read_text("utf-8").splitlines()]
    assert len(articles) == len(rows) == 75
    assert len({a.url for a in articles}) == 75
    assert all(a.published and a.url.startswith(("http://en.wikinews.org/", "https://en.wikinews.org/"))
               for a in articles)
    assert all(a.source == "Wikinews" and a.warnings == [] for a in articles)
    assert all(row["license"].startswith("CC BY 2.5") for row in rows)
    assert all(not ({"entities", "timexes", "mentions"} & set(row)) for row in rows)  # text only
    assert all(article.body == row["text"] and article.title == row["title"] for article, row in zip(articles, rows))
