"""GEXF 1.3 for Gephi: entities as nodes, shared sentences as weighted edges, dated for the timeline.

Two entities are linked when they are named in the same sentence; the weight counts such
sentences. Node and edge ``start``/``end`` are the first and last publication dates involved,
so Gephi's timeline can play the network as the coverage unfolds.
"""
from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from typing import IO

from dateline.store.export.dates import span
from dateline.store.export.progress import Progress
from dateline.store.export.resolve import Reader, Records
from dateline.store.export.formats.text import xml_safe
from dateline.store.model import REJECTED, Entity

NS = "http://gexf.net/1.3"
NODE_ATTRS = (("type", "string"), ("aliases", "string"), ("ticker", "string"),
              ("tags", "string"), ("mentions", "integer"), ("articles", "integer"))
EDGE_ATTRS = (("shared_articles", "integer"),)


def _day(iso: str | None) -> str | None:
    """A publication date as the ``yyyy-mm-dd`` Gephi wants (its first day if coarser)."""
    covered = span(iso)
    return covered[0].isoformat() if covered else None


def _nodes_of(records: Records, reader: Reader) -> list[Entity]:
    """The selected entities, or (when none are) every entity the selected records name."""
    if records.entities:
        return records.entities
    ids: dict[str, None] = {}
    for m in records.mentions:
        ids[m.entity_id] = None
    for e in records.events:
        ids.update(dict.fromkeys(e.participants))
    for f in records.figures:
        ids.update(dict.fromkeys(f.entities))
    return [e for e in (reader.entity(i) for i in ids) if e is not None]


def _span(days: list[str]) -> tuple[str | None, str | None]:
    return (min(days), max(days)) if days else (None, None)


def _attvalues(parent: ET.Element, values: dict) -> None:
    box = ET.SubElement(parent, "attvalues")
    for key, value in values.items():
        if value not in (None, ""):
            ET.SubElement(box, "attvalue", {"for": key, "value": xml_safe(str(value))})


def _declare(graph: ET.Element, cls: str, attrs) -> None:
    box = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    for key, kind in attrs:
        ET.SubElement(box, "attribute", {"id": key, "title": key, "type": kind})


def _dated(element: ET.Element, start: str | None, end: str | None) -> None:
    if start:
        element.set("start", start)
    if end:
        element.set("end", end)


def build(reader: Reader, records: Records, progress: Progress) -> tuple[ET.Element, int]:
    """The GEXF tree and how many nodes plus edges it holds."""
    nodes = _nodes_of(records, reader)
    progress.set_total(len(nodes))
    sentences: dict[tuple[str, int], set[str]] = defaultdict(set)  # (article, sentence) → entities
    root = ET.Element("gexf", {"xmlns": NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "Dateline"
    ET.SubElement(meta, "description").text = "Entities named in the same sentence"
    graph = ET.SubElement(root, "graph", {"mode": "dynamic", "defaultedgetype": "undirected",
                                          "timeformat": "date"})
    _declare(graph, "node", NODE_ATTRS)
    _declare(graph, "edge", EDGE_ATTRS)
    node_box = ET.SubElement(graph, "nodes")
    for entity in nodes:
        mentions = [m for m in reader.store.mentions_of(entity.id) if m.status != REJECTED]
        articles = {m.article_id for m in mentions}
        for m in mentions:
            sentences[(m.article_id, m.sentence_start)].add(entity.id)
        days = [d for d in (_published(reader, a) for a in articles) if d]
        node = ET.SubElement(node_box, "node", {"id": xml_safe(entity.id), "label": xml_safe(entity.name)})
        _dated(node, *_span(days))
        _attvalues(node, {"type": entity.type, "aliases": "; ".join(entity.aliases),
                          "ticker": entity.ticker, "tags": "; ".join(entity.tags),
                          "mentions": len(mentions), "articles": len(articles)})
        progress.advance()
    links: dict[tuple[str, str], list[str]] = defaultdict(list)  # pair → article of each shared sentence
    for (aid, _), eids in sentences.items():
        for pair in itertools.combinations(sorted(eids), 2):
            links[pair].append(aid)
    edge_box = ET.SubElement(graph, "edges")
    for number, ((source, target), aids) in enumerate(sorted(links.items())):
        edge = ET.SubElement(edge_box, "edge", {"id": str(number), "source": xml_safe(source),
                                                "target": xml_safe(target), "weight": str(len(aids))})
        _dated(edge, *_span([d for d in (_published(reader, a) for a in set(aids)) if d]))
        _attvalues(edge, {"shared_articles": len(set(aids))})
    return root, len(nodes) + len(links)


def _published(reader: Reader, aid: str) -> str | None:
    article = reader.article(aid)
    return _day(article.published) if article else None


def write_gexf(reader: Reader, records: Records, out: IO[str], progress: Progress) -> int:
    """A GEXF 1.3 document; returns the number of nodes plus edges."""
    root, count = build(reader, records, progress)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return count
