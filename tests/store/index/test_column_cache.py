"""Column caches (``store/index/column_cache.py``, ``store/disk/column_cache.py``): a store opened through its
caches answers every read as one opened from its JSON catalogs; a cache that is damaged, of another version,
derived from another catalog or hostile is ignored (the JSON is read); only a writer under the lock writes
missing caches; stale caches are debris and nothing else is removed."""
from __future__ import annotations

import copy
import os
import pickle
from array import array

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.store import Store
from dateline.store.disk import column_cache as cache_file
from dateline.store.disk.column_cache import cache_bytes, cache_name, read_cache
from dateline.store.guard.journal import remove_debris
from dateline.store.index import column_cache
from dateline.store.index.column_cache import NotImaged, add_image, image_of
from dateline.store.index.index import SLOT, MachineIndex
from dateline.store.index.postings import shard_postings
from dateline.store.testing import seed_store
from tests.store_helpers import article, talks_article


def _exact(value):
    """A value with its types spelled out (1, 1.0 and True are equal in Python; arrays and lists are not)."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_exact(v) for v in value])
    if isinstance(value, array):
        return ("array", value.tolist())
    if isinstance(value, dict):
        return ("dict", sorted((k, _exact(v)) for k, v in value.items()))
    return (type(value).__name__, repr(value))


def snapshot(machine: MachineIndex) -> dict:
    """Everything an open store's machine index answers with."""
    tables = {name: (_exact([table.row(g) for g in range(len(table))]), list(getattr(table, "start", [])))
              for name, table in (("meta", machine.meta), ("events", machine.events), ("figures", machine.figures))}
    postings = {name: {key: (list(p[key]), list(p.extra(key))) for key in p}
                for name, p in (("arts", machine.posting), ("ev", machine.ev_post), ("fig", machine.fig_post))}
    return {"order": machine.order, "number": machine.number, "texts_file": machine.texts_file, "tables": tables,
            "postings": postings, "mcount": machine.mcount, "n_articles": machine.n_articles,
            "latest": machine.latest, "counts": (machine.n_mentions, machine.n_events, machine.n_figures),
            "published": (machine.first_published, machine.last_published), "by_url": machine.by_url,
            "by_hash": machine.by_hash, "docs": {aid: _exact(machine.docs[aid]) for aid in machine.order},
            "mentions": {aid: list(machine.mention_rows(aid)) for aid in machine.order}}


def _open_from_json(folder, monkeypatch) -> dict:
    with monkeypatch.context() as m:
        m.setattr(cache_file, "read_cache", lambda *a, **k: None)
        with Store.open(folder, readonly=True) as store:
            assert store.state.json_read == {s.catalog for s in store.manifest.shards}
            return snapshot(store.machine)


def _open_through_caches(folder) -> tuple[dict, set[str]]:
    with Store.open(folder, readonly=True) as store:
        return snapshot(store.machine), set(store.state.json_read)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache") / "db"
    seed_store(folder, demo=True).close()  # one shard still filling: the writer leaves its cache to a tidy
    assert not list(folder.glob("*.cols"))
    Store.open(folder).close()  # checked, then tidied under the lock: the missing cache is written
    return folder


def _copy(demo, tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    for p in demo.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def test_a_store_opened_through_its_caches_answers_as_one_opened_from_json(demo, monkeypatch):
    with Store.open(demo, readonly=True) as store:
        shards = store.manifest.shards
    assert shards and all((demo / cache_name(s.catalog)).exists() for s in shards)
    got, read_json = _open_through_caches(demo)
    assert not read_json
    assert got == _open_from_json(demo, monkeypatch) and got["order"]


# -- hypothesis: catalogs of every shape, the odd ones read from JSON -------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=6),
                    st.sampled_from(["2025-06", "", "é\u2028", "x" * 30]))
strings = st.one_of(st.none(), st.sampled_from(["2025-06-01", "2024-01", "", "day", "month", "Ünïcode"]))


@st.composite
def catalogs(draw, n_registry=6):
    odd = draw(st.booleans())  # values some packed columns do not take: the columns fall back
    field = scalars if odd else strings
    docs = []
    for k in range(draw(st.integers(0, 5))):
        local = draw(st.lists(st.integers(0, n_registry - 1), max_size=4, unique=True))
        nl = max(len(local), 1)
        events = [[draw(st.sampled_from(["1.0", "2.5"])), draw(field), draw(strings), draw(field), draw(field),
                   draw(st.lists(st.integers(0, nl - 1), max_size=3)) if local else [], -1 if not local else 0,
                   draw(st.integers(0, 99)), draw(st.integers(0, 2**35) if odd else st.integers(0, 99)),
                   draw(st.one_of(st.just([]), st.lists(st.lists(st.text(max_size=3), max_size=4), max_size=2)))]
                  [:draw(st.integers(9, 10))] for _ in range(draw(st.integers(0, 3)))]
        figures = [[draw(st.integers(0, 9)), draw(st.integers(0, 9)), draw(field), draw(scalars), draw(field),
                    draw(field), draw(strings), draw(strings), draw(scalars),
                    draw(st.lists(st.integers(0, nl - 1), max_size=2)) if local else [], 0, 1,
                    draw(strings)][:draw(st.integers(12, 13))] for _ in range(draw(st.integers(0, 2)))]
        docs.append({"id": f"a{draw(st.integers(0, 40))}", "title": draw(field), "url": draw(strings),
                     "source": draw(strings), "published": draw(strings), "ingested_at": draw(strings),
                     "origin": draw(field), "length": draw(scalars) if odd else draw(st.integers(0, 10**6)),
                     "hash": f"h{k}", "m": "", "e": local, "c": [draw(st.integers(1, 5)) for _ in local],
                     "v": events, "f": figures})
    return orjson.loads(orjson.dumps(docs))  # as parsed from a file


REGISTRY = [{"id": f"e{g}", "name": f"Name {g}", "type": "ORG"} for g in range(6)]


def _through_cache(docs: list[dict], postings: dict):
    """The image of a shard after a trip through a cache file's bytes (None when it is not imaged)."""
    try:
        image = image_of(docs, postings)
    except NotImaged:
        return None
    raw = cache_bytes("catalog-00000.g1.json", cache_file.FileSum(1, "00000000"), image)
    return column_cache.decode(cache_file._blocks(raw, "catalog-00000.g1.json", cache_file.FileSum(1, "00000000")),
                               len(REGISTRY))


@settings(max_examples=150, deadline=None)
@given(shards=st.lists(catalogs(), min_size=1, max_size=4), url_index=st.booleans())
def test_any_catalog_indexes_the_same_through_its_cache_or_its_json(shards, url_index):
    from_json, from_cache = MachineIndex(REGISTRY), MachineIndex(REGISTRY)
    if url_index:  # an ingest asked for them before: each new shard adds to them
        from_json.by_url, from_json.by_hash, from_cache.by_url, from_cache.by_hash  # noqa: B018
    imaged = 0
    for s, docs in enumerate(shards):
        postings = shard_postings(docs)
        from_json.add_shard(copy.deepcopy(docs), copy.deepcopy(postings), f"texts-{s:05d}.g1.json")
        image = _through_cache(copy.deepcopy(docs), copy.deepcopy(postings))
        if image is None:
            from_cache.add_shard(copy.deepcopy(docs), copy.deepcopy(postings), f"texts-{s:05d}.g1.json")
        else:
            add_image(from_cache, image, f"texts-{s:05d}.g1.json")
            imaged += 1
    assert snapshot(from_cache) == snapshot(from_json)


# -- damaged and hostile caches are ignored -------------------------------------------------------------------
def _recode(raw: bytes, mutate) -> bytes:
    """A cache whose decoded image was changed by ``mutate``, re-encoded with sound checksums."""
    header_end = len(cache_file.MAGIC) + 4 + int.from_bytes(raw[8:12], "little")
    header = orjson.loads(raw[12:header_end])
    blocks = cache_file._blocks(raw, header["catalog"], cache_file.FileSum(header["bytes"], header["crc32"]))
    image = column_cache.decode(blocks, 10**9)
    mutate(image)
    return cache_bytes(header["catalog"], cache_file.FileSum(header["bytes"], header["crc32"]), image)


def _header(raw: bytes, **changes) -> bytes:
    end = 12 + int.from_bytes(raw[8:12], "little")
    header = {**orjson.loads(raw[12:end]), **changes}
    encoded = orjson.dumps(header)
    return raw[:8] + len(encoded).to_bytes(4, "little") + encoded + raw[end:]


def _pool_of(image, kind):
    for column in image.meta.columns + image.events.columns:
        if type(column).__name__ == "Pooled":
            return column
    raise AssertionError("no pooled column")


DAMAGE = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[:len(raw) // 2],
    "one byte less": lambda raw: raw[:-1],
    "a flipped payload byte": lambda raw: raw[:-10] + bytes([raw[-10] ^ 0x40]) + raw[-9:],
    "wrong magic": lambda raw: b"XXCOLS\x00\n" + raw[8:],
    "another version": lambda raw: _header(raw, version=2),
    "another catalog's sum": lambda raw: _header(raw, crc32="00000000"),
    "another catalog's name": lambda raw: _header(raw, catalog="catalog-00001.g2.json"),
    "bad block lengths": lambda raw: _header(raw, blocks=orjson.loads(raw[12:12 + int.from_bytes(raw[8:12], "little")])
                                              ["blocks"][:-1]),
    "a huge header length": lambda raw: raw[:8] + (2**31).to_bytes(4, "little") + raw[12:],
    "codes out of range": lambda raw: _recode(raw, lambda im: _pool_of(im, "s").pool.clear()),
    "a pooled value that is no string": lambda raw: _recode(raw, lambda im: _pool_of(im, "s").pool.__setitem__(0, 5)),
    "an article id missing": lambda raw: _recode(raw, lambda im: im.ids.pop()),
    "an entity position past the registry": lambda raw: _recode(
        raw, lambda im: im.meta.columns[9].flat.__setitem__(0, 10**6)),
    "a posting past the shard": lambda raw: _recode(raw, lambda im: im.postings["arts"].__setitem__(0, 10**6)),
    "an event ref past the shard": lambda raw: _recode(raw, lambda im: im.postings.__setitem__(
        "ev", array("q", [10**6 * SLOT, *im.postings["ev"][1:]]))),
    "a text row cut inside a character": lambda raw: _recode(raw, lambda im: _cut_text(im)),
    "a pickle": lambda raw: pickle.dumps(os.system),
}


def _cut_text(image) -> None:
    texts = image.meta.columns[0]  # titles
    texts.blob[:0] = "é".encode()
    texts.ends[1:] = array("q", [e + 1 for e in texts.ends[1:]])


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_cache_is_ignored_and_the_store_opens_as_from_json(demo, tmp_path, monkeypatch, damage):
    folder = _copy(demo, tmp_path)
    with Store.open(folder, readonly=True) as store:
        shard = store.manifest.shards[0]
        n_registry = len(store.machine.registry)
    path = folder / cache_name(shard.catalog)
    damaged = DAMAGE[damage](path.read_bytes())
    path.write_bytes(damaged)
    assert read_cache(folder, shard.catalog, shard.catalog_sum, n_registry) is None
    got, read_json = _open_through_caches(folder)
    assert read_json == {shard.catalog}
    assert got == _open_from_json(folder, monkeypatch)
    assert path.read_bytes() == damaged  # a read-only open writes nothing


def test_a_hostile_cache_can_only_be_ignored(demo, tmp_path):
    folder = _copy(demo, tmp_path)
    with Store.open(folder, readonly=True) as store:
        shard = store.manifest.shards[0]
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Evil())
    raw = (folder / cache_name(shard.catalog)).read_bytes()
    (folder / cache_name(shard.catalog)).write_bytes(raw[:12 + int.from_bytes(raw[8:12], "little")] + payload)
    _, read_json = _open_through_caches(folder)
    assert read_json == {shard.catalog} and not marker.exists()


# -- who writes caches ---------------------------------------------------------------------------------------
def test_missing_and_damaged_caches_are_written_by_a_writer_only(demo, tmp_path, monkeypatch):
    folder = _copy(demo, tmp_path)
    with Store.open(folder, readonly=True) as store:
        caches = [folder / cache_name(s.catalog) for s in store.manifest.shards]
    want = {p.name: p.read_bytes() for p in caches}  # a stale one (of a replaced catalog) goes at the tidy
    caches[0].unlink()
    with Store.open(folder, readonly=True):
        pass
    with Store.open(folder, verify=False):  # not checked yet: nothing is written
        pass
    assert not caches[0].exists()
    with Store.open(folder):  # checked, then tidied under the lock: the cache is back, byte for byte
        pass
    assert {p.name: p.read_bytes() for p in folder.glob("*.cols")} == want
    caches[0].write_bytes(b"junk")
    with Store.open(folder) as store:
        assert store.state.json_read == set()  # written at the tidy of this open
    assert caches[0].read_bytes() == want[caches[0].name]
    assert _open_through_caches(folder)[0] == _open_from_json(folder, monkeypatch)


# -- debris ---------------------------------------------------------------------------------------------------
def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_only_stale_caches_and_dead_temp_files_are_debris(tmp_path, monkeypatch):
    monkeypatch.setattr("dateline.store.writing.SHARD_SIZE", 1)  # each shard full: the writer caches it
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
        old = s.manifest.shards[0].catalog
        assert (folder / cache_name(old)).exists()
        body = "Report from Paris on trade."
        s.reextract(lambda b, p: (article(b, [("Paris", "PLACE", b)] if "Paris" in b else []).extraction, []))
        s.add_articles([article(body, [("Paris", "PLACE", body)], title="Paris")])
        live = s.manifest.shards[0].catalog
    assert not (folder / cache_name(old)).exists()  # its catalog is gone: removed by the next write turn
    assert (folder / cache_name(live)).exists()
    stale = folder / "catalog-00007.g1.cols"  # its catalog is gone: debris
    kept = [folder / "catalog-00008.g1.cols", folder / "notes.cols", folder / "catalog-00000.g1.cols.bak"]
    (folder / "catalog-00008.g1.json").write_bytes(b"{}")  # a catalog on disk: its cache stays with it
    dead_temp = folder / f"{cache_name(live)}.tmp-{_dead_pid()}"
    live_temp = folder / f"{cache_name(live)}.tmp-{os.getppid()}"
    for p in [stale, *kept, dead_temp, live_temp]:
        p.write_bytes(b"x")
    with Store.open(folder, wait=1) as s:  # checked, then tidied: the debris goes
        assert not stale.exists() and not dead_temp.exists()
        assert remove_debris(s.manifest) == []
    assert all(p.exists() for p in [*kept, live_temp, folder / cache_name(live)])


# -- following ------------------------------------------------------------------------------------------------
def test_a_follower_reads_another_writers_new_shards_through_their_caches(tmp_path, monkeypatch):
    monkeypatch.setattr("dateline.store.writing.SHARD_SIZE", 1)  # each article its own shard
    folder = tmp_path / "s"
    with Store.open(folder, wait=1) as s:
        s.add_articles([talks_article()])
    follower = Store.open(folder, wait=1)
    try:
        with Store.open(folder, wait=1) as other:  # another process, in effect
            body = "Report from Paris on trade."
            other.add_articles([article(body, [("Paris", "PLACE", body)], title="Paris", url="https://x.invalid/p")])
        assert follower.follow().new_articles == 1
        assert follower.state.json_read == set()  # the new shard came from its cache
        got = snapshot(follower.machine)
    finally:
        follower.close()
    assert got == _open_from_json(folder, monkeypatch)
    assert len(got["order"]) == 2
