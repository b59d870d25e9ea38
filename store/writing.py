"""Writing articles into a store: ingest commits and re-extraction (a mixin of ``Store``).

Every commit writes new shard files under a new generation and then switches the manifest, so a batch
or a whole re-extraction is stored entirely or not at all.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .catalog import catalog_doc, text_hash
from .index import MachineIndex
from . import journal
from .manifest import SHARD_SIZE, Shard
from .postings import shard_postings
from .shards import (CATALOG_TABLE, REGISTRY_TABLE, TEXTS_TABLE, read_catalog, read_table, read_texts, write_catalog,
                     write_table)
from .view import View

Progress = Callable[[int, int], None]


@dataclass
class NewArticle:
    """An article ready to store: its metadata, body and machine extraction."""

    title: str
    body: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    origin: str = ""
    extraction: dict | None = None
    sentences: list[tuple[int, int]] | None = None


class WritingMixin:
    """Ingest commits and re-extraction; needs ``Store``'s path, manifest, machine index and view."""

    # -- ingest -----------------------------------------------------------------------------------
    def known_article(self, url: str | None, body: str) -> str | None:
        """The id of an already stored article with this URL or the same normalised text."""
        if url and url in self.machine.by_url:
            return self.machine.by_url[url]
        return self.machine.by_hash.get(text_hash(body))

    def add_articles(self, items: Iterable[NewArticle]) -> list[str]:
        """Store new articles in one commit (an atomic manifest switch); returns their ids."""
        self._check_writable()
        docs, texts = [], []
        ingested = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        batch_keys: set[str] = set()
        for item in items:
            digest = text_hash(item.body)
            if self.known_article(item.url, item.body) or digest in batch_keys or item.url in batch_keys:
                continue
            batch_keys.update(k for k in (digest, item.url) if k)
            aid = digest[:16]
            meta = {"id": aid, "title": item.title, "url": item.url, "source": item.source,
                    "published": item.published, "ingested_at": ingested, "origin": item.origin,
                    "length": len(item.body), "hash": digest}
            docs.append(catalog_doc(meta, item.body, item.extraction or {}, item.sentences or [], self.machine))
            texts.append({"id": aid, "body": item.body})
        if docs:
            self._append_to_shards(docs, texts)
        return [d["id"] for d in docs]

    def _append_to_shards(self, docs: list[dict], texts: list[dict]) -> None:
        m = self.manifest
        gen = m.next_generation()
        shards = list(m.shards)
        old_files: list[str] = []
        kept = 0  # documents of a partly filled last shard, already indexed, rewritten with the new ones
        if shards and shards[-1].count < SHARD_SIZE:
            last = shards.pop()
            old_docs = read_catalog(self.path / last.catalog, last.catalog_sum)[0]
            kept = len(old_docs)
            docs = old_docs + docs
            old_texts = read_texts(self.path / last.texts, last.texts_sum)
            texts = [{"id": d["id"], "body": old_texts[d["id"]]} for d in old_docs] + texts
            old_files += [last.texts, last.catalog]
            first_n = last.n
        else:
            first_n = shards[-1].n + 1 if shards else 0
        parts = [(first_n + k // SHARD_SIZE, k) for k in range(0, len(docs), SHARD_SIZE)]
        with self._commit_files(gen, [name for n, _ in parts for name in m.shard_names(n, gen)], old_files) as done:
            new_shards = []
            for n, k in parts:
                tname, cname = m.shard_names(n, gen)
                tsum = write_table(self.path / tname, TEXTS_TABLE, texts[k:k + SHARD_SIZE])
                csum = write_catalog(self.path / cname, docs[k:k + SHARD_SIZE])
                new_shards.append(Shard(n, tname, cname, len(docs[k:k + SHARD_SIZE]), tsum, csum))
            done(shards + new_shards, self.machine)
        for shard in new_shards:
            start = (shard.n - first_n) * SHARD_SIZE
            part = docs[start:start + SHARD_SIZE]
            old, new = part[:max(0, kept - start)], part[max(0, kept - start):]
            self.machine.retarget(old, shard.texts)
            self.machine.add_shard(new, shard_postings(new), shard.texts)
        self.view.rebuild()

    @contextmanager
    def _commit_files(self, gen: int, creates: list[str], replaces: list[str]):
        """One commit of generation ``gen``: journal what it creates and replaces, let the body write the
        shard files and call ``done(shards, index)``, which writes the registry and switches the manifest;
        then remove the replaced files. A failure before the switch removes what was created."""
        m = self.manifest
        registry = m.registry_name(gen)
        replaces = [*replaces, *([m.registry] if m.registry else [])]
        journal.begin(self.path, gen, [*creates, registry], replaces)

        def done(shards: list[Shard], index: MachineIndex) -> None:
            rsum = write_table(self.path / registry, REGISTRY_TABLE, [e.as_doc() for e in index.registry])
            new = m.evolve(generation=gen, shards=shards, registry=registry, registry_sum=rsum)
            new.save()
            self.manifest = new
            self._texts.sums = {s.texts: s.texts_sum for s in shards}

        try:
            yield done
        except BaseException:
            if self.manifest is m:
                journal.abandon(self.path, [*creates, registry])
            raise
        for name in replaces:
            self._texts.forget(name)
        journal.finish(self.manifest, replaces)

    def reextract(self, extract: Callable[[str, str | None], tuple[dict, list]],
                  progress: Progress | None = None) -> int:
        """Run extraction again over every stored article; hand edits are untouched (they are overlays).

        ``extract(body, published)`` returns (extraction, sentences). All shards switch in one commit.
        """
        self._check_writable()
        m = self.manifest
        gen = m.next_generation()
        total = len(self.machine.order)
        done = 0
        new_shards, new_docs = [], []
        fresh = MachineIndex()
        with self._commit_files(gen, [m.shard_names(s.n, gen)[1] for s in m.shards],
                                [s.catalog for s in m.shards]) as commit:
            for shard in m.shards:
                bodies = read_texts(self.path / shard.texts, shard.texts_sum)
                docs = []
                for doc in read_table(self.path / shard.catalog, CATALOG_TABLE, shard.catalog_sum):
                    body = bodies[doc["id"]]
                    extraction, sentences = extract(body, doc.get("published"))
                    meta = {k: v for k, v in doc.items() if k not in ("e", "c", "m", "v", "f")}
                    docs.append(catalog_doc(meta, body, extraction, sentences, fresh))
                    done += 1
                    if progress:
                        progress(done, total)
                _, cname = m.shard_names(shard.n, gen)
                csum = write_catalog(self.path / cname, docs)
                new_shards.append(replace(shard, catalog=cname, catalog_sum=csum))
                new_docs.append((docs, shard.texts))
            commit(new_shards, fresh)
        for docs, texts_file in new_docs:
            fresh.add_shard(docs, shard_postings(docs), texts_file)
        self.machine = fresh
        self.view = View(self.machine, self.records)
        return done
