"""Turning one article and its extraction into the compact catalog document a shard stores."""
from __future__ import annotations

import bisect
import hashlib
import re

_WS = re.compile(r"\s+")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise_name(name: str) -> str:
    return _WS.sub(" ", name.translate(_APOS)).strip().casefold()


def entity_id(etype: str, name: str) -> str:
    """Stable id of an entity: the same canonical name and type is the same entity in every article."""
    return "e" + hashlib.blake2b(f"{etype}|{normalise_name(name)}".encode(), digest_size=6).hexdigest()


def text_hash(body: str) -> str:
    """Hash of the normalised text: the same article re-ingested is recognised."""
    return hashlib.blake2b(_WS.sub(" ", body).strip().encode(), digest_size=10).hexdigest()


def article_id(body: str) -> str:
    return text_hash(body)[:16]


def sentence_bounds(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence (start, end) that contains offset ``start`` (the span itself if none does)."""
    starts = [s for s, _ in sentences]
    i = bisect.bisect_right(starts, start) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= start < max(sentences[i][1], start + 1):
        return sentences[i][0], max(sentences[i][1], end)
    return start, end


def catalog_doc(meta: dict, body: str, extraction: dict, sentences: list[tuple[int, int]]) -> dict:
    """The catalog document for one article: metadata plus the machine extraction, with entity ids."""
    by_name: dict[str, str] = {}
    ents: dict[str, list] = {}
    ments: list[list] = []
    for ent in extraction.get("entities", ()):
        eid = entity_id(ent["type"], ent["name"])
        for n in [ent["name"], *ent.get("aliases", ())]:
            by_name.setdefault(normalise_name(n), eid)
        prev = ents.get(eid)
        aliases = list(dict.fromkeys([*(prev[2] if prev else []), *ent.get("aliases", ())]))
        roles = list(dict.fromkeys([*(prev[3] if prev else []), *ent.get("roles", ())]))
        ents[eid] = [ent["name"], ent["type"], aliases, roles, (prev and prev[4]) or ent.get("ticker")]
        for m in ent.get("mentions", ()):
            ss, se = sentence_bounds(sentences, m["start"], m["end"])
            ments.append([eid, m["start"], m["end"], ss, se, m.get("role"), body[m["start"]:m["end"]]])
    ments.sort(key=lambda r: r[1])

    def ids(names) -> list[str]:
        return list(dict.fromkeys(e for n in names if n and (e := by_name.get(normalise_name(n)))))

    events = []
    per_sentence: dict[int, int] = {}
    for ev in extraction.get("events", ()):
        s = ev.get("sentence") or {}
        place = ids([ev.get("place")])
        j = per_sentence[s.get("start", 0)] = per_sentence.get(s.get("start", 0), -1) + 1
        events.append({"k": f"{s.get('start', 0)}.{j}", "date": ev.get("date"), "precision": ev.get("precision") or "unknown",
                       "phrase": ev.get("date_text"), "summary": ev.get("summary") or "",
                       "parts": ids(ev.get("participants", ())), "place": place[0] if place else None,
                       "s": [s.get("start", 0), s.get("end", 0)]})
    figs = []
    for f in extraction.get("figures", ()):
        s = f.get("sentence") or {}
        if "start" not in s:
            s = dict(zip(("start", "end"), sentence_bounds(sentences, f["start"], f["end"])))
        figs.append({"start": f["start"], "end": f["end"], "text": f.get("text") or body[f["start"]:f["end"]],
                     "value": f.get("value"), "unit": f.get("unit") or "", "metric": f.get("metric"),
                     "direction": f.get("direction"), "period": f.get("period"), "baseline": f.get("baseline"),
                     "ents": ids(f.get("entities", ())), "s": [s["start"], s["end"]]})
    return {**meta, "ents": ents, "ments": ments, "events": events, "figs": figs}
