"""Model designations inside names: "A380", "F-35", "737", "iPhone" (shared by chunking and typing)."""
from __future__ import annotations

import re

__all__ = ["MODEL", "is_model"]

MODEL = re.compile(r"[A-Z]{1,3}-?\d{3,4}[A-Za-z]{0,3}(?:-\d{1,4})?|[A-Z]{1,3}-\d{1,4}|\d{3}(?:[A-Z]{1,3}|-\d{1,2})"
                   r"|[ie][A-Z][a-z]\w*")


def is_model(word: str) -> bool:
    """A model designation or model number: "A380", "A350-1000", "F-35", "737", "777X", "787-9", "iPhone"."""
    return MODEL.fullmatch(word) is not None or (word.isdigit() and len(word) >= 3)
