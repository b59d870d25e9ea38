"""Build small stores from hand-written extractions, without running the extractor."""
from __future__ import annotations

import re

from dateline.store import NewArticle


def ent(name: str, etype: str, text: str, *surfaces: str, roles=(), ticker=None) -> dict:
    """An extraction entity whose mentions are every whole-word occurrence of its surfaces in ``text``."""
    mentions: list[dict] = []
    for s in sorted(surfaces or (name,), key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
            if not any(x["start"] < m.end() and m.start() < x["end"] for x in mentions):
                mentions.append({"start": m.start(), "end": m.end(), "text": s, "role": None})
    return {"name": name, "type": etype, "aliases": [s for s in surfaces if s != name], "roles": list(roles),
            "ticker": ticker, "mentions": mentions}


def article(body: str, entities: list[tuple], *, title: str = "T", published: str | None = "2025-06-10",
            url: str | None = None, events=(), figures=()) -> NewArticle:
    ents = [ent(*spec[:3], *spec[3:]) if isinstance(spec, tuple) else spec for spec in entities]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", body)]
    return NewArticle(title=title, body=body, url=url, published=published, origin="test",
                      extraction={"entities": ents, "events": list(events), "figures": list(figures)},
                      sentences=sentences)


TALKS = ("Howard Lutnick met He Lifeng in London on Monday. Lutnick said talks went well. "
         "China imposed restrictions in April.")


def talks_article(**kw) -> NewArticle:
    body = TALKS
    return article(body, [("Howard Lutnick", "PERSON", body, "Howard Lutnick", "Lutnick"),
                          ("He Lifeng", "PERSON", body), ("London", "PLACE", body), ("China", "PLACE", body)],
                   events=[{"date": "2025-06-09", "precision": "day", "date_text": "Monday",
                            "summary": "Howard Lutnick met He Lifeng", "participants": ["Howard Lutnick", "He Lifeng"],
                            "place": "London", "sentence": {"start": 0, "end": 49}},
                           {"date": "2025-04", "precision": "month", "date_text": "in April",
                            "summary": "China imposed restrictions", "participants": ["China"], "place": None,
                            "sentence": {"start": 83, "end": len(body)}}],
                   figures=[], **kw)


def ingested_store(folder, articles: dict[str, tuple[str, str, str]]):
    """A store (open) holding ``articles`` — file name → (title, date, body) — written as dated text files
    and read by the real ingest, extraction included."""
    from pathlib import Path

    from dateline.store import Store
    from dateline.store.ingest import ingest_paths

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (title, date, body) in articles.items():
        path = folder / name
        path.write_text(f"title: {title}\ndate: {date}\n\n{body}", encoding="utf-8")
        paths.append(str(path))
    store = Store.open(folder / "db", wait=10)
    ingest_paths(store, paths)
    return store
