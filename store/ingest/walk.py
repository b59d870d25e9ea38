"""Walking a folder the way ingest promises: hidden files and folders skipped, links followed only
inside the folder (or anywhere with ``follow``, each folder once, so a link cycle ends), pipes and
devices skipped; one line for each thing skipped. Also ``**`` patterns, walked the same way."""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator

FOLLOW_HINT = "use --follow-symlinks to read it"


def walk(folder: str, follow: bool, notes: list[str],
         wanted: Callable[[str], bool]) -> Iterator[tuple[str, list[str], list[str]]]:
    """Like ``os.walk`` (top down, sorted): ``(base, dirs, files)``, where ``files`` are the names of
    regular files for which ``wanted(path)`` holds and that the link rules allow."""
    root = os.path.realpath(folder)
    visited: set[tuple[int, int]] = set()
    for base, dirs, names in os.walk(folder, followlinks=follow):
        if follow and not _first_visit(base, visited):
            notes.append(f"{base}: symbolic link to a folder already read (a link cycle); skipped")
            dirs[:] = []
            continue
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".")
                   and _follow_folder(os.path.join(base, d), root, follow, notes)]
        files = []
        for name in sorted(names):
            path = os.path.join(base, name)
            if name.startswith(".") or not wanted(path):
                continue
            if os.path.islink(path) and not _follow_file(path, root, follow, notes):
                continue
            if not os.path.isfile(path):  # reading a FIFO nobody writes to would wait for ever
                notes.append(f"{path}: not a regular file (a pipe, socket or device); skipped "
                             "(name it on its own to read it)")
                continue
            files.append(name)
        yield base, dirs, files


def recursive_glob(pattern: str, follow: bool, notes: list[str]) -> list[str]:
    """Files and folders matching a pattern with ``**``, found by ``walk`` from the pattern's fixed
    start (Python's glob follows every link, out of the folder and round a cycle)."""
    parts = pattern.split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if set("*?[") & set(part))
    start = os.sep.join(parts[:fixed]) or (os.sep if pattern.startswith(os.sep) else os.curdir)
    rest = parts[fixed:]
    if not os.path.isdir(start):
        return []
    matches: list[str] = []

    def matched(path: str) -> bool:
        return _match(rest, os.path.relpath(path, start).split(os.sep))

    for base, dirs, files in walk(start, follow, notes, matched):
        matches += [os.path.join(base, d) for d in dirs if matched(os.path.join(base, d))]
        matches += [os.path.join(base, f) for f in files]
    return sorted(matches)


def _match(parts: list[str], names: list[str]) -> bool:
    """Whether path components ``names`` match pattern components ``parts`` (``**``: any depth)."""
    if not parts:
        return not names
    if parts[0] == "**":
        return any(_match(parts[1:], names[i:]) for i in range(len(names) + 1))
    return bool(names) and fnmatch.fnmatchcase(names[0], parts[0]) and _match(parts[1:], names[1:])


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
