"""Writing articles into a store: ingest commits and re-extraction (``ArticleWriter``, owned by ``Store``).

Every commit writes new shard files under a new generation and then switches the manifest, so a batch
or a whole re-extraction is stored entirely or not at all.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.store.index.catalog import catalog_doc, text_hash
from dateline.store.guard import journal
from dateline.store.index.index import MachineIndex
from dateline.store.disk.integrity import FileSum
from dateline.store.disk.manifest import SHARD_SIZE, Shard
from dateline.store.index.postings import shard_postings
from dateline.store.disk.shards import (CATALOG_TABLE, REGISTRY_TABLE, TEXTS_TABLE, read_catalog, read_table,
                                        read_texts, write_catalog, write_table)

if TYPE_CHECKING:
    from dateline.store.state import StoreState

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


class ArticleWriter:
    """Ingest commits and re-extraction over an open store's ``state``; ``turn()`` is the store's write turn
    (its lock for the moment of one commit, after taking in what others committed)."""

    def __init__(self, state: StoreState, turn: Callable[[], AbstractContextManager]):
        self.state = state
        self._turn = turn

    # -- ingest -----------------------------------------------------------------------------------
    def known_article(self, url: str | None, body: str) -> str | None:
        """The id of an already stored article with this URL or the same normalised text."""
        if url and url in self.state.machine.by_url:
            return self.state.machine.by_url[url]
        return self.state.machine.by_hash.get(text_hash(body))

    def add_articles(self, items: Iterable[NewArticle]) -> list[str]:
        """Store new articles in one commit (an atomic manifest switch); returns their ids."""
        self.state.check_writable()
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
            docs.append(catalog_doc(meta, item.body, item.extraction or {}, item.sentences or [], self.state.machine))
            texts.append({"id": aid, "body": item.body})
        if docs:
            self._append_to_shards(docs, texts)
        return [d["id"] for d in docs]

    def _append_to_shards(self, docs: list[dict], texts: list[dict]) -> None:
        m = self.state.manifest
        gen = m.next_generation()
        shards = list(m.shards)
        old_files: list[str] = []
        kept = 0  # documents of a partly filled last shard, already indexed, rewritten with the new ones
        if shards and shards[-1].count < SHARD_SIZE:
            last = shards.pop()
            old_docs = read_catalog(self.state.path / last.catalog, last.catalog_sum)[0]
            kept = len(old_docs)
            docs = old_docs + docs
            old_texts = read_texts(self.state.path / last.texts, last.texts_sum)
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
                tsum = write_table(self.state.path / tname, TEXTS_TABLE, texts[k:k + SHARD_SIZE])
                # a last shard still filling is rewritten by the next commit: its cache waits for a tidy
                csum = write_catalog(self.state.path / cname, docs[k:k + SHARD_SIZE],
                                     cache=len(docs[k:k + SHARD_SIZE]) >= SHARD_SIZE)
                new_shards.append(Shard(n, tname, cname, len(docs[k:k + SHARD_SIZE]), tsum, csum))
            done(shards + new_shards, self.state.machine)
        for shard in new_shards:
            start = (shard.n - first_n) * SHARD_SIZE
            part = docs[start:start + SHARD_SIZE]
            old, new = part[:max(0, kept - start)], part[max(0, kept - start):]
            self.state.machine.retarget(old, shard.texts)
            self.state.machine.add_shard(new, shard_postings(new), shard.texts)
        self.state.view.rebuild()

    @contextmanager
    def _commit_files(self, gen: int, creates: list[str], replaces: list[str]):
        """One commit of generation ``gen`` (inside a write turn): journal what it creates and replaces, let
        the body write the shard files and call ``done(shards, index)``, which writes the registry and
        switches the manifest; then remove what the new manifest no longer names. A failure before the
        switch removes what was created."""
        m = self.state.manifest
        registry = m.registry_name(gen)
        old_registry = [m.registry] if m.registry else []
        commit = journal.Commit(self.state.path, gen, [*creates, registry], [*replaces, *old_registry])
        try:
            yield lambda shards, index: self._switch(commit, shards, index)
        except BaseException:
            if self.state.manifest is m:
                commit.abandon(m)
            raise
        for name in commit.replaces:
            self.state.texts.forget(name)
        commit.finish(self.state.manifest)

    def _switch(self, commit: journal.Commit, shards: list[Shard], index: MachineIndex) -> None:
        registry = self.state.manifest.registry_name(commit.generation)
        rsum = write_table(self.state.path / registry, REGISTRY_TABLE, [e.as_doc() for e in index.registry])
        # a re-extraction reserved its generation before other writers committed theirs: never go back
        generation = max(commit.generation, self.state.manifest.generation + 1)
        new = self.state.manifest.evolve(generation=generation, shards=shards, registry=registry, registry_sum=rsum)
        new.save()
        commit.mark_committed()
        self.state.manifest = new
        self.state.texts.sums = {s.texts: s.texts_sum for s in shards}

    def reextract(self, extract: Callable[[str, str | None], tuple[dict, list]] | None = None,
                  progress: Progress | None = None, on_error: Callable[[str], None] | None = None,
                  batch: Callable[[list[tuple[str, str | None]]], list] | None = None) -> int:
        """Run extraction again over every stored article; hand edits are untouched (they are overlays).
        An article whose extraction fails keeps its text with nothing extracted, and ``on_error`` hears
        one line naming it: one article never stops the rest. ``batch`` (e.g. ``ingest.Extractor.run``,
        a process pool) extracts a shard's articles at once instead of ``extract`` one by one.

        ``extract(body, published)`` returns (extraction, sentences). The work runs without the store's
        lock, so other writers go on; the switch of every shard at once is one short turn, which first
        extracts what others added meanwhile.
        """
        with self._turn():  # reserve a generation and journal it
            m = self.state.manifest
            gen = m.next_generation()
            commit = journal.Commit(self.state.path, gen, [m.shard_names(s.n, gen)[1] for s in m.shards]
                                    + [m.registry_name(gen)], [])
        fresh = MachineIndex()
        counter = _Counter(len(self.state.machine.order), progress, on_error)
        if batch is None:
            batch = lambda items: [_one(extract, body, published) for body, published in items]  # noqa: E731
        done: dict[int, tuple[Shard, list[dict], FileSum]] = {}
        try:
            for shard in m.shards:
                done[shard.n] = (shard, *self._extract_shard(shard, gen, fresh, batch, counter))
            with self._turn():  # what others committed meanwhile is in self.state.manifest now
                now = self.state.manifest
                new_shards, new_docs = [], []
                for shard in now.shards:
                    if shard.n in done and done[shard.n][0].texts == shard.texts:
                        _, docs, csum = done[shard.n]
                    else:  # added or grown by another writer while we worked: extract only its new articles
                        commit.extend([m.shard_names(shard.n, gen)[1]], [])
                        ready = {d["id"]: d for d in done[shard.n][1]} if shard.n in done else {}
                        counter.total += shard.count - len(ready)
                        docs, csum = self._extract_shard(shard, gen, fresh, batch, counter, ready)
                    new_shards.append(replace(shard, catalog=m.shard_names(shard.n, gen)[1], catalog_sum=csum))
                    new_docs.append((docs, shard.texts))
                commit.extend([], [s.catalog for s in now.shards] + ([now.registry] if now.registry else []))
                self._switch(commit, new_shards, fresh)
        except BaseException:
            if self.state.manifest.registry != m.registry_name(gen):  # the switch did not happen
                commit.abandon(self.state.manifest)
            raise
        commit.finish(self.state.manifest)
        for docs, texts_file in new_docs:
            fresh.add_shard(docs, shard_postings(docs), texts_file)
        self.state.machine = fresh
        self.state.rebuild_view()
        return counter.done

    def _extract_shard(self, shard: Shard, gen: int, fresh: MachineIndex, batch, counter: _Counter,
                       ready: dict[str, dict] | None = None) -> tuple[list[dict], FileSum]:
        """Extract one shard's articles again into ``fresh`` (but those ``ready`` already); write its new
        catalog (not yet live)."""
        bodies = read_texts(self.state.path / shard.texts, shard.texts_sum)
        rows = read_table(self.state.path / shard.catalog, CATALOG_TABLE, shard.catalog_sum)
        todo = [doc for doc in rows if not (ready and doc["id"] in ready)]
        results = dict(zip((doc["id"] for doc in todo),
                           batch([(bodies[doc["id"]], doc.get("published")) for doc in todo])))
        docs = []
        for doc in rows:
            if ready and doc["id"] in ready:
                docs.append(ready[doc["id"]])
                continue
            body, result = bodies[doc["id"]], results[doc["id"]]
            if isinstance(result, str):
                counter.failed(f"article {doc['id']} ({doc.get('title') or 'untitled'}): extraction failed "
                               f"({result}); kept with nothing extracted")
                result = ({}, [])
            meta = {k: v for k, v in doc.items() if k not in ("e", "c", "m", "v", "f")}
            docs.append(catalog_doc(meta, body, result[0], result[1], fresh))
            counter.tick()
        return docs, write_catalog(self.state.path / self.state.manifest.shard_names(shard.n, gen)[1], docs)


def _one(extract, body: str, published: str | None) -> tuple[dict, list] | str:
    """One article's extraction, or the error that stopped it as one line."""
    try:
        return extract(body, published)
    except Exception as exc:  # noqa: BLE001 - one article must never stop a re-extraction
        return f"{type(exc).__name__}: {exc}"


class _Counter:
    """Articles re-extracted so far, for the progress callback."""

    def __init__(self, total: int, progress: Progress | None, on_error: Callable[[str], None] | None):
        self.total, self.done, self.progress, self.on_error = total, 0, progress, on_error
        self.errors = 0

    def failed(self, line: str) -> None:
        self.errors += 1
        if self.on_error:
            self.on_error(line)

    def tick(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)
