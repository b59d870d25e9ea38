#!/usr/bin/env python3
"""Rebuild the bundled demo corpus (``store/demo/``) from the project's shared folder.

Copies the seed article as-is and writes ``wikinews.jsonl``: one line per public Wikinews article
whose text is in ``shared/eval/data/*.jsonl`` (text only, never the gold annotations), deduplicated
by URL, with title, URL, date, source and the CC BY 2.5 attribution. Output is byte-for-byte
reproducible. Usage: ``python bench/build_demo.py [--shared PATH] [--out PATH]``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "000_c502444593958914.txt"
EVAL_FILES = ("ner_meantime_en.jsonl", "timex_meantime_en.jsonl", "timex_gum_news.jsonl")
LICENSE = "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); text from English Wikinews"
README = """# Demo corpus

What `make run` ingests, shipped inside the package so it works offline.

- `{seed}`: the seed article supplied with the project brief, copied as-is (its text begins with
  the inline dateline ` date 2025-06-10 `).
- `wikinews.jsonl`: {count} news articles from English Wikinews, one JSON object a line with
  `title`, `url`, `date`, `text`, `source` and `license`. The texts come from the evaluation data
  of the NewsReader MEANTIME corpus ({meantime} articles) and the GUM corpus ({gum} articles); only
  the article text and its metadata are kept, not the annotations. MEANTIME texts were rebuilt from
  tokens, so their spacing is not the original, and they stop after the first few sentences.

## Attribution
Text from English Wikinews (https://en.wikinews.org), licensed under Creative Commons Attribution 2.5
(https://creativecommons.org/licenses/by/2.5/). Each article's `url` names its Wikinews page and
authors (the page history). Corpus selection: NewsReader MEANTIME (FBK, VU Amsterdam, UPV/EHU) and
GUM (A. Zeldes et al.), whose annotations (CC BY 4.0) are not included here.

Rebuild with `python bench/build_demo.py` (reads `../shared`).
"""


def wikinews_articles(data_dir: Path) -> list[tuple[str, dict]]:
    """(corpus, demo record) from the eval files, MEANTIME first, each article once, sorted by id."""
    by_url: dict[str, tuple[str, dict]] = {}
    for file_name in EVAL_FILES:
        rows = [json.loads(line) for line in (data_dir / file_name).read_text("utf-8").splitlines() if line.strip()]
        for row in sorted(rows, key=lambda r: r["id"]):
            record = demo_record(row)
            by_url.setdefault(_url_key(record["url"]), (row["id"].split("/", 1)[0], record))
    return list(by_url.values())


def demo_record(row: dict) -> dict:
    """Title, URL, date and text of one eval document, plus source and licence."""
    text = row["text"]
    title = (row.get("title") or text.split("\n", 1)[0]).strip()
    url = row.get("url") or "https://en.wikinews.org/wiki/" + quote(title.replace(" ", "_"))
    date = row.get("date") or row.get("dct") or row.get("date_created_meta")
    return {"title": title, "url": url, "date": date, "text": text, "source": "Wikinews", "license": LICENSE}


def _url_key(url: str) -> str:
    return url.split("://", 1)[-1].lower().rstrip("/")


def build(shared: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "corpus" / "seed" / SEED_NAME, out / SEED_NAME)
    articles = wikinews_articles(shared / "eval" / "data")
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for _corpus, record in articles]
    (out / "wikinews.jsonl").write_text("".join(lines), encoding="utf-8")
    corpora = [corpus for corpus, _record in articles]
    counts = {"count": len(articles), "meantime": corpora.count("meantime_en"), "gum": corpora.count("gum_news")}
    (out / "README.md").write_text(README.format(seed=SEED_NAME, **counts), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "store" / "demo")
    args = parser.parse_args(argv)
    if not (args.shared / "eval" / "data").is_dir():
        print(f"{args.shared}: not the shared folder (no eval/data inside)", file=sys.stderr)
        return 1
    counts = build(args.shared, args.out)
    print(f"wrote {counts['count']} Wikinews articles and the seed to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
