"""Coverage-guided fuzzing (atheris / libFuzzer) of every ingest parser and the extractor.

    python tests/store/fuzz/fuzz_atheris.py -atheris_runs=10000

The first byte of an input picks the file's extension; the rest are its bytes. The run starts from
the real sample files in ``tests/fixtures/ingest`` (copied into a scratch corpus, so the fixtures are
never written) and lets libFuzzer mutate them. Any exception other than a one-line ``IngestError``
naming the file, or a mention or figure outside the text, is a crash.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from dateline.store.extract import extract  # noqa: F401  (instrumented for coverage)
    from dateline.store.ingest.formats import formats  # noqa: F401

sys.path.insert(0, str(Path(__file__).parent))
from test_fuzz_inputs import SAMPLES, check_one  # noqa: E402

EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ""]


def one_input(data: bytes) -> None:
    if not data:
        return
    ext = EXTENSIONS[data[0] % len(EXTENSIONS)]
    check_one(Path(f"fuzzed{ext}"), data[1:])


def seed_corpus(folder: Path) -> None:
    for number, sample in enumerate(SAMPLES):
        marker = EXTENSIONS.index(sample.suffix) if sample.suffix in EXTENSIONS else 0
        (folder / f"seed-{number}").write_bytes(bytes([marker]) + sample.read_bytes())


def main() -> None:
    corpus = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))
    try:
        seed_corpus(corpus)
        atheris.Setup([*sys.argv, str(corpus)], one_input)
        atheris.Fuzz()
    finally:
        shutil.rmtree(corpus, ignore_errors=True)


if __name__ == "__main__":
    main()
