"""Turning one article and its extraction into the compact catalog document a shard stores.

A catalog document is the article's metadata plus its machine extraction as compact rows:
``e`` global entity indices (the article's local entity table), ``c`` mentions per local entity,
``m`` a flat list of mention rows (local entity, start, end, sentence start, sentence end, form
index, role index), ``v`` event rows and ``f`` figure rows (layouts in ``index.py``). Names, forms
and roles live once in the registry, not in every article.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re

from dateline.store.index.index import MachineEntity, MachineIndex

_WS = re.compile(r"\s+")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


_DOTTED = re.compile(r"(?<![\w.])(?:\w\.){2,}(?!\w)")  # "u.s.", "u.k."
_LEGAL_FORM = re.compile(r"(?:,?[ ](?:inc|incorporated|corp|corporation|co|cos|company|ltd|limited|llc|plc|ag|sa|"
                         r"s\.a|nv|n\.v|se|spa|s\.p\.a|gmbh|bv|ab|asa|oyj|kk|pte|pty)\.?)+$")


@functools.lru_cache(maxsize=1 << 16)  # the writer asks for the same few thousand names again and again
def normalise_name(name: str) -> str:
    return _WS.sub(" ", name.translate(_APOS)).strip().casefold()


def resolution_key(etype: str, name: str) -> str:
    """What makes two names one entity across the store: case, spacing, dots in abbreviations and, for an
    organisation, a legal form and a leading "the" do not count ("General Motors Co." = "General Motors",
    "U.S. Federal Reserve" = "US Federal Reserve")."""
    key = _DOTTED.sub(lambda m: m.group().replace(".", ""), normalise_name(name))
    if etype == "ORG":
        key = _LEGAL_FORM.sub("", key).rstrip(" ,") or key
        key = key[4:] if key.startswith("the ") and len(key) > 4 else key
    return key


@functools.lru_cache(maxsize=1 << 16)
def entity_id(etype: str, name: str) -> str:
    """Stable id of an entity: names with the same resolution key and type are one entity in every article."""
    return "e" + hashlib.blake2b(f"{etype}|{resolution_key(etype, name)}".encode(), digest_size=6).hexdigest()


@functools.lru_cache(maxsize=1 << 16)
def former_entity_id(etype: str, name: str) -> str:
    """The id stores made before legal forms were resolved (the whole normalised name): hand edits made
    on it follow the entity (``MachineEntity.former``)."""
    return "e" + hashlib.blake2b(f"{etype}|{normalise_name(name)}".encode(), digest_size=6).hexdigest()


@functools.lru_cache(maxsize=8)  # ingest asks for one body's hash at each of its checks, one after another
def text_hash(body: str) -> str:
    """Hash of the normalised text: the same article re-ingested is recognised."""
    return hashlib.blake2b(_WS.sub(" ", body).strip().encode(), digest_size=10).hexdigest()


def sentence_bounds(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence (start, end) that contains offset ``start`` (the span itself if none does)."""
    i = bisect.bisect_right(sentences, (start, float("inf"))) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= start < max(sentences[i][1], start + 1):
        return sentences[i][0], max(sentences[i][1], end)
    return start, end


def _index_of(items: list[str], value: str | None) -> int:
    if not value:
        return -1
    try:
        return items.index(value)
    except ValueError:
        items.append(value)
        return len(items) - 1


def _resolve(index: MachineIndex, ent: dict) -> str:
    """The store-wide id of an extracted entity: by resolution key, or, for an organisation named only
    by its ticker ("$TSLA", "TRI"), the organisation already carrying that ticker."""
    name, etype = ent["name"], ent["type"]
    if etype == "ORG" and 1 <= len(name) <= 6 and name.isupper():
        ticker = ent.get("ticker") or name
        owner = index.tickers.get(ticker)
        if owner is not None and name == ticker:
            return owner
    return entity_id(etype, name)


def catalog_doc(meta: dict, body: str, extraction: dict, sentences: list[tuple[int, int]],
                index: MachineIndex) -> dict:
    """The catalog document for one article; new entities, forms and roles join ``index``'s registry."""
    local: dict[str, int] = {}
    by_name: dict[str, int] = {}
    e: list[int] = []
    c: list[int] = []
    rows: list[tuple] = []
    for ent in extraction.get("entities", ()):
        eid = _resolve(index, ent)
        reg = index.entities.get(eid)
        if reg is None:
            reg = index.registry[index.register(MachineEntity(eid, ent["name"], ent["type"], [ent["name"]]))]
        former = former_entity_id(ent["type"], ent["name"])
        if former != eid and former not in reg.former:
            reg.former.append(former)
            index.former[former] = eid
        for form in ent.get("aliases", ()):
            _index_of(reg.forms, form)
        for role in ent.get("roles", ()):
            _index_of(reg.roles, role)
        reg.ticker = reg.ticker or ent.get("ticker")
        if reg.ticker and reg.type == "ORG":
            index.tickers.setdefault(reg.ticker, eid)
        le = local.get(eid)
        if le is None:
            le = local[eid] = len(e)
            e.append(index.gindex[eid])
            c.append(0)
        for n in (ent["name"], *ent.get("aliases", ())):
            by_name.setdefault(normalise_name(n), le)
        for m in ent.get("mentions", ()):
            ss, se = sentence_bounds(sentences, m["start"], m["end"])
            surface = body[m["start"]:m["end"]]
            rows.append((m["start"], le, m["end"], ss, se, _index_of(reg.forms, surface),
                         _index_of(reg.roles, m.get("role"))))
            c[le] += 1
    rows.sort()
    flat = [x for start, le, *rest in rows for x in (le, start, *rest)]

    def ids(names) -> list[int]:
        return list(dict.fromkeys(i for n in names if n and (i := by_name.get(normalise_name(n))) is not None))

    events = []
    per_sentence: dict[int, int] = {}
    for ev in extraction.get("events", ()):
        s = ev.get("sentence") or {}
        ss, se = s.get("start", 0), s.get("end", 0)
        j = per_sentence[ss] = per_sentence.get(ss, -1) + 1
        place = ids([ev.get("place")])
        events.append([f"{ss}.{j}", ev.get("date"), ev.get("precision") or "unknown", ev.get("date_text"),
                       ev.get("summary") or "", ids(ev.get("participants", ())), place[0] if place else -1, ss, se,
                       [[c.get("text"), c.get("value"), c.get("precision"), c.get("role")]
                        for c in ev.get("context") or ()]])
    figs = []
    for f in extraction.get("figures", ()):
        s = f.get("sentence") or {}
        ss, se = (s["start"], s["end"]) if "start" in s else sentence_bounds(sentences, f["start"], f["end"])
        figs.append([f["start"], f["end"], f.get("text") or body[f["start"]:f["end"]], f.get("value"),
                     f.get("unit") or "", f.get("metric"), f.get("direction"), f.get("period"), f.get("baseline"),
                     ids(f.get("entities", ())), ss, se, f.get("period_kind") or "stated"])
    return {**meta, "e": e, "c": c, "m": flat, "v": events, "f": figs}
