"""Bytes to text: refuse binary, empty and oversized input; a BOM, else UTF-8, else the encoding
charset-normalizer detects (cp1252 when it ties, as Western text does), else cp1252 as the last resort."""
from __future__ import annotations

import codecs
import unicodedata

from dateline.store.ingest.limits import MAX_BYTES
from dateline.store.ingest.parsed import IngestError

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
    text, warnings = decode_exact(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(name, "empty file (only whitespace)")
    return text, warnings


def decode_exact(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode ``data`` as it is (line ends and BOM kept); ``IngestError`` if it is not text."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding:
        return _decode_with_bom(data, encoding, name), []
    _refuse_binary(data, name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected:
        try:
            how = "" if detected == "cp1252" else " (detected)"
            return data.decode(detected), [f"not valid UTF-8; decoded as {detected}{how}"]
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), ["not valid UTF-8; decoded as cp1252"]
    except UnicodeDecodeError:
        raise IngestError(name, "undecodable text: not UTF-8, UTF-16, a detectable encoding or cp1252") from None


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess for text that is not UTF-8, or None when there is no believable one.

    Short Western text reads the same in cp1250, cp1252 and others: a guess that decodes the bytes as
    cp1252 does is reported as cp1252. A guess whose non-Latin letters are a handful among Latin ones
    (``Bad bytes ЃЌЏђќ here``) is stray bytes in Latin text, not that script: no guess."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:SAMPLE_BYTES]))
    if not matches:
        return None
    best = matches[0]
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches):
        return "cp1252"  # as likely as the best guess: the Western default wins the tie
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    try:
        if data.decode("cp1252") == text:
            return "cp1252"
    except UnicodeDecodeError:
        pass
    return best.encoding if _one_script(text) else None


def _one_script(text: str) -> bool:
    """False when the non-ASCII letters are of a script other than Latin yet are under a fifth of the letters."""
    letters = [ch for ch in text[:SAMPLE_BYTES] if ch.isalpha()]
    foreign = [ch for ch in letters if not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN")]
    return not foreign or len(foreign) * 5 >= len(letters)


def _decode_with_bom(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(name, f"undecodable text: invalid {encoding} after its byte-order mark "
                                f"(byte {exc.start})") from None
    body = text.lstrip("\ufeff")
    if _control_ratio(body[:SAMPLE_BYTES]) > CONTROL_RATIO_LIMIT:
        raise IngestError(name, "binary file (mostly control characters)")
    if encoding != "utf-8-sig" and body.strip() and not any(_is_separator(ch) for ch in body[:SAMPLE_BYTES]):
        # every language's text has a space, a line end or punctuation; bytes that merely start with a
        # UTF-16/32 mark decode to a run of unrelated letters (b"\xff\xfe\x00garbage\x80\x81" -> '最牡慢敧膀')
        raise IngestError(name, f"binary file (a {encoding.upper()} byte-order mark, but no {encoding.upper()} "
                                "text after it: no space, line end or punctuation)")
    return text


def _is_separator(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ"


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
