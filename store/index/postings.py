"""Shard-level postings: which entities each shard's articles name, computed once when the shard is
written, so opening a store merges a few lists per entity and shard instead of walking every row.

``shard_postings(docs)`` returns, for one shard's catalog documents (k = position in the shard):
``ents`` registry indices; for each, ``arts`` the k of its articles, ``counts`` its mentions in each,
``latest`` its latest publication date; ``ev`` and ``fig`` its events and figures packed as
``k * SLOT + row``.
"""
from __future__ import annotations

from dateline.store.index.index import EV_PARTS, EV_PLACE, F_ENTS, SLOT


def shard_postings(docs: list[dict]) -> dict:
    slots: dict[int, int] = {}
    ents: list[int] = []
    arts: list[list[int]] = []
    counts: list[list[int]] = []
    latest: list[str] = []
    ev: list[list[int]] = []
    fig: list[list[int]] = []

    def slot(g: int) -> int:
        j = slots.get(g)
        if j is None:
            j = slots[g] = len(ents)
            ents.append(g)
            for table in (arts, counts, ev, fig):
                table.append([])
            latest.append("")
        return j

    for k, doc in enumerate(docs):
        published = doc.get("published") or ""
        local = [slot(g) for g in doc["e"]]
        for j, c in zip(local, doc["c"]):
            arts[j].append(k)
            counts[j].append(c)
            if published > latest[j]:
                latest[j] = published
        for i, row in enumerate(doc["v"]):
            named = dict.fromkeys([*row[EV_PARTS], *([row[EV_PLACE]] if row[EV_PLACE] >= 0 else [])])
            for le in named:
                ev[local[le]].append(k * SLOT + i)
        for i, row in enumerate(doc["f"]):
            for le in dict.fromkeys(row[F_ENTS]):
                fig[local[le]].append(k * SLOT + i)
    return {"ents": ents, "arts": arts, "counts": counts, "latest": latest, "ev": ev, "fig": fig}

