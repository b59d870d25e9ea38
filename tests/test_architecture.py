"""The layering contract: store/ knows nothing of Textual, tui/ never touches TinyDB."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    out = subprocess.run([exe, "--config", "pyproject.toml"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "3 kept, 0 broken" in out.stdout


def test_no_module_outside_store_imports_tinydb_directly():
    offenders = [str(p) for p in (ROOT / "tui").rglob("*.py") if "tinydb" in p.read_text(encoding="utf-8")]
    assert offenders == []
