"""Export what the user selected to JSON, JSONL, CSV, Markdown, FollowTheMoney, GEXF or TimelineJS.

``export(store, selection, fmt, path)`` writes atomically (temp file, fsync, rename) and raises
``ExportError`` with a one-line message if it cannot; nothing partial is ever left behind.
"""
from __future__ import annotations

from pathlib import Path

from dateline.store.export.atomic import ExportError, ExportPipeClosed, atomic_text, is_stdout
from dateline.store.export.formats.csvfmt import write_csv
from dateline.store.export.formats.ftm import write_ftm
from dateline.store.export.formats.gexf import write_gexf
from dateline.store.export.formats.jsonfmt import write_json, write_jsonl
from dateline.store.export.formats.markdown import write_markdown
from dateline.store.export.progress import Progress, ProgressCallback
from dateline.store.export.protocol import ExportSource
from dateline.store.export.resolve import Reader, resolve
from dateline.store.export.selection import Selection, connected_selection, filtered_selection
from dateline.store.export.formats.timelinejs import write_timelinejs

FORMATS = ("json", "jsonl", "csv", "md", "ftm", "gexf", "timelinejs")
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md",
              "ftm": ".ftm.json", "gexf": ".gexf", "timelinejs": ".timeline.json"}
_WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv, "md": write_markdown,
            "ftm": write_ftm, "gexf": write_gexf, "timelinejs": write_timelinejs}
_ALIASES = {"markdown": "md", "followthemoney": "ftm", "timeline": "timelinejs"}

__all__ = ["EXTENSIONS", "FORMATS", "ExportError", "ExportPipeClosed", "ExportSource", "Selection",
           "connected_selection", "default_name", "export", "filtered_selection"]


def _format(fmt: str) -> str:
    name = _ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in _WRITERS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return name


def default_name(fmt: str, stem: str = "dateline-export") -> str:
    """A file name for the format, e.g. ``dateline-export.csv``."""
    return stem + EXTENSIONS[_format(fmt)]


def export(store: ExportSource, selection: Selection, fmt: str, path: str | Path | None,
           *, progress: ProgressCallback | None = None) -> int:
    """Write the selected records in ``fmt`` to ``path`` (``None`` or ``-``: standard output).

    Returns how many records were written: records for JSON/JSONL/CSV/Markdown, FtM entities,
    GEXF nodes plus edges, TimelineJS events. ``progress(done, total)`` is called as it goes.
    """
    writer = _WRITERS[_format(fmt)]
    records = resolve(store, selection)
    tracker = Progress(len(records), progress)
    with atomic_text(None if is_stdout(path) else path) as out:
        count = writer(Reader(store), records, out, tracker)
    tracker.finish()
    return count
