"""The user's remembered choices (the theme): ``settings.json`` in the user config folder.

``~/.config/dateline/settings.json`` on Linux (``$XDG_CONFIG_HOME`` is honoured). A missing or
broken file means the defaults; a write replaces the file atomically, so a crash never leaves half
of one.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("dateline", appauthor=False)) / "settings.json"


def load_settings(path: Path | None = None) -> dict:
    """The saved settings, or ``{}`` when there are none or the file cannot be read."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: object, path: Path | None = None) -> str | None:
    """Remember ``key = value``; returns a one-line problem, or None when saved."""
    path = path or settings_path()
    settings = load_settings(path)
    if settings.get(key) == value:
        return None
    settings[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(settings, out, indent=2, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        return f"{path}: settings not saved ({exc})"
    return None
