"""A lone ``escape`` shows its effect at once: 25 ms of waiting for the rest of a sequence, not ~100-200 ms.

Textual reads ``ESCDELAY`` (default 100 ms) once, when it is first imported: after an escape byte it waits
that long for the rest of a sequence (an arrow key, ``alt+…``) before it delivers ``escape``. And its input
thread only notices that the wait is over when ``select`` returns, which it asks for every 100 ms. So every
``escape`` (close a filter, clear it, drop the focus, leave the reader or the palette) showed nothing for
100-200 ms (bench/term_bench.py: escape's first change 122 ms at p50 on the demo store). A terminal writes a
key's whole sequence at once, so 25 ms is plenty even over SSH (neovim waits 50 ms, tmux 3.5 10 ms); set
``ESCDELAY`` (ms) to wait longer on a slow link. Imported by ``tui/cli.py`` before anything imports Textual;
``wake_for_escape`` is called before the app starts.
"""
from __future__ import annotations

import os
import selectors
import types

DEFAULT_ESCDELAY_MS = "25"

os.environ.setdefault("ESCDELAY", DEFAULT_ESCDELAY_MS)


def wake_for_escape() -> bool:
    """Let Textual's input thread (Linux/macOS driver) wake every ESCDELAY instead of every 100 ms, so a lone
    escape is delivered when its wait is over. Returns False where that driver is not used (or has changed)."""
    try:
        from textual import constants
        from textual.drivers import linux_driver
    except ImportError:  # Windows: another driver, with its own timing
        return False
    if getattr(linux_driver, "selectors", None) is not selectors:
        return isinstance(getattr(linux_driver, "selectors", None), types.ModuleType) and \
            getattr(linux_driver.selectors, "PROMPT", False)
    wait = max(0.005, min(0.1, constants.ESCAPE_DELAY))

    class PromptSelector(selectors.SelectSelector):
        def select(self, timeout=None):
            return super().select(wait if timeout is None else min(timeout, wait))

    shim = types.ModuleType("selectors")
    shim.__dict__.update(selectors.__dict__)
    shim.__dict__.update(SelectSelector=PromptSelector, PROMPT=True)
    linux_driver.selectors = shim
    return True
