"""The defaults people set once: ``config.toml`` in the user config folder (``~/.config/dateline``).

    store = "~/news/store"        # the store folder when --db and $DATELINE_DB are not given
    theme = "gruvbox"             # a Textual theme name for the app
    extractor = "builtin"         # or "spacy": the default of --extractor
    keymap = "~/news/keys.toml"   # the key map when $DATELINE_KEYMAP is not set

``$DATELINE_CONFIG`` names another file. Command-line options and environment variables win over it.
A missing file means the built-in defaults; a broken one is reported in one line and ignored.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

EXTRACTORS = ("builtin", "spacy")
KEYS = ("store", "theme", "extractor", "keymap")


@dataclass(frozen=True)
class Config:
    """The settings read from ``config.toml``; ``None`` where the file says nothing."""

    store: Path | None = None
    theme: str | None = None
    extractor: str | None = None
    keymap: Path | None = None
    problem: str | None = None  # one line about a file that could not be used, or None


def config_path() -> Path:
    env = os.environ.get("DATELINE_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("dateline", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read ``config.toml``; never raises (a problem is returned in ``Config.problem``)."""
    path = path or config_path()
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(problem=f"{path}: not read ({exc}); using the defaults")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        return Config(problem=f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(KEYS)}); "
                              "using the defaults")
    if not all(isinstance(value, str) and value for value in data.values()):
        return Config(problem=f"{path}: every setting must be a non-empty string; using the defaults")
    if data.get("extractor") not in (None, *EXTRACTORS):
        return Config(problem=f"{path}: extractor must be one of {', '.join(EXTRACTORS)}; using the defaults")
    return Config(store=_path(data.get("store")), theme=data.get("theme"), extractor=data.get("extractor"),
                  keymap=_path(data.get("keymap")))


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None
