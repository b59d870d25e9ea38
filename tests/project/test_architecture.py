"""The architecture, checked: import-linter's contracts (layers, the store's API, extraction stages, no cycle),
rooms of about a dozen modules, and every package folder installed as ``dateline.…``."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    out = subprocess.run([exe, "pyproject.toml"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "7 kept, 0 broken" in out.stdout


def test_no_folder_holds_more_than_about_a_dozen_modules():
    crowded = {}
    for top in ("store", "tui", "tests"):
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if "__pycache__" in folder.parts or "__snapshots__" in folder.parts or "fixtures" in folder.parts:
                continue
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            if len(modules) > 13:
                crowded[str(folder.relative_to(ROOT))] = len(modules)
    assert crowded == {}


def test_every_package_folder_is_installed_under_dateline():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {"dateline." + str(p.parent.relative_to(ROOT)).replace("/", ".")
               for top in ("store", "tui") for p in (ROOT / top).rglob("__init__.py")}
    assert folders <= listed
    assert listed - folders == {"dateline.store.extract.naming.data"}  # the name lists, shipped as package data


def test_every_import_says_dateline():
    bare_import = re.compile(r"^\s*(from|import) (store|tui)[.\s]")
    files = [p for top in ("store", "tui", "tests", "bench") for p in (ROOT / top).rglob("*.py")]
    bare = [f"{p.relative_to(ROOT)}:{n}" for p in files
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if bare_import.match(line)]
    assert bare == []
