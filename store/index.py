"""In-memory indexes over the machine extraction, built once at open.

Every lookup the panes need is a dict access whose cost is the size of its answer: entity → the
places it is mentioned, the events it takes part in, the figures it is in; article → its records.
Records stay as the compact rows the catalog holds; dataclasses are made only for what is asked.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Article

Ref = tuple[str, int]  # (article id, row index in that article's list)


@dataclass(slots=True)
class MachineEntity:
    """What extraction says of one entity id, merged over every article naming it."""

    name: str
    type: str
    aliases: dict[str, None] = field(default_factory=dict)  # ordered set
    roles: dict[str, None] = field(default_factory=dict)
    ticker: str | None = None


def event_id(aid: str, raw: dict, i: int) -> str:
    """Stable id of an event: its article and its place in the text (survives re-extraction)."""
    return f"{aid}:v{raw.get('k', i)}"


def article_of(doc: dict) -> Article:
    return Article(id=doc["id"], title=doc.get("title") or "", url=doc.get("url"), source=doc.get("source"),
                   published=doc.get("published"), ingested_at=doc.get("ingested_at") or "",
                   origin=doc.get("origin") or "", length=int(doc.get("length") or 0))


class MachineIndex:
    """Indexes of everything extraction produced, keyed by machine entity id and article id."""

    def __init__(self) -> None:
        self.docs: dict[str, dict] = {}
        self.articles: dict[str, Article] = {}
        self.texts_file: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.entities: dict[str, MachineEntity] = {}
        self.mentions: dict[str, list[Ref]] = {}
        self.events: dict[str, list[Ref]] = {}
        self.figures: dict[str, list[Ref]] = {}
        self.all_events: list[Ref] = []
        self.event_refs: dict[str, Ref] = {}  # event id -> where it is
        self.all_figures: list[Ref] = []

    def add(self, doc: dict, texts_file: str) -> None:
        """Index one catalog document (an article and its machine extraction)."""
        aid = doc["id"]
        self.docs[aid] = doc
        self.articles[aid] = article_of(doc)
        self.texts_file[aid] = texts_file
        if doc.get("url"):
            self.by_url[doc["url"]] = aid
        if doc.get("hash"):
            self.by_hash[doc["hash"]] = aid
        for eid, (name, etype, aliases, roles, ticker) in doc.get("ents", {}).items():
            ent = self.entities.get(eid)
            if ent is None:
                ent = self.entities[eid] = MachineEntity(name, etype)
            ent.aliases.update(dict.fromkeys(a for a in aliases if a != ent.name))
            ent.roles.update(dict.fromkeys(roles))
            ent.ticker = ent.ticker or ticker
        for i, row in enumerate(doc.get("ments", ())):
            self.mentions.setdefault(row[0], []).append((aid, i))
        for i, ev in enumerate(doc.get("events", ())):
            self.all_events.append((aid, i))
            self.event_refs[event_id(aid, ev, i)] = (aid, i)
            for eid in dict.fromkeys([*ev.get("parts", ()), *([ev["place"]] if ev.get("place") else [])]):
                self.events.setdefault(eid, []).append((aid, i))
        for i, fig in enumerate(doc.get("figs", ())):
            self.all_figures.append((aid, i))
            for eid in dict.fromkeys(fig.get("ents", ())):
                self.figures.setdefault(eid, []).append((aid, i))
