"""What the detail pane shows, read from the store: an article for the reader, the store overview."""
from __future__ import annotations

from dateline.tui.panes.article_reader import ReaderData
from dateline.tui.messages import ArticleTarget, SentenceTarget
from dateline.tui.panes.record_facts import record_facts


def reader_data(store, target: ArticleTarget | SentenceTarget, by_id: dict, focus: str | None = None) -> ReaderData:
    """An article with its mentions (typed), and for a sentence target the sentence, who it involves,
    what the row's record says (``record_facts``) and the other reports of it on ``focus``'s timeline."""
    def type_of(entity_id: str) -> str:
        entity = by_id.get(entity_id) or store.entity(entity_id)
        return entity.type if entity else "OTHER"

    def name_of(entity_id: str) -> str:
        entity = by_id.get(entity_id) or store.entity(entity_id)
        return entity.name if entity else entity_id

    mentions = tuple(store.mentions_in(target.article_id))
    types = {mention.entity_id: type_of(mention.entity_id) for mention in mentions}
    sentence: tuple[int, int] | None = None
    involved: tuple[tuple[str, str, str], ...] = ()
    facts: tuple[str, ...] = ()
    sources: tuple[tuple[str, str, str, int, int], ...] = ()
    if isinstance(target, SentenceTarget):
        sentence = (target.start, target.end)
        records = [*store.events_in(target.article_id), *store.figures_in(target.article_id)]
        record = next((r for r in records if r.id == target.record_id), None)
        ids = (getattr(record, "participants", None) or getattr(record, "entities", ())) if record else ()
        involved = tuple((eid, name_of(eid), types.get(eid) or type_of(eid)) for eid in ids)
        facts = tuple(record_facts(record)) if record else ()
        if target.record_id and hasattr(store, "record_sources"):
            sources = tuple(_source_line(store, *s) for s in store.record_sources(target.record_id, focus)
                            if s[1] != target.record_id)
    return ReaderData(store.article(target.article_id), store.body(target.article_id), mentions, types,
                      sentence, involved, facts, sources)


def _source_line(store, aid: str, record_id: str, start: int, end: int) -> tuple[str, str, str, int, int]:
    """(article id, "published · title", record id, sentence start, end) of another report."""
    article = store.article(aid)
    label = " \u00b7 ".join(p for p in ((article.published or "undated")[:10], article.title) if p) if article else aid
    return aid, label, record_id, start, end


def overview_lines(store_path: str, stats: dict) -> list[tuple[str, str]]:
    """(text, style) lines summarising the store, for when nothing is focused."""
    articles = stats.get("articles", 0)
    lines = [("Dateline", "bold"), (store_path, "dim"), ("", "")]
    if not articles:
        return lines + [("This store is empty.", "bold"), ("", ""),
                        ("Add articles from a shell:", ""), ("  dateline ingest FILES-OR-FOLDERS", ""),
                        ("  dateline ingest --demo        (the bundled demo corpus)", ""),
                        ("  dateline feeds add URL        (follow a news feed)", ""), ("", ""),
                        ("then ctrl+r here reads the store again.", "dim")]
    first, last = stats.get("first_published"), stats.get("last_published")
    lines.append((f"{articles} article{'' if articles == 1 else 's'}"
                  + (f", {first} → {last}" if first and last else ", undated"), ""))
    lines += [(f"{count:>8}  {etype}", "") for etype, count in sorted(stats.get("entities", {}).items())]
    lines += [(f"{stats.get('mentions', 0):>8}  mentions", ""), (f"{stats.get('events', 0):>8}  events", ""),
              (f"{stats.get('figures', 0):>8}  figures", ""), ("", ""),
              ("enter on an entity focuses it · ? lists every key · ctrl+p palette", "dim")]
    return lines
