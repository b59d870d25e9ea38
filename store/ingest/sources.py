"""Command-line arguments to a list of sources: files, folders (recursively), globs, ``-`` and URLs."""
from __future__ import annotations

import glob
import os

from store.ingest.formats import EXTENSION_KINDS, STDIN
from store.ingest.parsed import IngestError

_GLOB_CHARS = set("*?[")


def is_url(arg: str) -> bool:
    """An http(s) address (a feed or a page to fetch), not a file name."""
    return arg[:8].lower().startswith(("http://", "https://"))


def expand_sources(args: list[str], skipped: list[str] | None = None) -> tuple[list[str], list[IngestError]]:
    """The files (and URLs) named by ``args``, in order, each once; and an error for each argument that
    names none.

    A folder contributes the files under it whose extension Dateline reads, hidden ones excepted; a
    file named directly is always read, whatever its extension. The other files under a folder are
    appended to ``skipped`` (when given), so the caller can name each one.
    """
    files: list[str] = []
    errors: list[IngestError] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for arg in args:
        if arg == STDIN:
            add(STDIN)
        elif is_url(arg):
            if arg not in seen:
                seen.add(arg)
                files.append(arg)
        elif os.path.isdir(arg):
            found = folder_files(arg, skipped)
            if not found:
                errors.append(IngestError(arg, "folder holds no files Dateline can read"))
            for path in found:
                add(path)
        elif os.path.exists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(os.path.expanduser(arg), recursive=True))
            if not matches:
                errors.append(IngestError(arg, "no files match this pattern"))
            for match in matches:
                for path in folder_files(match, skipped) if os.path.isdir(match) else [match]:
                    add(path)
        else:
            errors.append(IngestError(arg, "no such file or folder"))
    return files, errors


def folder_files(folder: str, skipped: list[str] | None = None) -> list[str]:
    """Readable files under ``folder``, sorted, skipping hidden files and folders; the visible files of
    other kinds go to ``skipped``."""
    found: list[str] = []
    others: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            readable = os.path.splitext(name)[1].lower() in EXTENSION_KINDS
            (found if readable else others).append(os.path.join(root, name))
    if skipped is not None:
        skipped.extend(sorted(others))
    return sorted(found)
