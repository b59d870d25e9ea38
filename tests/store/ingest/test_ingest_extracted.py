"""`dateline ingest --extracted`: results of `dateline extract --jsonl` computed elsewhere, stored through the
real command; bad lines get one line naming file:line and the rest is stored."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATELINE = Path(sys.executable).with_name("dateline")
DEMO = Path(__file__).resolve().parents[3] / "store" / "demo" / "wikinews.jsonl"
pytestmark = pytest.mark.skipif(not DATELINE.exists(), reason="needs the installed dateline command")


def dateline(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(DATELINE), *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def article_lines(count: int) -> list[dict]:
    """Demo articles in `dateline extract --jsonl`'s input form: id, text, published (and title, url)."""
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:count]]
    return [{"id": f"n{k}", "title": r["title"], "url": r["url"], "published": r["date"], "text": r["text"]}
            for k, r in enumerate(rows)]


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def exported(db: Path, cwd: Path) -> list[dict]:
    """The whole store as `dateline export --format json` writes it, less the time of the ingest."""
    out = dateline("export", "--db", str(db), "--format", "json", cwd=cwd)
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    for r in records:
        r.pop("ingested_at", None)
    return records


def extract(arts: Path, cwd: Path) -> list[dict]:
    out = dateline("extract", "--jsonl", str(arts), cwd=cwd)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_extracted_results_store_exactly_what_a_plain_ingest_stores(tmp_path):
    arts = write_jsonl(tmp_path / "arts.jsonl", article_lines(6))
    write_jsonl(tmp_path / "results.jsonl", extract(arts, tmp_path))
    plain = dateline("ingest", "--db", "plain", "arts.jsonl", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    out = dateline("ingest", "--db", "joined", "--extracted", "results.jsonl", "arts.jsonl", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "6 new, 0 unchanged, 0 failed" in out.stderr
    records = exported(tmp_path / "joined", tmp_path)
    assert records == exported(tmp_path / "plain", tmp_path) and len(records) > 20
    again = dateline("ingest", "--db", "joined", "--extracted", "results.jsonl", "arts.jsonl", cwd=tmp_path)
    assert again.returncode == 0 and "0 new, 6 unchanged, 0 failed" in again.stderr


def test_each_bad_line_gets_one_line_naming_file_and_line_and_the_rest_is_stored(tmp_path):
    rows = article_lines(5)
    rows[4]["published"] = None
    rows[4]["date"] = "2013-01-01"  # a date extract --jsonl never saw
    arts = write_jsonl(tmp_path / "arts.jsonl", rows)
    results = extract(arts, tmp_path)
    results[1]["entities"][0]["mentions"][0]["end"] = 10**6  # offsets past the text
    results[2] = {"id": "n2", "error": "ValueError: \x1b[31mboom", "entities": [], "dates": [], "events": [],
                  "figures": []}
    results.append({"id": "ghost", "entities": [], "dates": [], "events": [], "figures": []})
    lines = [*results[:3], "{not json", *results[3:]]
    lines.pop(4)  # n3's result is lost on the way
    write_jsonl(tmp_path / "results.jsonl", lines)
    out = dateline("ingest", "--db", "db", "--extracted", "results.jsonl", "arts.jsonl", cwd=tmp_path)
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith("error: results.jsonl:2: mention 1 of entity ") and "not within" in errors[0]
    assert errors[1] == "error: results.jsonl:3: extraction failed there (ValueError: \\x1b[31mboom); not stored"
    assert errors[2].startswith("error: results.jsonl:4: not JSON (")
    assert errors[3].startswith("error: results.jsonl:5: its date '2013-01-01' is not the 'published' (None)")
    assert errors[4] == "error: results.jsonl:6: no article with id 'ghost' in the article files given; not stored"
    assert errors[5] == "error: arts.jsonl:4: article 'n3' has no result in results.jsonl; not stored"
    assert len(errors) == 6 and "\x1b" not in out.stderr
    assert "1 new, 0 unchanged, 6 failed" in out.stderr
    stats = json.loads(dateline("stats", "--db", "db", "--json", cwd=tmp_path).stdout)
    assert stats["articles"] == 1


def test_a_result_line_that_carries_its_text_needs_no_article_file(tmp_path):
    row = article_lines(1)[0]
    arts = write_jsonl(tmp_path / "arts.jsonl", [row])
    write_jsonl(tmp_path / "results.jsonl", [{**row, **extract(arts, tmp_path)[0]}])
    out = dateline("ingest", "--db", "db", "--extracted", "results.jsonl", cwd=tmp_path)
    assert out.returncode == 0 and "1 new, 0 unchanged, 0 failed" in out.stderr, out.stderr
