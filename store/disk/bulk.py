"""Loading millions of small objects without the cyclic GC rescanning them again and again."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def bulk_load():
    """Build millions of small objects with the cyclic GC paused, then move them out of its reach (they
    live as long as the store), so later collections stay short."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
