"""The exporters against the real Store holding the seed article (the issue's "done when")."""
from __future__ import annotations

import csv
import json

import pytest

from dateline.store.export import FORMATS, export, filtered_selection

testing = pytest.importorskip("dateline.store.testing", reason="the real store is not importable")


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = testing.seed_store(tmp_path_factory.mktemp("seed") / "store")
    yield store
    store.close()


def test_lutnick_csv_has_events_and_figures_with_sentences(seed, tmp_path):
    sel = filtered_selection(seed, entities=["Howard Lutnick"])
    out = tmp_path / "out.csv"
    assert export(seed, sel, "csv", out) == len(sel)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    kinds = {r["kind"] for r in rows}
    assert {"entity", "mention", "event", "figure"} <= kinds
    for row in rows:
        if row["kind"] in ("mention", "event", "figure"):
            body = seed.body(row["article_id"])
            start, end = int(row["sentence_start"]), int(row["sentence_end"])
            assert row["sentence"].lstrip("'") == body[start:end].lstrip("'")
            assert "Lutnick" in row["participants"] + row["entities"] + row["entity_name"]
        if row["kind"] in ("mention", "figure"):
            assert body[int(row["start"]):int(row["end"])] == row["text"].lstrip("'")


def test_whole_seed_exports_in_every_format(seed, tmp_path):
    sel = filtered_selection(seed)
    for fmt in FORMATS:
        assert export(seed, sel, fmt, tmp_path / f"seed.{fmt}") > 0


def test_whole_seed_ftm_validates(seed, tmp_path):
    ftm = pytest.importorskip("followthemoney", reason="followthemoney not installed (test extra)")
    out = tmp_path / "seed.ftm.json"
    export(seed, filtered_selection(seed), "ftm", out)
    proxies = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    schemata = {p["id"]: p["schema"] for p in proxies}
    assert {"Person", "Event", "Article", "Mention"} <= set(schemata.values())
    for data in proxies:
        proxy = ftm.model.get_proxy(data, cleaned=False)
        assert [p for p in proxy.schema.required if not proxy.get(p)] == []
        for name, values in data["properties"].items():
            prop = proxy.schema.get(name)
            assert proxy.get(name) == values, (proxy.schema.name, name)
            if prop.type.name == "entity":
                for ref in values:
                    assert ftm.model.get(schemata[ref]).is_a(prop.range), (proxy.schema.name, name)
