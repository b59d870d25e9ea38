"""Bytes to text: refuse binary, empty and oversized input; try UTF-8, BOMs, then cp1252."""
from __future__ import annotations

import codecs

from store.ingest.limits import MAX_BYTES
from store.ingest.parsed import IngestError

SAMPLE_BYTES = 64 * 1024
CONTROL_RATIO_LIMIT = 0.05  # more control characters than this and it is not text

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_TEXT_CONTROLS = set(b"\t\n\r\f\v\x1b")


def check_size(size: int, name: str) -> None:
    """Refuse empty files and files over 20 MB before anyone reads them."""
    if size == 0:
        raise IngestError(name, "empty file")
    if size > MAX_BYTES:
        raise IngestError(name, f"file is larger than {MAX_BYTES // 2**20} MB ({size:,} bytes)")


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode ``data`` as text with ``\\n`` line ends; return the text and any warnings."""
    check_size(len(data), name)
    warnings: list[str] = []
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise IngestError(name, f"undecodable text: invalid {encoding} after its byte-order mark "
                                    f"(byte {exc.start})") from None
    else:
        _refuse_binary(data, name)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise IngestError(name, "undecodable text: not UTF-8, UTF-16 or cp1252") from None
            warnings.append("not valid UTF-8; decoded as cp1252")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if encoding and _control_ratio(text[:SAMPLE_BYTES]) > CONTROL_RATIO_LIMIT:
        raise IngestError(name, "binary file (mostly control characters)")
    if not text.strip():
        raise IngestError(name, "empty file (only whitespace)")
    return text, warnings


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(name, f"binary file ({what})")
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        raise IngestError(name, "binary file (contains NUL bytes)")
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls / len(sample) > CONTROL_RATIO_LIMIT:
        raise IngestError(name, f"binary file ({controls / len(sample):.0%} control characters)")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS)
    return controls / len(text)
