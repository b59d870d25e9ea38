"""Held-out check of entity timelines: is each item's sentence one in which its entity takes part?

Thirteen real news excerpts: four on aviation (two from ``docs.py``, two quoted below), not read while the
first timeline rules were made, and nine more in ``timeline_docs.py`` (car makers, stock markets, airlines,
aircraft makers, 2006-2010) added later. For each target, the sentences in which it takes part (as
subject, object, speaker or participant, also when named "the airline", "the carrier", "its") were judged
by hand; everything else on its timeline is a false item. Each target is looked up as the kept-aside
benchmark does (exact name, alias, letters and digits only, for a person the same last name; the most
mentioned wins). Prints, per target and pooled: how it was found, items, P (items in a judged sentence /
items), Rs (judged sentences with at least one item / judged sentences); pooled also "found" (targets
found / targets), and the four first excerpts' first four targets apart (the earlier figure).

    python bench/heldout/timelines.py [--cmd .venv/bin/dateline] [--set unseen]

``--set unseen`` scores only the seven excerpts of ``unseen_docs.py`` (judged before any run, never tuned on).
"""
from __future__ import annotations

import argparse
import json
import re
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from bench.heldout.docs import DOCS  # noqa: E402
from bench.heldout.timeline_docs import EARLIER_JUDGED, NEW_DOCS, NEW_JUDGED, PERSONS  # noqa: E402
from bench.heldout.unseen_docs import UNSEEN_DOCS, UNSEEN_JUDGED, UNSEEN_PERSONS  # noqa: E402
from dateline.store.extract.sentences import split_sentences  # noqa: E402

ALITALIA = {  # quoted for measurement only; copyright stays with the publisher
    "id": "irishtimes-2006-alitalia",
    "url": "https://irishtimes.com/business/alitalia-falls-10-over-poor-outlook-1.1006642",
    "published": None,
    "text": (
        "Alitalia falls 10% over poor outlook\n"
        "\n"
        "Shares in Italian state-owned airline Alitalia lost more than 10 per cent yesterday as a "
        "government minister was quoted as saying he might remove chief executive Giancarlo Cimoli,"
        " the architect of the carrier's rescue plan.\n"
        "Alitalia's stock closed down 10.9 per cent at 77 cent, pulling back from a new low of 75 "
        "cent earlier in the day. The poor share performance follows uncertainty over the airline's"
        " industrial plan after disappointing first-quarter results and a revival of union threats "
        "to strike.\n"
        "Alitalia has also declined to confirm its longstanding promise of a 2006 profit. Italy's "
        "new transport minister Alessandro Bianchi, who is part of the centre-left government "
        "elected last month, was quoted as saying Mr Cimoli's job was \"necessarily one of the "
        "subjects under discussion\".\n"
        "The Italian state holds 49.9 percent of the airline.\n"
        "\"I am not fond of the formula, 'change the government, change the management', but it is "
        "clear that even this needs to be discussed because if there are things that are not "
        "working, the management should have the answers,\" he said.\n"
        "\"We know only that the accounts of this company have worsened lately and we should "
        "understand why.\"\n"
        "Alitalia said its operating loss widened to €128.8 million in the first three months of "
        "the year as fuel costs and strikes weighed on results. Revenues fell 3.1 per cent to €965 "
        "million when measured against the same period in 2005.\n"
        "The last few weeks have been bad for European airlines, mainly because of escalating jet "
        "fuel prices. Air Berlin, a German low-fare operator, had to reduce its flotation price "
        "after some buyers withheld support."
    ),
}

RTE_A380 = {  # quoted for measurement only; copyright stays with the publisher
    "id": "rte-2008-a380",
    "url": "https://www.rte.ie/news/business/2008/0506/102963-airbus-business",
    "published": "2008-05-06",
    "text": (
        "Airbus A380 jet may be delayed again\n\n"
        "European plane maker Airbus is reviewing the delivery schedule of its flagship A380 "
        "superjumbo jet, and its most important client Emirates said today it had been told to "
        "expect new delays.\n\n"
        "Airbus chief executive Thomas Enders said he was running 'a major review' of the A380 "
        "production programme, which has already suffered three delays and generated billions of "
        "euros in cost overruns.\n\n"
        "He told German media, however, he would not 'shoot from the hip' to come up with new "
        "delivery dates. He said that he does not yet have the results of the major review.\n\n"
        "Meanwhile, Dubai's Emirates, the largest A380 customer with an order for 58 of the massive"
        " aircraft, said it had received a letter from Airbus about delays.\n\n"
        "The flagship A380 has been hit by successive problems that have caused total delays of 18 "
        "months, slamming Airbus' parent company EADS with an estimated €3.87 billion in cost "
        "overruns.\n\n"
        "Cooperation between an Airbus site in the northern German port of Hamburg and the southern"
        " French city of Toulouse, where final assembly takes place, has hit snags and 2,000 German"
        " employees are now working in Toulouse to sort out the problems, Mr Enders said.\n\n"
        "A total of 193 A380s have been ordered to date by 17 airlines, mainly in the Gulf region, "
        "Asia and Europe.\n\n"
        "The plane has a catalogue price of €210m, though sector discounts are the norm for major "
        "customers.\n\n"
        "US rival Boeing had been able to capitalise on the earlier A380 problems as it launched "
        "its own next-generation B787 Dreamliner, but this project too has been hit by delays "
        "caused by the immense complexity of the design and construction process.\n\n"
        "Boeing recently insisted that there would be no further delay to the 787."
    ),
}

# doc id -> target -> the starts of the sentences in which the target takes part (judged by hand)
JUDGED = {
    "moneycontrol-2025-airbus": {
        "Airbus": ["Airbus first landed", "Airbus CEO Guillaume", "Airbus SE kicked"],
        "Boeing": ["Airbus SE kicked", "As a result, Boeing"],
    },
    "seattletimes-2019-boeing-787": {
        "Airbus": ["PARIS, France", "Boeing got in", "Saudi Arabian Airlines increased", "The deal, including"],
        "Boeing": ["PARIS, France", "Boeing got in", "Boeing won", "The carrier agreed"],
    },
    "rte-2008-a380": {
        "A380": ["European plane maker", "Airbus chief executive", "The flagship A380", "A total of 193",
                 "The plane has", "US rival Boeing"],
        "Airbus": ["European plane maker", "Airbus chief executive", "Meanwhile, Dubai's"],
        "Boeing": ["US rival Boeing", "Boeing recently"],
    },
    "irishtimes-2006-alitalia": {
        "Alitalia": ["Shares in Italian", "Alitalia's stock", "Alitalia has also", "The Italian state holds",
                     "\"We know only", "Alitalia said its", "Revenues fell"],
    },
}


for _doc, _targets in {**NEW_JUDGED, **EARLIER_JUDGED}.items():
    for _target, _starts in _targets.items():
        JUDGED.setdefault(_doc, {})[_target] = _starts
FIRST_TARGETS = ("Airbus", "Boeing", "Alitalia", "A380")
FIRST_DOCS = ("moneycontrol-2025-airbus", "seattletimes-2019-boeing-787", "rte-2008-a380", "irishtimes-2006-alitalia")


def find_entity(name: str, entities: list[dict]) -> tuple[dict | None, str]:
    """The entity a reader looking for `name` would take, and how it was found (as the kept-aside benchmark)."""
    def norm(text: str) -> str:
        return re.sub(r"[^0-9a-z]", "", text.casefold())
    tiers = (("exact", lambda e: e["name"] == name),
             ("alias", lambda e: name.casefold() in [n.casefold() for n in [e["name"], *e["aliases"]]]),
             ("norm", lambda e: norm(name) in [norm(n) for n in [e["name"], *e["aliases"]]]),
             ("last", lambda e: name in PERSONS and e["type"] == "PERSON"
              and e["name"].split()[-1] == name.replace(" Jr.", "").split()[-1]))
    for how, ok in tiers:
        hits = [e for e in entities if ok(e)]
        if hits:
            return max(hits, key=lambda e: (sum(s["mentions"] for s in e["sources"]), e["name"])), how
    return None, "no"


def run(cmd: list[str], *args: str) -> str:
    return subprocess.run(cmd + list(args), capture_output=True, text=True, check=True).stdout


def score_target(cmd: list[str], db: str, target: str, entity: dict,
                 articles: dict[str, tuple[str, str]]) -> list[tuple]:
    """One (doc, kind, date, judged start or None, sentence) per event or figure on the entity's timeline."""
    lines = run(cmd, "export", "--db", db, "--format", "jsonl", "--entity", entity["name"], "-o", "-").splitlines()
    out = []
    for r in map(json.loads, lines):
        if r["kind"] not in ("event", "figure") or r.get("article_id") not in articles:
            continue
        doc, body = articles[r["article_id"]]
        anchor = r["start"] if r["kind"] == "figure" else r["sentence_start"]
        sentence = next((body[a:b] for a, b in split_sentences(body) if a <= anchor < b), "")
        hit = next((s for s in JUDGED.get(doc, {}).get(target, []) if sentence.startswith(s)), None)
        out.append((doc, r["kind"], r.get("date") or r.get("period"), hit, sentence))
    return out


def pooled(rows: dict[str, list[tuple]], targets: list[str], docs: set[str]) -> tuple[float, float, int]:
    """(P, Rs, items) over the given targets, counting only the given documents."""
    items = good = judged = covered = 0
    for target in targets:
        mine = [row for row in rows.get(target, []) if row[0] in docs]
        items, good = items + len(mine), good + sum(row[3] is not None for row in mine)
        judged += sum(len(JUDGED[d].get(target, [])) for d in docs if d in JUDGED)
        covered += len({(row[0], row[3]) for row in mine if row[3] is not None})
    return (good / items if items else 0.0), (covered / judged if judged else 0.0), items


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default=".venv/bin/dateline")
    ap.add_argument("--set", choices=("heldout", "unseen"), default="heldout",
                    help="heldout: the thirteen excerpts (looked at while fixing); unseen: only unseen_docs.py")
    args = ap.parse_args()
    cmd = args.cmd.split()
    unseen = args.set == "unseen"
    if unseen:
        JUDGED.clear()
        JUDGED.update(UNSEEN_JUDGED)
        PERSONS.clear()
        PERSONS.update(UNSEEN_PERSONS)
    docs = UNSEEN_DOCS if unseen else [d for d in DOCS if d["id"] in JUDGED] + [ALITALIA, RTE_A380] + NEW_DOCS
    work = tempfile.mkdtemp(prefix="heldout-tl-")
    files = []
    for doc in docs:
        title, _, body = doc["text"].partition("\n\n")
        path = os.path.join(work, doc["id"] + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"title: {title}\n" + (f"date: {doc['published']}\n" if doc["published"] else "") + "\n" + body)
        files.append(path)
    db = os.path.join(work, "store")
    run(cmd, "ingest", "--db", db, *files)
    records = [json.loads(x) for x in run(cmd, "export", "--db", db, "--format", "jsonl", "-o", "-").splitlines()]
    articles = {r["id"]: (os.path.basename(r["origin"])[:-4], r["body"]) for r in records if r["kind"] == "article"}
    entities = [r for r in records if r["kind"] == "entity"]
    targets = sorted({t for judged in JUDGED.values() for t in judged})
    rows: dict[str, list[tuple]] = {}
    found = 0
    print(f"{'target':28} {'found as':36} {'items':>5} {'P':>5} {'Rs':>5}")
    for target in targets:
        entity, how = find_entity(target, entities)
        rows[target] = score_target(cmd, db, target, entity, articles) if entity else []
        found += entity is not None
        p, rs, n = pooled(rows, [target], set(JUDGED))
        label = f"{entity['name']} ({entity['type']}, {how})" if entity else "-"
        print(f"{target:28.28} {label:36.36} {n:5d} {p:5.2f} {rs:5.2f}")
        if os.environ.get("HELDOUT_SHOW"):
            for doc, kind, when, hit, sentence in rows[target]:
                if hit is None:
                    print(f"    false: {kind} {when} {doc} | {sentence[:120]!r}")
            got = {(row[0], row[3]) for row in rows[target]}
            for doc, judged in JUDGED.items():
                for start in judged.get(target, []):
                    if (doc, start) not in got:
                        print(f"    missed: {doc} | {start}")
    p, rs, n = pooled(rows, targets, set(JUDGED))
    print(f"{'pooled, all':65} {n:5d} {p:5.2f} {rs:5.2f}   found {found}/{len(targets)} = {found / len(targets):.2f}")
    if unseen:
        return
    p, rs, n = pooled(rows, list(FIRST_TARGETS), set(FIRST_DOCS))
    print(f"{'pooled, first four excerpts and targets':65} {n:5d} {p:5.2f} {rs:5.2f}")


if __name__ == "__main__":
    main()
