"""config.toml defaults, and the encodings ingest detects, through the real `dateline` command."""
from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import SEED, dateline
from tui_fake_store import build_store, run_async, settle


def run(*args: str, config: Path | None = None, env_db: Path | None = None):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DATELINE_DB", "DATELINE_CONFIG")}
    if config:
        env["DATELINE_CONFIG"] = str(config)
    if env_db:
        env["DATELINE_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "dateline.tui.cli", *args], capture_output=True, env=env,
                          cwd=Path(__file__).parents[2], timeout=120)


def test_config_store_and_extractor_are_the_defaults_and_options_win(tmp_path):
    configured, other = tmp_path / "configured", tmp_path / "other"
    config = tmp_path / "config.toml"
    config.write_text(f'store = "{configured}"\nextractor = "spacy"\ntheme = "gruvbox"\n')
    assert run("ingest", str(SEED), config=config).returncode in (0, 2)  # spaCy may be absent: then usage
    assert b"default spacy" in run("ingest", "--help", config=config).stdout
    assert run("ingest", "--extractor", "builtin", str(SEED), config=config).returncode == 0
    assert json.loads(run("stats", "--json", config=config).stdout)["articles"] == 1
    assert run("ingest", "--extractor", "builtin", "--db", str(other), str(SEED), config=config).returncode == 0
    assert (other / "manifest.json").exists() or any(other.iterdir())
    assert json.loads(run("stats", "--json", config=config, env_db=other).stdout)["articles"] == 1


def test_a_broken_config_is_one_line_and_the_defaults_apply(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('store = "unterminated\n')
    out = run("completion", "bash", config=config)
    assert out.returncode == 0 and b"dateline" in out.stdout
    [line] = out.stderr.decode().splitlines()
    assert line.startswith(f"dateline: {config}: not read") and line.endswith("using the defaults")
    config.write_text('colour = "red"\n')
    assert "unknown setting 'colour'" in run("completion", "bash", config=config).stderr.decode()


@run_async
async def test_the_configured_theme_is_applied_and_an_unknown_one_reported(tmp_path):
    from dateline.tui.app.app import DatelineApp

    store = build_store(tmp_path / "db")
    for theme, expected in (("gruvbox", "gruvbox"), ("no-such-theme", None)):
        app = DatelineApp(store)
        app.configured_theme = theme  # what `run_app(db, theme=config.theme)` sets
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            if expected:
                assert app.theme == expected
            else:
                assert app.theme != theme
                assert any("no theme named 'no-such-theme'" in str(n.message) for n in app._notifications)
    store.close()


def ingest_bytes(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    db = tmp_path / "store"
    out = dateline("ingest", "--db", str(db), str(path))
    return out, db


def titles(db: Path) -> list[str]:
    from dateline.store import Store

    with Store.open(db, readonly=True) as store:
        return [a.title for a in store.articles()]


def test_bytes_behind_a_utf16_mark_that_are_not_utf16_text_are_refused(tmp_path):
    out, _ = ingest_bytes(tmp_path, "odd.txt", b"\xff\xfe\x00garbage\x80\x81")  # 12 bytes: '最牡慢敧膀'
    err = out.stderr.decode()
    assert out.returncode == 1
    assert "odd.txt: binary file (a UTF-16 byte-order mark, but no UTF-16 text after it" in err
    assert "0 new, 0 unchanged, 1 failed" in err


def test_utf16_text_with_its_mark_is_decoded(tmp_path):
    text = "\ufeffFerry strike ends\n\nUnions signed on Tuesday."
    out, db = ingest_bytes(tmp_path, "le.txt", text.encode("utf-16-le"))
    assert out.returncode == 0, out.stderr.decode()
    assert titles(db) == ["Ferry strike ends"]


def test_a_legacy_encoding_is_detected_before_the_cp1252_last_resort(tmp_path):
    text = "Переговоры в Женеве\n\nМинистр сказал, что переговоры в Женеве продолжатся во вторник.\n"
    out, db = ingest_bytes(tmp_path, "ru.txt", text.encode("cp1251"))
    assert out.returncode == 0, out.stderr.decode()
    assert "not valid UTF-8; decoded as cp1251 (detected)" in out.stderr.decode()
    assert titles(db) == ["Переговоры в Женеве"]
    (tmp_path / "fr").mkdir()
    out, db = ingest_bytes(tmp_path / "fr", "fr.txt", "Le café ferme\n\nAprès 40 ans, « fin ».\n".encode("cp1252"))
    assert "decoded as cp1252" in out.stderr.decode() and titles(db) == ["Le café ferme"]
