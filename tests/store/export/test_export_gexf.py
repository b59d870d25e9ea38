"""GEXF 1.3: parsed back with xml.etree; nodes, weighted co-sentence edges, dates, odd names."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from dateline.store.export import connected_selection, export, filtered_selection
from dateline.store.export.selection import Selection
from test_export_fakestore import FakeStore, make_store

NS = {"g": "http://gexf.net/1.3"}


def _parse(path):
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    attr_ids = {a.get("id") for a in graph.iterfind("g:attributes/g:attribute", NS)}
    nodes = {}
    for node in graph.iterfind("g:nodes/g:node", NS):
        values = {v.get("for"): v.get("value") for v in node.iterfind("g:attvalues/g:attvalue", NS)}
        assert set(values) <= attr_ids
        nodes[node.get("id")] = (node.get("label"), node.get("start"), node.get("end"), values)
    edges = {(e.get("source"), e.get("target")): (float(e.get("weight")), e.get("start"), e.get("end"),
                                                    {v.get("for"): v.get("value")
                                                     for v in e.iterfind("g:attvalues/g:attvalue", NS)})
             for e in graph.iterfind("g:edges/g:edge", NS)}
    return root, graph, nodes, edges


def test_nodes_edges_and_dates(tmp_path):
    store = make_store()
    out = tmp_path / "net.gexf"
    count = export(store, connected_selection(store, ["e1", "e2", "e3", "e5"]), "gexf", out)
    root, graph, nodes, edges = _parse(out)
    assert root.get("version") == "1.3"
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert count == len(nodes) + len(edges)
    assert set(nodes) == {"e1", "e2", "e3", "e5"}
    label, start, end, values = nodes["e1"]
    assert (label, start, end) == ("Maria Okafor", "2025-06-09", "2025-06-12")
    assert values["type"] == "PERSON" and values["mentions"] == "2" and values["articles"] == "2"
    assert nodes["e2"][3]["ticker"] == "HFL"
    assert "start" not in nodes["e5"][3] and nodes["e5"][1] is None  # never mentioned: no dates
    weight, start, end, attrs = edges[("e1", "e3")]
    assert weight == 2 and (start, end) == ("2025-06-09", "2025-06-12") and attrs["shared_articles"] == "2"
    assert ("e1", "e2") not in edges  # named in the same articles, never the same sentence
    for (source, target) in edges:
        assert source in nodes and target in nodes


def test_control_chars_in_names_stay_well_formed(tmp_path):
    store = FakeStore()
    name = "Bad\x00\x01\x08\x0b\x0c\x1f\ufffe Name & <Co> \"q\" \x1b[31mred\ud800"
    store.add_article("a", "t", f"{name} met Other Co today.", published="2025-01-02")
    store.add_entity("x\x01", name, "ORG", aliases=("<alias>",), tags=("a&b",))
    store.add_entity("y", "Other Co", "ORG")
    store.add_mention("m1", "x\x01", "a", name)
    store.add_mention("m2", "y", "a", "Other Co")
    out = tmp_path / "bad.gexf"
    export(store, Selection(entities=["x\x01", "y"]), "gexf", out)
    root, graph, nodes, edges = _parse(out)  # raises if not well-formed
    assert nodes["x"][0] == 'Bad Name & <Co> "q" red\ufffd'
    assert nodes["x"][3]["aliases"] == "<alias>" and nodes["x"][3]["tags"] == "a&b"
    assert edges[("x", "y")][0] == 1


def test_hostile_corpus_parses(tmp_path):
    store = make_store()
    out = tmp_path / "all.gexf"
    export(store, filtered_selection(store), "gexf", out)
    _, _, nodes, _ = _parse(out)
    assert nodes["e4"][0] == "Acme Corp"


def test_nodes_come_from_records_when_no_entity_selected(tmp_path):
    store = make_store()
    out = tmp_path / "ev.gexf"
    export(store, Selection(events=["v4"]), "gexf", out)
    _, _, nodes, edges = _parse(out)
    assert set(nodes) == {"e1", "e5"} and edges == {}
