"""Command-line arguments to a list of sources: files, folders (recursively), globs, ``-`` and URLs.

Inside a folder, a symbolic link is followed only to a file inside that folder; a link out of it, a
broken link and a link to a folder are skipped with one line each, unless ``follow_symlinks`` is set
(then links are followed anywhere, and a folder reached twice — a link cycle — is read once). A ``**``
pattern is walked by the same rules (``walk.py``). A file named directly, or matched by a one-level glob,
is read wherever it points: the user named it, as the shell would.
"""
from __future__ import annotations

import glob
import os
from typing import NamedTuple

from dateline.store.ingest.formats.formats import EXTENSION_KINDS, STDIN
from dateline.store.ingest.parsed import IngestError
from dateline.store.ingest.walk import recursive_glob, walk

_GLOB_CHARS = set("*?[")


def is_url(arg: str) -> bool:
    """An http(s) address (a feed or a page to fetch), not a file name."""
    return arg[:8].lower().startswith(("http://", "https://"))


class Sources(NamedTuple):
    files: list[str]  # in order, each once (URLs too)
    errors: list[IngestError]  # an argument that names nothing readable
    skipped: list[str]  # one line per link that was not followed


def expand_sources(args: list[str], *, follow_symlinks: bool = False,
                   other_kinds: list[str] | None = None) -> Sources:
    """The files (and URLs) named by ``args``, in order, each once; an error for each argument that
    names none.

    A folder contributes the files under it whose extension Dateline reads, hidden ones excepted; a
    file named directly is always read, whatever its extension. The other files under a folder are
    appended to ``skipped`` (when given), so the caller can name each one.
    """
    found = Sources([], [], [])
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    def add_folder(folder: str) -> list[str]:
        files = folder_files(folder, follow_symlinks=follow_symlinks, skipped=found.skipped,
                             other_kinds=other_kinds)
        for path in files:
            add(path)
        return files

    for arg in args:
        if arg == STDIN:
            add(STDIN)
        elif is_url(arg):
            if arg not in seen:
                seen.add(arg)
                found.files.append(arg)
        elif os.path.isdir(arg):
            if not add_folder(arg):
                found.errors.append(IngestError(arg, "folder holds no files Dateline can read"))
        elif os.path.exists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            pattern = os.path.expanduser(arg)
            matches = (recursive_glob(pattern, follow_symlinks, found.skipped) if "**" in pattern
                       else sorted(glob.glob(pattern)))
            if not matches:
                found.errors.append(IngestError(arg, "no files match this pattern"))
            for match in matches:
                if os.path.isdir(match):
                    add_folder(match)
                else:
                    add(match)
        elif os.path.islink(arg):
            found.errors.append(IngestError(arg, "broken symbolic link"))
        else:
            found.errors.append(IngestError(arg, "no such file or folder"))
    return found


def folder_files(folder: str, *, follow_symlinks: bool = False, skipped: list[str] | None = None,
                 other_kinds: list[str] | None = None) -> list[str]:
    """Readable files under ``folder``, sorted, skipping hidden files and folders and (see the module)
    links that lead out of it; a line for each skipped link goes to ``skipped``, and the visible files
    of kinds Dateline does not read to ``other_kinds``."""
    notes = skipped if skipped is not None else []

    def readable(path: str) -> bool:
        if os.path.splitext(path)[1].lower() in EXTENSION_KINDS:
            return True
        if other_kinds is not None:
            other_kinds.append(path)
        return False

    return sorted(os.path.join(base, name)
                  for base, _, files in walk(folder, follow_symlinks, notes, readable) for name in files)
