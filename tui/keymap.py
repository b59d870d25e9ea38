"""The user's key remapping: a TOML file that maps binding ids to keys.

``$DATELINE_KEYMAP``, ``keymap = "…"`` in ``config.toml``, or ``keymap.toml`` in the user config folder
(``~/.config/dateline`` on Linux)::

    [keys]
    "list.down" = "j,down,ctrl+n"
    "app.pane_timeline" = "f2"

Every binding id is listed in the help screen (``?``). A missing file means Textual's defaults; a
broken one is reported and ignored, never fatal.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path


def keymap_path() -> Path:
    env = os.environ.get("DATELINE_KEYMAP")
    if env:
        return Path(env).expanduser()
    from tui.config import load_config

    configured = load_config().keymap
    if configured:
        return configured
    from platformdirs import user_config_dir

    return Path(user_config_dir("dateline", appauthor=False)) / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """(binding id -> keys, a one-line problem or None)."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: not read ({exc}); using the default keys"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in keys.items()):
        return {}, f"{path}: [keys] must map binding ids to key strings; using the default keys"
    return dict(keys), None
