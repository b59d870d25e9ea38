#!/usr/bin/env python3
"""Generate a realistic news corpus of N articles for benchmarks, deterministically.

Articles are recombined from the sentences of the bundled real articles (the demo corpus), mixed
with sentences naming people, organisations and places drawn from synthetic pools that grow with the
corpus, with a Zipf frequency (a few names everywhere, most rarely), and publication dates spread over ten
years. Output: JSONL files of up to 1,000 articles that ``dateline ingest`` reads.

    python bench/generate.py --articles 10000 --out /tmp/corpus-10k [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.store.demo import demo_paths  # noqa: E402
from dateline.store.extract.sentences import split_sentences  # noqa: E402

FIRST = ("Amina Carlos Mei Olga Rahul Sofia Tomasz Yusuf Elena Kwame Ingrid Hiro Lucia Omar Priya Sven "
         "Fatima Diego Anna Jamal Keiko Pavel Zainab Marco Leila Bruno Chloe Dmitri Esther Felipe "
         "Abena Bjorn Camila Darius Emeka Farah Goran Hana Ismael Jana Kofi Lena Mateo Nadia Oskar Paula "
         "Quentin Rosa Samir Tova Umar Vera Wen Ximena Yara Zoltan Aditi Bilal Carmen Dorota").split()
LAST = ("Okafor Lindqvist Tanaka Moreau Haddad Kowalski Singh Ferreira Novak Mensah Costa Ibrahim "
        "Petrov Suzuki Garcia Nakamura Schmidt Rossi Adeyemi Larsen Dubois Kaur Mwangi Horvat Silva").split()
ORG_HEAD = ("Northwind Bluepeak Meridian Solace Harbor Crescent Vantage Granite Aurora Keystone Summit "
            "Pioneer Atlas Cobalt Evergreen Silverline Redwood Ironbridge").split()
ORG_TAIL = ("Holdings", "Group", "Bank", "Motors Co.", "Energy Corp.", "Pharmaceuticals Inc.", "Airlines",
            "Telecom", "Ministry of Trade", "University")
PLACES = ("Nairobi Lisbon Jakarta Lima Oslo Hanoi Accra Quito Tbilisi Manila Bogota Dakar Riga Kampala "
          "Montevideo Tunis Yerevan Windhoek Vilnius Tallinn").split()
TEMPLATES = (
    "{person}, chief executive of {org}, said on {weekday} that the company would expand in {place}.",
    "Officials in {place} met {person} last week to discuss a {pct}% rise in exports.",
    "{org} reported revenue of ${money} billion for the quarter, up {pct}% from a year earlier.",
    "{person} told reporters in {place} that talks with {org} would resume in {month}.",
    "Shares of {org} fell {pct}% on {weekday} after {person} announced new restrictions.",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()
MONTHS = "January February March April May June July August September October November".split()


def real_sentences() -> list[str]:
    """Sentences of the bundled real articles (bodies only)."""
    out = []
    for path in demo_paths():
        texts = ([json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                 if path.suffix == ".jsonl" else [path.read_text(encoding="utf-8")])
        for text in texts:
            for a, b in split_sentences(text):
                s = " ".join(text[a:b].split())
                if 40 <= len(s) <= 400 and not s.startswith("date "):
                    out.append(s)
    return out


def zipf_pick(rng: random.Random, pool: list[str]) -> str:
    """Pick with frequency ~ 1/rank (rank = len(pool) ** u, u uniform): a few names are everywhere,
    most are rare, and the number of distinct names grows with the corpus as in real news."""
    return pool[min(int(len(pool) ** rng.random()) - 1, len(pool) - 1)]


def build_pools(rng: random.Random, n_articles: int) -> tuple[list[str], list[str]]:
    """Name pools that grow with the corpus (about one person and a third of an organisation per
    article): "Amina Okafor", "Amina K. Okafor", "Amina Okafor-Lindqvist"; "Northwind Holdings",
    "Northwind Cobalt Holdings"."""
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    people += [f"{f} {i}. {last}" for f in FIRST for i in "ABCDEFGHJKLMNPRSTVW" for last in LAST]
    people += [f"{f} {last}-{m}" for f in FIRST for last in LAST for m in LAST if last != m]
    orgs = [f"{h} {t}" for h in ORG_HEAD for t in ORG_TAIL]
    orgs += [f"{h} {g} {t}" for h in ORG_HEAD for g in ORG_HEAD if g != h for t in ORG_TAIL]
    rng.shuffle(people)
    rng.shuffle(orgs)
    return people[:max(len(FIRST) * len(LAST), n_articles)], orgs[:max(len(ORG_HEAD) * len(ORG_TAIL), n_articles // 3)]


def article(rng: random.Random, k: int, pool: list[str], people: list[str], orgs: list[str],
            start: dt.date) -> dict:
    published = start + dt.timedelta(days=rng.randrange(3650))
    sentences = rng.sample(pool, rng.randint(4, 9))
    for _ in range(rng.randint(2, 4)):
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(TEMPLATES).format(
            person=zipf_pick(rng, people), org=zipf_pick(rng, orgs), place=rng.choice(PLACES),
            weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), pct=round(rng.uniform(0.5, 40), 1),
            money=round(rng.uniform(0.2, 90), 1)))
    title = sentences[0][:80].rstrip(" ,.;")
    return {"title": f"{title} ({k})", "date": published.isoformat(), "url": f"https://bench.invalid/a/{k}",
            "source": "Generated", "text": "\n\n".join(sentences)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-file", type=int, default=1000)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    pool = real_sentences()
    people, orgs = build_pools(rng, a.articles)
    a.out.mkdir(parents=True, exist_ok=True)
    start = dt.date(2015, 1, 1)
    for f in range(0, a.articles, a.per_file):
        with open(a.out / f"corpus-{f // a.per_file:05d}.jsonl", "w", encoding="utf-8") as fh:
            for k in range(f, min(f + a.per_file, a.articles)):
                fh.write(json.dumps(article(rng, k, pool, people, orgs, start), ensure_ascii=False) + "\n")
    print(f"wrote {a.articles} articles to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
