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
    from dateline.tui.config import load_config

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


def known_binding_ids() -> set[str]:
    """Every binding id the app's widgets and screens declare (all ``dateline.tui`` modules are imported)."""
    import importlib
    import pkgutil

    import dateline.tui
    from textual.dom import DOMNode

    for module in pkgutil.walk_packages(dateline.tui.__path__, "dateline.tui."):
        if not module.name.endswith(".__main__"):  # `python -m dateline.tui.cli` would run the command
            importlib.import_module(module.name)
    ids: set[str] = set()
    pending = [DOMNode]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith("dateline.tui."):
            ids.update(b.id for b in cls.__dict__.get("BINDINGS", []) if getattr(b, "id", None))
    return ids


def unknown_ids_problem(keymap: dict[str, str], path: Path | None = None) -> str | None:
    """One line naming the keymap's binding ids that no key of the app has (a typo is not silent)."""
    unknown = sorted(set(keymap) - known_binding_ids())
    if not unknown:
        return None
    return f"{path or keymap_path()}: unknown binding id{'s' if len(unknown) > 1 else ''} " \
           f"{', '.join(unknown)} (ignored; ? lists every id)"
