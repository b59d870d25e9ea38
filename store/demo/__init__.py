"""The bundled demo corpus: the seed article and public Wikinews articles (see README.md here)."""
from __future__ import annotations

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES = ("000_c502444593958914.txt", "wikinews.jsonl")


def demo_paths() -> list[Path]:
    """The demo files to ingest, seed first; each ships inside the package."""
    return [DEMO_DIR / name for name in DEMO_FILES]
