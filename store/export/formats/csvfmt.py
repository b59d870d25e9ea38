"""CSV: one flat row per record with a ``kind`` column; no cell can run as a formula."""
from __future__ import annotations

import csv
from typing import IO

from dateline.store.export.progress import Progress
from dateline.store.export.records import iter_records
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import spreadsheet_cell

COLUMNS = (
    "kind", "id", "name", "type", "title", "text", "date", "precision", "phrase", "summary",
    "value", "unit", "metric", "direction", "period", "baseline",
    "entity_id", "entity_name", "entity_type", "participant_ids", "participants",
    "place_id", "place", "entity_ids", "entities",
    "aliases", "roles", "ticker", "notes", "tags", "role", "status", "origin",
    "article_id", "article_title", "article_url", "article_source", "published",
    "start", "end", "sentence_start", "sentence_end", "sentence",
    "url", "source", "ingested_at", "length", "source_count",
    "date_kind", "context", "period_kind",
)
_JOIN = "; "


def _refs(refs: list[dict | None]) -> tuple[str, str]:
    found = [r for r in refs if r]
    return _JOIN.join(r["id"] for r in found), _JOIN.join(r["name"] or r["id"] for r in found)


def flatten(record: dict) -> dict:
    """Nested references become id and name columns, lists become ``; ``-joined text."""
    row = dict(record)
    row.pop("body", None)
    if "sources" in row:
        row["source_count"] = len(row.pop("sources"))
    if "entity" in row:
        ref = row.pop("entity") or {}
        row.update(entity_id=ref.get("id"), entity_name=ref.get("name"), entity_type=ref.get("type"))
    if "participants" in row:
        row["participant_ids"], row["participants"] = _refs(row["participants"])
    if "entities" in row:
        row["entity_ids"], row["entities"] = _refs(row["entities"])
    if "place" in row:
        ref = row.pop("place") or {}
        row.update(place_id=ref.get("id"), place=ref.get("name"))
    if "context" in row:  # "1987 (reference: since 1987); ..."
        row["context"] = _JOIN.join(f"{c['value']} ({c['role']}: {c['text']})" for c in row["context"])
    for key in ("aliases", "roles", "tags"):
        if key in row:
            row[key] = _JOIN.join(row[key])
    return {key: spreadsheet_cell(value) for key, value in row.items()}


def write_csv(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """Header plus one row per record (article bodies are left out; use JSON for those)."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for record in iter_records(reader, records, with_body=False):
        writer.writerow(flatten(record))
        count += 1
        progress.advance()
    return count
