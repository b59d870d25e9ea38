"""Issue 11 item 4: an entity named only in undated articles must not make the store unopenable."""
from __future__ import annotations

import json

from dateline.store import Store
from tests.store_helpers import article, talks_article
from tests.cli.test_cli import SEED, dateline
from dateline.tui.app.app import DatelineApp
from tui_fake_store import card_texts, entity_id_named, focus_by_filter, run_async, screen_text, settle

UNDATED = "Zebulon Quartermaine met port officials.\nZebulon Quartermaine said the port is open again.\n"


def test_item4_entity_only_in_undated_articles_stats_and_export(tmp_path):
    db, undated = tmp_path / "db", tmp_path / "undated.txt"
    undated.write_text(UNDATED, encoding="utf-8")
    ingest = dateline("ingest", "--db", str(db), str(SEED), str(undated))
    assert ingest.returncode == 0, ingest.stderr.decode()
    stats = dateline("stats", "--db", str(db), "--json")
    assert stats.returncode == 0 and not stats.stderr, stats.stderr.decode()
    assert json.loads(stats.stdout)["articles"] == 2
    plain = dateline("stats", "--db", str(db))
    assert plain.returncode == 0 and b"articles   2" in plain.stdout, plain.stderr.decode()
    out = tmp_path / "all.json"
    export = dateline("export", "--db", str(db), "--format", "json", "-o", str(out))
    assert export.returncode == 0, export.stderr.decode()
    assert "Zebulon Quartermaine" in out.read_text(encoding="utf-8")
    one = dateline("export", "--db", str(db), "--format", "csv", "--entity", "Zebulon Quartermaine")
    assert one.returncode == 0 and b"Zebulon Quartermaine" in one.stdout, one.stderr.decode()


def test_item4_undated_entity_counts_have_no_latest_date(tmp_path):
    body = "Zebulon Quartermaine spoke."
    with Store.open(tmp_path / "db", wait=1) as store:
        store.add_articles([talks_article(), article(body, [("Zebulon Quartermaine", "PERSON", body)],
                                                     published=None)])
        eid = entity_id_named(store, "Zebulon Quartermaine")
        assert store.entity_latest(eid) is None
        assert store.entity_counts(eid) == (1, 1)
        assert store.stats()["articles"] == 2


@run_async
async def test_item4_app_opens_and_focuses_an_entity_named_only_undated(tmp_path):
    folder = tmp_path / "db"
    body = "Zebulon Quartermaine spoke to the port authority."
    with Store.open(folder, wait=1) as writer:
        writer.add_articles([talks_article(), article(body, [("Zebulon Quartermaine", "PERSON", body)],
                                                      published=None, title="Undated note")])
    app = DatelineApp(str(folder))
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            assert "Zebulon Quartermaine" in screen_text(app)
            await focus_by_filter(pilot, "Zebulon")
            assert app.history.current.focus == entity_id_named(app.store, "Zebulon Quartermaine")
            assert "Zebulon Quartermaine" in "\n".join(card_texts(app))
            assert "focus: Zebulon Quartermaine" in screen_text(app)
    finally:
        if app.store is not None:
            app.store.close()
