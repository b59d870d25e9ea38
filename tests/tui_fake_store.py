"""Stores for the explorer tests: the real ``Store`` filled with a hand-written reading of the seed.

The extraction below follows the hand-made gold reading of the seed article (people, roles, tickers,
events, figures), so UI tests check the UI, not the extractor. A second article is hostile text.
"""
from __future__ import annotations

import re
from pathlib import Path

from dateline.store import NewArticle, Store

SEED = (Path(__file__).parent / "fixtures" / "tui" / "seed.txt").read_text(encoding="utf-8")
SENTENCE_END = re.compile(r"(?<=[.!?”])(?<!U\.S\.)(?<!Co\.)\s+(?=[A-Z“])|\n+")

SEED_ENTITIES = [
    ("Howard Lutnick", "PERSON", ["Howard Lutnick", "Lutnick"], ["U.S. Commerce Secretary"], None),
    ("Scott Bessent", "PERSON", ["Scott Bessent"], ["U.S. Treasury Secretary"], None),
    ("Jamieson Greer", "PERSON", ["Jamieson Greer"], ["Trade Representative"], None),
    ("He Lifeng", "PERSON", ["He Lifeng"], ["Chinese Vice Premier"], None),
    ("Kevin Hassett", "PERSON", ["Kevin Hassett"], ["White House economic adviser"], None),
    ("Donald Trump", "PERSON", ["Donald Trump", "Trump"], ["President"], None),
    ("Xi Jinping", "PERSON", ["Xi Jinping"], ["Chinese President"], None),
    ("General Motors Co.", "ORG", ["General Motors Co."], [], "GM"),
    ("Ford Motor Co.", "ORG", ["Ford Motor Co."], [], "F"),
    ("Stellantis NV", "ORG", ["Stellantis NV"], [], "STLA"),
    ("Reuters", "ORG", ["Reuters"], [], None),
    ("White House", "ORG", ["White House"], [], None),
    ("United States", "PLACE", ["U.S."], [], None),
    ("China", "PLACE", ["China"], [], None),
    ("London", "PLACE", ["London"], [], None),
    ("Geneva", "PLACE", ["Geneva"], [], None),
]
TALKERS = ["Scott Bessent", "Howard Lutnick", "Jamieson Greer", "He Lifeng"]
SEED_EVENTS = [  # (date, precision, phrase, summary, participants, place, a phrase inside the sentence)
    ("2025-06-09", "day", "Monday", "First day of US-China trade talks in London", TALKERS, "London",
     "nearly seven hours of Monday discussions"),
    ("2025-06-10", "day", "second-day", "Trade talks resume for a second day; Lutnick reports positive momentum",
     TALKERS, "London", "reported positive momentum"),
    ("2025-04", "month", "in April", "China imposes rare earth export restrictions", ["China"], None,
     "China imposed in April"),
    ("2025-06-02/2025-06-08", "week", "last week", "Phone call between Donald Trump and Xi Jinping",
     ["Donald Trump", "Xi Jinping"], None, "phone call between President Donald Trump"),
]
SEED_FIGURES = [  # (text, value, direction, metric, period, entities)
    ("34.5%", 34.5, "down", "China's exports to the U.S.", "2025-05", ["China", "United States"]),
    ("4.8%", 4.8, "up", "China's overall exports, year-over-year", "2025-05", ["China"]),
    ("11.4%", 11.4, "up", "China's exports to other jurisdictions", "2025-05", ["China"]),
    ("30%", 30.0, "down", "Current U.S. tariffs on Chinese goods", "2025-06-10", ["United States", "China"]),
    ("145%", 145.0, None, "Peak U.S. tariff rate on Chinese goods", None, ["United States", "China"]),
]

HOSTILE_TITLE = "[bold red]Pwned[/] \x1b]0;owned\x07 title"
HOSTILE_BODY = (
    "Evil Corp said [bold red]x[/] and [link=https://evil.example]click[/link] today.\n"
    "Screen: \x1b[2J\x1b[H cleared? Title: \x1b]0;hijacked\x07 Clip: \x1b]52;c;ZXZpbA==\x07 done.\n"
    "Bidi: \u202eevil\u202c and \u2066isolate\u2069; C1: \x9b31m and \x9d52;c;x\x9c; bell \x07.\n"
)


def sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? (not after "U.S." or "Co.") and at line breaks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(body):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(body):
        spans.append((start, len(body)))
    return spans


def _sentence_of(body: str, spans, phrase: str) -> dict:
    at = body.index(phrase)
    start, end = next((s, e) for s, e in spans if s <= at < e)
    return {"start": start, "end": end}


def _mentions(body: str, surfaces: list[str], taken: list[tuple[int, int]]) -> list[dict]:
    found = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append((match.start(), match.end()))
                found.append({"start": match.start(), "end": match.end(), "text": surface, "role": None})
    return found


def seed_article(body: str = SEED, title: str = "US-China talks enter second day in London",
                 published: str = "2025-06-10") -> NewArticle:
    """The seed article with its hand-written extraction."""
    spans = sentences(body)
    taken: list[tuple[int, int]] = []
    entities = [{"name": name, "type": etype, "aliases": [s for s in surfaces if s != name], "roles": roles,
                 "ticker": ticker, "mentions": _mentions(body, surfaces, taken)}
                for name, etype, surfaces, roles, ticker in SEED_ENTITIES]
    events = [{"date": date, "precision": precision, "date_text": phrase, "summary": summary,
               "participants": who, "place": place, "sentence": _sentence_of(body, spans, anchor)}
              for date, precision, phrase, summary, who, place, anchor in SEED_EVENTS
              if anchor in body]
    figures = []
    for text, value, direction, metric, period, who in SEED_FIGURES:
        start = body.index(text)
        figures.append({"start": start, "end": start + len(text), "text": text, "value": value, "unit": "%",
                        "metric": metric, "direction": direction, "period": period, "baseline": None,
                        "entities": who, "sentence": _sentence_of(body, spans, text)})
    return NewArticle(title=title, body=body, url="https://example.com/seed", source="Example Wire",
                      published=published, origin="seed.txt",
                      extraction={"entities": entities, "events": events, "figures": figures},
                      sentences=spans)


def hostile_article() -> NewArticle:
    body = HOSTILE_BODY
    spans = sentences(body)
    start = body.index("Evil Corp")
    entity = {"name": "Evil Corp [bold red]Inc[/]\x1b[31m", "type": "ORG", "aliases": ["Evil Corp"], "roles": [],
              "ticker": None, "mentions": [{"start": start, "end": start + 9, "text": "Evil Corp", "role": None}]}
    event = {"date": "2024-01-05", "precision": "day", "date_text": "today", "summary": "[bold red]x[/] \x1b[2J event",
             "participants": ["Evil Corp"], "place": None, "sentence": {"start": spans[0][0], "end": spans[0][1]}}
    return NewArticle(title=HOSTILE_TITLE, body=body, url="https://evil.example/\x1b[2J",
                      source="\x1b]52;c;ZXZpbA==\x07src",
                      published="2024-01-05", origin="hostile",
                      extraction={"entities": [entity], "events": [event], "figures": []}, sentences=spans)


SLASH = "Acme Corp [/] Ltd"
BOLD = "Beta [b]bold[/b] Co"
CLICK = "Gamma [@click=app.quit]quit[/] Co"
MARKUP_TITLE = "[/] Talks [b]resume[/b] [@click=app.quit]now[/]"


def markup_article() -> NewArticle:
    """An article whose entities, title and event summary are markup (the entities have no alias)."""
    body = f"{SLASH} met {BOLD} and {CLICK} in Oslo on Monday. Talks went on.\n"
    spans = sentences(body)
    entities = []
    for name in (SLASH, BOLD, CLICK):
        start = body.index(name)
        entities.append({"name": name, "type": "ORG", "aliases": [], "roles": [], "ticker": None,
                         "mentions": [{"start": start, "end": start + len(name), "text": name, "role": None}]})
    event = {"date": "2024-03-04", "precision": "day", "date_text": "Monday", "summary": f"{SLASH} meets [b]x[/b]",
             "participants": [SLASH, CLICK], "place": None, "sentence": {"start": spans[0][0], "end": spans[0][1]}}
    return NewArticle(title=MARKUP_TITLE, body=body, url="https://example.com/markup", source="[@click=app.quit]src[/]",
                      published="2024-03-04", origin="markup.txt",
                      extraction={"entities": entities, "events": [event], "figures": []}, sentences=spans)


def build_store(path: str | Path, *, hostile: bool = False, markup: bool = False) -> Store:
    """A writable store at ``path`` holding the seed (and, if asked, the hostile and markup articles)."""
    store = Store.open(path)
    extra = ([hostile_article()] if hostile else []) + ([markup_article()] if markup else [])
    store.add_articles([seed_article(), *extra])
    return store


def entity_id_named(store: Store, name: str) -> str:
    """The id of the entity called ``name`` (tests look entities up by name, never by hard-coded id)."""
    return next(entity.id for entity in store.entities() if entity.name == name)


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (one line per row)."""
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


def timeline_labels(app) -> list[str]:
    """The date labels of the timeline's rows, top to bottom."""
    return [line.data.label for line in app.timeline_pane.lines if line.selectable]


def timeline_texts(app) -> list[str]:
    """The timeline's rows as the screen writes them."""
    pane = app.timeline_pane
    return [pane.render_row(line, 300).plain for line in pane.lines if line.selectable]


def card_texts(app) -> list[str]:
    card = app.detail_pane.card
    return [card.render_row(line, 200).plain for line in card.lines]


async def focus_by_filter(pilot, name_query: str) -> None:
    """`1`, `/name`, `enter` (close the filter), `enter` (focus the entity under the cursor)."""
    await pilot.press("1", "slash", *name_query, "enter")
    await pilot.press("enter")
    await settle(pilot)


async def settle(pilot, delay: float = 0.1) -> None:
    """Wait for the loading worker and any pending preview timer."""
    from textual.worker import WorkerCancelled

    for _ in range(3):  # an exclusive worker replaced by a newer one reports itself cancelled
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue
    await pilot.pause(delay)


def run_async(test):
    """Run an ``async def`` test with ``asyncio.run`` (no async pytest plugin is installed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def runner(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return runner
