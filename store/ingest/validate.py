"""Every parsed article is checked before it joins a batch, so one bad file cannot sink the commit.

The store keeps UTF-8, and Python strings may hold what UTF-8 cannot: lone surrogates, from a JSON
``\\ud800`` escape, a feed's character reference, or a file name with undecodable bytes. They are
replaced by U+FFFD with a warning (in a file name, the undecodable bytes are written as ``\\xff``).
"""
from __future__ import annotations

import os
import re

from dateline.store.ingest.limits import MAX_ARTICLE_CHARS, too_long
from dateline.store.ingest.parsed import ParsedArticle

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
TEXT_FIELDS = ("title", "body", "url", "source", "published")


def readable_name(name: str) -> str:
    """A path as UTF-8 text: bytes the file system could not decode become ``\\xNN``."""
    if not _LONE_SURROGATE.search(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return _LONE_SURROGATE.sub("\ufffd", name)


def check_article(art: ParsedArticle) -> None:
    """Repair ``art`` in place so that it can be stored, adding a warning for each repair.

    Raises ValueError (one line) when a field is not text at all, or the text is over the limit for
    one article.
    """
    art.origin = readable_name(art.origin)
    if isinstance(art.body, str) and len(art.body) > MAX_ARTICLE_CHARS:
        raise ValueError(too_long(len(art.body)))
    for name in TEXT_FIELDS:
        value = getattr(art, name)
        if value is None and name not in ("title", "body"):
            continue
        if not isinstance(value, str):
            raise ValueError(f"its {name} is {type(value).__name__}, not text")
        found = len(_LONE_SURROGATE.findall(value))
        if found:
            setattr(art, name, _LONE_SURROGATE.sub("\ufffd", value))
            art.warnings.append(f"{found} invalid character{'s' if found > 1 else ''} (lone UTF-16 "
                                f"surrogate) in the {name} replaced by U+FFFD")
    art.warnings[:] = [readable_name(w) for w in art.warnings]
