"""The package builds cleanly and installs as a user installs it (pip wheel, pipx)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
# pip's own notes about this machine's package index configuration, not about the package
PIP_ENVIRONMENT_NOTE = re.compile(r"^WARNING: Location '.*' is ignored", re.M)


def test_wheel_builds_without_a_warning_and_ships_license_and_types(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    log = PIP_ENVIRONMENT_NOTE.sub("", out.stdout + out.stderr)
    assert not re.search(r"warning", log, re.I), log
    [wheel] = tmp_path.glob("dateline-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert "dateline/store/py.typed" in names and "dateline/tui/py.typed" in names
    assert "dateline/tui/app/app.tcss" in names and "dateline/store/extract/naming/data/given_names_census.txt" in names
    assert not any(n.startswith(("store/", "tui/")) for n in names)  # nothing under the old top-level names
    assert "License-Expression: MIT" in metadata and "Classifier: Typing :: Typed" in metadata
    assert "Keywords:" in metadata and "Provides-Extra: web" in metadata


@pytest.mark.slow
def test_pipx_install_gives_a_working_dateline(tmp_path):
    pipx = shutil.which("pipx")
    if pipx is None:  # a private pipx, so the test needs no system package
        subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "tool")], check=True)
        subprocess.run([str(tmp_path / "tool" / "bin" / "pip"), "install", "-q", "pipx"], check=True, timeout=300)
        pipx = str(tmp_path / "tool" / "bin" / "pipx")
    env = {**os.environ, "PIPX_HOME": str(tmp_path / "home"), "PIPX_BIN_DIR": str(tmp_path / "bin"),
           "PIPX_MAN_DIR": str(tmp_path / "man")}
    env.pop("DATELINE_DB", None)
    subprocess.run([pipx, "install", str(ROOT)], check=True, env=env, capture_output=True, timeout=600)
    dateline = str(tmp_path / "bin" / "dateline")
    run = lambda *args: subprocess.run([dateline, *args], capture_output=True, text=True, env=env,  # noqa: E731
                                       cwd=tmp_path, timeout=120)
    assert re.fullmatch(r"dateline \d+\.\d+\.\d+\S*\n", run("--version").stdout)
    db = str(tmp_path / "store")
    ingest = run("ingest", "--db", db, str(ROOT / "tests" / "fixtures" / "extract" / "seed.txt"))
    assert ingest.returncode == 0, ingest.stderr
    assert "articles   1" in run("stats", "--db", db).stdout
    assert run("completion", "bash").returncode == 0
    missing_extra = run("serve", "--db", db)
    assert missing_extra.returncode == 2 and "dateline[web]" in missing_extra.stderr
