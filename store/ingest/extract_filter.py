"""``dateline extract``: print the extraction of one file, or of a JSONL batch, as JSON.

    dateline extract FILE|-                 one article (its header, if any, gives the date)
    dateline extract --jsonl IN.jsonl       {"id","text","published"} a line -> one result a line
An article whose extraction fails gets an error record ({"id", "error", and empty lists}) and a line on
standard error; the batch goes on.
Offsets in the output always index the text as given (the raw file, or each line's ``text``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from dateline.store.extract import BACKENDS, extract
from dateline.store.extract.naming.names import SPACY_MISSING, backend_names
from dateline.store.ingest.parsed import IngestError
from dateline.store.safe_text import escape_controls, json_inert

from dateline.store.ingest.formats.headers import published_from, split_header

__all__ = ["main", "extract_raw"]



def _header(raw: str) -> tuple[str | None, int]:
    """The publication date written at the top of ``raw`` and where the body starts."""
    meta, body_start = split_header(raw)
    published, _warnings = published_from(meta.get("date"))
    return published, body_start


def extract_raw(raw: str, *, published: str | None = None, backend: str = "builtin") -> dict:
    """Extract a raw file's body, with every offset shifted back to index ``raw``."""
    found_date, body_start = _header(raw)
    result = extract(raw[body_start:], published or found_date, backend=backend)
    if body_start:
        _shift(result, body_start)
    result["published"] = published or found_date
    return result


def _shift(result: dict, delta: int) -> None:
    for entity in result["entities"]:
        for mention in entity.get("mentions", []):
            mention["start"] += delta
            mention["end"] += delta
    for item in result["dates"] + result["figures"]:
        item["start"] += delta
        item["end"] += delta
    for item in result["events"] + result["figures"]:
        sentence = item.get("sentence")
        if sentence:
            sentence["start"] += delta
            sentence["end"] += delta


def _run_jsonl(path: str, backend: str, out) -> int:
    if backend not in backend_names():
        raise RuntimeError(SPACY_MISSING)
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with source:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text = doc["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                print(escape_controls(f"dateline extract: line {number}: not an article ({exc})"), file=sys.stderr)
                return 2
            result = {"id": doc.get("id")}
            try:
                result.update(extract(text, doc.get("published"), backend=backend))
            except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
                error = f"{type(exc).__name__}: {exc}"
                print(escape_controls(f"dateline extract: line {number} (id {doc.get('id')!r}): "
                                      f"extraction failed ({error})"), file=sys.stderr)
                result.update({"error": error, "entities": [], "dates": [], "events": [], "figures": []})
            out.write(json_inert(json.dumps(result, ensure_ascii=False)) + "\n")
    return 0


def _read_text(path: str) -> str:
    """The file's text as it is (offsets index it), decoded as ingest decodes it."""
    from dateline.store.ingest.formats.decode import check_size, decode_exact
    from dateline.store.ingest.parsed import IngestError

    try:
        data = open(path, "rb").read()
    except OSError as exc:
        raise IngestError(path, exc.strerror or type(exc).__name__) from None
    check_size(len(data), path)
    return decode_exact(data, path)[0]


def main(argv: list[str]) -> int:
    """Entry point of ``dateline extract``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="dateline extract", description=__doc__.replace("``", ""),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="article file, or - for standard input")
    parser.add_argument("--jsonl", metavar="IN.jsonl", help="batch of {id, text, published} lines")
    parser.add_argument("--extractor", choices=BACKENDS, default="builtin", help="name finder backend")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (overrides the header)")
    args = parser.parse_args(argv)
    if bool(args.jsonl) == bool(args.file):
        parser.error("give exactly one of FILE or --jsonl IN.jsonl")
    try:
        if args.jsonl:
            return _run_jsonl(args.jsonl, args.extractor, sys.stdout)
        if args.file == "-":
            raw = sys.stdin.read()
        else:
            raw = _read_text(args.file)
        result = extract_raw(raw, published=args.published, backend=args.extractor)
        sys.stdout.write(json_inert(json.dumps(result, ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left early (``| head``): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except IngestError as exc:  # missing, unreadable, binary: one line naming the file
        print(escape_controls(f"dateline extract: {exc}"), file=sys.stderr)
        return 1
    except (ValueError, RuntimeError) as exc:  # e.g. the spaCy backend is not installed
        print(escape_controls(f"dateline extract: {exc}"), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
