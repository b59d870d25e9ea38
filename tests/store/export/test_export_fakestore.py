"""An in-memory store with the read API exporters use, a small corpus for the export tests, and
checks that the fake (and the real Store, once it exists) provide that API."""
from __future__ import annotations

import importlib
import re
from collections import Counter, defaultdict


from dateline.store.export.protocol import ExportSource
from dateline.store.model import ACTIVE, MACHINE, MANUAL, REJECTED, Article, Entity, Event, Figure, Mention

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class FakeStore:
    """Just enough store: dataclasses from store.model held in dicts and lists."""

    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._bodies: dict[str, str] = {}
        self._entities: dict[str, Entity] = {}
        self._mentions: list[Mention] = []
        self._events: list[Event] = []
        self._figures: list[Figure] = []

    # ---- building -------------------------------------------------------------------------
    def add_article(self, aid, title, body, *, url=None, published=None, source="Example News"):
        self._articles[aid] = Article(aid, title, url, source, published, "2026-11-26T12:00:00",
                                      origin=f"{aid}.txt", length=len(body))
        self._bodies[aid] = body

    def add_entity(self, eid, name, type_, **extra) -> Entity:
        self._entities[eid] = Entity(eid, name, type_, **extra)
        return self._entities[eid]

    def sentence_of(self, aid, offset) -> tuple[int, int]:
        body = self._bodies[aid]
        start = 0
        for cut in _SENTENCE_END.finditer(body):
            if cut.start() >= offset:
                return start, cut.start()
            start = cut.end()
        return start, len(body)

    def locate(self, aid, text, nth=0) -> tuple[int, int]:
        body, at = self._bodies[aid], -1
        for _ in range(nth + 1):
            at = body.index(text, at + 1)
        return at, at + len(text)

    def add_mention(self, mid, eid, aid, text, *, nth=0, status=ACTIVE, origin=MACHINE, role=None):
        start, end = self.locate(aid, text, nth)
        s0, s1 = self.sentence_of(aid, start)
        self._mentions.append(Mention(mid, eid, aid, start, end, s0, s1, text, role, origin, status))

    def add_event(self, evid, aid, anchor, date, precision, phrase, summary, participants=(),
                  place=None, origin=MACHINE):
        s0, s1 = self.sentence_of(aid, self.locate(aid, anchor)[0])
        self._events.append(Event(evid, aid, date, precision, phrase, summary, tuple(participants),
                                  place, s0, s1, origin))

    def add_figure(self, fid, aid, text, value, unit, *, metric=None, direction=None, period=None,
                   baseline=None, entities=()):
        start, end = self.locate(aid, text)
        s0, s1 = self.sentence_of(aid, start)
        self._figures.append(Figure(fid, aid, start, end, text, value, unit, metric, direction,
                                    period, baseline, tuple(entities), s0, s1))

    # ---- the read API -----------------------------------------------------------------------
    def articles(self):
        return list(self._articles.values())

    def article(self, aid):
        return self._articles.get(aid)

    def body(self, aid):
        return self._bodies[aid]

    def entities(self):
        return list(self._entities.values())

    def entity(self, eid):
        return self._entities.get(eid)

    def mention(self, mention_id):
        return next((m for m in self._mentions if m.id == mention_id), None)

    def event(self, event_id):
        return next((e for e in self._events if e.id == event_id), None)

    def figure(self, figure_id):
        return next((f for f in self._figures if f.id == figure_id), None)

    def mentions_of(self, eid):
        return [m for m in self._mentions if m.entity_id == eid]

    def mentions_in(self, aid):
        return [m for m in self._mentions if m.article_id == aid]

    def events(self, eid=None):
        return [e for e in self._events if eid is None or eid in e.participants or e.place == eid]

    def events_in(self, aid):
        return [e for e in self._events if e.article_id == aid]

    def figures(self, eid=None):
        return [f for f in self._figures if eid is None or eid in f.entities]

    def figures_in(self, aid):
        return [f for f in self._figures if f.article_id == aid]

    def articles_of(self, eid):
        counts = Counter(m.article_id for m in self.mentions_of(eid) if m.status == ACTIVE)
        return [(self._articles[aid], n) for aid, n in counts.most_common()]

    def connected(self, eid, limit=20):
        sentences = defaultdict(set)
        for m in self._mentions:
            if m.status == ACTIVE:
                sentences[(m.article_id, m.sentence_start)].add(m.entity_id)
        shared, arts = Counter(), defaultdict(set)
        for (aid, _), eids in sentences.items():
            if eid in eids:
                for other in eids - {eid}:
                    shared[other] += 1
                    arts[other].add(aid)
        return [(self._entities[o], n, len(arts[o])) for o, n in shared.most_common(limit)]

    def find_entity(self, name):
        wanted = name.casefold()
        for entity in self._entities.values():
            if wanted in {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}:
                return entity
        return None


HOSTILE_TITLE = "<script>alert(1)</script> [bold red]Alarm[/] \x1b[31mred\x1b[0m # *now*"
HOSTILE_BODY = (
    "=HYPERLINK(\"http://evil.example/steal\",\"Click\") was pasted by Acme\x01 Corp\x1b[0m today. "
    "Shares of Acme\x01 Corp\x1b[0m fell -12% after the \x00\x07\x0b[link=http://x.example]memo[/link] "
    "leaked <img src=x onerror=alert(1)>. "
    "# Not a heading | not | a table ![img](http://x.example/i.png) and `code`."
)


def make_store() -> FakeStore:
    """Two plain articles and one hostile one, with entities of every type."""
    s = FakeStore()
    s.add_article("a1", "Harbor Freight Lines cuts its forecast",
                  "Harbor Freight Lines cut its annual revenue forecast by 4.5% on Monday. "
                  "Chief executive Maria Okafor said demand in Rotterdam fell in the second quarter. "
                  "The company will report results on 24 July.",
                  url="https://news.example.com/harbor?id=1&x=(2)", published="2025-06-09")
    s.add_article("a2", "Okafor meets port officials",
                  "Maria Okafor met Rotterdam port officials in the week of 2 June. "
                  "Harbor Freight Lines expects shipping volumes to recover from June to August.",
                  url="https://news.example.com/okafor", published="2025-06-12T08:30:00Z")
    s.add_article("a3", HOSTILE_TITLE, HOSTILE_BODY, url="javascript:alert(1)", published=None)
    s.add_entity("e1", "Maria Okafor", "PERSON", aliases=("M. Okafor",), roles=("chief executive",),
                 notes="Former port official.", tags=("shipping", "watch"), origin=MANUAL)
    s.add_entity("e2", "Harbor Freight Lines", "ORG", aliases=("HFL",), ticker="HFL", tags=("shipping",))
    s.add_entity("e3", "Rotterdam", "PLACE")
    s.add_entity("e4", "Acme\x01 Corp\x1b[0m", "ORG", notes="=1+1 <b>bold</b>")
    s.add_entity("e5", "Port Authority", "ORG", tags=("watch",))
    s.add_mention("m1", "e2", "a1", "Harbor Freight Lines")
    s.add_mention("m2", "e1", "a1", "Maria Okafor")
    s.add_mention("m3", "e3", "a1", "Rotterdam")
    s.add_mention("m4", "e1", "a2", "Maria Okafor")
    s.add_mention("m5", "e3", "a2", "Rotterdam")
    s.add_mention("m6", "e2", "a2", "Harbor Freight Lines")
    s.add_mention("m7", "e4", "a3", "Acme\x01 Corp\x1b[0m")
    s.add_mention("m8", "e4", "a3", "Acme\x01 Corp\x1b[0m", nth=1)
    s.add_mention("m9", "e1", "a3", "memo", status=REJECTED)
    s.add_event("v1", "a1", "cut its annual", "2025-06-09", "day", "on Monday",
                "Harbor Freight Lines cut its revenue forecast", ["e2"])
    s.add_event("v2", "a1", "Chief executive", "2025-Q2", "quarter", "in the second quarter",
                "Demand in Rotterdam fell", ["e1"], place="e3", origin=MANUAL)
    s.add_event("v3", "a1", "will report", "2025-07-24", "day", "on 24 July",
                "Harbor Freight Lines reports results", ["e2"])
    s.add_event("v4", "a2", "met Rotterdam", "2025-W23", "week", "in the week of 2 June",
                "Okafor met Rotterdam port officials", ["e1", "e5"], place="e3")
    s.add_event("v5", "a2", "expects shipping", "2025-06/2025-08", "range", "from June to August",
                "Shipping volumes expected to recover", ["e2"])
    s.add_event("v6", "a3", "Shares of", None, "unknown", None, "Acme\x01 Corp shares fell", ["e4"])
    s.add_figure("f1", "a1", "4.5%", 4.5, "%", metric="revenue forecast", direction="down",
                 period="2025", entities=["e2"])
    s.add_figure("f2", "a3", "-12%", -12.0, "%", metric="share price", direction="down",
                 entities=["e4"])
    return s


def test_fake_provides_the_read_protocol():
    assert isinstance(make_store(), ExportSource)


def test_fake_offsets_point_at_the_text():
    s = make_store()
    for entity in s.entities():
        for m in s.mentions_of(entity.id):
            body = s.body(m.article_id)
            assert body[m.start:m.end] == m.text
            assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_fake_connected_counts_shared_sentences():
    linked = {e.id: (n, arts) for e, n, arts in make_store().connected("e1")}
    assert linked == {"e3": (2, 2)}  # Rotterdam shares one sentence in each of a1 and a2


def test_real_store_provides_the_read_protocol():
    module = importlib.import_module("dateline.store.store")
    wanted = [n for n in vars(ExportSource) if not n.startswith("_")]
    missing = [name for name in wanted if not callable(getattr(module.Store, name, None))]
    assert "find_entity" in wanted
    assert missing == []
