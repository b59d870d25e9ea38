"""JSON (one array) and JSON Lines (one record a line): full records with their provenance."""
from __future__ import annotations

from typing import IO

from dateline.store.export.progress import Progress
from dateline.store.export.records import iter_records
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import json_text


def _dump(record: dict, indent: int | None) -> str:
    return json_text(record, allow_nan=False, indent=indent)


def write_json(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """A JSON array of records, each with a ``kind``; streamed so big exports stay small in memory."""
    count = 0
    out.write("[")
    for record in iter_records(reader, records):
        out.write(",\n" if count else "\n")
        out.write(_dump(record, indent=2))
        count += 1
        progress.advance()
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """One JSON record per line (``jq -c``, pandas ``read_json(lines=True)``)."""
    count = 0
    for record in iter_records(reader, records):
        out.write(_dump(record, indent=None))
        out.write("\n")
        count += 1
        progress.advance()
    return count
