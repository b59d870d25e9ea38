"""Coverage-guided fuzzing with atheris (libFuzzer) of the ingest parsers and the extractor.

The harness is ``tests/store/fuzz/fuzz_atheris.py``; the default suite runs 1,000 inputs, ``make test-slow``
10,000. A crash (any exception but a one-line ``IngestError``) makes libFuzzer exit non-zero.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).parent / "fuzz_atheris.py"


def fuzz(runs: int) -> None:
    out = subprocess.run([sys.executable, str(HARNESS), f"-atheris_runs={runs}", "-seed=7"],
                         capture_output=True, text=True, cwd=HARNESS.parents[1], timeout=900)
    assert out.returncode == 0, out.stderr[-4000:]
    assert f"Done {runs} " in out.stderr


def test_atheris_1000_inputs():
    fuzz(1000)


@pytest.mark.slow
def test_atheris_10000_inputs():
    fuzz(10_000)
