"""Hostile input: mutated real feeds/HTML/JSON/text and random bytes through every ingest parser and the
extractor. Only clean results or one-line IngestErrors naming the file may come out.

The default run tries a few hundred cases; `make test-slow` runs 10,000 (`-m slow`).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.store.extract import extract
from dateline.store.ingest.formats.formats import parse_source
from dateline.store.ingest.parsed import IngestError

FIX = Path(__file__).parents[2] / "fixtures"
SAMPLES = sorted(p for p in (FIX / "ingest").iterdir() if p.suffix in
                 (".txt", ".md", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml"))
NASTY = [b"\x00", b"\x1b[2J", b"\x1b]52;c;SGVsbG8=\x07", b"[bold red]x[/]", b"\xe2\x80\xae", b"\xff\xfe",
         b"<![CDATA[", b"]]>", b"{", b"}", b"\"", b"<script>", b"&#0;", b"\r", b"\n\n", b"\xc3", b"---\n"]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.3 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op < 0.55:
            data[pos:pos] = rng.choice(NASTY)
        elif op < 0.75:
            del data[pos:pos + rng.randint(1, 40)]
        elif op < 0.9:
            data = data[:pos]
        else:
            data[pos:pos] = data[rng.randrange(len(data) + 1):][:rng.randint(1, 200)]
    return bytes(data)


def check_one(path: Path, data: bytes) -> None:
    try:
        articles = parse_source(str(path), data)
    except IngestError as err:
        line = str(err)
        assert line.startswith(str(path)) and "\n" not in line
        return
    for art in articles:
        result = extract(art.body, art.published)
        n = len(art.body)
        for ent in result["entities"]:
            for m in ent["mentions"]:
                assert 0 <= m["start"] < m["end"] <= n
        for d in result["dates"] + result["figures"]:
            assert 0 <= d["start"] < d["end"] <= n


def run_cases(count: int, seed: int) -> None:
    rng = random.Random(seed)
    originals = [(p, p.read_bytes()) for p in SAMPLES]
    for _ in range(count):
        path, data = rng.choice(originals)
        check_one(path, mutate(rng, data))


def test_mutated_real_inputs_small():
    run_cases(300, seed=11)


@pytest.mark.slow
def test_mutated_real_inputs_10000():
    run_cases(10_000, seed=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".rss", ""]))
def test_random_bytes_any_extension(data, ext):
    check_one(Path(f"random{ext}"), data)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=3000))
def test_extractor_on_arbitrary_unicode(text):
    check_one(Path("any.txt"), text.encode("utf-8", "surrogatepass"))
