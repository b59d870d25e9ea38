"""The ``dateline extract`` command-line contract (FILE|- and --jsonl)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.store.ingest import extract_filter as cli

SEED = Path(__file__).parents[2] / "fixtures" / "extract" / "seed.txt"


def run(argv: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_writes_one_result_a_line_with_the_same_id(tmp_path, capsys):
    docs = [
        {"id": "a", "text": "Talks resumed Tuesday in London as exports fell 3.5%.", "published": "2025-06-10"},
        {"id": "b", "text": "", "published": None},
        {"id": "c", "text": "\u00e9\u00e9 Sales rose 12% last year to $4 billion.", "published": "2024-01-02"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    code, out, _ = run(["--jsonl", str(path)], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c"]
    for doc, result in zip(docs, lines):
        assert set(result) >= {"id", "entities", "dates", "events", "figures"}
        for item in result["dates"] + result["figures"]:
            assert doc["text"][item["start"]:item["end"]] == item["text"]
    assert [(d["text"], d["value"]) for d in lines[0]["dates"]] == [("Tuesday", "2025-06-10")]
    assert {f["text"] for f in lines[2]["figures"]} == {"12%", "$4 billion"}
    assert [(d["text"], d["value"]) for d in lines[2]["dates"]] == [("last year", "2023")]


def test_jsonl_rejects_a_line_that_is_not_an_article(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    code, _, err = run(["--jsonl", str(path)], capsys)
    assert code == 2 and "line 1" in err
    path.write_text('{"id": "a", "text": "ok"}\n{"id": "y", "text": null}\n', encoding="utf-8")
    code, _, err = run(["--jsonl", str(path)], capsys)
    assert code == 2 and "line 2" in err


def test_extractor_option_accepts_only_known_backends(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "published": None}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.main(["--jsonl", str(path), "--extractor", "nonsense"])
    assert cli.main(["--jsonl", str(path), "--extractor", "builtin"]) == 0


def test_file_offsets_index_the_raw_file_and_header_gives_the_date(capsys):
    raw = SEED.read_text(encoding="utf-8")
    code, out, _ = run([str(SEED)], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["published"] == "2025-06-10"
    assert out.startswith("{\n  ")  # indented JSON
    assert any(d["text"] == "Monday" and d["value"] == "2025-06-09" for d in result["dates"])
    for item in result["dates"] + result["figures"]:
        assert raw[item["start"]:item["end"]] == item["text"]
    for entity in result["entities"]:
        for mention in entity["mentions"]:
            assert raw[mention["start"]:mention["end"]].strip()


def test_stdin_with_header_lines(capsys, monkeypatch):
    raw = "title: Trade talks\ndate: 2024-03-05\n\nThe ministers met on Monday in Paris.\n"
    code, out, _ = run(["-"], capsys, stdin=raw, monkeypatch=monkeypatch)
    assert code == 0
    result = json.loads(out)
    monday = [d for d in result["dates"] if d["text"] == "Monday"]
    assert monday and monday[0]["value"] == "2024-03-04"
    assert raw[monday[0]["start"]:monday[0]["end"]] == "Monday"


def test_missing_file_and_bad_arguments(capsys, tmp_path):
    assert cli.main([str(tmp_path / "nope.txt")]) == 1
    with pytest.raises(SystemExit):
        cli.main([])


def test_jsonl_one_failing_article_gets_an_error_record_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    real = cli.extract

    def failing(text, published, **kw):
        if "boom" in text:
            raise KeyError("boom")
        return real(text, published, **kw)

    monkeypatch.setattr(cli, "extract", failing)
    path = tmp_path / "in.jsonl"
    docs = [{"id": "a", "text": "Sales rose 5%."}, {"id": "b", "text": "boom"}, {"id": "c", "text": "Up 7%."}]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    code, out, err = run(["--jsonl", str(path)], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in lines] == ["a", "b", "c"]
    assert "KeyError" in lines[1]["error"] and lines[1]["entities"] == [] and "error" not in lines[2]
    assert "line 2" in err and "'b'" in err


def test_jsonl_merging_short_forms_after_a_headline_does_not_crash(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    text = "ARAB CONTRACTORS WIN CUP.\nArab Contractors beat Sodigraf on Friday.\nContractors won 4-0 on aggregate."
    path.write_text(json.dumps({"id": "r", "text": text}) + "\n", encoding="utf-8")
    code, out, _ = run(["--jsonl", str(path)], capsys)
    assert code == 0 and "error" not in json.loads(out)
