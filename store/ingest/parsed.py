"""What every ingest parser returns: one ``ParsedArticle`` per article, or an ``IngestError``."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParsedArticle:
    """One article read from a file, before it is stored.

    ``published`` is an ISO ``YYYY-MM-DD`` date or ``None`` (never "today"). ``origin`` is the file
    path, or ``path#entry-N`` (N counted from 1) for an entry of a feed, JSON list or JSONL file.
    Warnings about the whole file (its encoding, skipped entries) ride on the file's first article;
    ``file_notes`` are those of a file of many entries (skipped lines), said with the file's name.
    """

    title: str
    body: str
    url: str | None
    source: str | None
    published: str | None
    origin: str
    warnings: list[str] = field(default_factory=list)
    summary_only: bool = False  # a feed entry with a summary but no content: its page may hold the whole text
    file_notes: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        """The file the article came from (``origin`` without ``#entry-N``)."""
        return self.origin.rsplit("#entry-", 1)[0] if self.file_notes else self.origin


class IngestError(Exception):
    """A file that cannot be ingested; ``str(error)`` is one line: ``<path>: <reason>``."""

    def __init__(self, path: str, reason: str):
        super().__init__(path, reason)
        self.path = path
        self.reason = " ".join(str(reason).split())

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
