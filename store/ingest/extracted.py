"""``dateline ingest --extracted RESULTS.jsonl [ARTICLES.jsonl …]``: store extractions computed elsewhere.

``dateline extract --jsonl ARTICLES.jsonl > RESULTS.jsonl`` is a pure filter, so it can run on other cores
or machines (a Dask cluster, say). Each result line ``{"id", "entities", "dates", "events", "figures"}``
is joined by its ``id`` to the article line ``{"id", "text", "published", …}`` it came from (a result line
that carries its own ``text`` needs no article file). Every line is checked first: one that is not JSON,
names no known article, reports a failed extraction, or whose offsets do not fit the text gets one line
naming ``file:line`` and is not stored; the rest is stored in batches, each one atomic commit, as every
ingest is. The sentence spans are computed here (they are not part of ``extract``'s output).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from dateline.store.index.catalog import text_hash
from dateline.store.safe_text import escape_controls
from dateline.store.store import Store
from dateline.store.writing import NewArticle
from dateline.store.ingest import BATCH, IngestSummary, _fail
from dateline.store.ingest.formats.headers import published_from
from dateline.store.ingest.formats.jsonfmt import _lowered, entry_article
from dateline.store.ingest.validate import check_article

MAX_LINE = 20 * 2**20  # one result line (an article of 200,000 characters and its extraction is far less)
LISTS = ("entities", "dates", "events", "figures")


class BadResult(ValueError):
    """A result line that cannot be stored; the message is the reason, without the file and line."""


def _lines(path: str) -> Iterator[tuple[int, str]]:
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                yield number, line


def _object(line: str) -> dict:
    if len(line) > MAX_LINE:
        raise BadResult(f"line of {len(line):,} characters, over the {MAX_LINE:,} a line may hold")
    try:
        doc = json.loads(line)
    except ValueError as err:
        raise BadResult(f"not JSON ({err})") from None
    if not isinstance(doc, dict):
        raise BadResult(f"a JSON {type(doc).__name__}, not an object")
    return doc


def _span(item: dict, what: str, length: int) -> None:
    start, end = item.get("start"), item.get("end")
    if not (type(start) is int and type(end) is int and 0 <= start <= end <= length):
        raise BadResult(f"{what} spans {start!r}..{end!r}, not within the text's {length:,} characters")


def _strings(value: object, what: str, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, str):
        raise BadResult(f"{what} is {type(value).__name__}, not text")


def check_extraction(doc: dict, body: str) -> dict:
    """The extraction part of a result line, checked against ``body``; raises BadResult naming the first fault."""
    if doc.get("error"):
        raise BadResult(f"extraction failed there ({' '.join(str(doc['error']).split())[:200]})")
    n = len(body)
    for key in LISTS:
        if not isinstance(doc.get(key), list) or not all(isinstance(x, dict) for x in doc[key]):
            raise BadResult(f"{key!r} is missing or not a list of objects")
    for i, ent in enumerate(doc["entities"], 1):
        _strings(ent.get("name"), f"entity {i}'s name")
        _strings(ent.get("type"), f"entity {i}'s type")
        _strings(ent.get("ticker"), f"entity {i}'s ticker", optional=True)
        for key in ("aliases", "roles"):
            if not isinstance(ent.get(key, []), list) or not all(isinstance(x, str) for x in ent.get(key, [])):
                raise BadResult(f"entity {i}'s {key} is not a list of text")
        if not isinstance(ent.get("mentions", []), list):
            raise BadResult(f"entity {i}'s mentions is not a list")
        for k, m in enumerate(ent.get("mentions", []), 1):
            if not isinstance(m, dict):
                raise BadResult(f"mention {k} of entity {ent['name']!r} is not an object")
            _span(m, f"mention {k} of entity {ent['name']!r}", n)
            _strings(m.get("role"), f"mention {k}'s role", optional=True)
            if "text" in m and m["text"] != body[m["start"]:m["end"]]:
                raise BadResult(f"mention {k} of entity {ent['name']!r} says {m['text']!r} but the text there "
                                f"is {body[m['start']:m['end']]!r} (a result of another text?)")
    for i, item in enumerate(doc["dates"], 1):
        _span(item, f"date {i}", n)
    for i, ev in enumerate(doc["events"], 1):
        _span(ev.get("sentence") or {"start": 0, "end": 0}, f"event {i}'s sentence", n)
        _strings(ev.get("summary", ""), f"event {i}'s summary")
        if not isinstance(ev.get("participants", []), list):
            raise BadResult(f"event {i}'s participants is not a list")
    for i, fig in enumerate(doc["figures"], 1):
        _span(fig, f"figure {i}", n)
        if fig.get("sentence"):
            _span(fig["sentence"], f"figure {i}'s sentence", n)
    return {key: doc[key] for key in LISTS}


def _article(origin: str, doc: dict) -> NewArticle:
    """The article of a line ``{"id", "text", "published", "title"?, "url"?, "source"?}``: its text exactly
    as given (the offsets index it), the other fields read as a JSON article's are."""
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadResult("no 'text' to store")
    art = entry_article(origin, _lowered(doc))
    art.body = text
    try:
        check_article(art)
    except ValueError as err:
        raise BadResult(str(err)) from None
    if art.body != text:
        raise BadResult("the text holds invalid characters (lone surrogates): the offsets would not fit")
    read = published_from(doc.get("published"))[0] if isinstance(doc.get("published"), str) else None
    if art.published != read:  # e.g. a "date" field: extract --jsonl reads only "published"
        raise BadResult(f"its date {art.published!r} is not the 'published' ({read!r}) the extraction was computed "
                        "with, so its relative dates would be wrong; give the date as 'published'")
    return NewArticle(title=art.title, body=art.body, url=art.url, source=art.source, published=art.published,
                      origin=origin)


def _articles_by_id(paths: list[str], summary: IngestSummary, say: Callable[[str], None]) -> dict[str, tuple]:
    """id → (origin, line object) over the article files given to ``dateline extract --jsonl``."""
    found: dict[str, tuple] = {}
    for path in paths:
        try:
            for number, line in _lines(path):
                where = f"{path}:{number}"
                try:
                    doc = _object(line)
                    if not isinstance(doc.get("id"), (str, int)) or isinstance(doc.get("id"), bool):
                        raise BadResult("no 'id' (the key that joins it to its result)")
                except BadResult as err:
                    _fail(summary, f"{where}: {err}; not stored", say)
                    continue
                key = str(doc["id"])
                if key in found:
                    _fail(summary, f"{where}: id {key!r} again (also {found[key][1]}); this one not stored", say)
                    continue
                found[key] = (f"{path}#entry-{number}", where, doc)  # origin: what a plain ingest of the file gives
        except OSError as err:
            _fail(summary, f"{path}: could not be read ({err.strerror or type(err).__name__})", say)
    return found


def ingest_extracted(store: Store, results: str, article_paths: list[str], *,
                     on_message: Callable[[str], None] | None = None) -> IngestSummary:
    """Store every valid result of ``results`` with its article (see the module's docstring)."""
    from dateline.store.extract.sentences import split_sentences

    def say(line: str) -> None:
        if on_message is not None:
            on_message(escape_controls(line))

    summary = IngestSummary(files=1 + len(article_paths))
    articles = _articles_by_id(article_paths, summary, say)
    used: dict[str, str] = {}
    answered: set[str] = set()  # article ids with a result line, stored or not
    batch: list[NewArticle] = []
    keys: set[str] = set()
    try:
        lines = list(_lines(results))
    except OSError as err:
        _fail(summary, f"{results}: could not be read ({err.strerror or type(err).__name__})", say)
        lines = []
    for number, line in lines:
        where = f"{results}:{number}"
        try:
            doc = _object(line)
            key = str(doc.get("id"))
            answered.add(key)
            if key in used:
                raise BadResult(f"id {key!r} again ({used[key]} has it)")
            if isinstance(doc.get("text"), str):
                origin, source = f"{results}#entry-{number}", doc
            elif key in articles:
                origin, _where, source = articles[key]
            else:
                raise BadResult(f"no article with id {key!r} in the article files given")
            item = _article(origin, source)
            item.extraction = check_extraction(doc, item.body)
        except BadResult as err:
            _fail(summary, f"{where}: {err}; not stored", say)
            continue
        used[key] = where
        digest = text_hash(item.body)
        if store.known_article(item.url, item.body) or digest in keys or (item.url and item.url in keys):
            summary.unchanged += 1
            continue
        keys.update(k for k in (digest, item.url) if k)
        item.sentences = split_sentences(item.body)
        batch.append(item)
        summary.new += 1
        if len(batch) >= BATCH:
            store.add_articles(batch)
            batch = []
    if batch:
        store.add_articles(batch)
    for key, (_origin, where, _doc) in articles.items():
        if key not in answered:
            _fail(summary, f"{where}: article {key!r} has no result in {results}; not stored", say)
    return summary
