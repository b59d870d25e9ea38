"""Command-line arguments to a list of files: files, folders (recursively), globs and ``-``.

Inside a folder, a symbolic link is followed only to a file inside that folder; a link out of it, a
broken link and a link to a folder are skipped with one line each, unless ``follow_symlinks`` is set
(then links are followed anywhere, and a folder reached twice — a link cycle — is read once). A file
named directly, or matched by a glob, is read wherever it points: the user named it.
"""
from __future__ import annotations

import glob
import os
from typing import NamedTuple

from store.ingest.formats import EXTENSION_KINDS, STDIN
from store.ingest.parsed import IngestError

_GLOB_CHARS = set("*?[")
FOLLOW_HINT = "use --follow-symlinks to read it"


class Sources(NamedTuple):
    files: list[str]  # in order, each once
    errors: list[IngestError]  # an argument that names nothing readable
    skipped: list[str]  # one line per link that was not followed


def expand_sources(args: list[str], *, follow_symlinks: bool = False) -> Sources:
    """The files named by ``args``, in order, each once; an error for each argument that names none.

    A folder contributes the files under it whose extension Dateline reads, hidden ones excepted; a
    file named directly is always read, whatever its extension.
    """
    found = Sources([], [], [])
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    def add_folder(folder: str) -> list[str]:
        files = folder_files(folder, follow_symlinks=follow_symlinks, skipped=found.skipped)
        for path in files:
            add(path)
        return files

    for arg in args:
        if arg == STDIN:
            add(STDIN)
        elif os.path.isdir(arg):
            if not add_folder(arg):
                found.errors.append(IngestError(arg, "folder holds no files Dateline can read"))
        elif os.path.exists(arg):
            add(arg)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(os.path.expanduser(arg), recursive=True))
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


def folder_files(folder: str, *, follow_symlinks: bool = False, skipped: list[str] | None = None) -> list[str]:
    """Readable files under ``folder``, sorted, skipping hidden files and folders and (see the module)
    links that lead out of it; a line for each skipped link goes to ``skipped``."""
    root = os.path.realpath(folder)
    notes = skipped if skipped is not None else []
    found: list[str] = []
    visited: set[tuple[int, int]] = set()
    for base, dirs, names in os.walk(folder, followlinks=follow_symlinks):
        if follow_symlinks and not _first_visit(base, visited):
            notes.append(f"{base}: symbolic link to a folder already read (a link cycle); skipped")
            dirs[:] = []
            continue
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".")
                   and _follow_folder(os.path.join(base, d), root, follow_symlinks, notes)]
        for name in sorted(names):
            path = os.path.join(base, name)
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSION_KINDS:
                continue
            if os.path.islink(path) and not _follow_file(path, root, follow_symlinks, notes):
                continue
            if not os.path.isfile(path):  # reading a FIFO nobody writes to would wait for ever
                notes.append(f"{path}: not a regular file (a pipe, socket or device); skipped "
                             "(name it on its own to read it)")
                continue
            found.append(path)
    return sorted(found)


def _first_visit(folder: str, visited: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(folder)
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return False
    visited.add(key)
    return True


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _follow_file(path: str, root: str, follow: bool, notes: list[str]) -> bool:
    if not os.path.exists(path):
        notes.append(f"{path}: broken symbolic link; skipped")
        return False
    if follow or _inside(path, root):
        return True
    notes.append(f"{path}: symbolic link to a file outside the folder; skipped ({FOLLOW_HINT})")
    return False


def _follow_folder(path: str, root: str, follow: bool, notes: list[str]) -> bool:
    if follow or not os.path.islink(path):
        return True
    if not _inside(path, root):  # a link to a folder inside is read where it really is
        notes.append(f"{path}: symbolic link to a folder outside the folder; skipped ({FOLLOW_HINT})")
    return False
