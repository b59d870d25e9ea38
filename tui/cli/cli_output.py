"""How the command line speaks and opens a store for writing (shared by ``cli.py`` and ``cli_feeds.py``)."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from dateline.store import Store
from dateline.store.safe_text import escape_controls


def console(*, stderr: bool = False) -> Console:
    """A console for messages: no markup, emoji codes or highlighting, and no wrapping of long lines."""
    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=True)


def say(where: Console, line: object) -> None:
    """Print one message as exactly one inert line: file names, paths, names and tags in it may hold
    escape sequences, newlines or bidi overrides, which are shown as ``\\x1b``, ``\\n``, ``\\u202e``."""
    where.print(escape_controls(line), markup=False, emoji=False, highlight=False)


def open_writer(db: Path, wait: float, err: Console) -> Store:
    """Open the store for writing, waiting up to ``wait`` seconds for another writer (said on ``err``)."""
    return Store.open(db, wait=wait, on_wait=lambda line: say(err, line))
