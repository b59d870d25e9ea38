"""Issue 11 item 11: any input up to the cap ingests in <= 5 s and <= 300 MB peak RSS, or is refused with
one line. Each input is ingested by the real command in a subprocess, measured from outside; the normal
suite uses ~2 MB inputs (and 200,000-character articles), ``-m slow`` the full ~20 MB ones."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dateline.store.extract import extract
from dateline.store.extract.limits import MAX_FIGURES
from dateline.store.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from dateline.store.ingest.limits import MAX_ARTICLE_CHARS, MAX_BYTES, read_capped
from dateline.store.ingest.parsed import IngestError
from tests.cli.test_cli import SEED, dateline

ROOT = Path(__file__).parents[3]
MB = 2**20
SECONDS, RSS_MB = 5.0, 300
# Wall time is the promise (measured alone: README); beside another test on a 2-core machine shared with
# other work it can double, so there the CPU time carries the 5 s bound and the wall time gets twice that.
WALL_SECONDS = SECONDS * (2 if os.environ.get("PYTEST_XDIST_WORKER") else 1)
_MEASURE = """import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb"), capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - start, "rc": done.returncode, "rss_mb": usage.ru_maxrss / 1024,
                  "cpu": usage.ru_utime + usage.ru_stime, "stderr": done.stderr.decode("utf-8", "replace")}))"""


def measured_ingest(db: Path, *args: str, stdin: str = os.devnull) -> dict:
    """Run `dateline ingest` in a child of a fresh process; its wall time and peak RSS alone."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, stdin, sys.executable, "-m", "dateline.tui.cli", "ingest",
                          "--db", str(db), *args], capture_output=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def prose() -> str:
    lines = (ROOT / "store" / "demo" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(json.loads(line)["text"] for line in lines if line.strip())


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def pathological(kind: str, size: int) -> tuple[str, str]:
    """(file name, content) of about ``size`` characters of the kind of input that used to cost most."""
    text = prose().encode("ascii", "ignore").decode()  # one byte a character: the size is the file's
    tagless = text.replace("<", " ").replace("&", "and")
    made = {
        "john.txt": lambda: fill("John ", size),
        "paragraphs.html": lambda: "<html><body>" + fill("<p>x</p>", size) + "</body></html>",
        "prose.txt": lambda: "title: Prose\n\n" + fill(text + "\n\n", size),
        "prose.html": lambda: "<html><body>" + fill("".join(f"<p>{p}</p>" for p in tagless.split("\n\n")), size)
                              + "</body></html>",
        "zeros.json": lambda: "[" + fill("0,", size) + "0]",
        "objects.jsonl": lambda: fill('{"a":{}}\n', size),
        "tags.rss": lambda: ('<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><item><title>T'
                             "</title><description>" + fill("&lt;p&gt;x&lt;/p&gt;", size) + "</description></item>"
                             "</channel></rss>"),
        "percent.txt": lambda: fill("12% ", min(size, MAX_ARTICLE_CHARS - 1000)),
        "names.txt": lambda: fill("Alice Brown and Carl Dunn and Erin Fox ",
                                  min(size, MAX_ARTICLE_CHARS - 1000)),
        "dates.txt": lambda: fill("Exports of China rose 12% to 14% on 3 May 2024. ",
                                  min(size, MAX_ARTICLE_CHARS - 1000)),
    }
    return kind, made[kind]()


KINDS = ["john.txt", "paragraphs.html", "prose.txt", "prose.html", "zeros.json", "objects.jsonl", "tags.rss",
         "percent.txt", "names.txt", "dates.txt"]


def assert_bounded(tmp_path: Path, kind: str, size: int) -> dict:
    name, content = pathological(kind, size)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    got = measured_ingest(tmp_path / "db", str(path))
    lines = got["stderr"].splitlines()
    assert "Traceback" not in got["stderr"], got["stderr"]
    assert got["cpu"] <= SECONDS and got["rss_mb"] <= RSS_MB, (kind, got)
    assert got["seconds"] <= WALL_SECONDS, (kind, got)
    if got["rc"] == 1:  # refused: one line naming the file
        errors = [line for line in lines if line.startswith("error:")]
        assert len(errors) == 1 and errors[0].startswith(f"error: {path}: "), lines
    else:
        assert got["rc"] == 0 and "1 new" in lines[-1], lines
    return got


@pytest.mark.parametrize("kind", KINDS)
def test_item11_scaled_inputs_ingest_within_5_s_and_300_mb_or_one_line(tmp_path, kind):
    assert_bounded(tmp_path, kind, 2 * MB)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_item11_full_size_inputs_ingest_within_5_s_and_300_mb_or_one_line(tmp_path, kind):
    assert_bounded(tmp_path, kind, MAX_BYTES - 4096)


def test_item11_stdin_is_read_up_to_the_cap_then_refused_with_one_line(tmp_path):
    got = measured_ingest(tmp_path / "db", "-", stdin="/dev/zero")  # endless, like `yes |`
    assert got["rc"] == 1 and got["cpu"] <= SECONDS and got["seconds"] <= WALL_SECONDS and got["rss_mb"] <= RSS_MB, got
    assert got["stderr"].splitlines()[0] == "error: <stdin>: input is larger than 20 MB, the limit; not stored"


def test_item11_read_capped_reads_one_byte_past_the_cap_and_no_more():
    class Endless(io.RawIOBase):
        given = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"y" * len(buffer)
            self.given += len(buffer)
            return len(buffer)

    stream = Endless()
    with pytest.raises(IngestError, match="larger than 20 MB"):
        read_capped(stream, "<stdin>")
    assert stream.given == MAX_BYTES + 1
    assert read_capped(io.BytesIO(b"a" * MAX_BYTES), "-") == b"a" * MAX_BYTES


def test_item11_a_fifo_is_read_not_called_empty(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(SEED.read_bytes()))
    writer.start()
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(fifo))
    writer.join(timeout=30)
    assert out.returncode == 0 and b"1 new, 0 unchanged, 0 failed" in out.stderr, out.stderr.decode()


def test_item11_a_fifo_inside_a_folder_is_skipped_with_one_line(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(folder))
    err = out.stderr.decode()
    assert out.returncode == 0 and "1 new, 0 unchanged, 0 failed" in err, err
    assert [line for line in err.splitlines() if "pipe.txt" in line] == [
        f"warning: {folder / 'pipe.txt'}: not a regular file (a pipe, socket or device); skipped "
        "(name it on its own to read it)"]


def test_item11_jsonl_line_with_a_5000_digit_integer_skips_only_that_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "A", "text": "Rain in Oslo."}) + "\n"
                    + '{"title": "B", "text": "Sun in Bergen.", "n": ' + "9" * 5000 + "}\n"
                    + json.dumps({"title": "C", "text": "Snow in Tromsø."}) + "\n", encoding="utf-8")
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(path))
    err = out.stderr.decode()
    assert out.returncode == 0 and "2 new, 0 unchanged, 0 failed" in err, err
    [note] = [line for line in err.splitlines() if "line 2" in line]
    assert note == f"warning: {path}: line 2: invalid JSON (a number with more than 4,300 digits); skipped"


def test_item11_over_long_article_is_one_line_and_the_rest_is_stored(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("title: Long\n\n" + fill("Oslo news. ", MAX_ARTICLE_CHARS + 10), encoding="utf-8")
    entries = tmp_path / "entries.jsonl"
    entries.write_text(json.dumps({"title": "Huge", "text": fill("Bergen. ", MAX_ARTICLE_CHARS + 1)}) + "\n"
                       + json.dumps({"title": "Small", "text": "Rain in Oslo."}) + "\n", encoding="utf-8")
    out = dateline("ingest", "--db", str(tmp_path / "db"), str(SEED), str(long), str(entries))
    err = out.stderr.decode()
    assert out.returncode == 1 and "2 new, 0 unchanged, 2 failed" in err, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("over the limit of 200,000 for one article" in line for line in errors)
    assert f"{long}:" in errors[0] and f"{entries}#entry-1:" in errors[1]


def test_item11_extraction_keeps_a_bounded_number_of_candidates():
    text = fill("12% ", MAX_ARTICLE_CHARS)
    got = extract(text, "2024-01-01")
    assert len(got["figures"]) == MAX_FIGURES
    spans = split_sentences(fill("word ", 20_000))
    assert max(end - start for start, end in spans) <= MAX_SENTENCE_CHARS
    assert spans[0][0] == 0 and spans[-1][1] == 19_999
